"""Live both ways: a conversation's screens hold a WebSocket (API Gateway's in
AWS, the local stack's in `make run`; the same frames either way) and every
message stored is posted to them at once.

- connect: `?conversation=CV-...` and the conversation's token
  (`&token=`) or the caller's access token (`&access_token=`): browsers
  cannot set headers on a WebSocket. The same rule as the HTTP routes
  (chat.opened) decides, and the connection follows that one conversation.
- frames from the client: {"action": "ping"} (every ~5 minutes, under API
  Gateway's 10-minute idle limit) is answered {"type": "pong"};
  {"action": "since", "after": N} is answered {"type": "messages", ...} as
  GET .../messages?after=N would be: a reconnecting client resumes from its
  cursor, and its log shows each message (by seq) once.
- to the client: {"type": "message", "message": {...}, "state"} for each
  message stored, {"type": "state", "state"} when the conversation is taken
  or closed. A connection API Gateway says is gone (410) is forgotten.
- the staff queue: a desk screen connects with `?desk=queue&access_token=`
  (staff only) and is sent {"type": "queue"} whenever the queue changes (a
  conversation starts, is taken, handed over or closed): a nudge to read
  GET /v1/staff/conversations again, carrying nothing itself.
Where no socket is configured (DOORSTEP_SOCKET_URL unset), nothing here runs
and the screens poll with the cursor. This module is the sending side (a
message's frame is the effect of the event written with it, `on_message`);
socket_events.py is the sockets' own: connect, frames, disconnect.
"""
import logging

log = logging.getLogger(__name__)


def on_message(deps, event, key):
    """The effect of a message's event (`chat_message`, `chat_notice`): its
    frame to the conversation's open screens. Run again after a crash, it
    posts the same frame again; the screen shows a seq once (chat-log.js)."""
    payload = event.payload or {}
    conversation = deps.conversations.get(payload.get("conversation_id"))
    message = deps.conversations.message(payload.get("conversation_id"), int(payload.get("seq") or 0))
    if conversation is None or message is None:
        return None
    from .chat import message_view
    return message_stored(deps, conversation, message_view(deps, message))


def message_stored(deps, conversation, message_view):
    return fan_out(deps, conversation.id, {"type": "message", "conversation_id": conversation.id,
                                           "state": conversation.state, "message": message_view})


def state_changed(deps, conversation):
    return fan_out(deps, conversation.id, {"type": "state", "conversation_id": conversation.id,
                                           "state": conversation.state})


DESK = "desk"  # the partition of chat-sockets the desk screens' connections are in


def queue_changed(deps):
    return fan_out(deps, DESK, {"type": "queue"})


def fan_out(deps, conversation_id, payload):
    """Post to every connection on the conversation (or another topic that
    follows these sockets: socket_topics.py), forgetting the gone ones:
    {outcome: [side, ...]}. Never raises: the message is stored already, and a
    screen that missed it fetches it with its cursor. Many connections (a
    meeting's watchers) are posted to by sockets.WORKERS at once: one after
    another, 2,000 posts of ~10 ms each would take 20 s."""
    if not deps.settings.socket_endpoint:
        return {}
    outcomes = {}
    try:
        from ...notify import sockets
        connections = deps.sockets.connections(conversation_id, deps.clock())
        posted = sockets.post_all(deps.settings, [c for c, _ in connections], payload)
        for (connection_id, side), outcome in zip(connections, posted):
            if outcome == sockets.GONE:
                deps.sockets.close(connection_id, conversation_id)
            outcomes.setdefault(outcome, []).append(side)
    except Exception:
        log.exception("live fan-out for %s failed", conversation_id)
    return outcomes


def resident_connected(deps, conversation_id):
    """Is the resident's screen open on a socket now (then a notice is not needed)?"""
    if not deps.settings.socket_endpoint:
        return False
    try:
        return any(side == "resident" for _, side in deps.sockets.connections(conversation_id, deps.clock()))
    except Exception:
        log.exception("reading %s's connections failed", conversation_id)
        return False


def send(deps, connection_id, payload):
    """To one connection (a frame's answer); a gone one is forgotten."""
    from ...notify import sockets
    if sockets.post(deps.settings, connection_id, payload) == sockets.GONE:
        deps.sockets.close(connection_id)
