"""What residents read of planning applications: our copy only, never the
register, so a read costs the same and answers the same while it is away.

"Near me" is one Query per range of cells its circle covers (a 500 m circle:
two or three), filtered exactly by distance and phase, nearest first; one
application is one GetItem. Both read the sync's health (one GetItem) for
the copy's age: `synced_at` (the register's last complete answer), `stale`
once it is older than STALE_AFTER_S."""
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from ...errors import NotFound, OutsideServiceArea
from ...geo import cells
from ...geo.distance import haversine_m
from ...storage import metering
from ... import validation
from ..shared.clock import date_words
from . import limits, wording
from .kinds import kind_of
from .notification import rule_for

LONDON = ZoneInfo("Europe/London")



def phase(app, today, days=limits.CONSULTATION_DAYS):
    """open (comments taken), awaiting (a decision) or decided, on `today` (a London date)."""
    if app["decision"] or app["decided"]:
        return "decided"
    return "open" if today <= closes(app, days) else "awaiting"


def closes(app, days=limits.CONSULTATION_DAYS):
    """The day comments close: the register's consultation expiry, else `days` (the jurisdiction's) from
    validation."""
    if app["consultation_ends"]:
        return date.fromisoformat(app["consultation_ends"])
    if app["validated"]:
        return date.fromisoformat(app["validated"]) + timedelta(days=days)
    return date.min


def shown(app, today, origin=None, rule=None):
    """One application as residents read it (and its distance from `origin`, (lon, lat), when given)."""
    days = rule["days"] if rule else limits.CONSULTATION_DAYS
    now = phase(app, today, days)
    ends = closes(app, days)
    if now == "decided":
        comments, decision = wording.COMMENTS_DECIDED, wording.DECIDED.format(
            decision=app["decision"] or "Decided", day=date_words(app["decided"])) if app["decided"] else app["decision"]
    else:
        decision = wording.AWAITING
        if ends == date.min:
            comments = ""
        elif ends == today:
            comments = wording.COMMENTS_CLOSE_TODAY.format(day=date_words(ends.isoformat()))
        else:
            comments = (wording.COMMENTS_CLOSE if ends > today else wording.COMMENTS_CLOSED).format(
                day=date_words(ends.isoformat()))
    found = {"id": app["id"], "reference": app["reference"], "proposal": app["proposal"], "address": app["address"],
             "validated": app["validated"] or None, "phase": now, "status": app["status"] or None,
             "comments_close": ends.isoformat() if ends != date.min else None, "comments": comments or None,
             "decision": app["decision"] or None, "decided": app["decided"] or None, "decision_words": decision,
             "appeal_status": app["appeal_status"] or None, "lat": app["lat"], "lon": app["lon"],
             "type": kind_of(app["app_type"], app["reference"]), "type_words": app["app_type"] or None}
    if rule is not None:
        from .notification import shown as notified
        found["notification"] = notified(rule)
    if origin is not None and app["lat"] is not None:
        found["distance_m"] = round(haversine_m(origin[0], origin[1], app["lon"], app["lat"]))
    return found


def freshness(deps):
    health, _ = deps.planning.state("health")
    last = (health or {}).get("last_complete_at")
    if last is None:
        return {"synced_at": None, "age_s": None, "stale": True}
    age = max(0, int((deps.clock() - datetime.fromisoformat(last.replace("Z", "+00:00"))).total_seconds()))
    return {"synced_at": last, "age_s": age, "stale": age > limits.STALE_AFTER_S}


def near(deps, params):
    metering.expose()
    problems = validation.Problems()
    lat = validation.required_number(params, "lat", problems, -90, 90)
    lon = validation.required_number(params, "lon", problems, -180, 180)
    radius = _radius(params.get("radius"), problems)
    wanted = params.get("status") or None
    if wanted is not None and wanted not in limits.PHASES:
        problems.add("status", wording.STATUS)
    problems.raise_if_any()
    if not deps.area.contains(lon, lat):  # the council's register holds nothing beyond its area
        raise OutsideServiceArea(deps.area.name)
    today = deps.clock().astimezone(LONDON).date()
    cover = cells.cover_circle(lon, lat, radius, max_cells=limits.MAX_COVER_CELLS)
    found, rule = [], rule_for(deps.council)
    for app in deps.planning.in_ranges(cells.cell_ranges(cover), limits.READ_MAX):
        one = shown(app, today, (lon, lat), rule)
        if one.get("distance_m", radius + 1) <= radius and (wanted is None or one["phase"] == wanted):
            found.append(one)
    found.sort(key=lambda a: (a["distance_m"], a["reference"]))
    from .constraints import at as constraints_at
    return {"applications": found[:limits.LIST_MAX], "lat": lat, "lon": lon, "radius": radius, "status": wanted,
            "constraints": constraints_at(lon, lat), "constraints_source": wording.CONSTRAINTS_SOURCE,
            **freshness(deps)}


def _radius(given, problems):
    if given in (None, ""):
        return limits.RADIUS_DEFAULT_M
    try:
        radius = float(given)
    except ValueError:
        radius = None
    if radius is None or not 50 <= radius <= limits.RADIUS_MAX_M:
        problems.add("radius", wording.RADIUS)
        return None
    return int(radius) if radius == int(radius) else radius


def one(deps, app_id):
    metering.expose()
    app = deps.planning.get(app_id)
    if app is None:
        raise NotFound(wording.NO_APPLICATION, code="application_not_found")
    today = deps.clock().astimezone(LONDON).date()
    from .committee import of_application
    from .constraints import at as constraints_at
    return {**shown(app, today, rule=rule_for(deps.council)), "link": app["link"] or None, "committee": of_application(deps, app_id, today),
            "constraints": constraints_at(app["lon"], app["lat"]) if app["lat"] is not None else [],
            "constraints_source": wording.CONSTRAINTS_SOURCE,
            "comment_link": app["comment_link"] if phase(app, today) == "open" and app["comment_link"] else None,
            "comment_where": wording.COMMENT_WHERE if phase(app, today) == "open" else None, **freshness(deps)}
