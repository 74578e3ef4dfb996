"""Posting to an open WebSocket through API Gateway's management API
(POST /@connections/{id}); the local stack serves the same API over HTTP
(doorstep_cli/local/sockets.py), so this is the one way either is reached."""
import json
import logging
import threading

log = logging.getLogger("doorstep.notify")
_clients = {}
_lock = threading.Lock()
SENT, GONE, FAILED = "sent", "gone", "failed"
# Posts in flight at once for one fan-out (and the client's pool of connections to match):
# a meeting's 2,000 watchers at ~10 ms a post is 0.6 s with 32, 20 s one after another.
WORKERS = 32
SERIAL_UP_TO = 4  # a conversation's few screens are posted to one after another: no threads


def _client(s):
    key = (s.socket_endpoint, s.region)
    with _lock:
        if key not in _clients:
            import botocore.session
            from botocore.config import Config
            # A chat message waits for these posts: short timeouts, one retry, never the default 60 s.
            _clients[key] = botocore.session.get_session().create_client(
                "apigatewaymanagementapi", region_name=s.region, endpoint_url=s.socket_endpoint,
                config=Config(connect_timeout=2, read_timeout=3, retries={"max_attempts": 2},
                              max_pool_connections=WORKERS))
        return _clients[key]


def post(s, connection_id, payload):
    """SENT, GONE (the connection is closed: forget it) or FAILED."""
    from botocore.exceptions import BotoCoreError, ClientError
    try:
        _client(s).post_to_connection(ConnectionId=connection_id, Data=json.dumps(payload).encode())
        return SENT
    except ClientError as e:
        status = e.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
        if status == 410 or e.response.get("Error", {}).get("Code") == "GoneException":
            return GONE
        log.warning("post to connection %s refused: %s", connection_id, status)
        return FAILED
    except BotoCoreError as e:
        log.warning("post to connection %s not reached: %s", connection_id, type(e).__name__)
        return FAILED


def post_all(s, connection_ids, payload):
    """The outcome of posting `payload` to each connection, in their order."""
    if len(connection_ids) <= SERIAL_UP_TO:
        return [post(s, c, payload) for c in connection_ids]
    from concurrent.futures import ThreadPoolExecutor
    _client(s)  # made once, before the threads share it (botocore's clients are thread-safe once made)
    with ThreadPoolExecutor(max_workers=min(WORKERS, len(connection_ids)), thread_name_prefix="fan-out") as pool:
        return list(pool.map(lambda c: post(s, c, payload), connection_ids))
