"""Alerts on the old home's street and ward: offered to move or stay, never
moved in silence (issue 61). Offered: the resident's ward alerts on the old
home's ward and area alerts whose circle holds the old home. Moving one
subscribes the same kind, channels and options at the new home (through
alerts' own subscribe, as the resident: the alert's identity makes a retry
the same alert) and then deletes the old one."""
from ...geo.distance import haversine_m


def offered(deps, move):
    """[(alert, about)] for the move's old home."""
    old = deps.addresses.get(move["from_uprn"]) if move.get("from_uprn") else None
    if old is None:
        return []
    from ..alerts.subscriptions import describe
    found = []
    for alert in deps.alerts.of_user(move["user_id"]):
        if alert.user_id != move["user_id"]:
            continue
        t = alert.target or {}
        if alert.kind == "ward" and t.get("ward") == old.ward \
                or alert.kind == "area" and t.get("lat") is not None \
                and haversine_m(t["lon"], t["lat"], old.lon, old.lat) <= t.get("radius_m", 0):
            found.append((alert, describe(alert)))
    return found


def move_alert(deps, move, alert_id):
    """The alert subscribed afresh at the new home, then the old one deleted;
    nothing to move to (moving out): it stays."""
    alert = deps.alerts.get(alert_id)
    new = deps.addresses.get(move.get("to_uprn")) if move.get("to_uprn") else None
    if alert is None or new is None:
        return False
    from ..alerts.subscriptions import delete_alert, subscribe
    t = alert.target or {}
    options = {k: t[k] for k in ("petitions", "include_updates") if t.get(k)}
    body = {"kind": alert.kind, **options, **_channels(alert)}
    if alert.kind == "ward":
        body["ward"] = new.ward
    else:
        body.update(lat=new.lat, lon=new.lon, radius_m=t.get("radius_m"))
    subscribe(deps, body)
    delete_alert(deps, alert.id)
    return True


def _channels(alert):
    """The alert's channels as a subscription asks for them."""
    ch = alert.channels or {}
    body = {"channels": sorted(ch)}
    if "email" in ch:
        body["email"] = ch["email"]
    if "sms" in ch:
        body["phone"] = ch["sms"]
    if "push" in ch:
        body["push_subscription"] = ch["push"]
    return body
