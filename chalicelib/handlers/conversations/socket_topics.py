"""Where a capability above conversations follows its own topic over live
chat's one WebSocket API (API Gateway allows one per app, and Chalice one set
of `on_ws_*` handlers), without conversations importing it
(tests/architecture). A capability registers, when its route table is wired
(its routes.py), the query parameter a connect names it by, the prefix of its
topics in `chat-sockets`, and a module; socket_events imports the module on
the first connect or frame that needs it. The module has:

- `opened(deps, connection_id, params, principal)` -> side: authorise the
  connect (raising ApiError as an HTTP route would) and have the connection
  follow its topic (deps.sockets.open);
- `answer(deps, topic, side, frame)` -> the frame answering a client's
  {"action": "since", ...} after a reconnect ("ping" is answered for all).

Frames to a topic's screens go through live.fan_out, as chat's do.
"""
import importlib

_REGISTERED = []  # (query parameter, topic prefix, module name)


def register(param, prefix, module):
    if (param, prefix, module) not in _REGISTERED:
        _REGISTERED.append((param, prefix, module))


def for_connect(params):
    """The module of the first registered topic the connect names, or None (a conversation's)."""
    for param, _, module in _REGISTERED:
        if (params or {}).get(param):
            return importlib.import_module(module)
    return None


def for_topic(topic):
    """The module whose topics start as `topic` does, or None (a conversation, or the desk)."""
    for _, prefix, module in _REGISTERED:
        if (topic or "").startswith(prefix):
            return importlib.import_module(module)
    return None
