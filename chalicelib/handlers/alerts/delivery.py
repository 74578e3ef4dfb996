"""Exactly once per person: each message to a person (an event, and their
address on a channel) is claimed in the deliveries table with a conditional
put before anything is sent and settled after, so a redelivered event or
page job, or a second alert of the same person on another page, sends
nothing new. A claim left by a crash mid-send goes stale after STALE_CLAIM
and may then be taken again: the person may get that one message twice,
never zero times.

Shared by report events (dispatch.py) and staff broadcasts (broadcast_dispatch.py),
one page of an audience at a time (worker.py).
"""
import logging
import time
from collections import Counter
from datetime import timedelta

from ... import ids
from ...leases import LEASE, renewed
from .batching import SEND_MARGIN_S

log = logging.getLogger(__name__)

STALE_CLAIM = LEASE  # renewed while a delivery is tried (chalicelib/leases.py)
ATTEMPTS = 3  # tries per delivery on "retry", with exponential backoff
BACKOFF_S = 0.5  # 0.5 s, then 1 s
WORKERS = 8  # deliveries in flight at once (botocore clients are thread-safe)
DELIVERY_KEEP = timedelta(days=30)  # longer than any redelivery (streams keep 24 h, queues 4 days)
SETTLED = {"sent": "sent", "gone": "gone", "failed": "failed"}
UNSTARTED = "unstarted"  # not begun for want of time: nothing claimed, the job comes back for it
# Still "not now" after ATTEMPTS (a provider's quota, a push service down): the claim
# is given back and the job comes back for it after the queue's visibility timeout,
# until the queue's MAX_RECEIVES moves the job aside. Sent late, never dropped, never twice.
DEFERRED = "deferred"


def deliver_to(deps, event, alerts, message_for, deliver, sleep=time.sleep, time_left=None, identity=None):
    """Send message_for(alert) on each alert's confirmed channels, once per
    person (channel and address) however many of their alerts match.

    Deliveries run side by side (up to WORKERS): one dead or stalled push
    service, retried with backoff, must not hold up everyone after it.
    time_left: seconds the invocation has left (None: no limit); no delivery
    starts with less than SEND_MARGIN_S left (it is counted UNSTARTED).
    identity(channel, address): who the claim is for (default: the address)."""
    sends, seen = [], set()
    for alert in alerts:
        if _made_after(alert, event):
            continue  # a follower hears what happens after they follow, however late the stream is
        message = None
        for channel, address in sorted(alert.channels.items()):
            who = delivery_id(event.id, channel, identity(channel, address) if identity else address)
            if channel in (alert.pending or []) or who in seen:
                continue
            seen.add(who)
            message = message or message_for(alert)
            sends.append((alert, channel, address, message, who))

    def send(job):
        if time_left is not None and time_left() < SEND_MARGIN_S:
            return UNSTARTED
        alert, channel, address, message, who = job
        return _deliver_once(deps, who, alert, channel, address, message, deliver, sleep)

    if len(sends) <= 1:
        return dict(Counter(map(send, sends)))
    from concurrent.futures import ThreadPoolExecutor
    from ... import tenancy
    with ThreadPoolExecutor(max_workers=min(WORKERS, len(sends))) as pool:
        return dict(Counter(pool.map(tenancy.carried(send), sends)))


def _made_after(alert, event):
    # At the clock's own grain (ids.utc_now keeps microseconds): a reporter's
    # alert, made in the report's own transaction, carries the report's very
    # time, so it hears of the creation; a follow a moment later does not.
    return alert.created_at is not None and event.created_at is not None and alert.created_at > event.created_at


def delivery_id(event_id, channel, address):
    """The claim of one message to one person: the event, the channel and a
    digest of the address with the event (the table holds no address, and
    one person's rows of two events cannot be linked)."""
    who = address["endpoint"] if channel == "push" else address
    return f"{event_id}#{channel}#{ids.digest(f'{event_id}|{channel}|{who}')[:32]}"


class NoPublicUrl(RuntimeError):
    """Message links need DOORSTEP_PUBLIC_URL outside one machine."""


def links_base(deps):
    """Where message links (the report, one-click unsubscribe) point: a council with an address
    of its own (its public_url; on one machine, any council but the default) is linked there
    (config.links_base), never at the deployment's own address, which is the default council's;
    the default council at DOORSTEP_PUBLIC_URL, else where the deps say. A stream Lambda has no
    request to take a host from: without one a deployed stage refuses to send (the batch fails
    and the stream keeps it) rather than mail links to localhost; one machine uses its own port."""
    from ... import tenancy
    from ...config import local_port, links_base as council_base
    from ...notify import LOCAL_STAGES
    council = deps.council
    if council.public_url or council.id != tenancy.default():
        return council_base(deps.settings, council)
    base = deps.settings.public_url or deps.base_url
    if base:
        return base
    if deps.settings.stage not in LOCAL_STAGES:
        raise NoPublicUrl("DOORSTEP_PUBLIC_URL is not set: alert links would point nowhere.")
    return f"http://localhost:{local_port()}"


def unsubscribe_links(base, alert, meeting_notices=False):
    """The List-Unsubscribe POST target, and the web page (a button that POSTs
    it) for people: a GET of the API URL only describes the alert.
    `meeting_notices`: the link of a council meeting notice the alert brought,
    which stops those notices alone (subscriptions.meeting_notices_token)."""
    from .subscriptions import meeting_notices_token, unsubscribe_token
    token = (meeting_notices_token if meeting_notices else unsubscribe_token)(alert.id)
    return {"unsubscribe_url": f"{base}/v1/alerts/unsubscribe?token={token}",
            "unsubscribe_page": f"{base}/alerts/unsubscribe?token={token}"}


def _deliver_once(deps, delivery_id, alert, channel, address, message, deliver, sleep):
    now = deps.clock()
    if not deps.alerts.claim(delivery_id, now, now - STALE_CLAIM, now + DELIVERY_KEEP):
        return "already"
    from ...faults import boundary
    boundary("delivery.claimed")
    held = [now]

    def renew():
        moment = deps.clock()
        if not deps.alerts.renew(delivery_id, held[0], moment):
            return False
        held[0] = moment
        return True
    attempts, outcome = 0, "retry"
    with renewed(renew, f"delivery {delivery_id}"):
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
    if outcome == "retry":
        deps.alerts.release(delivery_id, held[0])
        return DEFERRED
    boundary("delivery.sent")
    deps.alerts.settle(delivery_id, SETTLED.get(outcome, "failed"), attempts)
    # An alert delivered counts as a use of its account (FixMyStreet's rule); a petition's or consultation's
    # recipient, shaped as an alert, names none.
    user_id = getattr(alert, "user_id", None)
    if outcome == "sent" and user_id:
        deps.presence.seen(user_id, deps.clock())
    if outcome == "gone":
        _drop_channel(deps, alert.id, channel)
    return outcome


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
