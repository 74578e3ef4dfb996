"""Fixed-window counters against guessing: failed logins per account and per
client, and reset/verification e-mails per address."""
from datetime import timedelta

from ..errors import ApiError

# (limit, window): more than `limit` events in a window gets 429.
LOGIN_FAILURES_PER_ACCOUNT = (10, timedelta(minutes=15))
LOGIN_FAILURES_PER_CLIENT = (30, timedelta(minutes=15))
EMAILS_PER_ADDRESS = (5, timedelta(hours=1))
EMAILS_PER_CLIENT = (20, timedelta(hours=1))


def _window(now, window):
    seconds = int(window.total_seconds())
    start = int(now.timestamp()) // seconds * seconds
    return start, start + seconds


def _key(name, subject, now, window):
    start, _ = _window(now, window)
    return f"{name}#{subject}#{start}"


def record(store, name, subject, rule, now, amount=1):
    """Count `amount` events; returns the window's count after it."""
    limit, window = rule
    _, end = _window(now, window)
    from datetime import datetime, timezone
    return store.throttle_hit(_key(name, subject, now, window), datetime.fromtimestamp(end, timezone.utc),
                              amount)


def spend(store, name, subject, rule, now):
    """Count one event and refuse it if it goes over the limit.

    Counting first, atomically, is what stops parallel requests from all
    passing a check that none of them has recorded yet.
    """
    limit, window = rule
    if record(store, name, subject, rule, now) > limit:
        _, end = _window(now, window)
        raise ApiError("Too many attempts; try again later.", status=429, code="too_many_requests",
                       headers={"Retry-After": str(max(1, end - int(now.timestamp())))})


def give_back(store, name, subject, rule, now):
    """Un-count an attempt that turned out fine (a successful login)."""
    record(store, name, subject, rule, now, amount=-1)
