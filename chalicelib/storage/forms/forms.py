"""Forms as data: their definitions, versioned, and the pointer to the one published.

Table `forms`: partition = the form's id. Sort key "head": what the form is
now (its title, state, the draft's and the published version's numbers, and
`version`, the head's own counter for If-Match). Sort keys "v#000001"...: each
definition loaded, never changed once written, so a resident part-way
through answers against the version they started while a newer one is
published, and a page saved reads it from this process's cache, not DynamoDB.
Index `by_state` (head items only): partition = the state (draft, live,
retired), sort = form id: the published list is one Query reading what it returns.
"""
from datetime import datetime

from pynamodb.attributes import JSONAttribute, NumberAttribute, UnicodeAttribute, UTCDateTimeAttribute
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex

from ..binding import Stored, bind, get_or_none, record_of, table, transaction, writes
from ..council_key import CouncilKey
from ..errors import AlreadyExists, EditConflict
from ..record_class import record
from ..data_map import holds_nothing

HEAD = "head"


@record
class FormHead:
    form_id: str
    title: str
    kind: str  # form or link_out
    state: str  # draft (never published), live, retired
    latest: int  # the newest version loaded
    draft: int | None = None  # a version loaded since the one published, not yet published
    published: int | None = None  # the version residents start (None: none yet)
    version: int = 0  # the head's counter: its ETag
    updated_at: datetime | None = None
    updated_by: str | None = None


class StateIndex(GlobalSecondaryIndex):
    class Meta:
        index_name = "by_state"
        projection = AllProjection()

    state = CouncilKey(hash_key=True)
    form_id = UnicodeAttribute(range_key=True)


class FormModel(Stored):
    class Meta:
        table_name = table("forms")
        billing_mode = "PAY_PER_REQUEST"

    personal = holds_nothing(updated_by="the officer who changed the form: the council's audit",
                                loaded_by="the officer who loaded it: the council's audit")

    form_id = CouncilKey(hash_key=True)
    sk = UnicodeAttribute(range_key=True)
    # the head's
    title = UnicodeAttribute(null=True)
    kind = UnicodeAttribute(null=True)
    state = CouncilKey(null=True)
    latest = NumberAttribute(null=True)
    draft = NumberAttribute(null=True)
    published = NumberAttribute(null=True)
    version = NumberAttribute(null=True)
    updated_at = UTCDateTimeAttribute(null=True)
    updated_by = UnicodeAttribute(null=True)
    # a version's
    definition = JSONAttribute(null=True)
    loaded_at = UTCDateTimeAttribute(null=True)
    loaded_by = UnicodeAttribute(null=True)

    state_index = StateIndex()


def version_key(number):
    return f"v#{number:06d}"


_definitions = {}  # (table, council, form id, number) -> definition: versions never change


def clear_cache():
    """Forget the versions read (a test whose tables were emptied and loaded again under the same names)."""
    _definitions.clear()


class FormStore:
    def __init__(self):
        bind()

    def head(self, form_id):
        return record_of(FormHead, get_or_none(FormModel, form_id, range_key=HEAD, consistent_read=True))

    def heads(self, state):
        """Every form in a state, by id: one Query of the state index."""
        return [record_of(FormHead, m) for m in FormModel.state_index.query(state)]

    def definition(self, form_id, number):
        """A version's definition (None: no such version); read once per process."""
        from ... import tenancy
        key = (FormModel.Meta.table_name, tenancy.current(), form_id, number)
        if key not in _definitions:
            item = get_or_none(FormModel, form_id, range_key=version_key(number))
            if item is None:
                return None
            _definitions[key] = item.definition
        return _definitions[key]

    def load(self, definition, by, now, expected_version=None):
        """A new version of the form, its draft: the head is made (expected_version
        None: AlreadyExists("head") when the form exists) or moved on from the
        version the loader read (EditConflict otherwise). Returns the head."""
        form_id = definition["id"]
        head = self.head(form_id) if expected_version is not None else None
        if expected_version is not None and head is None:
            raise EditConflict("head")
        number = (head.latest if head else 0) + 1
        state = head.state if head else "draft"
        after = FormHead(form_id=form_id, title=definition["title"], kind=definition["kind"], state=state,
                         latest=number, draft=number, published=head.published if head else None,
                         version=(expected_version or 0) + 1, updated_at=now, updated_by=by)
        with writes(["version", "head"], exists={"version"} if head else {"version", "head"}), \
                transaction() as t:
            t.save(FormModel(form_id, version_key(number), definition=definition, loaded_at=now, loaded_by=by),
                   condition=FormModel.sk.does_not_exist())
            t.save(_head_model(after), condition=FormModel.sk.does_not_exist() if head is None
                   else FormModel.version == expected_version)
        return after

    def move(self, head, expected_version, now, by, **changes):
        """The head changed (publish: published=draft, draft=None, state=live;
        retire: state=retired) only if still at `expected_version`."""
        after = FormHead(**{**{f: getattr(head, f) for f in head.__dataclass_fields__}, **changes,
                            "version": expected_version + 1, "updated_at": now, "updated_by": by})
        with writes(["head"]):
            _head_model(after).save(condition=FormModel.version == expected_version)
        return after


def _head_model(head):
    values = {f: getattr(head, f) for f in head.__dataclass_fields__ if getattr(head, f) is not None}
    return FormModel(sk=HEAD, **values)


__all__ = ["AlreadyExists", "EditConflict", "FormHead", "FormStore", "version_key"]
