"""The WebSocket API's own side (live.py has the protocol): a connect is
authorised and follows one conversation, a frame is answered, a disconnect
forgotten. API Gateway's events arrive as Chalice's WebsocketEvent (app.py's
chat_socket_*; the local stack calls the same); a refused $connect is an HTTP
status, which API Gateway sends instead of upgrading the connection."""
import json

from ...errors import ApiError
from . import chat, live
from .limits import SOCKETS_MAX
from .wording import NOT_CONNECTED, QUEUE_FOR_STAFF, QUEUE_SIGN_IN, TOO_MANY_SCREENS, UNKNOWN_ACTION


def _deps():
    from ...deps import default_deps
    return default_deps()


def connect(event):
    from chalice.app import Response
    try:
        opened(_deps(), event.connection_id, event.to_dict().get("queryStringParameters"))
    except ApiError as e:
        return Response(body=e.message, status_code=e.status)
    return {"statusCode": 200}


def message(event):
    deps = _deps()
    live.send(deps, event.connection_id, answer(deps, event.connection_id, event.body))
    return {"statusCode": 200}


def disconnect(event):
    _deps().sockets.close(event.connection_id)
    return {"statusCode": 200}


def opened(deps, connection_id, params):
    """Authorise a new connection (?conversation= and ?token= or ?access_token=)
    and have it follow its conversation; raises ApiError (401, 403, 404) as the
    HTTP routes would. Returns the side."""
    params = params or {}
    principal = None
    if params.get("access_token"):
        from ...auth.principal import authenticate
        principal = authenticate(f"Bearer {params['access_token']}", deps.accounts, deps.grants)
        from ...auth.policy import refuse_operator_here
        refuse_operator_here(principal)
    from . import socket_topics
    topic = socket_topics.for_connect(params)
    if topic is not None:  # a capability's own topic (a meeting's live questions), over the same sockets
        return topic.opened(deps, connection_id, params, principal)
    if params.get("desk") == "queue":  # the staff queue's nudges: staff only, no limit (one per officer's screen)
        if principal is None:
            from ...auth.principal import Unauthorized
            raise Unauthorized(QUEUE_SIGN_IN)
        if not principal.opens("chat"):
            raise ApiError(QUEUE_FOR_STAFF, status=403, code="forbidden")
        deps.sockets.open(connection_id, live.DESK, "staff", deps.clock())
        return "staff"
    conversation, side = chat.opened(deps.replace(principal=principal), params.get("conversation") or "",
                                     params.get("token"))
    now = deps.clock()
    if len(deps.sockets.connections(conversation.id, now)) >= SOCKETS_MAX:
        # Refused rather than the oldest dropped: a dropped screen would reconnect and drop
        # the next. Connections whose close was never heard go at the next message (410).
        raise ApiError(TOO_MANY_SCREENS.format(most=SOCKETS_MAX), status=429, code="too_many_connections")
    deps.sockets.open(connection_id, conversation.id, side, now)
    return side


def answer(deps, connection_id, body):
    """The answer to a frame: pong, the messages after a cursor, or an error."""
    try:
        frame = json.loads(body or "")
    except ValueError:
        frame = None
    action = frame.get("action") if isinstance(frame, dict) else None
    if action == "ping":
        return {"type": "pong"}
    if action != "since":
        return {"type": "error", "code": "unknown_action", "message": UNKNOWN_ACTION}
    following = deps.sockets.following(connection_id, deps.clock())
    if following is not None and following[0] == live.DESK:
        return {"type": "queue"}  # the desk asks again after a reconnect: read the queue
    if following is None:
        return {"type": "error", "code": "not_connected", "message": NOT_CONNECTED}
    from . import socket_topics
    topic = socket_topics.for_topic(following[0])
    if topic is not None:
        return topic.answer(deps, following[0], following[1], frame)
    try:
        conversation = chat.find(deps, following[0])
        return {"type": "messages", **chat.messages_after(deps, conversation, chat.cursor(frame.get("after")),
                                                          following[1])}
    except ApiError as e:
        return {"type": "error", "code": e.code, "message": e.message}
