"""Where events come from: the events table's DynamoDB stream in AWS, and a
poller thread on one machine (`chalice local` and the emulator run no
streams). Both hand each event to dispatch.dispatch_event, which makes
repeats harmless, so each source may err on the side of delivering twice.
"""
import logging
import threading
from datetime import timedelta

from . import dispatch

log = logging.getLogger(__name__)

LOOKBACK = timedelta(minutes=2)  # the poller's first window: events written just before it started
OVERLAP = timedelta(seconds=2)  # re-read the cursor's edge: created_at has whole seconds


def on_stream(records, deps_factory, deliver=None):
    """A Chalice DynamoDBEvent's records (or plain stream record dicts):
    dispatch every inserted event. An exception fails the batch and the
    stream redelivers it; claims make that resend nothing already sent."""
    from ...storage.alerts import event_from_image
    done = 0
    for record in records:
        name = getattr(record, "event_name", None) or record.get("eventName")
        image = getattr(record, "new_image", None) if not isinstance(record, dict) \
            else record.get("dynamodb", {}).get("NewImage")
        if name != "INSERT" or not image:
            continue  # TTL deletions and edits of old events are not news
        dispatch.dispatch_event(deps_factory(), event_from_image(image), deliver)
        done += 1
    return done


def poll_once(deps, cursor, seen, deliver=None, sleep=None):
    """Dispatch events created since `cursor`; returns the new cursor.

    Reads the day partitions of EventDayIndex between the cursor (minus a
    small overlap) and now: the window, not the table. `seen` holds the ids
    dispatched inside the overlap so they are not even looked at twice."""
    from ...storage.alerts import events_since
    now = deps.clock()
    newest = cursor
    for event in events_since(cursor - OVERLAP, now):
        if event.id in seen:
            continue
        kwargs = {"sleep": sleep} if sleep else {}
        dispatch.dispatch_event(deps, event, deliver, **kwargs)
        seen[event.id] = event.created_at
        newest = max(newest, event.created_at)
    for eid, created in list(seen.items()):
        if created < newest - OVERLAP - OVERLAP:
            del seen[eid]
    return newest


def run_dispatcher(stop_event, deps_factory, deliver=None, interval=1.0, started=None):
    """The local stack's dispatcher: poll every `interval` seconds until
    stop_event is set. Never dies of an error: it logs and polls again."""
    cursor = None
    seen = {}
    if deliver is None:
        try:
            deliver = dispatch.default_deliver()
        except ImportError:
            log.warning("alert dispatcher: no delivery channels (chalicelib.notify.deliver); not started")
            return
    if started is not None:
        started.set()
    while not stop_event.is_set():
        try:
            deps = deps_factory()
            cursor = cursor or deps.clock() - LOOKBACK
            cursor = poll_once(deps, cursor, seen, deliver)
        except Exception:
            log.exception("alert dispatcher: poll failed; retrying")
        stop_event.wait(interval)


def start_dispatcher(deps_factory, deliver=None, interval=1.0):
    """A daemon thread running run_dispatcher; returns (thread, stop_event)."""
    stop = threading.Event()
    thread = threading.Thread(target=run_dispatcher, args=(stop, deps_factory, deliver, interval),
                              name="doorstep-dispatcher", daemon=True)
    thread.start()
    return thread, stop
