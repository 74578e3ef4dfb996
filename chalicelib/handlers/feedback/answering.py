"""An answer to "how did it go?" at the end of a transaction: one per
transaction (its token), changeable for a day, counted in the same write.
Anonymous: the stored answer keeps the token's hash, the service, the channel
and the month, never who answered, unless they ask for a reply and give an
address for it. Free text is checked for personal details first
(privacy.py): masked for everyone but the service's officers."""
from ... import tenancy, validation
from ...errors import Conflict, NotFound, ValidationFailed
from ...stamps import stamp
from ...storage.errors import AlreadyExists, EditConflict
from . import privacy, tokens
from .limits import CHANGEABLE_FOR, IMPROVE_MAX
from .wording import (CHANGED_AT_ONCE, CLOSED, NOT_AN_ANSWER_FIELD, NOT_AN_OBJECT, RATING_RANGE, TOKEN_NOT_VALID,
                      TOKEN_REQUIRED)

FIELDS = {"token", "rating", "improve", "reply_email"}
ATTEMPTS = 3


def answer(deps, body):
    """(view, created): created is False when the same answer was given before (a retry)."""
    wanted, token = _checked(body)
    asked = tokens.opened(token, tenancy.current())
    if asked is None:
        raise NotFound(TOKEN_NOT_VALID, code="not_found")
    key = tokens.hashed(token)
    for _ in range(ATTEMPTS):
        now = deps.clock()
        before = deps.feedback.answer(key)
        if before is not None and _same(before, wanted):
            return view(before), False
        if before is not None and now > before.changeable_until:
            raise Conflict(CLOSED.format(answered=stamp(before.answered_at)[:10]), code="feedback_closed")
        # A change gives a new rating; words or a reply address left out are the first answer's still (the
        # receipt's link asks again with an empty form), and the officers' tags are theirs to keep.
        improve = wanted["improve"] or (before.improve if before else None)
        reply = {"email": wanted["reply_email"]} if wanted["reply_email"] else (before.reply if before else None)
        # Kept as written for the service's officers; the kinds found mark it for them to check (privacy.py).
        flagged = privacy.found(improve)[1] if improve else []
        record = {"token_hash": key, "service": asked["service"], "channel": asked["channel"],
                  "month": asked["month"], "week": before.week if before else week_of(now),
                  "rating": wanted["rating"], "improve": improve, "flagged": flagged or None, "reply": reply,
                  "tags": list(before.tags) if before and before.tags else None, "answered_at": now,
                  "changeable_until": before.changeable_until if before else now + CHANGEABLE_FOR}
        try:
            return view(deps.feedback.record_answer(record, before)), True
        except (AlreadyExists, EditConflict):
            continue  # another answer to the same transaction won: read it and decide again
    # Lost every race to changes made at the same moment: the answer is still open to change, so say
    # so (it was "can no longer be changed", which is only true a day after the first answer).
    raise Conflict(CHANGED_AT_ONCE, code="feedback_changed")


def week_of(moment):
    from .counting import LONDON
    year, week, _ = moment.astimezone(LONDON).isocalendar()
    return f"{year}-W{week:02d}"


def view(item):
    """What the resident who answered sees of it: their own words as given."""
    return {"service": item.service, "rating": int(item.rating), "improve": item.improve,
            "reply_asked": bool(item.reply), "changeable_until": stamp(item.changeable_until)}


def _same(before, wanted):
    """Whether `wanted` says nothing `before` does not: the same rating, and its words and reply address
    either the same or left out (kept from before)."""
    return (int(before.rating) == wanted["rating"] and wanted["improve"] in (None, before.improve or None)
            and wanted["reply_email"] in (None, (before.reply or {}).get("email") or None))


def _checked(body):
    if not isinstance(body, dict):
        raise ValidationFailed([("body", NOT_AN_OBJECT)])
    problems = validation.Problems()
    token = validation.token(body.get("token"), "token", problems, tokens.MOST, missing=TOKEN_REQUIRED)
    rating = body.get("rating")
    if isinstance(rating, bool) or not isinstance(rating, int) or not 1 <= rating <= 5:
        problems.add("rating", RATING_RANGE)
    improve = validation.text(body.get("improve"), "improve", problems, max_len=IMPROVE_MAX) or None
    reply = validation.email(body.get("reply_email"), "reply_email", problems)
    for name in sorted(set(body) - FIELDS):
        problems.add(name, NOT_AN_ANSWER_FIELD)
    problems.raise_if_any()
    return {"rating": rating, "improve": improve.strip() if improve else None,
            "reply_email": reply.lower() if reply else None}, token
