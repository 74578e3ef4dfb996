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


def check(store, name, subject, rule, now):
    """429 if `subject` has used up its allowance for `name` in this window."""
    limit, window = rule
    if store.throttle_count(_key(name, subject, now, window)) >= limit:
        _, end = _window(now, window)
        retry = max(1, end - int(now.timestamp()))
        raise ApiError("Too many attempts; try again later.", status=429, code="too_many_requests",
                       headers={"Retry-After": str(retry)})


def record(store, name, subject, rule, now):
    limit, window = rule
    _, end = _window(now, window)
    from datetime import datetime, timezone
    store.throttle_hit(_key(name, subject, now, window), datetime.fromtimestamp(end, timezone.utc))


def spend(store, name, subject, rule, now):
    """Check then count one event (for actions that are limited whether or not they succeed)."""
    check(store, name, subject, rule, now)
    record(store, name, subject, rule, now)
