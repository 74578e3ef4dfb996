"""Legal holds (a complaint under investigation, a claim): a record on hold is off the sweep's due
index until released, its clock kept: released, it is due from its event again, as if never held.
A report's hold is on the report, changed through the one report transition (its audit says who held
it and why); a repair's on the repair, changed under the seq it was read at with a line in its audit
(as the desk's changes are); a chat's and a payment's on the record, moved to the index's held partition
in one conditioned update, and only while it is on the sweep's clock (a chat from its start, a payment once
finished): an unpaid payment, or a record already deleted or anonymised, has no clock to stop (409); a word
said in a held chat moves its clock beneath the hold and keeps it held; an account's is on the person's row at this council
(storage/accounts/presence.py), by one conditioned update as well (of two administrators at once, the first
stands). Those three keep no trace of a hold once it is lifted, so its release writes an audit line (who
lifted it, and the hold itself) in the release's own transaction, as a report's and a repair's do."""
from ...errors import Conflict, NotFound, ValidationFailed
from ...stamps import stamp
from ...storage.errors import EditConflict
from . import wording as words

KINDS = ("reports", "repairs", "chats", "payments", "accounts")
REASON_LEAST, REASON_MOST = 5, 300
LISTED = 500  # of each kind: a council holds tens
TRIES = 3  # a record changed by staff as it is held is read again


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
    if kind in ONE_UPDATE:  # of two at once the first stands, the other is told (409 when its reason differs)
        return _held_by_update(deps, kind, record_id, hold, reason)
    for _ in range(TRIES):
        record = _store(deps, kind).get(record_id)
        if record is None:
            raise NotFound(words.NO_SUCH_RECORD, code="record_not_found")
        if record.hold:
            return _same(kind, record_id, record.hold, reason)
        if _being_anonymised(record):
            raise Conflict(words.NO_CLOCK, code="not_on_the_schedule")
        record.hold = hold
        if CHANGED[kind](deps, record, now, "retention_held", None, reason):
            return view(kind, record_id, hold)
    raise Conflict(words.HELD_ALREADY, code="edit_conflict")


def release(deps, kind, record_id):
    """The record back under the schedule, its clock from its event; 404 when it was not held."""
    kind, now = kind_of(kind), deps.clock()
    if kind in ONE_UPDATE:  # the record keeps no trace of its hold after, so the audit's line does
        store = _store(deps, kind)
        record = store.get(record_id)
        line = _released(deps, record_id, record.hold, now) if record is not None and record.hold else None
        if line is None or not store.release(record_id, line):
            raise NotFound(words.NOT_HELD, code="not_held")
        return {"kind": kind, "id": record_id, "released_at": stamp(now)}
    for _ in range(TRIES):
        record = _store(deps, kind).get(record_id)
        if record is None or not record.hold:
            raise NotFound(words.NOT_HELD, code="not_held")
        before, record.hold = record.hold, None
        if CHANGED[kind](deps, record, now, "retention_released", before.get("reason"), None):
            return {"kind": kind, "id": record_id, "released_at": stamp(now)}
    raise Conflict(words.HELD_ALREADY, code="edit_conflict")


def listed(deps):
    """{"holds": [{kind, id, reason, by, at}]}: every record held at this council, by kind."""
    from ...storage.due import HELD
    found, more = [], False
    for kind in (*CHANGED, *UPDATED):
        rows, more_of_kind = _store(deps, kind).due(None, LISTED, held=True)
        more = more or more_of_kind
        for record in _many(deps, kind, [rid for rid, _ in rows]):
            if record is not None and record.hold:
                found.append(view(kind, record.id, record.hold))
    people, more_people = deps.presence.due(HELD, _far(), LISTED)
    for user_id, _ in people:
        row = deps.presence.get(user_id)
        if row is not None and row.hold:
            found.append(view("accounts", user_id, row.hold))
    return {"holds": found, "more": bool(more or more_people)}


def view(kind, record_id, hold):
    return {"kind": kind, "id": record_id, "reason": hold.get("reason"), "by": hold.get("by"), "at": hold.get("at")}


def _being_anonymised(record):
    """A report or repair the sweep has begun anonymising (its first write, `retaining`, stamped after this
    closing): what it began it finishes, so a hold would keep a record half gone. One reopened and closed
    again since (a later `closed_at`) or never closed is not being anonymised."""
    return (record.retaining is not None and not record.retained and record.closed_at is not None
            and record.closed_at < record.retaining)


def _same(kind, record_id, hold, reason):
    if hold.get("reason") != reason:
        raise Conflict(words.HELD_ALREADY, code="held_already")
    return view(kind, record_id, hold)


def _held_by_update(deps, kind, record_id, hold, reason):
    store = _store(deps, kind)
    record = store.get(record_id)
    if record is None:
        raise NotFound(words.NO_SUCH_RECORD, code="record_not_found")
    if record.hold:
        return _same(kind, record_id, record.hold, reason)
    if store.hold(record_id, hold):
        return view(kind, record_id, hold)
    record = store.get(record_id)  # held meanwhile (a twin), or not on the sweep's clock
    if record is not None and record.hold:
        return _same(kind, record_id, record.hold, reason)
    raise Conflict(words.NO_CLOCK, code="not_on_the_schedule")


def _released(deps, record_id, hold, now):
    """The audit's line of a hold lifted from a chat, a payment or an account (under the record's id, as a
    report's and a repair's are): who lifted it, and the hold itself (its reason, who placed it and when)."""
    from ...auth.grants import acting_as
    from ...storage.records import AuditEntry
    me = deps.principal
    return AuditEntry(report_id=record_id, seq=int(now.timestamp() * 1000), action="retention_released",
                      by_user_id=me.user_id, by_email=me.email, created_at=now,
                      changes={"hold": {"before": hold, "after": None}}, **acting_as(me))


def _store(deps, kind):
    return getattr(deps, {"chats": "conversations", "accounts": "presence"}.get(kind, kind))


def _many(deps, kind, ids):
    return deps.reports.get_many(ids) if kind == "reports" else [_store(deps, kind).get(i) for i in ids]  # tens


def _report_changed(deps, report, now, action, before, after):
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


def _repair_changed(deps, repair, now, action, before, after):
    """The repair written under the seq it was read at, with its audit line (who held it and why); its
    `updated_at` as it was: nothing the tenant or the desk's clocks read changes."""
    from ..repairs.desk.staffing import _audit
    try:
        deps.repairs.changed(repair, repair.seq, audit=_audit(deps, repair, action, now,
                                                             {"hold": {"before": before, "after": after}}))
    except EditConflict:
        return False
    return True


CHANGED = {"reports": _report_changed, "repairs": _repair_changed}  # the kinds held by saving the record
UPDATED = ("chats", "payments")  # the kinds held by one conditioned update of their due keys
ONE_UPDATE = (*UPDATED, "accounts")  # and an account's, on the person's row here
