"""What Open311 bodies say back: their servicerequestupdates read since the
last one seen (per body, on a schedule), each applied once to the report its
service_request_id names, through the one report transition, so the resident
and followers hear of it as of any other change.

Cost follows what comes back: one GET per body, and per update one index
read (the send it names) and the change's own writes; an update for a
request Doorstep did not send is skipped after that one read.
"""
import logging
from datetime import timedelta

from ... import ids, stamps
from ...errors import ApiError
from ...storage.records import IdempotencyRecord
from ..open311.updates import STATUSES
from . import wire, wording

log = logging.getLogger("doorstep.forwarding")
FIRST_LOOK_BACK = timedelta(days=1)  # a body polled for the first time
OVERLAP = timedelta(minutes=5)  # read again: a body's clock, or an update stamped late
KEPT = timedelta(days=400)  # an update id applied is remembered this long


def poll(deps, body, cursors):
    """Apply a body's new updates; returns how many changed a report. An
    answer not read whole (not Open311, or updates without their ids) is
    kept as the body's health for staff, and logged."""
    now = deps.clock()
    since = cursors.since(body.id)
    start = (since - OVERLAP) if since else now - FIRST_LOOK_BACK
    # Both ends, as FixMyStreet sends them: some servers read end_date
    # without checking it. Ours is the next whole second, so nothing the
    # body stamped in this second is left out; what it stamps later is read
    # next time, from the last update seen less the overlap.
    end = now.replace(microsecond=0) + timedelta(seconds=1)
    fields = [("start_date", stamps.stamp(start)), ("end_date", stamps.stamp(end))]
    fields += [(k, v) for k, v in (("api_key", body.api_key), ("jurisdiction_id", body.jurisdiction_id)) if v]
    try:
        status, _, data = wire.call("GET", f"{body.endpoint}/servicerequestupdates.{body.format}", fields)
        if status >= 300:
            raise wire.BodyUnreachable(wire.error_text(body.format, status, data))
        updates = wire.parse(body.format, data, "service_request_updates")
    except wire.BodyUnreachable as e:
        cursors.read(body.id, now, problem=wording.READING_UPDATES_FAILED.format(problem=e))
        raise
    updates.sort(key=lambda u: str(u.get("updated_datetime") or ""))
    applied, latest, nameless = 0, since, 0
    for update in updates:
        if not str(update.get("update_id") or "").strip() or not str(update.get("service_request_id") or "").strip():
            nameless += 1
            continue
        applied += bool(apply_update(deps, body, update))
        moment = _moment(update.get("updated_datetime"))
        if moment and (latest is None or moment > latest):
            latest = min(moment, now)
    problem = None
    if nameless:
        problem = wording.NAMELESS_UPDATES.format(n=nameless, of=len(updates))
        log.warning("Polling %s: %s", body.id, problem)
    cursors.read(body.id, now, problem=problem, since=latest if latest and latest != since else None)
    return applied


def apply_update(deps, body, update):
    """One update from a body, applied once: True when it changed a report."""
    from dataclasses import replace
    from ..reports.changes import change_state
    reference, update_id = str(update.get("service_request_id") or ""), str(update.get("update_id") or "")
    send = deps.sends.by_reference(body.id, reference) if reference and update_id else None
    if send is None or update_id in (send.echoes or []):
        return False  # not a report we sent, or our own words coming back
    report = deps.reports.get(send.report_id)
    if report is None:
        return False
    state = state_of(body, update) or report.state
    text = str(update.get("description") or "").strip()[:2000] or None
    now = deps.clock()
    record = IdempotencyRecord(key=ids.digest(f"body-update\n{body.id}\n{update_id}"),
                               fingerprint=ids.digest(f"{state}\n{text}"), resource_id=report.id,
                               created_at=now, expires=now + KEPT)
    refused = state == "not_responsible"
    if refused:
        # Not theirs: the report stays with the council to pass on; the
        # resident is told who the body says is responsible.
        state, text = report.state, f"{body.name} says this is not theirs" + (f": {text}" if text else ".")
    try:
        change_state(deps, report.id, state, text=text, author=body.name, idempotency=record,
                     action="body_update", by=(f"body:{body.id}", body.name))
    except ApiError as e:
        if e.code in ("request_in_progress", "edit_conflict"):
            return False  # applied already (or being applied); an edit conflict is read again next poll
        raise
    answered = replace(send, answered_at=send.answered_at or now,
                       **({"state": "refused", "refused_reason": update.get("description") or None,
                           "responsible": update.get("description") or None} if refused else {}))
    deps.sends.save(answered)
    return True


def state_of(body, update):
    """Doorstep's state for a body's update: its own mapping first, then the
    extended statuses (external_status_code, as Doorstep and FixMyStreet
    send), then GeoReport's open/closed."""
    mapping = body.status_map or {}
    for value in (update.get("external_status_code"), update.get("status")):
        value = str(value or "").strip()
        if value and (value in mapping or value.upper() in STATUSES):
            return mapping.get(value) or STATUSES[value.upper()]
    return None


def _moment(text):
    try:
        return stamps.parse(str(text))
    except (ValueError, TypeError):
        return None


def poll_all(deps):
    """Every Open311 body's updates; a body that is down is logged and read
    next time. Returns {body id: applied, or the error}."""
    from ...storage.bodies.body_polls import PollCursorStore
    cursors, outcomes = PollCursorStore(), {}
    for body in deps.bodies.all():
        if body.retired or body.send_method != "open311" or not body.endpoint:
            continue
        try:
            outcomes[body.id] = poll(deps, body, cursors)
        except wire.BodyUnreachable as e:
            log.warning("Polling %s: %s", body.id, e)
            outcomes[body.id] = str(e)
    return outcomes
