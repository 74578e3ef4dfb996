"""Telling a resident who is not looking: an officer's answer (or the close)
goes to their phone by Web Push, and to their e-mail, through notify's one
door (notify/deliver). A resident whose app polled in the last QUIET_S
seconds, or whose screen holds a socket (live.py), sees it there and is not
sent it again."""
import logging
from datetime import timedelta

from .limits import QUIET_S

log = logging.getLogger(__name__)


def tell_resident(deps, conversation, deliver=None):
    """[(channel, outcome)] of what was sent; [] when the resident is looking."""
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
    message = {"event_id": f"chat-{conversation.id}-{conversation.last_seq}",
               "title": "The council has answered you",
               # Never the words themselves: a lock screen or an inbox is not the conversation.
               "body": "An officer has written in your conversation with the council. Open it to read the answer.",
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
