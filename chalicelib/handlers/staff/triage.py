"""Council staff acting on reports: state, priority and public updates."""
from ... import states, validation
from ...auth.policy import require_manage
from ...errors import Conflict, ValidationFailed
from ...storage.errors import EditConflict
from ..reports import views
from ..reports.limits import DESCRIPTION_MAX
from ..reports.changes import EDIT_CONFLICT, change_state
from ..reports.tracking import find_report

PRIORITIES = states.PRIORITIES


def update_report(deps, report_id, body):
    problems = validation.Problems()
    unknown = set(body) - {"status", "priority", "public_update"}
    for key in sorted(unknown):
        problems.add(key, "Is not a field staff can set here.")
    status = body.get("status")
    if status is not None and not isinstance(status, str):
        problems.add("status", "Must be a state name.")
    priority = body.get("priority")
    if priority is not None and priority not in PRIORITIES:
        problems.add("priority", f"Must be one of: {', '.join(PRIORITIES)}.")
    text = validation.text(body.get("public_update"), "public_update", problems, 1, DESCRIPTION_MAX)
    problems.raise_if_any()
    if status is None and priority is None and text is None:
        raise ValidationFailed([("body", "Give a status, a priority or a public update.")])
    report = find_report(deps, report_id)
    require_manage(deps.principal, report)
    if status is None and text is None:
        report.priority = priority
        try:
            deps.reports.save(report)
        except EditConflict:
            raise Conflict(EDIT_CONFLICT, code="edit_conflict")
    else:
        report = change_state(deps, report.id, status or report.state, text, "council", priority)
    view = views.private_view(deps, report, deps.services.get(report.service_code))
    view["priority"] = report.priority
    return view
