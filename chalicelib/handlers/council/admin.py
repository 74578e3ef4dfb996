"""A council's administrators read, change, trace and export its settings.

A change is the whole document with the version it was read at (If-Match),
checked whole (councils/settings.py) and written with its audit row naming
who changed what, in one transaction. The council's id and web addresses are
the deployment operator's (they need DNS and a certificate; `doorstep
councils change`): a change to them here is refused with the rest."""
import base64
import json

from ...errors import NotFound, Stale, ValidationFailed
from ...storage.errors import EditConflict
from . import wording as words

OPERATORS = ("id", "hosts", "public_url")  # settings an administrator sees and cannot change here
PAGE = 50


def _stored(deps):
    from ...storage.councils import CouncilStore
    store = CouncilStore()
    found = store.get(deps.council.id, consistent=True)
    if found is None:
        raise NotFound(words.NOT_SET_UP, code="council_not_set_up")
    return store, found


def view(document, version):
    """The settings as the screen reads them: the document whole, and its version (the ETag)."""
    return {"settings": document, "version": version}


def read(deps):
    return view(*_stored(deps)[1])


def change(deps, document, version):
    """The settings as stored after the change; as they were when nothing in it differs."""
    from ...councils import settings
    store, (current, current_version) = _stored(deps)
    from ...councils.checks_business import licence_problems, stored_types
    found = settings.problems(document) + _operators(document, current)
    found += licence_problems(document, stored_types(deps.council.id), before=current)
    if found:
        raise settings.refused(sorted(set(found)))
    if document == current:
        return view(current, current_version)  # sent again (a retry, a second press): nothing to record
    if version != current_version:
        raise Stale(view(current, current_version), f'"{current_version}"')
    me = deps.principal
    try:
        made = settings.write(store, document, version, deps.clock(), me.email or me.user_id, before=current)
    except EditConflict:  # another administrator's change went in between the read and the write
        now = view(*store.get(current["id"], consistent=True))
        raise Stale(now, f'"{now["version"]}"') from None
    return view(document, made)


def _operators(document, current):
    if not isinstance(document, dict):
        return []
    from ...councils.settings import path
    # A required one left out is the schema's to name; public_url is not required, so leaving it out changes it.
    return [(path([name]), words.SET_BY_OPERATOR) for name in OPERATORS if document.get(name) != current.get(name)
            and (name in document or name == "public_url")]


def audit(deps, before=None):
    """{"changes": [{at, by, change}], "next": the cursor of the page after, or None}. The cursor is
    the page's last row's key, in URL-safe base64 (a key holds '#', ':' and '+')."""
    from ...storage.councils import CouncilStore
    rows = CouncilStore().audit(deps.council.id, limit=PAGE, before=_key(before) if before else None)
    return {"changes": [{"at": r["at"].isoformat(), "by": r["by"], "change": r["change"]} for r in rows],
            "next": base64.urlsafe_b64encode(rows[-1]["key"].encode()).decode().rstrip("=")
            if len(rows) == PAGE else None}


def _key(cursor):
    try:
        return base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode("ascii")
    except ValueError:  # binascii.Error and UnicodeDecodeError are both
        raise ValidationFailed([("before", words.NOT_A_CURSOR)]) from None


def export(deps):
    """(the document as a file's text, its file name, version)."""
    document, version = _stored(deps)[1]
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n", f"{document['id']}-settings-v{version}.json", version
