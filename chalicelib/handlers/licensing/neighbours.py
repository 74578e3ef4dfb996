"""Neighbours told of an application near them through the alerts' fan-out,
as planning applications reach them (planning/notices.py): a type with a
public notice, once received, reaches the area alerts whose circle holds the
premises, with the last day for representations and the link to make one.
The alerts' page jobs, channels and delivery claims do the rest, so each
alert hears of each application once."""
from ..alerts.audience import Audience, point_check
from ..alerts.delivery import links_base, unsubscribe_links
from ..alerts.targets import point_keys
from ..planning.notices import where_words
from . import catalogue, wording
from ..shared.clock import date_words

RECEIVED = "licence_application_received"
TTL_S = 7 * 86400


def audience(deps, event):
    if event.kind != RECEIVED:
        return None
    case = deps.licensing.get((event.payload or {}).get("case_id"))
    premises = (case.premises or {}) if case else {}
    if case is None or premises.get("lat") is None or premises.get("lon") is None:
        return None
    licence_type = catalogue.find(catalogue.of_council(deps), case.type_id)
    if not (licence_type or {}).get("public_notice"):
        return None
    lon, lat = premises["lon"], premises["lat"]
    return Audience(lambda: point_keys("area", lon, lat), point_check(lon, lat),
                    lambda alert: message(deps, event, case, licence_type, alert))


def message(deps, event, case, licence_type, alert):
    target = alert.target or {}
    premises = case.premises
    distance = where_words(float(target["lon"]), float(target["lat"]), premises["lon"], premises["lat"]) \
        if target.get("lon") is not None else wording.TOLD_NEAR
    last = next((c["last_day"] for c in case.clocks if c["name"] == "representations"), None)
    base = links_base(deps)
    return {"event_id": event.id,
            "title": wording.TOLD_TITLE.format(type=licence_type["name"], distance=distance),
            "body": wording.TOLD_BODY.format(premises=premises.get("name") or premises.get("address"),
                                             address=premises.get("address"), last_day=date_words(last) if last else "",
                                             reference=case.id),
            "url": f"{base}/licensing/register/{case.id}", "topic": f"licence-{case.id}"[:32], "ttl": TTL_S,
            "urgency": "normal", **unsubscribe_links(base, alert)}
