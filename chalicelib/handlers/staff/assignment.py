"""Assigning a report to a crew team: the assignment (team, instructions,
who and when) is kept on the report and its history grows with each change,
all in the staff change's transaction and its audit entry.

This is where the crews' side starts: a job for the team is made from the
report's assignment (the team, the report's due date and the instructions).
Jobs are written by the crews capability, in the same transaction as the
assignment, once it exists (docs/decisions/).
"""
from ...errors import ValidationFailed
from ...stamps import stamp
from .wording import INSTRUCTIONS_WITHOUT_TEAM, NO_ACTIVE_TEAM_TO_ASSIGN


def assign(deps, report, team_given, team_id, instructions_given, instructions, now):
    """Apply `team` and `instructions` from a staff change to the report."""
    current = dict(report.assignment) if report.assignment else None
    if team_given and team_id is not None:
        team = deps.teams.get(team_id)
        if team is None or team.retired:
            raise ValidationFailed([("team", NO_ACTIVE_TEAM_TO_ASSIGN.format(team_id=team_id))])
    if team_given and (team_id or None) != (current or {}).get("team"):
        if current:
            report.assignment_history = [*(report.assignment_history or []), {**current, "ended_at": stamp(now)}]
        current = None if team_id is None else {
            "team": team_id, "instructions": (current or {}).get("instructions"),  # still what is to be done
            "assigned_at": stamp(now), "assigned_by": deps.principal.email or deps.principal.user_id}
    if instructions_given:
        if current is None:
            raise ValidationFailed([("instructions", INSTRUCTIONS_WITHOUT_TEAM)])
        current["instructions"] = instructions
    report.assignment = current
