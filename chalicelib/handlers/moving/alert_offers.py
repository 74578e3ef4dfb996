"""Alerts on the old home's street, ward or area: offered to move or stay,
never moved in silence (issues 61 and 73).

The old home's alerts are the resident's alerts on its ward (new problems,
council news or meetings there) and those whose circle holds it (new problems
near home, council news by distance, a category near home). A ward alert
keeps the ward's id (`acomb`) and the address base names the ward in words
("Acomb"), so the home's ward is the one whose boundary holds its point, as
its property page shows it; the address base's name is the fallback where no
boundary does. A ward alert whose ward holds the new home too is not offered:
it follows already.

Moving one subscribes the same kind, options and channels at the new home
(through alerts' own subscribe, as the resident: the alert's identity makes
a retry the same alert), its ward the new home's and its circle centred there,
then deletes the old one. Leaving the area, there is nowhere to move it to:
it is offered to stop or stay."""
from ...errors import Unacceptable
from ...geo.distance import haversine_m
from . import wording

OPTIONS = ("petitions", "include_updates", "planning_types", "planning_open_only", "topics")


def offered(deps, move):
    """[(alert, about)] for the move's old home."""
    old = deps.addresses.get(move["from_uprn"]) if move.get("from_uprn") else None
    if old is None:
        return []
    from ..alerts.subscriptions import describe
    wards = Wards(deps)
    found = []
    for alert in deps.alerts.of_user(move["user_id"]):
        if alert.user_id != move["user_id"]:
            continue
        ward = (alert.target or {}).get("ward")
        if ward is not None:
            if wards.holds(ward, alert.target.get("ward_name"), old) and not (
                    move.get("to_uprn") and wards.holds(ward, None, wards.home(move["to_uprn"]))):
                found.append((alert, describe(alert)))
        elif _holds(_circle(alert), old):
            found.append((alert, describe(alert)))
    return found


class Wards:
    """The ward holding a home, found once per home and only for a resident with alerts on a ward."""

    def __init__(self, deps):
        self.deps, self.found, self.homes = deps, {}, {}

    def home(self, uprn):
        if uprn not in self.homes:
            self.homes[uprn] = self.deps.addresses.get(uprn)
        return self.homes[uprn]

    def of(self, home):
        if home.uprn not in self.found:
            self.found[home.uprn] = self.deps.wards.at_point(float(home.lon), float(home.lat))
        return self.found[home.uprn]

    def holds(self, ward_id, ward_name, home):
        if home is None:
            return False
        at = self.of(home)
        if at is not None:
            return at.id == ward_id
        return bool(ward_name and home.ward) and ward_name.casefold() == home.ward.casefold()


def _circle(alert):
    """The circle an alert listens in (a category's is its area), or None."""
    t = alert.target or {}
    circle = t.get("area") if alert.kind == "category" else t if alert.kind in ("area", "broadcast") else None
    return circle if circle and circle.get("lat") is not None else None


def _holds(circle, home):
    return circle is not None and haversine_m(
        float(circle["lon"]), float(circle["lat"]), float(home.lon), float(home.lat)) <= circle.get("radius_m", 0)


def move_alert(deps, move, alert_id):
    """The alert subscribed afresh at the new home, then the old one deleted."""
    alert = deps.alerts.get(alert_id)
    new = deps.addresses.get(move.get("to_uprn")) if move.get("to_uprn") else None
    if alert is None or new is None:
        return
    from ..alerts.subscriptions import delete_alert, subscribe
    t = alert.target or {}
    body = {"kind": alert.kind, **{k: t[k] for k in OPTIONS if t.get(k)}, **_channels(alert)}
    if t.get("ward") is not None:
        ward = Wards(deps).of(new)
        if ward is None:
            raise Unacceptable(wording.NO_NEW_WARD, code="no_ward")
        body["ward"] = ward.id
    elif alert.kind == "category":
        body.update(service_code=t["service_code"], area=_centred(t["area"], new))
    else:
        body.update(_centred(t, new))
    made, _ = subscribe(deps, body)
    if made["id"] != alert.id:
        delete_alert(deps, alert.id)


def stop_alert(deps, alert_id):
    """Leaving the area: the alert deleted (gone already is the same)."""
    from ..alerts.subscriptions import delete_alert
    from ...errors import NotFound
    try:
        delete_alert(deps, alert_id)
    except NotFound:
        pass


def _centred(circle, home):
    return {"lat": home.lat, "lon": home.lon, "radius_m": circle.get("radius_m")}


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
