"""A resident waiting for an officer: their place in the queue, the wait
expected from how long recent residents waited, and, after a set time
(DOORSTEP_CHAT_OFFER_AFTER_S), the offer of another way: an answer by
e-mail, a phone call, or ending the chat. What they were offered and chose
is kept on the conversation, for the desk to see.

The expected wait is cheap: take() adds each answered conversation's wait to
an item for the hour (two numbers), and the estimate reads this hour's and
the last (two small items): no scan, however busy the desk."""
from ...errors import Conflict, ValidationFailed
from . import chat
from .wording import CHOICE_FIELD, CHOSE_EMAIL, CHOSE_END, CHOSE_PHONE, CONVERSATION_CLOSED, ONLY_RESIDENT_CHOOSES

CHOICES = ("email", "phone", "end")
PLACES_COUNTED = 50  # further back than this the place is said as "50 or more"
LEAST_WAIT_S = 60  # never promise an answer sooner than a minute


def expected_wait_s(waited_total, answered, place, waited_so_far):
    """Each answer moves the resident up one place, and recent residents
    waited waited_total/answered each: about place x that, less what they have
    waited already. None when nobody was answered in the last two hours."""
    if not answered:
        return None
    return max(LEAST_WAIT_S, round(waited_total / answered * place - waited_so_far))


def view(deps, conversation, record_offer=False):
    """The `queue` part of a waiting conversation's view, or None. record_offer:
    the resident's screen is reading it (then an offer shown is kept)."""
    if conversation.state != "waiting" or conversation.waiting_since is None:
        return None
    now = deps.clock()
    s = deps.settings
    waited = max(0, int((now - conversation.waiting_since).total_seconds()))
    place = deps.conversations.place(conversation, PLACES_COUNTED)
    from .hours import is_open
    # While the desk is closed nobody will answer in minutes: the other ways are offered at once.
    offer_in = max(0, s.chat_offer_after_s - waited) if is_open(s.chat_hours, now) else 0
    if offer_in == 0 and record_offer and conversation.offered_at is None:
        deps.conversations.offered(conversation.id, now)
    return {"place": place, "more_ahead": place > PLACES_COUNTED,
            "wait_s": expected_wait_s(*deps.conversations.recent_waits(now), place, waited),
            "waited_s": waited, "offer_in_s": offer_in,
            "offer": {"phone": s.chat_phone, "email": conversation.contact.get("email")} if offer_in == 0 else None}


def choose(deps, conversation_id, body, token=None):
    """POST .../choice {choice: email|phone|end, email?}: the resident's other way.
    Said in the conversation by a message whose event tells them (an e-mail
    confirms the e-mail choice); the same choice again changes nothing."""
    conversation, side = chat.opened(deps, conversation_id, token)
    if side != "resident":
        raise Conflict(ONLY_RESIDENT_CHOOSES, code="not_the_resident")
    if not isinstance(body, dict) or body.get("choice") not in CHOICES or set(body) - {"choice", "email"}:
        raise ValidationFailed([("choice", CHOICE_FIELD["choice"])])
    choice = body["choice"]
    if conversation.state == "closed":
        if choice == "end":
            return chat.view(deps, conversation, "resident")
        raise Conflict(CONVERSATION_CLOSED, code="conversation_closed")
    now = deps.clock()
    changes = {"choice": choice, "chosen_at": now}
    if conversation.choice != choice:
        if choice == "email":
            email = _email(conversation, body)
            changes["contact"] = {**conversation.contact, "email": email}
            chat.post(deps, conversation, "system", CHOSE_EMAIL.format(email=email), notice=True, changes=changes)
        elif choice == "phone":
            s = deps.settings
            chat.post(deps, conversation, "system", CHOSE_PHONE.format(phone=s.chat_phone, hours=s.chat_hours),
                      changes=changes)
        else:
            chat.post(deps, conversation, "system", CHOSE_END, changes=changes)
    if choice == "end":
        _end(deps, conversation.id)
    from .live import queue_changed
    queue_changed(deps)  # the desk sees the choice
    conversation = deps.conversations.get(conversation.id)
    return {**chat.view(deps, conversation, "resident"), "queue": view(deps, conversation)}


def _email(conversation, body):
    from ... import validation
    given = body.get("email")
    if given is None and conversation.contact.get("email"):
        return conversation.contact["email"]
    problems = validation.Problems({"email": {"invalid": CHOICE_FIELD["email"], "missing": CHOICE_FIELD["email"]}})
    email = validation.email(given, "email", problems)
    if email is None and not problems.items:
        problems.missing("email")
    problems.raise_if_any()
    return email


def _end(deps, conversation_id):
    """Closed by the resident (a retry after a crash between the message and
    the close closes it then)."""
    from ...storage.errors import EditConflict
    from .live import state_changed
    for _ in range(3):
        conversation = deps.conversations.get(conversation_id)
        if conversation.state == "closed":
            return
        try:
            deps.conversations.close(conversation, "resident", deps.clock())
            state_changed(deps, deps.conversations.get(conversation_id))
            return
        except EditConflict:
            continue  # taken or handed over meanwhile: close what it is now

