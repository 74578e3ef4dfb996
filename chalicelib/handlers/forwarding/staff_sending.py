"""Staff and a report's sends: send it again (after a failure, or to a body
that lost it) or send it to another body (one that said "not ours" named
who is responsible). Each is audited on the report."""
import logging

from ...errors import Conflict, ValidationFailed
from ...storage.errors import EditConflict
from ..bodies import routing
from ..reports.tracking import find_report
from ..reports.transition import transition

log = logging.getLogger("doorstep.forwarding")


def send_again(deps, report_id, body, queue=None):
    """{"body": id}: that body gets the report (again) now."""
    from ...auth.policy import require_manage
    report = find_report(deps, report_id)
    require_manage(deps.principal, report)
    body_id = body.get("body") if isinstance(body, dict) else None
    target = deps.bodies.get(body_id) if isinstance(body_id, str) and body_id else None
    if target is None or target.retired:
        raise ValidationFailed([("body", "Must be the id of a body (GET /v1/staff/bodies).")])
    now = deps.clock()
    current = deps.sends.get(report.id, target.id)
    if current is not None and current.unsettled:
        raise Conflict(f"It is on its way to {target.name} already.", code="already_sending")
    [fresh] = routing.initial_sends(report, [target], now)
    fresh.version = current.version if current else None  # a send again replaces the row it had
    try:
        deps.sends.save(fresh)
    except EditConflict:
        raise Conflict("The send changed meanwhile; read the report again.", code="edit_conflict")
    # The audit says who sent it where (its line is numbered after the report's version).
    change = {"sent_to": {"before": f"{target.id}: {current.state}" if current else None, "after": target.id}}
    deps.reports.apply([transition(deps, report, now, action="send_again" if current else "send_to_body",
                                   changes=change)])
    if fresh.unsettled:
        from .queue import send_queue
        try:
            (queue or send_queue()).send([{"report": report.id, "body": target.id}])
        except Exception:  # the send row is due now: the next sweep (within a minute) queues it
            log.warning("Queueing %s for %s failed; the sweep will", report.id, target.id, exc_info=True)
    return fresh


def sends_in_trouble(deps, params):
    """Sends staff must look at, newest first: still retrying, failed after a
    day, or refused by the body; only reports the caller's scope covers."""
    from ... import validation
    from ...auth.policy import staff_covers
    from ...storage.sends import TROUBLE
    from ..staff.view import send_detail
    problems = validation.Problems()
    state = params.get("state") or "failed"
    if state not in TROUBLE:
        problems.add("state", f"Must be one of: {', '.join(TROUBLE)}.")
    limit = validation.number(params.get("limit") or 50, "limit", problems, 1, 100)
    problems.raise_if_any()
    found, _ = deps.sends.in_trouble(state, int(limit))
    reports = {r.id: r for r in deps.reports.get_many([s.report_id for s in found])}
    return {"sends": [{"report_id": s.report_id, "service_code": reports[s.report_id].service_code,
                       "summary": reports[s.report_id].summary, **send_detail(s)}
                      for s in found if s.report_id in reports and staff_covers(deps.principal, reports[s.report_id])]}
