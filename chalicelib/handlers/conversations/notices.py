"""Telling a resident who is not looking: an officer's answer (or the close)
goes to their phone by Web Push, and to their e-mail, through notify's one
door (notify/deliver). A resident whose app polled in the last QUIET_S
seconds, or whose screen holds a socket (live.py), sees it there and is not
sent it again.

Told from the `chat_notice` event written with the officer's message
(chat.post): `on_notice` is its effect (shared/effects.py), tried by the
request and carried out by the stream if the process stops first; the
message's id is the message's own (conversation and number), so a resend
after a crash carries the same Message-ID and push topic."""
import logging
from datetime import timedelta

from .limits import QUIET_S
from .wording import ANSWERED_BODY, ANSWERED_TITLE

log = logging.getLogger(__name__)


def on_notice(deps, event, key):
    """The effect of `chat_notice`: the resident told, unless looking."""
    payload = event.payload or {}
    conversation = deps.conversations.get(payload.get("conversation_id"))
    if conversation is not None:
        tell_resident(deps, conversation, seq=payload.get("seq"))


def tell_resident(deps, conversation, deliver=None, seq=None):
    """[(channel, outcome)] of what was sent; [] when the resident is looking.
    seq: the message told of (default: the last). A resident who chose to be
    answered by e-mail is sent the message itself by e-mail, looking or not."""
    if conversation.choice == "email" and conversation.contact.get("email"):
        return _by_email(deps, conversation, seq or conversation.last_seq, deliver)
    now = deps.clock()
    seen = conversation.resident_seen_at
    if seen is not None and now - seen < timedelta(seconds=QUIET_S):
        return []
    from .live import resident_connected
    if resident_connected(deps, conversation.id):  # the screen is open on a socket: it has the answer
        return []
    if deliver is None:
        from ...notify.deliver import deliver
    base = deps.base_url
    url = f"{base}/chat?id={conversation.id}"
    message = {"event_id": f"chat-{conversation.id}-{seq or conversation.last_seq}",
               "title": ANSWERED_TITLE, "body": ANSWERED_BODY,
               "url": url, "unsubscribe_url": url, "topic": f"chat{conversation.id[3:]}", "ttl": 2 * 86400}
    contact = conversation.contact
    sent = []
    for channel, address in (("push", contact.get("push")), ("email", contact.get("email"))):
        if not address:
            continue
        try:
            sent.append((channel, deliver(channel, address, message, deps.settings, now, deps.new_opaque_id)))
        except Exception:  # one channel's failure must not undo the answer, which is stored
            log.exception("chat notice for %s on %s raised", conversation.id, channel)
            sent.append((channel, "failed"))
    return sent


def _by_email(deps, conversation, seq, deliver=None):
    """The message's own words to the address the resident asked to be answered at:
    they left the chat for this, so the e-mail is the answer, not a pointer to it."""
    from .wording import EMAIL_ANSWER_TEXT, EMAIL_ANSWER_TITLE
    if deliver is None:
        from ...notify.deliver import deliver
    found = deps.conversations.message(conversation.id, int(seq))
    if found is None:
        return []
    url = f"{deps.base_url}/chat?id={conversation.id}"
    message = {"event_id": f"chat-{conversation.id}-{seq}", "title": EMAIL_ANSWER_TITLE, "body": found.text,
               "url": url, "notice": {"subject": EMAIL_ANSWER_TITLE,
                                      "text": EMAIL_ANSWER_TEXT.format(text=found.text, url=url)}}
    try:
        return [("email", deliver("email", conversation.contact["email"], message, deps.settings, deps.clock(),
                                  deps.new_opaque_id))]
    except Exception:  # the message is stored; the stream's retry sends it again with the same id
        log.exception("chat email answer for %s raised", conversation.id)
        return [("email", "failed")]
