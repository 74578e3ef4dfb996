"""Residents told of planning applications through the alerts' fan-out: a
new application reaches the area alerts whose circle holds it; a decision,
a withdrawal or an appeal reaches the application's followers (alerts of kind
planning) and those who asked for updates in their area (`include_updates`). This module says who (the index keys of the cells that
hold the application, each row's circle checked exactly) and what (the
application, with its distance and direction from the alert's centre in
words: "650 m west"); an area alert may ask for some types only, and only
while comments are open (`wants`). The alerts' page jobs, channels and delivery claims do
the rest, so each alert hears of each change once.

The sync writes the events (sync.py), one per change, with ids made from the
application and the change, in the same transaction as the application's
row: a run repeated writes the same event again, never a second."""
from ...geo.bearing import bearing_deg, compass_point, rounded_m
from ...geo.distance import haversine_m
from ..alerts.audience import Audience, point_check
from ..alerts.delivery import links_base, unsubscribe_links
from ..alerts.planning_follows import planning_key
from ..alerts.targets import point_keys
from . import wording

NEW, DECIDED, WITHDRAWN, APPEALED = ("planning_application_new", "planning_application_decided",
                                     "planning_application_withdrawn", "planning_application_appealed")
TITLES = {NEW: wording.TOLD_NEW_TITLE, DECIDED: wording.TOLD_DECIDED_TITLE, WITHDRAWN: wording.TOLD_WITHDRAWN_TITLE,
          APPEALED: wording.TOLD_APPEALED_TITLE}
TTL_S = 7 * 86400


def event_id(app_id, kind):
    """One event per application and change: written again, it is the same row (the stream sees no insert)."""
    return f"planning.{app_id}.{kind.rsplit('_', 1)[-1]}"


def audience(deps, event):
    app = deps.planning.get((event.payload or {}).get("application_id"))
    if app is None or app["lat"] is None or event.kind not in TITLES:
        return None
    lon, lat = app["lon"], app["lat"]
    if event.kind == NEW:
        keys = point_keys("area", lon, lat)
    else:  # its followers, and those asking for updates in their area
        keys = [planning_key(app["id"])] + point_keys("area_updates", lon, lat)
    return Audience(lambda: keys, point_check(lon, lat), lambda alert: message(deps, event, app, alert),
                    hears=lambda alert: wants(deps, alert, app))


def wants(deps, alert, app):
    """An area alert's own filters (alerts/targets._planning_filters): the types it asked for, and, when it
    asked, only while comments are open (on the day it is told). A follower hears of their application."""
    from .kinds import kind_of
    from .reads import LONDON, phase
    target = alert.target or {}
    types = target.get("planning_types")
    if types and kind_of(app["app_type"], app["reference"]) not in types:
        return False
    return not target.get("planning_open_only") or phase(app, deps.clock().astimezone(LONDON).date()) == "open"


def where_words(from_lon, from_lat, lon, lat):
    """"650 m west" of the first point; "at your alert's centre" within 10 m."""
    exact = haversine_m(from_lon, from_lat, lon, lat)
    if exact < 10:
        return wording.TOLD_HERE
    metres = rounded_m(exact)
    direction = wording.DIRECTIONS[compass_point(bearing_deg(from_lon, from_lat, lon, lat))]
    if metres < 1000:
        return wording.TOLD_METRES.format(metres=metres, direction=direction)
    return wording.TOLD_KM.format(km=f"{metres / 1000:.1f}", direction=direction)


def message(deps, event, app, alert):
    from .reads import LONDON, shown
    target = alert.target or {}
    distance = where_words(float(target["lon"]), float(target["lat"]), app["lon"], app["lat"]) \
        if target.get("lon") is not None else wording.TOLD_FOLLOWED
    today = deps.clock().astimezone(LONDON).date()
    one = shown(app, today)
    base = links_base(deps)
    return {"event_id": event.id, "title": TITLES[event.kind].format(distance=distance, reference=app["reference"]),
            "body": wording.TOLD_BODY.format(proposal=app["proposal"], address=app["address"],
                                             next=one["comments"] if one["phase"] == "open" else one["decision_words"]),
            "url": f"{base}/planning/{app['id']}", "topic": f"planning-{app['id']}"[:32], "ttl": TTL_S,
            "urgency": "normal", **unsubscribe_links(base, alert)}
