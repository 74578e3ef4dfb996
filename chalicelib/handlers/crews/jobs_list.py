"""Jobs near me (GET /v1/crew/jobs): the caller's team's open jobs.

With a point: nearest first, with exact distances, by the same best-first
search "nearest" runs over facilities (handlers/places/facilities.search),
here over the team's `near` index, led by its per-cell counts: one Query for
the counts, then reads sized to the answer, so 100 or 100,000 open jobs cost
about the same (docs/benchmarks.md). Jobs with no place are not near
anything; the list without a point has them.

Without a point: soonest due first (no due date last), a page at a time from
the `by_due` index, with a cursor.
"""
import base64
import binascii
import json

from ... import validation
from ...storage import metering
from ..places.facilities import search
from ..places.postcodes import point_from_query
from . import views
from .limits import JOBS_LIMIT_DEFAULT, JOBS_LIMIT_MAX, SPLIT_PER_K
from .wording import CURSOR_BY_DISTANCE, NOT_A_CURSOR


class _TeamCells:
    """The job store as the facility search reads it, the counts read once
    (the answer's `total` needs them too)."""

    def __init__(self, store):
        self.store, self.counts = store, None

    def type_cells(self, team):
        if self.counts is None:
            self.counts = self.store.type_cells(team)
        return self.counts

    def query_range(self, team, partition, lo, hi, limit, start=None):
        return self.store.query_range(team, partition, lo, hi, limit, start)


def list_jobs(deps, params):
    metering.expose()
    team = deps.principal.team
    problems = validation.Problems()
    limit = validation.page_limit(params, problems, JOBS_LIMIT_DEFAULT, JOBS_LIMIT_MAX)
    near = any(params.get(name) not in (None, "") for name in ("lat", "lon", "postcode"))
    lon = lat = start = None
    if near:
        lon, lat = point_from_query(deps, params, problems)
    problems.raise_if_any()
    # Well formed but not to be followed (422, as every list's cursor): pages are in due order only, and a
    # cursor is one this team's list gave.
    if near and params.get("cursor"):
        raise validation.broken_rules([("cursor", CURSOR_BY_DISTANCE)])
    if not near and params.get("cursor"):
        start = _cursor(params["cursor"], team)
    names = {s["service_code"]: s.get("name", s["service_code"]) for s in deps.services.all()}
    if near:
        cells = _TeamCells(deps.jobs)
        found, complete = search(cells, team, lon, lat, limit, split_per_k=SPLIT_PER_K)
        total, _ = cells.type_cells(team)
        features = [views.feature(deps, job, names, d) for d, job in found]
        return {"type": "FeatureCollection", "features": features, "team": team, "order": "distance",
                "located_open_jobs": total, "truncated": not complete or total > len(features)}
    jobs, resume = deps.jobs.by_due(team, limit, start)
    return {"type": "FeatureCollection", "features": [views.feature(deps, j, names) for j in jobs], "team": team,
            "order": "due", "next_cursor": _encode(resume) if resume else None}


def _encode(key):
    return base64.urlsafe_b64encode(json.dumps(key, separators=(",", ":")).encode()).decode().rstrip("=")


def _cursor(value, team):
    """The resume key a page gave, for this team's list only."""
    try:
        key = json.loads(base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)))
        if (isinstance(key, dict) and set(key) == {"id", "due_pk", "due_sk"}
                and all(isinstance(v, dict) and set(v) == {"S"} and isinstance(v["S"], str) for v in key.values())
                and key["due_pk"]["S"] == team):
            return key
    except (ValueError, binascii.Error, UnicodeDecodeError):
        pass
    raise validation.broken_rules([("cursor", NOT_A_CURSOR)])
