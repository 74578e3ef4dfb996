"""Reports a crew member raises from the field (POST /v1/reports signed in
as crew): recorded as raised by their team and counted as the "crew"
channel; with `assign_to_my_team` the report is their team's job at once,
written in the report's own transaction."""
from ...errors import ValidationFailed
from ...stamps import stamp
from .wording import ONLY_CREW_TAKE_JOBS, TRUE_OR_FALSE

FIELD = "assign_to_my_team"


def crew_team(deps, body):
    """(the caller's team if a crew member raises it, whether to assign it to them)."""
    p = deps.principal
    team = p.team if p is not None and p.role == "crew" and p.team else None
    assign = body.get(FIELD, False)
    if not isinstance(assign, bool):
        raise ValidationFailed([(FIELD, TRUE_OR_FALSE)])
    if assign and team is None:
        raise ValidationFailed([(FIELD, ONLY_CREW_TAKE_JOBS)])
    return team, assign


def take_as_job(deps, report, now):
    """Assign the new report to the crew member's team: [its Job]."""
    from .assigning import sync  # the jobs store: only for a crew's own report, not every report's cold start
    p = deps.principal
    report.assignment = {"team": p.team, "instructions": None, "assigned_at": stamp(now),
                         "assigned_by": p.email or p.user_id}
    return sync(deps, report, None, now)[0]  # their own team's phones need no telling
