"""A crew member's point on their jobs alert: where they were last seen, so
an urgent job can be pushed as "Urgent job 350 m from you".

The point is optional and given by the crew member: when they subscribe
(POST /v1/alerts `kind: "jobs"` with lat, lon, radius_m and
urgent_near_only) and then by their field updates' lat/lon, which move it.
It is kept on the alert and on its one index row (`team#{team}`), so the
fan-out tests nearness on the row it already reads. Private to the crew
member: only their own GET /v1/alerts shows it.
"""
import logging
from datetime import timedelta

from ... import validation
from ...stamps import parse, stamp
from ...storage.errors import EditConflict, Throttled
from ...storage.records import AlertIndexRow
from .limits import (JOBS_RADIUS_DEFAULT_M, JOBS_RADIUS_MAX_M, JOBS_RADIUS_MIN_M, POINT_FRESH_HOURS,
                     RADIUS_DOCUMENT_M)
from .wording import HALF_A_POINT, NEAR_ONLY_WITHOUT_POINT, RADIUS_WITHOUT_POINT, TRUE_OR_FALSE

log = logging.getLogger(__name__)

FIELDS = ("lat", "lon", "radius_m", "urgent_near_only", "located_at")  # a jobs alert's; not its identity


def read_point(body, now, problems):
    """The point part of a jobs alert's target ({} without a point): lat and
    lon together, radius_m and urgent_near_only only with them."""
    lat, lon, radius, only = (body.get(k) for k in ("lat", "lon", "radius_m", "urgent_near_only"))
    if only is not None and not isinstance(only, bool):
        problems.add("urgent_near_only", TRUE_OR_FALSE)
    if lat is None and lon is None:
        if radius is not None:
            problems.rule("radius_m", RADIUS_WITHOUT_POINT)
        if only:
            problems.rule("urgent_near_only", NEAR_ONLY_WITHOUT_POINT)
        return {}
    if (lat is None) != (lon is None):
        problems.rule("lat" if lat is None else "lon", HALF_A_POINT)
        return {}
    lat = validation.number(lat, "lat", problems, -90, 90)
    lon = validation.number(lon, "lon", problems, -180, 180)
    radius = JOBS_RADIUS_DEFAULT_M if radius is None else validation.number_in(
        radius, "radius_m", problems, RADIUS_DOCUMENT_M, (JOBS_RADIUS_MIN_M, JOBS_RADIUS_MAX_M))
    if None in (lat, lon, radius):
        return {}
    return {"lat": round(lat, 6), "lon": round(lon, 6), "radius_m": round(radius),
            "urgent_near_only": only is True, "located_at": stamp(now)}


def row_extras(target):
    """What a jobs alert's index row carries beside its point."""
    if target.get("located_at") is None:
        return {}
    return {"near_only": bool(target.get("urgent_near_only")), "located_at": parse(target["located_at"])}


def distance_if_near(place, lon, lat, now):
    """Metres from `place` (an index row, or an alert's target as a dict) to
    the point, when it lies within the place's radius and the place was
    located within POINT_FRESH_HOURS; else None."""
    get = place.get if isinstance(place, dict) else lambda name: getattr(place, name, None)
    if lon is None or lat is None or get("radius_m") is None or get("located_at") is None:
        return None
    if now - parse(get("located_at")) > timedelta(hours=POINT_FRESH_HOURS):
        return None
    from ...geo.distance import haversine_m
    metres = haversine_m(float(get("lon")), float(get("lat")), float(lon), float(lat))
    return metres if metres <= float(get("radius_m")) else None


def follow(deps, user_id, lat, lon, saved_at):
    """A field update's lat/lon moves the point of the crew member's jobs
    alerts that have one (a crew member who subscribed without a point is
    not located). An update queued offline and sent late does not move a
    point back to where they were before. A concurrent change of the alert
    loses this move: the next update makes it."""
    if lat is None or lon is None:
        return 0
    at = parse(saved_at)
    moved = 0
    for alert in deps.alerts.of_user(user_id):
        target = alert.target or {}
        if alert.kind != "jobs" or target.get("located_at") is None or parse(target["located_at"]) > at:
            continue
        alert.target = {**target, "lat": round(float(lat), 6), "lon": round(float(lon), 6), "located_at": stamp(at)}
        try:
            deps.alerts.relocate(alert, index_rows(alert))
            moved += 1
        except (EditConflict, Throttled):
            log.info("jobs alert %s changed meanwhile: its point waits for the next update", alert.id)
    return moved


def index_rows(alert):
    """The rows of a jobs alert (its team's key), as its target says."""
    t = alert.target
    return [AlertIndexRow(key, alert.id, lat=t.get("lat"), lon=t.get("lon"), radius_m=t.get("radius_m"),
                          expires=alert.expires, **row_extras(t)) for key in alert.index_keys]


def forget_other_teams(deps, user_id, team):
    """A crew member moved to another team (or out of crews) stops hearing of
    the old team's jobs, which they can no longer open: those alerts go, and
    their phone subscribes again as the new team's."""
    gone = [a for a in deps.alerts.of_user(user_id) if a.kind == "jobs" and (a.target or {}).get("team") != team]
    for alert in gone:
        deps.alerts.delete(alert)
    return len(gone)

