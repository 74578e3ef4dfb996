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
Where no socket is configured (DOORSTEP_SOCKET_URL unset), nothing here runs
and the screens poll with the cursor.
"""
import json
import logging

from ...errors import ApiError
from . import chat

log = logging.getLogger(__name__)


def socket_url(deps):
    """Where the screens open the socket, or None (then they poll)."""
    return deps.settings.socket_url


def connect(deps, connection_id, params):
    """Authorise a new connection and have it follow its conversation; raises
    ApiError (401, 403, 404) as the HTTP routes would. Returns the side."""
    params = params or {}
    principal = None
    if params.get("access_token"):
        from ...auth.principal import authenticate
        principal = authenticate(f"Bearer {params['access_token']}", deps.accounts)
    conversation, side = chat.opened(deps.replace(principal=principal), params.get("conversation") or "",
                                     params.get("token"))
    deps.sockets.open(connection_id, conversation.id, side, deps.clock())
    return side


def disconnect(deps, connection_id):
    deps.sockets.close(connection_id)


def on_frame(deps, connection_id, body):
    """A frame from the client; the answer goes back through the management API."""
    _send(deps, connection_id, answer(deps, connection_id, body))


def answer(deps, connection_id, body):
    try:
        frame = json.loads(body or "")
    except ValueError:
        frame = None
    action = frame.get("action") if isinstance(frame, dict) else None
    if action == "ping":
        return {"type": "pong"}
    if action != "since":
        return {"type": "error", "code": "unknown_action", "message": 'Send {"action": "ping"} or '
                '{"action": "since", "after": N}.'}
    following = deps.sockets.following(connection_id, deps.clock())
    if following is None:
        return {"type": "error", "code": "not_connected", "message": "This connection follows no conversation."}
    try:
        conversation = chat.find(deps, following[0])
        return {"type": "messages", **chat.messages_after(deps, conversation, chat.cursor(frame.get("after")),
                                                          following[1])}
    except ApiError as e:
        return {"type": "error", "code": e.code, "message": e.message}


def message_stored(deps, conversation, message_view):
    return fan_out(deps, conversation.id, {"type": "message", "conversation_id": conversation.id,
                                           "state": conversation.state, "message": message_view})


def state_changed(deps, conversation):
    return fan_out(deps, conversation.id, {"type": "state", "conversation_id": conversation.id,
                                           "state": conversation.state})


def fan_out(deps, conversation_id, payload):
    """Post to every connection on the conversation, forgetting the gone ones:
    {outcome: [side, ...]}. Never raises: the message is stored already, and a
    screen that missed it fetches it with its cursor."""
    if not deps.settings.socket_endpoint:
        return {}
    outcomes = {}
    try:
        from ...notify import sockets
        for connection_id, side in deps.sockets.connections(conversation_id, deps.clock()):
            outcome = sockets.post(deps.settings, connection_id, payload)
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


def _send(deps, connection_id, payload):
    from ...notify import sockets
    if sockets.post(deps.settings, connection_id, payload) == sockets.GONE:
        deps.sockets.close(connection_id)
