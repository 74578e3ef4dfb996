"""From an event row to messages: who must be told, what, and exactly once.

Events arrive at least once (a DynamoDB stream retries a batch; the local
poller re-reads a window). Each (event, alert, channel) is claimed in the
deliveries table with a conditional put before anything is sent and settled
after, so a redelivered event sends nothing new. A claim left by a crash
mid-send goes stale after STALE_CLAIM and may then be taken again: the
person may get that one message twice, never zero times.
"""
import logging
import time
from collections import Counter
from datetime import timedelta

from ... import states
from ...geo.distance import haversine_m
from . import targets as alert_targets

log = logging.getLogger(__name__)

STALE_CLAIM = timedelta(minutes=5)
ATTEMPTS = 3  # tries per delivery on "retry", with exponential backoff
BACKOFF_S = 0.5  # 0.5 s, then 1 s
WORKERS = 8  # deliveries in flight at once (botocore clients are thread-safe)
DELIVERY_KEEP = timedelta(days=30)  # longer than any redelivery (streams keep 24 h)
SETTLED = {"sent": "sent", "gone": "gone", "failed": "failed", "retry": "failed"}


def default_deliver():
    from ...notify.deliver import deliver  # the channels, imported on first use
    return deliver


def dispatch_event(deps, event, deliver=None, sleep=time.sleep):
    """Deliver one event to everyone subscribed; returns outcome counts."""
    deliver = deliver or default_deliver()
    if event.kind == "broadcast":
        from .broadcast_dispatch import dispatch_broadcast
        return dispatch_broadcast(deps, event, deliver, sleep)
    report = deps.reports.get(event.report_id) if event.report_id else None
    if report is None:
        return {}
    service = deps.services.get(report.service_code) or {}
    alerts = matching_alerts(deps, event.kind, report, service)
    return deliver_to(deps, event, alerts, lambda alert: build_message(deps, event, report, service, alert),
                      deliver, sleep)


def deliver_to(deps, event, alerts, message_for, deliver, sleep=time.sleep):
    """Send message_for(alert) on each alert's confirmed channels, once per
    person (channel and address) however many of their alerts match.

    Deliveries run side by side (up to WORKERS): one dead or stalled push
    service, retried with backoff, must not hold up everyone after it, nor
    run a stream batch into the Lambda's timeout."""
    sends, seen = [], set()
    for alert in alerts:
        message = message_for(alert)
        for channel, address in sorted(alert.channels.items()):
            who = (channel, address["endpoint"] if channel == "push" else address)
            if channel in (alert.pending or []) or who in seen:
                continue
            seen.add(who)
            sends.append((alert, channel, address, message))

    def send(job):
        alert, channel, address, message = job
        return _deliver_once(deps, event, alert, channel, address, message, deliver, sleep)

    if len(sends) <= 1:
        return dict(Counter(map(send, sends)))
    from concurrent.futures import ThreadPoolExecutor
    with ThreadPoolExecutor(max_workers=min(WORKERS, len(sends))) as pool:
        return dict(Counter(pool.map(send, sends)))


def matching_alerts(deps, event_kind, report, service=None):
    """Alerts an event about `report` reaches, in id order (stable across
    redeliveries). Reads only index rows under the event's keys; circles
    are checked exactly before any alert item is read."""
    service = service if service is not None else deps.services.get(report.service_code) or {}
    ward = None
    if event_kind == "report_created" and report.lon is not None and deps.wards is not None:
        ward = deps.wards.at_point(float(report.lon), float(report.lat))  # reports carry no ward
    keys = alert_targets.event_keys(report, event_kind, ward.id if ward else None)
    if service.get("private") or service.get("staff_only"):
        keys = keys[:1]  # a private report reaches only its own followers
    found = []
    for key in keys:
        for row in deps.alerts.rows(key):
            if row.radius_m is not None and haversine_m(
                    float(row.lon), float(row.lat), float(report.lon), float(report.lat)) > float(row.radius_m):
                continue
            found.append(row.alert_id)
    alerts = [a for a in deps.alerts.get_many(sorted(set(found))) if a.channels]
    return sorted(alerts, key=lambda a: a.id)


def for_broadcast(deps, topic, target):
    """Alerts a staff broadcast on `topic` reaches; target as POST
    /v1/broadcasts takes it ({"wards"}, {"polygon"} or {"circle"})."""
    from .broadcast_dispatch import audience
    return audience(deps, topic, target)


