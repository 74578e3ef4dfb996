"""Consultations: each one's data as loaded, its search rows and its live counts.

Table `consultations`: partition = the consultation's id. Sort keys:
- "head": the consultation as loaded (`doc`: its words, areas, topics, form
  definition...), its opening and closing moments (UTC), `version` for
  If-Match, and its published results once there are some.
- "area#<area>": one search row per area it concerns (a ward's name, or
  "council" for the whole council) and one under "any", each carrying the
  public summary. Index `by_close`: partition = area, sort =
  "<closes_at>#id"; index `by_open`: partition = area, sort = "<opens_at>#id".
  So "open consultations in my ward" is one range of one partition per area
  (the ward's and the council's), reading what it returns; "closing between
  these dates" or "opening between" likewise (the Citizen Space search).
- "count#<ward>": the responses counted in a ward (the gazetteer's ward of the
  postcode given; "(no ward)" without one), and "count#~all" the total, each
  changed only by DynamoDB's atomic ADD in the response's own transaction: the
  live counts are one Query of a few dozen items, never a scan of responses.
- "fp#<digest>": the first anonymous response with these exact answers; a
  later one with the same answers is flagged as a likely duplicate.
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
ANY = "any"  # every consultation has a search row here
TOTAL = "~all"


@record
class Consultation:
    id: str
    doc: dict  # as loaded: title, overview, why, areas, topics, form...
    opens_at: datetime
    closes_at: datetime
    version: int = 0
    results: dict | None = None  # "We asked, you said, we did", once published
    notices: dict | None = None  # {"opened": iso, "closing": iso}: the notices' events written
    updated_at: datetime | None = None
    updated_by: str | None = None


class CloseIndex(GlobalSecondaryIndex):
    class Meta:
        index_name = "by_close"
        projection = AllProjection()

    area = CouncilKey(hash_key=True)
    close_sk = UnicodeAttribute(range_key=True)


class OpenIndex(GlobalSecondaryIndex):
    class Meta:
        index_name = "by_open"
        projection = AllProjection()

    area = CouncilKey(hash_key=True)
    open_sk = UnicodeAttribute(range_key=True)


class ConsultationModel(Stored):
    class Meta:
        table_name = table("consultations")
        billing_mode = "PAY_PER_REQUEST"

    personal = holds_nothing(updated_by="the officer who changed it: the council's audit")

    id = CouncilKey(hash_key=True)
    sk = UnicodeAttribute(range_key=True)
    doc = JSONAttribute(null=True)  # head: the whole; area rows: the public summary
    opens_at = UTCDateTimeAttribute(null=True)
    closes_at = UTCDateTimeAttribute(null=True)
    version = NumberAttribute(null=True)
    results = JSONAttribute(null=True)
    notices = JSONAttribute(null=True)
    updated_at = UTCDateTimeAttribute(null=True)
    updated_by = UnicodeAttribute(null=True)
    area = CouncilKey(null=True)
    close_sk = UnicodeAttribute(null=True)
    open_sk = UnicodeAttribute(null=True)
    count = NumberAttribute(null=True)
    first = UnicodeAttribute(null=True)  # fp rows: the response first given with these answers

    close_index = CloseIndex()
    open_index = OpenIndex()


def iso(moment):
    from datetime import timezone
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")


def _record(model):
    if model is None:
        return None
    found = record_of(Consultation, model)
    found.version = int(found.version or 0)
    return found


def _head(c):
    return ConsultationModel(c.id, HEAD, doc=c.doc, opens_at=c.opens_at, closes_at=c.closes_at, version=c.version,
                             results=c.results, notices=c.notices, updated_at=c.updated_at, updated_by=c.updated_by)


def _area_row(c, area, summary):
    return ConsultationModel(c.id, f"area#{area}", area=area, doc=summary, opens_at=c.opens_at,
                             closes_at=c.closes_at, close_sk=f"{iso(c.closes_at)}#{c.id}",
                             open_sk=f"{iso(c.opens_at)}#{c.id}")


class ConsultationStore:
    def __init__(self):
        bind()

    def get(self, consultation_id):
        return _record(get_or_none(ConsultationModel, consultation_id, range_key=HEAD, consistent_read=True))

    def get_many(self, consultation_ids):
        """{id: consultation} of those that exist: one BatchGetItem per 100."""
        keys = [(i, HEAD) for i in dict.fromkeys(consultation_ids)]
        return {c.id: c for c in map(_record, ConsultationModel.batch_get(keys))} if keys else {}

    def put(self, consultation, areas, summary, expected_version=None, old_areas=(), idempotency=None):
        """The head written with its search rows (one per area, and "any"), in one
        transaction: new (expected_version None: AlreadyExists("head") when the id is
        taken, AlreadyExists("idempotency") when a twin with its key came first) or
        replacing the version read (EditConflict otherwise)."""
        from ..reports.report_store import _claim_key
        consultation.version = (expected_version or 0) + 1
        keep = [ANY, *areas]
        parts = ["head"]
        with writes(parts, exists={"idempotency"} if expected_version else {"head", "idempotency"}), \
                transaction() as t:
            t.save(_head(consultation), condition=ConsultationModel.sk.does_not_exist() if expected_version is None
                   else ConsultationModel.version == expected_version)
            if idempotency is not None:
                _claim_key(t, parts, idempotency)
            for area in keep:
                t.save(_area_row(consultation, area, summary))
            for area in set(old_areas) - set(keep):
                t.delete(ConsultationModel(consultation.id, f"area#{area}"))
        return consultation

    def save_head(self, consultation, expected_version, event=None, summary_areas=None, summary=None):
        """The head changed (results published, a notice's mark) if still at
        `expected_version`, with its event and fresh search rows when given."""
        from ..reports.report_store import event_model
        consultation.version = expected_version + 1
        with writes(["head"]), transaction() as t:
            t.save(_head(consultation), condition=ConsultationModel.version == expected_version)
            for area in summary_areas or ():
                t.save(_area_row(consultation, area, summary))
            if event is not None:
                t.save(event_model(event))
        return consultation

    def closing(self, area, after=None, before=None, limit=50, newest_first=False):
        """Search rows of an area (records whose doc is the public summary) by closing
        moment, after <= close < before, soonest first: one Query reading what it returns."""
        return self._range(ConsultationModel.close_index, ConsultationModel.close_sk, area, after, before, limit,
                           newest_first)

    def opening(self, area, after=None, before=None, limit=50, newest_first=False):
        """As closing(), by opening moment."""
        return self._range(ConsultationModel.open_index, ConsultationModel.open_sk, area, after, before, limit,
                           newest_first)

    def _range(self, index, key, area, after, before, limit, newest_first):
        lo = f"{iso(after)}#" if after else "0"
        hi = f"{iso(before)}#" if before else "~"
        results = index.query(area, key.between(lo, hi), limit=limit, page_size=limit,
                              scan_index_forward=not newest_first)
        return [_record(m) for m in results]

    def counts(self, consultation_id):
        """{ward: responses} and the total: one Query of the counter rows."""
        rows = ConsultationModel.query(consultation_id, ConsultationModel.sk.startswith("count#"))
        found = {m.sk[len("count#"):]: int(m.count or 0) for m in rows}
        return {k: v for k, v in found.items() if k != TOTAL}, found.get(TOTAL, 0)


def count_update(consultation_id, ward, amount):
    """The ADD of one ward's counter, for a response's transaction."""
    return ConsultationModel(consultation_id, f"count#{ward}"), [ConsultationModel.count.add(amount)]


def total_update(consultation_id, amount):
    return count_update(consultation_id, TOTAL, amount)


def fingerprint_row(consultation_id, digest, response_id):
    return ConsultationModel(consultation_id, f"fp#{digest}", first=response_id)


def still_open(consultation_id, last_moment):
    """A condition check for a response's transaction: the consultation's close is
    still after the moment the response is written (a close moved earlier meanwhile refuses it)."""
    return ConsultationModel, consultation_id, HEAD, ConsultationModel.closes_at > last_moment


__all__ = ["AlreadyExists", "Consultation", "ConsultationStore", "EditConflict"]
