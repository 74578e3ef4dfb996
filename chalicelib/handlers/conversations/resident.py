"""The resident's side: start a conversation from any screen (signed in, or
with a name and an e-mail or phone), read it, write in it, rate it at the end."""
import re

from ... import ids, validation
from ...errors import ApiError, Conflict, ValidationFailed
from ...storage.errors import AlreadyExists
from ...storage.records import Conversation
from ..shared import idempotency
from . import chat, hours
from .limits import IDEMPOTENCY_HOURS, NAME_MAX, RATINGS, SCREENS_PATTERN
from .wording import (ALREADY_RATED, BODY_NOT_OBJECT, CHAT_STOPPED_FOR_YOU, CONTACT_OR_SIGN_IN, CONTEXT_NOT_OBJECT,
                      CONTEXT_NOT_REPORT_REFERENCE, MESSAGE, NAME_OR_SIGN_IN, NOT_CONTEXT_FIELD,
                      NOT_CONVERSATION_FIELD, ONLY_RESIDENT_RATES, PHOTOS_WITHOUT_TEXT, RATED_ONCE_CLOSED,
                      RATING_NOT_ONE_TO_FIVE, SCREEN_NOT_NAME, STAFF_ANSWER_ELSEWHERE, UPRN_NOT_DIGITS)

FIELDS = ("name", "email", "phone", "context", "text", "photos", "push_subscription")


def party_of(user_id, contact):
    """Who a block applies to: the account, else the e-mail, else the phone (hashed)."""
    if user_id:
        return f"user:{user_id}"
    if contact.get("email"):
        return "email:" + ids.digest(contact["email"].lower())
    return "phone:" + ids.digest(validation.e164(contact["phone"]) or contact["phone"]) if contact.get("phone") else None


def refuse_if_blocked(deps, party):
    if deps.conversations.blocked(party):
        raise ApiError(CHAT_STOPPED_FOR_YOU, status=403, code="blocked")


def _context(value, problems):
    if value is None:
        return {}
    if not isinstance(value, dict):
        problems.add("context", CONTEXT_NOT_OBJECT)
        return {}
    out = {}
    for key in value:
        if key not in ("screen", "report_id", "uprn"):
            problems.add(f"context.{key}", NOT_CONTEXT_FIELD)
    screen, report_id, uprn = value.get("screen"), value.get("report_id"), value.get("uprn")
    if screen is not None:
        if isinstance(screen, str) and re.fullmatch(SCREENS_PATTERN, screen):
            out["screen"] = screen
        else:
            problems.add("context.screen", SCREEN_NOT_NAME)
    if report_id is not None:
        rid = ids.normalise_report_id(report_id) if isinstance(report_id, str) else None
        if rid and ids.is_report_id(rid):
            out["report_id"] = rid
        else:
            problems.rule("context.report_id", CONTEXT_NOT_REPORT_REFERENCE)
    if uprn is not None:
        if isinstance(uprn, str) and re.fullmatch(r"[0-9]{1,12}", uprn):
            out["uprn"] = uprn
        else:
            problems.add("context.uprn", UPRN_NOT_DIGITS)
    return out


def start(deps, body, idempotency_key=None, token_param=None):
    """POST /v1/conversations: (view with token once, created)."""
    if not isinstance(body, dict):
        raise ValidationFailed([("body", BODY_NOT_OBJECT)])
    problems = validation.Problems(MESSAGE)
    for key in body:
        if key not in FIELDS:
            problems.add(key, NOT_CONVERSATION_FIELD)
    caller = deps.principal
    user = deps.accounts.user(caller.user_id) if caller is not None and deps.accounts else None
    name = validation.text(body.get("name"), "name", problems, 0, NAME_MAX) or (user.name if user else None)
    email = validation.email(body.get("email"), "email", problems) or (
        user.email if user and user.email_verified else None)
    phone = validation.phone(body.get("phone"), "phone", problems) or (user.phone if user else None)
    if user is None:  # rules the document states in words (422)
        if not name:
            problems.rule("name", NAME_OR_SIGN_IN)
        if not (email or phone):
            problems.rule("email", CONTACT_OR_SIGN_IN)
    context = _context(body.get("context"), problems)
    push = None
    if body.get("push_subscription") is not None:  # the browser's, for an answer while the app is closed
        from ..alerts.channels import push_subscription
        push = push_subscription(deps, body["push_subscription"], problems)
    first = None
    if body.get("text") is not None:
        first = chat.checked_message({k: body[k] for k in ("text", "photos") if k in body})
    elif body.get("photos"):
        problems.rule("text", PHOTOS_WITHOUT_TEXT)
    problems.raise_if_any()
    contact = {k: v for k, v in {"name": name, "email": email, "phone": phone, "push": push}.items() if v}
    user_id = user.id if user else None
    party = party_of(user_id, contact)
    refuse_if_blocked(deps, party)
    from ...auth import rate_limits
    rate_limits.creation(deps, "conversation")
    claim = idempotency.Claim(deps, idempotency_key, user_id, body, _answer(deps), "another conversation")
    earlier = claim.earlier()
    if earlier:
        return earlier, False
    now = deps.clock()
    token = None if user_id else deps.new_token()
    conversation = Conversation(
        id="CV-" + deps.new_opaque_id()[:16], state="waiting", created_at=now, updated_at=now, user_id=user_id,
        token_hash=ids.digest(token) if token else None, contact=contact, context=context, party=party,
        waiting_since=now)
    try:
        deps.conversations.create(conversation, claim.record(conversation.id, now, IDEMPOTENCY_HOURS, secret=token))
    except AlreadyExists:
        return claim.twin(), False
    if first:
        chat.post(deps, conversation, "resident", first[0], first[1], author_name=name)
    if not hours.is_open(deps.settings.chat_hours, now):
        channels = [c for c, v in (("email", email), ("phone", phone), ("notifications", push)) if v]
        chat.post(deps, conversation, "system", hours.closed_notice(deps.settings.chat_hours, now, channels))
    from .live import queue_changed
    queue_changed(deps)  # after its first message: the desk sees the question with it
    out = chat.view(deps, conversation, "resident")
    out["token"] = token
    from .waiting import view as waiting_view
    out["queue"] = waiting_view(deps, conversation)
    return out, True