class NoPublicUrl(RuntimeError):
    """Message links need DOORSTEP_PUBLIC_URL outside one machine."""


def links_base(deps):
    """Where message links (the report, one-click unsubscribe) point. A stream
    Lambda has no request to take a host from: without DOORSTEP_PUBLIC_URL
    a deployed stage refuses to send (the batch fails and the stream keeps it)
    rather than mail links to localhost; one machine uses its own port."""
    from ...config import local_port
    from ...notify import LOCAL_STAGES
    base = deps.settings.public_url or deps.base_url
    if base:
        return base
    if deps.settings.stage not in LOCAL_STAGES:
        raise NoPublicUrl("DOORSTEP_PUBLIC_URL is not set: alert links would point nowhere.")
    return f"http://localhost:{local_port()}"


def build_message(deps, event, report, service, alert):
    """Title, body and link: the report's public facts only, never the reporter."""
    base = links_base(deps)
    name = service.get("service_name") or service.get("name") or report.service_code
    # The state the event is about: by the time a lagging or redelivered
    # event is dispatched the report may have moved on.
    payload = event.payload or {}
    state = payload.get("state") or report.state
    label = states.LABELS.get(state, state)
    where = f" at {report.address}" if report.address else ""
    if event.kind == "report_created" and alert.kind != "report":
        title, body = f"New {name} report near you", f"{name} reported{where}. Status: {label}."
        ttl, urgency = 6 * 3600, "low"
    elif event.kind == "report_created":  # its follower: the reporter, followed at creation
        title, body = f"{report.id}: {label}", f"The {name} report{where} was received. Status: {label}."
        ttl, urgency = 24 * 3600, "normal"
    else:
        # Followers are not only the reporter: "the", never "your".
        title = f"{report.id}: {label}"
        moved = event.kind == "report_state_changed"
        body = f"The {name} report{where} is now {label}." if moved else f"Update on the {name} report{where}."
        notes = payload["text"] if "text" in payload else report.status_notes
        if notes:
            body += f" {notes}"
        ttl, urgency = 24 * 3600, "normal"
    return {"event_id": event.id, "title": title, "body": body[:500], "url": f"{base}/?report={report.id}",
            "report_id": report.id, "state": state, "topic": report.id.replace("-", ""),
            "ttl": ttl, "urgency": urgency, **unsubscribe_links(base, alert)}


def unsubscribe_links(base, alert):
    """The List-Unsubscribe POST target, and the web page (a button that POSTs
    it) for people: a GET of the API URL only describes the alert."""
    from .subscriptions import unsubscribe_token
    token = unsubscribe_token(alert.id)
    return {"unsubscribe_url": f"{base}/v1/alerts/unsubscribe?token={token}",
            "unsubscribe_page": f"{base}/alerts/unsubscribe?token={token}"}


def _deliver_once(deps, event, alert, channel, address, message, deliver, sleep):
    delivery_id = f"{event.id}#{alert.id}#{channel}"
    now = deps.clock()
    if not deps.alerts.claim(delivery_id, now, now - STALE_CLAIM, now + DELIVERY_KEEP):
        return "already"
    attempts, outcome = 0, "retry"
    while attempts < ATTEMPTS:
        if attempts:
            sleep(BACKOFF_S * 2 ** (attempts - 1))
        attempts += 1
        try:
            outcome = deliver(channel, address, message, deps.settings, deps.clock(), deps.new_opaque_id)
        except Exception:  # a channel bug must not stop the other deliveries
            log.exception("deliver %s raised", delivery_id)
            outcome = "retry"
        if outcome != "retry":
            break
    deps.alerts.settle(delivery_id, SETTLED.get(outcome, "failed"), attempts)
    if outcome == "gone":
        _drop_channel(deps, alert.id, channel)
    return outcome if outcome != "retry" else "gave_up"


def _drop_channel(deps, alert_id, channel):
    """The push service (or a hard bounce) says this address is no more."""
    alert = deps.alerts.get(alert_id)
    if alert is None or channel not in alert.channels:
        return
    if set(alert.channels) == {channel}:
        deps.alerts.delete(alert)
        return
    alert.channels = {k: v for k, v in alert.channels.items() if k != channel}
    alert.pending = [c for c in alert.pending or [] if c != channel]
    deps.alerts.save(alert)
