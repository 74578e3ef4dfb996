"""A staff broadcast's event becomes messages: who follows that topic in
the targeted place, told once each (delivery.deliver_to claims every
delivery, so a redelivered event or page sends nothing new).

Only `broadcast`-kind alerts hear broadcasts: following new reports in a
ward is not a request for council news. Their place is a ward or a circle:
- ward followers: by key (topic#<t>#ward#<id>) for each ward the target
  names, or, for a polygon or circle, each ward whose shape meets it (wards
  found through the ward-cells index by the target's bbox);
- circle followers: the index rows of the precision-5 cells of the
  target's bbox (alert_targets.broadcast_cells), then an exact test that the
  circle meets the target. Only matching alerts are read.
"""
from ...geo import cells, overlap
from ...geo.polygon import bbox_of
from ...geo.distance import haversine_m
from . import targets as alert_targets
from .delivery import links_base, unsubscribe_links
from .audience import Audience, alerts_under

# How long a push service keeps an undelivered message: an emergency is
# stale within hours (the web page has the live state); a road closure
# still matters the same day; a bin change the day before collection.
TTL_S = {"emergencies": 6 * 3600, "roads": 12 * 3600, "bins": 24 * 3600}
COUNTED_FAILED = ("failed", "gone")  # a deferred send is not failed: it is tried again


def audience(deps, topic, target):
    """The alerts (with channels, in id order) a broadcast reaches, read at once."""
    return alerts_under(deps, *_rule(deps, topic, target))


def broadcast_audience(deps, event):
    """The broadcast's Audience; each page adds what it did to the audit entry."""
    broadcast = deps.broadcasts.get((event.payload or {}).get("broadcast_id"))
    if broadcast is None:
        return None
    keys, check = _rule(deps, broadcast.topic, broadcast.target)

    def after_page(outcomes):
        failed = sum(n for k, n in outcomes.items() if k in COUNTED_FAILED)
        deps.broadcasts.record_outcome(broadcast.id, outcomes.get("sent", 0), failed, deps.clock())
    return Audience(lambda: keys, check, lambda alert: build_message(deps, event, broadcast, alert), after_page)


def _rule(deps, topic, target):
    """(index keys, row check): ward followers by key, circle followers
    under the precision-5 cells of the target's bbox if their circle meets it."""
    if topic not in alert_targets.TOPICS:
        raise ValueError(f"unknown topic {topic!r}")
    ward_ids, meets, bbox = _place(deps, target)
    keys = [alert_targets.ward_key(f"topic#{topic}#ward", ward_id) for ward_id in ward_ids]
    keys += [f"topic#{topic}#{cell}" for cell in (cells.bbox_cells(*bbox, cells.PARTITION_PRECISION) if bbox else [])]

    def check(row):
        return row.radius_m is None or meets(float(row.lon), float(row.lat), float(row.radius_m))
    return keys, check


def _place(deps, target):
    """(ward ids, circle test (lon, lat, radius_m) -> bool, bbox) of a target."""
    if "wards" in target:
        wards = [w for w in (deps.wards.get(i) for i in target["wards"]) if w is not None]
        boxes = [w.bbox for w in wards] or [None]
        bbox = None if not wards else (min(b[0] for b in boxes), min(b[1] for b in boxes),
                                       max(b[2] for b in boxes), max(b[3] for b in boxes))
        return [w.id for w in wards], \
            lambda lon, lat, r: any(overlap.circle_meets(w.geometry, lon, lat, r) for w in wards), bbox
    if "circle" in target:
        c = target["circle"]
        lon, lat, radius = float(c["lon"]), float(c["lat"]), float(c["radius_m"])
        geometry = overlap.circle_polygon(lon, lat, max(radius, 1.0))
        meets = lambda x, y, r: haversine_m(lon, lat, x, y) <= radius + r  # noqa: E731
    else:
        geometry = target["polygon"]
        meets = lambda x, y, r: overlap.circle_meets(geometry, x, y, r)  # noqa: E731
    bbox = bbox_of(geometry)
    wards = [w.id for w in deps.wards.in_bbox(*bbox) if overlap.polygons_meet(w.geometry, geometry)]
    return wards, meets, bbox


def build_message(deps, event, broadcast, alert):
    base = links_base(deps)
    return {"event_id": event.id, "title": broadcast.title, "body": broadcast.body,
            "url": broadcast.url or f"{base}/?broadcast={broadcast.id}", "broadcast_id": broadcast.id,
            "topic": broadcast.id,  # Web Push Topic (<= 32 URL-safe characters)
            "ttl": TTL_S[broadcast.topic], "urgency": "high" if broadcast.topic == "emergencies" else "normal",
            **unsubscribe_links(base, alert)}
