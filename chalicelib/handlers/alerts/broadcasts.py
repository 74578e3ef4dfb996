"""Staff broadcasts: council news (bins, roads, emergencies) to the people
who follow that topic in the targeted place.

POST writes the audit entry and its event in one transaction; the
dispatcher (broadcast_dispatch) finds the audience and sends. Any staff
member may broadcast, whatever their category scope: a scope names the
report categories someone handles, and a broadcast is about no report; the
rate limit, the audit log (author, target, text, how many were told) and
the topic allow-list bound what one account can do.
"""
import base64
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from ... import validation
from ...auth import throttle
from ...errors import ApiError, NotFound, Unacceptable, ValidationFailed
from ...stamps import stamp
from ...storage import metering
from ...storage.records import Broadcast
from . import targets as alert_targets, broadcast_targets
from .limits import BODY_MAX, LIST_DEFAULT, LIST_MAX, PER_STAFF_PER_HOUR, PER_TOPIC_PER_HOUR, TITLE_MAX, URL_MAX
from ..shared import events, idempotency
from .wording import (BODY_NOT_OBJECT, KEY_USED_FOR_ANOTHER_BROADCAST, NO_SUCH_BROADCAST, NOT_A_CURSOR, ONE_OF,
                      URL_FORMAT)

# (limit, window): per staff member per topic, and per staff member overall.
PER_TOPIC = (PER_TOPIC_PER_HOUR, timedelta(hours=1))
PER_STAFF = (PER_STAFF_PER_HOUR, timedelta(hours=1))


def create(deps, body, idempotency_key=None):
    """Returns (view, created). The same Idempotency-Key from the same staff
    member answers the first broadcast again and sends nothing more."""
    if not isinstance(body, dict):
        raise ValidationFailed([("body", BODY_NOT_OBJECT)])
    problems = validation.Problems()
    topic = body.get("topic")
    if topic not in alert_targets.TOPICS:
        problems.add("topic", ONE_OF.format(choices=", ".join(alert_targets.TOPICS)))
    title = validation.text(body.get("title"), "title", problems, min_len=3, max_len=TITLE_MAX, required=True)
    text = validation.text(body.get("body"), "body", problems, min_len=1, max_len=BODY_MAX, required=True)
    url = _url(body.get("url"), problems)
    problems.raise_if_any()
    target = broadcast_targets.check(deps, body.get("target"))

    author, now = deps.principal.user_id, deps.clock()
    key = idempotency.request_key(idempotency_key, author)
    broadcast_id = "bc" + (key or deps.new_opaque_id())[:24]
    if key and (earlier := deps.broadcasts.get(broadcast_id)) is not None:
        if (earlier.topic, earlier.title, earlier.body, earlier.url, earlier.target) != (topic, title, text, url, target):
            raise Unacceptable(KEY_USED_FOR_ANOTHER_BROADCAST, code="idempotency_key_reused")
        return view(earlier), False
    _spend(deps, author, topic, now)

    broadcast = Broadcast(id=broadcast_id, created_at=now, author=author, topic=topic, target=target,
                          title=title, body=text, url=url, status="queued")
    event = events.new_event(deps, "broadcast", now, broadcast_id=broadcast_id, topic=topic)
    if not deps.broadcasts.create(broadcast, event):
        _give_back(deps, author, topic, now)
        return view(deps.broadcasts.get(broadcast_id)), False
    return view(broadcast), True


def _url(value, problems):
    if value is None or value == "":
        return None
    parts = urlsplit(value) if isinstance(value, str) and len(value) <= URL_MAX else None
    if parts is None or parts.scheme not in ("https", "http") or not parts.netloc or any(c.isspace() for c in value):
        problems.add("url", URL_FORMAT.format(most=URL_MAX))
        return None
    return value


def _spend(deps, author, topic, now):
    """Count first, atomically (throttle.spend), so parallel requests cannot
    all pass; a refused or failed broadcast gives its count back."""
    throttle.spend(deps.counters, "broadcast-topic", f"{author}#{topic}", PER_TOPIC, now)
    try:
        throttle.spend(deps.counters, "broadcast-staff", author, PER_STAFF, now)
    except ApiError:
        throttle.give_back(deps.counters, "broadcast-topic", f"{author}#{topic}", PER_TOPIC, now)
        raise


def _give_back(deps, author, topic, now):
    throttle.give_back(deps.counters, "broadcast-topic", f"{author}#{topic}", PER_TOPIC, now)
    throttle.give_back(deps.counters, "broadcast-staff", author, PER_STAFF, now)


def list_broadcasts(deps, query):
    """The audit log, newest first: ?limit= (1-100) and ?after= (the
    previous page's `next`)."""
    metering.expose()
    problems = validation.Problems()
    limit = validation.page_limit(query, problems, LIST_DEFAULT, LIST_MAX)
    problems.raise_if_any()
    after = _cursor(query.get("after"))
    items, last = deps.broadcasts.newest(limit, after)
    return {"broadcasts": [view(b) for b in items], "next": _encode(last) if last else None}


def get_broadcast(deps, broadcast_id):
    """Staff: the audit entry. Anyone else (a message's link, /?broadcast=):
    the news itself, with nothing about who sent it or to where."""
    broadcast = deps.broadcasts.get(broadcast_id) if isinstance(broadcast_id, str) and len(broadcast_id) == 26 \
        else None
    if broadcast is None:
        raise NotFound(NO_SUCH_BROADCAST, code="broadcast_not_found")
    from ...auth.policy import who_opens
    from ...auth.rules import BROADCAST
    if who_opens(deps.principal, BROADCAST, None):  # the council news desk's officers
        return view(broadcast)
    return public_view(broadcast)


def public_view(broadcast):
    return {"id": broadcast.id, "topic": broadcast.topic, "title": broadcast.title, "body": broadcast.body,
            "url": broadcast.url, "created_at": stamp(broadcast.created_at)}


def _encode(last):
    created_at, broadcast_id = last
    return base64.urlsafe_b64encode(f"{created_at.isoformat()}|{broadcast_id}".encode()).decode().rstrip("=")


def _cursor(value):
    """A page's `next`; anything else is well formed but not a page this log gave (422, as every list's)."""
    if not value:
        return None
    try:
        created, broadcast_id = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)).decode().split("|")
        if not broadcast_id.startswith("bc") or len(broadcast_id) != 26:
            raise ValueError(broadcast_id)
        return datetime.fromisoformat(created), broadcast_id
    except ValueError:  # binascii.Error and UnicodeDecodeError are ValueErrors too
        raise validation.broken_rules([("after", NOT_A_CURSOR)]) from None


def view(broadcast):
    """Staff only: the author is a staff user id, never a resident's data."""
    return {"id": broadcast.id, "target": broadcast.target, "topic": broadcast.topic, "title": broadcast.title,
            "body": broadcast.body, "url": broadcast.url, "created_at": stamp(broadcast.created_at),
            "author": broadcast.author, "status": broadcast.status, "told": int(broadcast.told or 0),
            "failed": int(broadcast.failed or 0), "dispatched_at": stamp(broadcast.dispatched_at)}
