"""A form's webhook post that must not be lost: a council system down
overnight, or for a weekend, still gets it. The effect (`forms.hand_on`)
keeps one outbox row per form sent, `form-hook:<reference>` (queued twice,
kept once), in the outbox's sparse `queued` index under "webhook", and
tries it at once. A failed try waits by BACKOFF (1 minute doubling to 8 hours,
then every 8 hours), taken again by the every-five-minutes sweep
(`send_due`, app.py's send_council_tax_requests: the hand-ons to the
council's systems), for three days (GIVE_UP_AT_TRY): then it is given up,
logged at ERROR, and kept under "webhook-failed", which staff read
(`GET /v1/staff/forms/hand-ons/failed`) and send again from.

The row holds the submission's reference, not its answers: each try reads
the submission, so the answers live in one place and go with it at the
end of the form's retention (a row whose submission is gone is given up).
Two sweeps never post one row at once: each claims it first (its try time
moved on by LEASE, conditional on it being as read, and renewed while the post runs)."""
import logging
from datetime import datetime, timedelta, timezone

from ... import leases

CHANNEL, GIVEN_UP = "webhook", "webhook-failed"
BACKOFF = [timedelta(minutes=m) for m in (1, 2, 4, 8, 15, 30, 60, 120, 240, 480)]  # then every 8 hours
# Tries at 0, 1, 3, 7 ... 960 minutes, then every 8 hours: the 18th is three days on. Counted in tries, not
# time, so a post staff send again gets the same three days afresh.
GIVE_UP_AT_TRY = 18
LEASE = leases.LEASE  # renewed while a try runs (a post may take webhook.TIMEOUT_S)
KEEP = timedelta(days=30)  # the row (a reference and an address) after it was made
_FAR = datetime(9999, 1, 1, tzinfo=timezone.utc)  # every given-up row's try time is before it
PREFIX = "form-hook:"
log = logging.getLogger("doorstep.forms")


def queue(deps, submission_id):
    """The effect's part: the post kept in the queue, then tried once."""
    from ...storage.records import OutboxMessage
    url = _url(deps, submission_id)
    if url is None:
        return
    now = deps.clock()
    row = OutboxMessage(id=PREFIX + submission_id, channel=CHANNEL, to=url, body=submission_id, created_at=now,
                        expires=now + KEEP, status="queued", queued=CHANNEL, try_at=now)
    if deps.outbox.enqueue(row):
        attempt(deps, row)


def send_due(deps, limit=50):
    """The sweep: posts whose next try has come (one Query). {outcome: count}."""
    from collections import Counter
    done = Counter(attempt(deps, row) for row in deps.outbox.waiting(CHANNEL, deps.clock(), limit))
    return {f"webhook_{k}": v for k, v in done.items()}


def attempt(deps, row):
    """One try of one row: "sent", "retry", "failed" or "busy" (another sweep has it)."""
    from .cases import sent_with_definition
    from .webhook import WebhookRefused, post
    now = deps.clock()
    if not deps.outbox.claim(row, now + LEASE):
        return "busy"
    tries = int(row.tries or 0) + 1
    submission, _ = sent_with_definition(deps, row.body)
    try:
        if submission is None:
            raise WebhookRefused("the form sent is no longer kept")
        with leases.outbox_lease(deps.clock, deps.outbox, row, now + LEASE):
            post(deps, submission, row.to)
    except WebhookRefused as e:
        if submission is None or tries >= GIVE_UP_AT_TRY:
            log.error("form webhook given up: %s after %s tries: %s", row.body, tries, e)
            deps.outbox.tried(row.id, str(e), now, given_up_in=GIVEN_UP)
            return "failed"
        wait = BACKOFF[tries - 1] if tries <= len(BACKOFF) else BACKOFF[-1]
        log.warning("form webhook %s: try %s failed (%s); again in %s", row.body, tries, e, wait)
        deps.outbox.tried(row.id, str(e), now + wait)
        return "retry"
    deps.outbox.settle(row.id, "sent")
    return "sent"


def given_up(deps, limit=100):
    """Posts given up, for staff: what, where, how often tried, why, when."""
    from ...stamps import stamp
    from urllib.parse import urlsplit
    return {"hand_ons": [{"reference": row.body, "to": urlsplit(row.to).netloc, "tries": int(row.tries or 0),
                          "error": row.error, "sent_at": stamp(row.created_at), "given_up_at": stamp(row.try_at)}
                         for row in deps.outbox.waiting(GIVEN_UP, _FAR, limit)]}


def send_again(deps, reference):
    """Staff's "send again": queued at once, tries counted afresh; 409 if it is not given up."""
    from ...errors import Conflict
    from . import wording
    if not deps.outbox.requeue(PREFIX + reference, GIVEN_UP, CHANNEL, deps.clock()):
        raise Conflict(wording.HAND_ON_NOT_GIVEN_UP, code="not_given_up")
    row = deps.outbox.get(PREFIX + reference)
    return {"reference": reference, "outcome": attempt(deps, row)}


def _url(deps, submission_id):
    from .cases import sent_with_definition
    _, definition = sent_with_definition(deps, submission_id)
    return ((definition or {}).get("hand_on") or {}).get("url")