def _answer(deps):
    def answer(record):
        conversation = deps.conversations.get(record.resource_id)
        if conversation is None:
            return None
        return {**chat.view(deps, conversation, "resident"), "token": record.secret}
    return answer


def read(deps, conversation_id, token=None):
    """GET .../{id}: the resident's view carries its place in the queue while it waits."""
    conversation, side = chat.opened(deps, conversation_id, token)
    out = chat.view(deps, conversation, side)
    if side == "resident":
        from .waiting import view as waiting_view
        out["queue"] = waiting_view(deps, conversation, record_offer=True)
    return out


def messages(deps, conversation_id, after, token=None):
    conversation, side = chat.opened(deps, conversation_id, token)
    return chat.messages_after(deps, conversation, chat.cursor(after), side)


def write(deps, conversation_id, body, idempotency_key, token=None):
    """POST .../messages from the resident (staff answer through the desk)."""
    conversation, side = chat.opened(deps, conversation_id, token)
    if side != "resident":
        raise Conflict(STAFF_ANSWER_ELSEWHERE, code="not_the_resident")
    text, photos = chat.checked_message(body)
    refuse_if_blocked(deps, conversation.party)
    from ...auth import rate_limits
    rate_limits.creation(deps, "chat_message")
    return chat.post(deps, conversation, "resident", text, photos, idempotency_key,
                     author_name=conversation.contact.get("name"))


def rate(deps, conversation_id, body, token=None):
    """POST .../rating {rating: 1-5}: the one question at the end, answered once."""
    conversation, side = chat.opened(deps, conversation_id, token)
    if side != "resident":
        raise Conflict(ONLY_RESIDENT_RATES, code="not_the_resident")
    if not isinstance(body, dict) or set(body) != {"rating"} or body["rating"] not in RATINGS \
            or isinstance(body["rating"], bool):
        raise ValidationFailed([("rating", RATING_NOT_ONE_TO_FIVE)])
    if deps.conversations.rate(conversation.id, body["rating"]):
        # Counted once, however often the answer is sent (the event id's marker).
        deps.stats.count(f"chat-rating-{conversation.id}", {"chat": {"answers": 1, f"rating_{body['rating']}": 1}},
                         deps.clock())
    else:
        conversation = deps.conversations.get(conversation.id)
        if conversation.state != "closed":
            raise Conflict(RATED_ONCE_CLOSED, code="conversation_open")
        if conversation.rating != body["rating"]:
            raise Conflict(ALREADY_RATED, code="already_rated")
    return chat.view(deps, deps.conversations.get(conversation.id), "resident")


def mine(deps):
    """GET /v1/me/conversations: the resident's conversations, newest first."""
    return {"conversations": [chat.view(deps, c, "resident") for c in deps.conversations.of_user(
        deps.principal.user_id)]}


def transcripts(deps, user_id):
    """For My Account's export: each conversation with every message in it."""
    out = []
    for c in deps.conversations.of_user(user_id, limit=10_000):
        view = chat.view(deps, c, "resident")
        view["contact"] = {k: v for k, v in c.contact.items() if k != "push"}
        view["messages"], after = [], 0
        while True:
            page = deps.conversations.messages(c.id, after, 1000)
            view["messages"] += [chat.message_view(deps, m) for m in page]
            if len(page) < 1000:
                break
            after = page[-1].seq
        out.append(view)
    return out
