"""What both sides of a conversation share: who may open it, its views, and
posting a message (numbered, idempotent, photos cleaned through uploads)."""
import re
from datetime import timedelta

from ... import ids, validation
from ...config import socket_address
from ...errors import ApiError, Conflict, NotFound
from ...stamps import stamp
from ...storage.errors import AlreadyExists, EditConflict
from ...storage.records import ChatMessage
from ..shared import idempotency
from .limits import CONVERSATION_ID_PATTERN, IDEMPOTENCY_HOURS, MAX_PHOTOS, PAGE_MAX, TEXT_MAX
from .wording import (AFTER_NOT_CURSOR, BODY_NOT_OBJECT, CONVERSATION_CLOSED, MESSAGE, MESSAGES_AT_ONCE,
                      NOT_MESSAGE_FIELD, NO_CONVERSATION, PHOTOS_NOT_UPLOADS, TOKEN_NOT_THIS_CONVERSATION)

ATTEMPTS = 5  # messages racing for the same number: each loser reads again and takes the next


def find(deps, conversation_id):
    found = deps.conversations.get(conversation_id) \
        if re.fullmatch(CONVERSATION_ID_PATTERN, conversation_id or "") else None
    if found is None:
        raise NotFound(NO_CONVERSATION, code="conversation_not_found")
    return found


def opened(deps, conversation_id, token=None):
    """(conversation, side): "resident" for its account or the holder of its
    token, "staff" for the chat desk's officers. Anyone else: 404 (a conversation's existence is
    as private as its words); a wrong token: 403, as a report's."""
    conversation = find(deps, conversation_id)
    caller = deps.principal
    if token is not None:
        if not conversation.token_hash or not ids.constant_time_equal(conversation.token_hash, ids.digest(token)):
            raise ApiError(TOKEN_NOT_THIS_CONVERSATION, status=403, code="invalid_token")
        return conversation, "resident"
    from ...auth.policy import RESIDENT, who_opens
    from ...auth.rules import CONVERSATION
    who = who_opens(caller, CONVERSATION, conversation.user_id)
    if who is not None:  # the chat desk's officers: the conversation is with their desk (docs/decisions/staff.md)
        return conversation, "resident" if who == RESIDENT else "staff"
    raise NotFound(NO_CONVERSATION, code="conversation_not_found")


def message_view(deps, m):
    from ..reports.photo_access import CHAT
    from ..reports.views import photo_url
    return {"seq": m.seq, "author": m.author, "author_name": m.author_name, "text": m.text,
            "photos": [{"url": photo_url(deps, p, signed=True, of=CHAT), "width": p.get("width"), "height": p.get("height")}
                       for p in m.photos or []],
            "created_at": stamp(m.created_at)}


def view(deps, conversation, side):
    """The conversation as its resident sees it; staff see its contact and party too."""
    from .hours import view as hours_view
    out = {"id": conversation.id, "state": conversation.state, "context": conversation.context,
           "officer_name": conversation.officer_name, "last_seq": conversation.last_seq,
           "report_ids": conversation.report_ids, "rating": conversation.rating,
           "created_at": stamp(conversation.created_at), "closed_at": stamp(conversation.closed_at),
           "desk": hours_view(deps.settings.chat_hours, deps.clock()),
           "socket_url": socket_address(deps.settings, deps.council)}
    if side == "staff":
        out.update(contact={k: v for k, v in conversation.contact.items() if k != "push"},
                   user_id=conversation.user_id, officer=conversation.officer,
                   yours=bool(conversation.officer and deps.principal
                              and conversation.officer == deps.principal.user_id),
                   waiting_since=stamp(conversation.waiting_since),
                   blocked=bool(deps.conversations.blocked(conversation.party)))
    out.update(staff_view(conversation) if side == "staff" else {"choice": conversation.choice})
    return out


def staff_view(conversation):
    """What the desk sees of a waiting resident's other way (waiting.py): when it was offered, what they chose."""
    return {"offered_at": stamp(conversation.offered_at), "choice": conversation.choice,
            "chosen_at": stamp(conversation.chosen_at)}


def messages_after(deps, conversation, after, side):
    """GET .../messages?after=N: the messages numbered above N, and the cursor to
    send next time (the last one's number, or N again when none is new)."""
    found = deps.conversations.messages(conversation.id, after, PAGE_MAX)
    if side == "resident":
        _seen(deps, conversation)
    return {"conversation_id": conversation.id, "state": conversation.state,
            "messages": [message_view(deps, m) for m in found],
            "cursor": found[-1].seq if found else after, "more": len(found) == PAGE_MAX}


