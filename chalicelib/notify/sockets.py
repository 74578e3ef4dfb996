"""Posting to an open WebSocket through API Gateway's management API
(POST /@connections/{id}); the local stack serves the same API over HTTP
(doorstep_cli/local/sockets.py), so this is the one way either is reached:
through botocore for a conversation's few screens, signed by hand and
WORKERS at once for a meeting's many (post_all)."""
import json
import logging
import threading

log = logging.getLogger("doorstep.notify")
_clients = {}
_lock = threading.Lock()
SENT, GONE, FAILED = "sent", "gone", "failed"
# Posts in flight at once for one fan-out. A meeting's 2,000 watchers at ~20 ms a post (API
# Gateway's answer from within the region) are 40 s one after another, 1.25 s with 32, 0.6 s with
# 64; past that the fan-out's own CPU (~0.2 ms a post, one interpreter) is the bound.
WORKERS = 64
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
                config=Config(connect_timeout=2, read_timeout=3, retries={"max_attempts": 2}))
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
    """The outcome of posting `payload` to each connection, in their order.

    A conversation's few screens: one after another through botocore, as
    `post`. Many (a meeting's watchers): WORKERS at once, each a plain
    SigV4-signed POST on a connection the thread keeps. botocore's call
    pipeline (its events, validation, serialising, parsing) costs ~0.85 ms of
    CPU a post, and a fan-out's threads share one interpreter: 2,000 posts
    were 1.7 s of CPU before the first byte of waiting; signed by hand they are
    ~0.25 ms each (measured on the local stack, server side included). The
    request is the one botocore makes: the same path (the id quoted as its
    path parameters are), signed by botocore's own SigV4 signer."""
    if len(connection_ids) <= SERIAL_UP_TO:
        return [post(s, c, payload) for c in connection_ids]
    from concurrent.futures import ThreadPoolExecutor
    data = json.dumps(payload).encode()
    poster = _Poster(s)
    try:
        with ThreadPoolExecutor(max_workers=min(WORKERS, len(connection_ids)), thread_name_prefix="fan-out") as pool:
            outcomes = list(pool.map(lambda c: poster.post(c, data), connection_ids))
            # A post that failed (timed out, refused) is made once more: a screen shows a frame it
            # already had once (by the question's id and version), and a missed one is not shown at all.
            again = [n for n, outcome in enumerate(outcomes) if outcome == FAILED]
            for n, outcome in zip(again, pool.map(lambda n: poster.post(connection_ids[n], data), again)):
                outcomes[n] = outcome
            return outcomes
    finally:
        poster.close()


class _Poster:
    """POST /@connections/{id} to API Gateway's management API (or the local
    stack's), one kept-alive HTTP connection per thread."""

    def __init__(self, s):
        import botocore.session
        from urllib.parse import urlsplit
        from botocore.auth import SigV4Auth
        credentials = botocore.session.get_session().get_credentials()
        self.signer = SigV4Auth(credentials.get_frozen_credentials() if credentials else None, "execute-api",
                                s.region)
        self.endpoint = s.socket_endpoint.rstrip("/")
        parts = urlsplit(self.endpoint)
        self.https, self.host, self.port, self.base = parts.scheme == "https", parts.hostname, parts.port, parts.path
        self.local, self.opened = threading.local(), []

    def close(self):
        for connection in self.opened:
            connection.close()

    def _connection(self, fresh=False):
        import http.client
        found = getattr(self.local, "connection", None)
        if found is None or fresh:
            if found is not None:
                found.close()
            kind = http.client.HTTPSConnection if self.https else http.client.HTTPConnection
            found = self.local.connection = kind(self.host, self.port, timeout=3)
            self.opened.append(found)  # list.append is atomic: the threads share the list
        return found

    def post(self, connection_id, data):
        from urllib.parse import quote
        from botocore.awsrequest import AWSRequest
        path = f"{self.base}/@connections/{quote(connection_id, safe='')}"
        for attempt in (1, 2):  # a kept connection the server closed meanwhile: once more on a fresh one
            try:
                request = AWSRequest(method="POST", url=self.endpoint + path[len(self.base):], data=data)
                if self.signer.credentials is not None:
                    self.signer.add_auth(request)
                connection = self._connection(fresh=attempt == 2)
                connection.request("POST", path, body=data, headers=dict(request.headers.items()))
                answer = connection.getresponse()
                answer.read()
            except (OSError, ValueError) as e:
                if attempt == 2:
                    log.warning("post to connection %s not reached: %s", connection_id, type(e).__name__)
                    return FAILED
                continue
            if 200 <= answer.status < 300:
                return SENT
            if answer.status == 410:
                return GONE
            log.warning("post to connection %s refused: %s", connection_id, answer.status)
            return FAILED
        return FAILED
