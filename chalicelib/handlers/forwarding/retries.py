"""When a failed send is tried again: after 5 minutes, then every 30, and
after a day of trying it stops and waits for staff ("send again"), as
FixMyStreet's sender does. A try claims its send for CLAIM, renewed while it
talks to the body (chalicelib/leases.py), so a second worker (a duplicate queue
delivery) leaves it alone, and a crashed one's claim lapses within a minute."""
from datetime import timedelta

from ...leases import LEASE

FIRST_RETRY = timedelta(minutes=5)
RETRY_EVERY = timedelta(minutes=30)
GIVE_UP_AFTER = timedelta(days=1)
CLAIM = LEASE


def after_failure(send, now):
    """The next try's time, or None when a day of trying has passed."""
    if send.first_try_at and now - send.first_try_at >= GIVE_UP_AFTER:
        return None
    return now + (FIRST_RETRY if int(send.tries or 0) <= 1 else RETRY_EVERY)


def due(send, now):
    """Whether a try may start now: unsettled, its time come, no live claim."""
    if not send.unsettled:
        return False
    if send.state == "sending" and send.claimed_until and send.claimed_until > now:
        return False
    return send.next_try_at is None or send.next_try_at <= now


def answer_within(body):
    """How long a body has to answer before it is chased (the due index's answer time), or None."""
    return timedelta(days=body.answer_within_days) if body and body.answer_within_days else None
