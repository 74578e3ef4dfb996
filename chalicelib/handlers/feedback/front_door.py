"""Comments and compliments through the front door (issue 72, item 2; docs/decisions/feedback.md).

A comment is an answer with no transaction behind it: its service chosen, kept
beside the transactions' answers on that service's desk and marked as a
comment; its rating, when given, is the officers' to read and counts in no
figure (a transaction's satisfaction is one answer per transaction, and a
comment is not one). A compliment names a team (a service, so its desk): it is
counted for the month's figures in the same write, and the event written with
it tells the officers whose roles open that desk (compliments.py). Free text
is checked for personal details as an answer's is (privacy.py). A complaint
is not made here: it is a report in the `complaint` category, whose due rules
set its deadlines (the front door's page sends the resident there)."""
import hashlib

from ... import tenancy, validation
from ...errors import ValidationFailed
from ...stamps import stamp
from ...storage.errors import AlreadyExists
from ..shared.idempotency import Claim
from . import privacy
from .answering import week_of
from .counting import month_of
from .limits import WORDS_MAX
from .services import offered_here
from .wording import (COMPLAINT_ELSEWHERE, NOT_A_COMMENT_FIELD, NOT_A_KIND, NOT_AN_OBJECT, NOT_A_SERVICE,
                      RATING_RANGE)

KINDS = ("comment", "compliment")
FIELDS = {"kind", "service", "words", "rating", "reply_email"}
IDEMPOTENCY_HOURS = 24


def give(deps, body, idempotency_key=None):
    """(view, created): created is False when the same comment was sent before with its key (a retry)."""
    wanted = _checked(body)
    claim = Claim(deps, idempotency_key, deps.principal.user_id if deps.principal else None, body,
                  lambda record: _replayed(deps, record), "another comment")
    earlier = claim.earlier()
    if earlier:
        return earlier, False
    now = deps.clock()
    comment_id = hashlib.sha256(deps.new_opaque_id().encode()).hexdigest()
    comment = {"token_hash": comment_id, "service": wanted["service"], "kind": wanted["kind"],
               "channel": "online", "month": month_of(now), "week": week_of(now), "rating": wanted["rating"],
               "improve": wanted["words"], "flagged": privacy.found(wanted["words"])[1] or None,
               "reply": {"email": wanted["reply_email"]} if wanted["reply_email"] else None,
               "answered_at": now, "changeable_until": now}  # nothing to change: a second thought is another comment
    event = counts = None
    if wanted["kind"] == "compliment":
        from ..shared.events import new_event
        event = new_event(deps, "compliment_given", now, event_id=f"compliment.{comment_id}",
                          answer_id=comment_id, service=wanted["service"])
        counts = {"compliments": 1}
    try:
        item = deps.feedback.record_comment(comment, claim.record(comment_id, now, IDEMPOTENCY_HOURS), event, counts)
    except AlreadyExists:
        return claim.twin(), False
    if event is not None:
        from ..shared.effects import first_try
        first_try(deps, [event])  # its team told now if it can be; the stream tells them otherwise
    return view(item), True


def view(item):
    """What the resident who sent it sees: their own words as given."""
    return {"kind": item.kind, "service": item.service, "words": item.improve,
            "rating": int(item.rating) if item.rating is not None else None, "reply_asked": bool(item.reply),
            "given_at": stamp(item.answered_at)}


def _replayed(deps, record):
    found = deps.feedback.answer(record.resource_id)
    return view(found) if found is not None else None


def _checked(body):
    if not isinstance(body, dict):
        raise ValidationFailed([("body", NOT_AN_OBJECT)])
    problems = validation.Problems()
    kind = body.get("kind")
    if kind == "complaint":
        problems.add("kind", COMPLAINT_ELSEWHERE)
    elif kind not in KINDS:
        problems.add("kind", NOT_A_KIND)
    services = offered_here(tenancy.current())
    service = body.get("service")
    if not isinstance(service, str) or service not in services:
        problems.add("service", NOT_A_SERVICE.format(services=", ".join(services)))
    words = validation.text(body.get("words"), "words", problems, min_len=1, max_len=WORDS_MAX)
    rating = body.get("rating")
    if rating is not None and (isinstance(rating, bool) or not isinstance(rating, int) or not 1 <= rating <= 5):
        problems.add("rating", RATING_RANGE)
    reply = validation.email(body.get("reply_email"), "reply_email", problems)
    for name in sorted(set(body) - FIELDS):
        problems.add(name, NOT_A_COMMENT_FIELD)
    problems.raise_if_any()
    return {"kind": kind, "service": service, "words": words, "rating": rating,
            "reply_email": reply.lower() if reply else None}
