"""Street-crew teams as data: made, renamed and retired with `doorstep
teams`; staff read them to assign work. A retired team keeps its id (old
assignments and the audit name it) but takes no new work."""
import re

from ...errors import ApiError, Conflict, NotFound
from ...storage.errors import AlreadyExists
from ...storage.records import Team
from .limits import TEAM_ID_PATTERN, TEAM_NAME_MAX
from .wording import NO_ACTIVE_TEAM, NO_TEAM, TEAM_EXISTS, TEAM_ID_FORMAT, TEAM_NAME_LENGTH

TEAM_ID = re.compile(TEAM_ID_PATTERN)


def list_teams(deps, include_retired=True):
    teams = sorted(deps.teams.all(), key=lambda t: (t.retired, t.name.lower(), t.id))
    return {"teams": [view(t) for t in teams if include_retired or not t.retired]}


def view(team):
    return {"id": team.id, "name": team.name, "retired": bool(team.retired)}


def create_team(deps, team_id, name):
    if not isinstance(team_id, str) or not TEAM_ID.match(team_id):
        raise ApiError(TEAM_ID_FORMAT, code="invalid_team_id")
    team = Team(id=team_id, name=_name(name), created_at=deps.clock())
    try:
        deps.teams.create(team)
    except AlreadyExists:
        raise Conflict(TEAM_EXISTS.format(team_id=team_id), code="team_exists")
    return team


def rename_team(deps, team_id, name):
    team = _existing(deps, team_id)
    team.name = _name(name)
    deps.teams.save(team)
    return team


def retire_team(deps, team_id):
    team = _existing(deps, team_id)
    if not team.retired:
        team.retired, team.retired_at = True, deps.clock()
        deps.teams.save(team)
    return team


def active_team(deps, team_id):
    """The team a crew member may join (`doorstep users create --team`)."""
    team = deps.teams.get(team_id) if isinstance(team_id, str) else None
    if team is None or team.retired:
        raise ApiError(NO_ACTIVE_TEAM.format(team_id=team_id), code="unknown_team")
    return team


def _existing(deps, team_id):
    team = deps.teams.get(team_id)
    if team is None:
        raise NotFound(NO_TEAM.format(team_id=team_id), code="team_not_found")
    return team


def _name(name):
    name = (name or "").strip()
    if not 1 <= len(name) <= TEAM_NAME_MAX:
        raise ApiError(TEAM_NAME_LENGTH.format(most=TEAM_NAME_MAX), code="invalid_team_name")
    return name
