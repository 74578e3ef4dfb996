"""Fixed-window counters: `rule` is (limit, window), and more than `limit`
events in one window gets 429 with Retry-After (the window's end). Counts
live in storage/counters.py; every caller names what it counts."""
from datetime import datetime, timezone

from ..errors import ApiError
from . import wording as words

TOO_MANY = words.TOO_MANY


def _window(now, window):
    seconds = int(window.total_seconds())
    start = int(now.timestamp()) // seconds * seconds
    return start, start + seconds


def _key(name, subject, now, window):
    # The window's length is in the key: at the top of an hour the minute's
    # window and the hour's start at the same second, and one counter for
    # both counted every event twice.
    start, _ = _window(now, window)
    return f"{name}#{subject}#{int(window.total_seconds())}#{start}"


def record(store, name, subject, rule, now, amount=1):
    """Count `amount` events; returns the window's count after it."""
    _, window = rule
    _, end = _window(now, window)
    return store.hit(_key(name, subject, now, window), datetime.fromtimestamp(end, timezone.utc), amount)


def count(store, name, subject, rule, now):
    """The window's count so far, counting nothing."""
    return store.count(_key(name, subject, now, rule[1]))


def retry_after(rule, now):
    """Seconds until the window of `rule` that holds `now` ends."""
    _, end = _window(now, rule[1])
    return max(1, end - int(now.timestamp()))


def refuse(rule, now, message=TOO_MANY, code="too_many_requests"):
    raise ApiError(message, status=429, code=code, headers={"Retry-After": str(retry_after(rule, now))})


def spend(store, name, subject, rule, now, message=TOO_MANY):
    """Count one event and refuse it if it goes over the limit.

    Counting first, atomically, is what stops parallel requests from all
    passing a check that none of them has recorded yet.
    """
    if record(store, name, subject, rule, now) > rule[0]:
        refuse(rule, now, message)


def give_back(store, name, subject, rule, now):
    """Un-count an attempt that turned out fine (a successful login)."""
    record(store, name, subject, rule, now, amount=-1)
