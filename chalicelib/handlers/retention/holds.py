"""Legal holds (a complaint under investigation, a claim): a record on hold is off the sweep's due
index until released, its clock kept: released, it is due from its event again, as if never held.
A report's hold is on the report, changed through the one report transition (its audit says who held
it and why); an account's is on the person's row at this council (storage/accounts/presence.py)."""
from ...errors import Conflict, NotFound, ValidationFailed
from ...stamps import stamp
from ...storage.errors import EditConflict
from . import wording as words

KINDS = ("reports", "accounts")
REASON_LEAST, REASON_MOST = 5, 300
LISTED = 500  # of each kind: a council holds tens
TRIES = 3  # a report changed by staff as it is held is read again


def kind_of(kind):
    if kind not in KINDS:
        raise ValidationFailed([("kind", words.NOT_A_KIND.format(kinds=", ".join(KINDS)))])
    return kind


def reason_of(body):
    if not isinstance(body, dict):
        raise ValidationFailed([("body", words.NOT_AN_OBJECT)])
    reason = body.get("reason")
    reason = reason.strip() if isinstance(reason, str) else None
    if not reason or not REASON_LEAST <= len(reason) <= REASON_MOST:
        raise ValidationFailed([("reason", words.REASON)])
    return reason


def put(deps, kind, record_id, body):
    """The hold as it stands: made, or the same one again (a retry). 409 when held for another reason."""
    kind, reason, now = kind_of(kind), reason_of(body), deps.clock()
    me = deps.principal
    hold = {"reason": reason, "by": me.email or me.user_id, "at": stamp(now)}
    if kind == "accounts":
        row = deps.presence.get(record_id)
        if row is None:
            raise NotFound(words.NO_SUCH_RECORD, code="record_not_found")
        if row.hold:
            return _same(kind, record_id, row.hold, reason)
        if not deps.presence.hold(record_id, hold):
            raise NotFound(words.NO_SUCH_RECORD, code="record_not_found")
        return view(kind, record_id, hold)
    for _ in range(TRIES):
        report = deps.reports.get(record_id)
        if report is None:
            raise NotFound(words.NO_SUCH_RECORD, code="record_not_found")
        if report.hold:
            return _same(kind, record_id, report.hold, reason)
        report.hold = hold
        if _changed(deps, report, now, "retention_held", None, reason):
            return view(kind, record_id, hold)
    raise Conflict(words.HELD_ALREADY, code="edit_conflict")


def release(deps, kind, record_id):
    """The record back under the schedule, its clock from its event; 404 when it was not held."""
    kind, now = kind_of(kind), deps.clock()
    if kind == "accounts":
        if not deps.presence.release(record_id):
            raise NotFound(words.NOT_HELD, code="not_held")
        return {"kind": kind, "id": record_id, "released_at": stamp(now)}
    for _ in range(TRIES):
        report = deps.reports.get(record_id)
        if report is None or not report.hold:
            raise NotFound(words.NOT_HELD, code="not_held")
        before, report.hold = report.hold, None
        if _changed(deps, report, now, "retention_released", before.get("reason"), None):
            return {"kind": kind, "id": record_id, "released_at": stamp(now)}
    raise Conflict(words.HELD_ALREADY, code="edit_conflict")


def listed(deps):
    """{"holds": [{kind, id, reason, by, at}]}: every record held at this council, by kind."""
    from ...storage.due import HELD
    found = []
    rows, more = deps.reports.due(None, LISTED, held=True)
    for report in deps.reports.get_many([rid for rid, _ in rows]):
        if report.hold:
            found.append(view("reports", report.id, report.hold))
    people, more_people = deps.presence.due(HELD, _far(), LISTED)
    for user_id, _ in people:
        row = deps.presence.get(user_id)
        if row is not None and row.hold:
            found.append(view("accounts", user_id, row.hold))
    return {"holds": found, "more": bool(more or more_people)}


def view(kind, record_id, hold):
    return {"kind": kind, "id": record_id, "reason": hold.get("reason"), "by": hold.get("by"), "at": hold.get("at")}


def _same(kind, record_id, hold, reason):
    if hold.get("reason") != reason:
        raise Conflict(words.HELD_ALREADY, code="held_already")
    return view(kind, record_id, hold)


def _changed(deps, report, now, action, before, after):
    from ..reports.transition import transition
    change = transition(deps, report, now, action=action, inbox=False,  # nothing its inbox rows show
                        changes={"hold": {"before": before, "after": after}})
    try:
        deps.reports.apply([change])
    except EditConflict:
        return False
    return True


def _far():
    from datetime import datetime, timezone
    return datetime.max.replace(tzinfo=timezone.utc)