def _seen(deps, conversation):
    from .limits import SEEN_EVERY_S
    now = deps.clock()
    if conversation.resident_seen_at is None or now - conversation.resident_seen_at >= timedelta(seconds=SEEN_EVERY_S):
        deps.conversations.seen_by_resident(conversation.id, now)


def cursor(value):
    if value in (None, ""):
        return 0
    if not re.fullmatch(r"[0-9]{1,9}", str(value)):
        raise validation_error("after", AFTER_NOT_CURSOR)
    return int(value)


def validation_error(field, message):
    from ...errors import ValidationFailed
    return ValidationFailed([(field, message)])


def checked_message(body, allowed=("text", "photos")):
    """(text, upload ids) of a message body."""
    problems = validation.Problems(MESSAGE)
    if not isinstance(body, dict):
        raise validation_error("body", BODY_NOT_OBJECT)
    for key in body:
        if key not in allowed:
            problems.add(key, NOT_MESSAGE_FIELD)
    text = validation.text(body.get("text"), "text", problems, 1, TEXT_MAX, required=True)
    photos = body.get("photos") or []
    if not isinstance(photos, list) or len(photos) > MAX_PHOTOS or not all(isinstance(p, str) for p in photos):
        problems.add("photos", PHOTOS_NOT_UPLOADS.format(most=MAX_PHOTOS))
    problems.raise_if_any()
    return text, photos


def post(deps, conversation, author, text, upload_ids=(), idempotency_key=None, author_name=None,
         template_id=None, fingerprint_of=None, notice=False, changes=None):
    """Add a message as number last_seq + 1. The same Idempotency-Key and body
    answer the message stored the first time: (view, created). notice: the
    resident is told of it when not looking (an officer's answer, the close),
    by the `chat_notice` event written with it (notices.on_notice). changes:
    set on the conversation with the message (waiting.choose)."""
    claim = idempotency.Claim(deps, idempotency_key, f"chat#{conversation.id}#{author}",
                              fingerprint_of if fingerprint_of is not None
                              else {"text": text, "photos": list(upload_ids)}, _answer(deps), "another message")
    earlier = claim.earlier()
    if earlier:
        return earlier, False
    if conversation.state == "closed":
        raise Conflict(CONVERSATION_CLOSED, code="conversation_closed")
    now = deps.clock()
    photos = []
    if upload_ids:
        from ...storage.blobs import CHAT_PHOTO_PREFIX
        from ..reports.uploads import attach
        photos = [p for _, p in attach(deps, list(upload_ids), now, into=CHAT_PHOTO_PREFIX)]
    for _ in range(ATTEMPTS):
        message = ChatMessage(conversation_id=conversation.id, seq=conversation.last_seq + 1, author=author,
                              text=text, created_at=now, author_name=author_name, photos=photos,
                              template_id=template_id)
        # Every message's event: its frame to the open screens follows from it
        # (live.on_message); an officer's answer's also tells a resident not looking.
        from ..shared.events import new_event
        event = new_event(deps, "chat_notice" if notice else "chat_message", now, conversation_id=conversation.id,
                          seq=message.seq)
        try:
            deps.conversations.add_message(
                conversation, message, claim.record(f"{conversation.id}#{message.seq}", now, IDEMPOTENCY_HOURS),
                event, changes)
            conversation.last_seq = message.seq
            stored = message_view(deps, message)
            from ...faults import boundary
            boundary("chat.stored")
            from ..shared.effects import first_try
            first_try(deps, [event])  # to the screens open on it at once; the stream if this process stops
            return stored, True
        except AlreadyExists:
            return claim.twin(), False
        except EditConflict:
            conversation = deps.conversations.get(conversation.id)
            if conversation.state == "closed":
                raise Conflict(CONVERSATION_CLOSED, code="conversation_closed") from None
    raise Conflict(MESSAGES_AT_ONCE, code="busy")


def _answer(deps):
    def answer(record):
        conversation_id, seq = record.resource_id.rsplit("#", 1)
        found = deps.conversations.message(conversation_id, int(seq))
        return message_view(deps, found) if found else None
    return answer
