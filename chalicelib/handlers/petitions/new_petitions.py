"""New petitions for area and ward alerts: an alert of kind area or ward
made with `petitions: true` (alerts/targets.py) has index rows under its
own keys (petitions#area#<cell>, petitions#ward#<id>). Publishing a
petition writes a petition_published event in the same transaction; the
alert fan-out reads only those keys for the petition's place and ward
(circles then checked exactly) and tells each subscriber once (its
deliveries are claimed, as every alert's are).

A petition with a place is in the ward holding it; one with only a ward
name is matched to the stored ward of that name; one with neither reaches
nobody (it is not about a place)."""
from ..alerts.audience import Audience, point_check
from ..alerts.delivery import links_base, unsubscribe_links
from ..alerts.targets import petition_keys
from ..shared import events
from .wording import IN_WARD, NEAR_YOU, NEW_PETITION

KIND = "petition_published"
TTL_S = 3 * 24 * 3600


def published_event(deps, petition, now):
    """The event of a petition's publication, with where it is."""
    ward_id = _ward_id(deps, petition)
    return events.new_event(deps, KIND, now, petition_id=petition.id, lon=petition.lon, lat=petition.lat,
                            ward_id=ward_id)


def _ward_id(deps, petition):
    if deps.wards is None:
        return None
    if petition.lon is not None and petition.lat is not None:
        found = deps.wards.at_point(float(petition.lon), float(petition.lat))
        return found.id if found else None
    if petition.ward:  # a ward named without a place: tens of wards, read when a petition is published
        wanted = petition.ward.strip().lower()
        return next((w.id for w in deps.wards.all() if w.name.lower() == wanted), None)
    return None


def audience(deps, event):
    payload = event.payload or {}
    petition = deps.petitions.get(payload.get("petition_id") or "")
    if petition is None or petition.state not in ("open", "closed"):
        return None
    lon, lat = payload.get("lon"), payload.get("lat")
    keys = petition_keys(float(lon) if lon is not None else None, float(lat) if lat is not None else None,
                         payload.get("ward_id"))
    check = point_check(float(lon), float(lat)) if lon is not None else (lambda row: row.radius_m is None)
    return Audience(lambda: keys, check, lambda alert: message(deps, event, petition, alert))


def message(deps, event, petition, alert):
    base = links_base(deps)
    where = IN_WARD.format(ward=alert.target.get("ward_name")) if alert.kind == "ward" else NEAR_YOU
    return {"event_id": event.id, "title": NEW_PETITION.format(where=where), "body": petition.action,
            "url": f"{base}/petitions/{petition.id}", "topic": petition.id.replace("-", ""),
            "ttl": TTL_S, "urgency": "low", **unsubscribe_links(base, alert)}
