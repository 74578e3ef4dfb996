"""Staff and a report's sends: send it again (after a failure, or to a body
that lost it) or send it to another body (one that said "not ours" named
who is responsible). Each is audited on the report."""
import logging
from dataclasses import replace
from datetime import timedelta

from ...errors import Conflict, ValidationFailed
from ...storage.errors import EditConflict
from ..bodies import routing
from ..reports.tracking import find_report
from ..reports.transition import transition
from . import wording
from .limits import SEND_STATES
from .retries import answer_within

log = logging.getLogger("doorstep.forwarding")
BRING_FORWARD_TRIES = 5
JUST_SENT = timedelta(minutes=10)  # a press within this of the send reaching the body was made seeing it unsent


def send_again(deps, report_id, body, queue=None):
    """{"body": id}: that body gets the report (again) now. A send still on
    its way (retrying after a failure, or awaiting the body's id) has its next
    try brought forward rather than a second send started: the try claims
    the send as any other does, so however many press at once, and whatever
    the sweeper queues meanwhile, the body is asked once."""
    from ...auth.policy import require_manage
    from ..reports.form_cases import refuse_street
    report = find_report(deps, report_id)
    require_manage(deps.principal, report)
    refuse_street(report, "body")  # a form's answers go to no other body from here
    body_id = body.get("body") if isinstance(body, dict) else None
    target = deps.bodies.get(body_id) if isinstance(body_id, str) and body_id else None
    if target is None or target.retired:
        raise ValidationFailed([("body", wording.NOT_A_BODY)])
    now = deps.clock()
    current = deps.sends.get(report.id, target.id)
    for _ in range(BRING_FORWARD_TRIES):
        _refuse_while_on_its_way(current, target, now)
        if current is None or not current.unsettled:
            break
        hurried = replace(current, next_try_at=now)
        try:
            deps.sends.save(hurried, answer_within(target))
        except EditConflict:
            current = deps.sends.get(report.id, target.id)  # a try or another press moved it: look again
            continue
        _audit(deps, report, now, "send_again", target, current)
        _queue(report.id, target.id, queue)
        return hurried
    else:
        raise Conflict(wording.SEND_CHANGED, code="edit_conflict")
    [fresh] = routing.initial_sends(report, [target], now)
    fresh.version = current.version if current else None  # a send again replaces the row it had
    try:
        deps.sends.save(fresh)
    except EditConflict:
        _refuse_while_on_its_way(deps.sends.get(report.id, target.id), target, now)
        raise Conflict(wording.SEND_CHANGED, code="edit_conflict")
    _audit(deps, report, now, "send_again" if current else "send_to_body", target, current)
    if fresh.unsettled:
        _queue(report.id, target.id, queue)
    return fresh


def _refuse_while_on_its_way(send, target, now):
    """409 when pressing would do nothing or send twice: a try is talking to
    the body this moment, its try is due already (the queue has it), or it
    reached the body moments ago (whoever pressed saw it still on its way)."""
    if send is None:
        return
    if send.state == "sending" and send.claimed_until and send.claimed_until > now:
        raise Conflict(wording.UNDER_WAY.format(name=target.name), code="already_sending")
    if send.unsettled and (send.next_try_at is None or send.next_try_at <= now):
        raise Conflict(wording.ON_ITS_WAY.format(name=target.name), code="already_sending")
    if send.state == "sent" and send.method != "inbox" and send.sent_at and now - send.sent_at < JUST_SENT:
        raise Conflict(wording.JUST_SENT.format(name=target.name, at=f"{send.sent_at:%Y-%m-%d %H:%M}"),
                       code="just_sent")


def _audit(deps, report, now, action, target, current):
    """The audit says who sent it where (its line is numbered after the
    report's version, so a press beside another change reads the report again)."""
    change = {"sent_to": {"before": f"{target.id}: {current.state}" if current else None, "after": target.id}}
    for _ in range(BRING_FORWARD_TRIES):
        try:
            deps.reports.apply([transition(deps, report, now, action=action, changes=change)])
            return
        except EditConflict:
            report = find_report(deps, report.id)
    log.warning("The audit of sending %s to %s again was not written: the report kept changing", report.id,
                target.id)


def _queue(report_id, body_id, queue):
    from .queue import send_queue
    try:
        (queue or send_queue()).send([{"report": report_id, "body": body_id}])
    except Exception:  # the send row is due now: the next sweep (within a minute) queues it
        log.warning("Queueing %s for %s failed; the sweep will", report_id, body_id, exc_info=True)


def sends_in_trouble(deps, params):
    """Sends staff must look at, newest first: still retrying, failed after a
    day, or refused by the body; only reports the caller's scope covers."""
    from ... import validation
    from ...auth.policy import staff_covers
    from ..staff.view import send_detail
    problems = validation.Problems()
    state = params.get("state") or "failed"
    if state not in SEND_STATES:
        problems.add("state", wording.NOT_ONE_OF.format(choices=", ".join(SEND_STATES)))
    limit = validation.page_limit(params, problems, 50, 100)
    problems.raise_if_any()
    found, _ = deps.sends.in_trouble(state, limit)
    reports = {r.id: r for r in deps.reports.get_many([s.report_id for s in found])}
    return {"sends": [{"report_id": s.report_id, "service_code": reports[s.report_id].service_code,
                       "summary": reports[s.report_id].summary, **send_detail(s)}
                      for s in found if s.report_id in reports and staff_covers(deps.principal, reports[s.report_id])]}
