"""API Gateway's WebSocket events (Chalice's WebsocketEvent) to live.py, and
its answers: a refused $connect is an HTTP status, which API Gateway (and the
local stack) sends instead of upgrading the connection."""
import logging

from ...errors import ApiError

log = logging.getLogger(__name__)


def _deps():
    from ...deps import default_deps
    return default_deps()


def connect(event):
    from chalice.app import Response
    from . import live
    params = event.to_dict().get("queryStringParameters") or {}
    try:
        live.connect(_deps(), event.connection_id, params)
    except ApiError as e:
        return Response(body=e.message, status_code=e.status)
    return {"statusCode": 200}


def message(event):
    from . import live
    live.on_frame(_deps(), event.connection_id, event.body)
    return {"statusCode": 200}


def disconnect(event):
    from . import live
    live.disconnect(_deps(), event.connection_id)
    return {"statusCode": 200}
