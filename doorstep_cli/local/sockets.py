"""`make run`'s WebSocket API, speaking as API Gateway's does, so the browser
and the app's code are the same on both.

- ws://127.0.0.1:PORT+5/?query: each connection gets an id, and the app's
  own Lambda entry points (app.websocket_handlers: $connect, $default,
  $disconnect) are called with API Gateway-shaped events. A $connect answered
  with a status other than 2xx refuses the upgrade with that status.
- http://127.0.0.1:PORT+6: the management API, POST /@connections/{id}
  (the frame to send; 410 GoneException for a connection not open), GET and
  DELETE likewise; the app posts here through botocore as it does in AWS.
The `websockets` library (requirements-dev.txt) serves the sockets; it is
never in the Lambda package.
"""
from __future__ import annotations

import asyncio
import base64
import concurrent.futures
import importlib
import json
import logging
import os
import secrets
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, unquote, urlsplit

log = logging.getLogger("doorstep.local.sockets")
STAGE = "local"


def socket_ports(port: int) -> tuple[int, int]:
    """(the sockets' port, the management API's): set, or PORT+5 and PORT+6."""
    env = os.environ
    return (int(env.get("DOORSTEP_SOCKET_PORT") or port + 5),
            int(env.get("DOORSTEP_SOCKET_API_PORT") or port + 6))


def lambda_entries(app):
    """route key -> the function Lambda would invoke for it (its handler string)."""
    entries = {}
    for route, config in app.websocket_handlers.items():
        module, _, name = config.handler_string.rpartition(".")
        entries[route] = getattr(importlib.import_module(module), name)
    return entries


class LocalSockets:
    def __init__(self, entries, host="127.0.0.1", port=0, api_port=0):
        self.entries, self.host = entries, host
        self.open: dict[str, object] = {}  # connection id -> websockets' connection
        self.loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._port, self._api_port = port, api_port
        self.api = ThreadingHTTPServer((host, api_port), _management_handler(self))
        self.api.daemon_threads = True

    # -- lifecycle
    def start(self):
        threading.Thread(target=self._run_loop, name="doorstep-sockets", daemon=True).start()
        threading.Thread(target=self.api.serve_forever, name="doorstep-sockets-api", daemon=True).start()
        if not self._ready.wait(10):
            raise RuntimeError("the local WebSocket server did not start")
        return self

    @property
    def url(self):
        return f"ws://{self.host}:{self.port}"

    @property
    def api_url(self):
        return f"http://{self.host}:{self.api.server_address[1]}"

    def close(self):
        self.api.shutdown()
        self.api.server_close()
        if self.loop.is_running():
            asyncio.run_coroutine_threadsafe(self._stop(), self.loop).result(10)
            self.loop.call_soon_threadsafe(self.loop.stop)

    def _run_loop(self):
        asyncio.set_event_loop(self.loop)
        self.loop.run_until_complete(self._serve())
        self.loop.run_forever()

    async def _serve(self):
        from websockets.asyncio.server import serve
        self.server = await serve(self._connection, self.host, self._port, process_request=self._on_connect,
                                  ping_interval=None)  # keep-alives are the client's ({"action": "ping"})
        self.port = self.server.sockets[0].getsockname()[1]
        self._ready.set()

    async def _stop(self):
        self.server.close()
        await self.server.wait_closed()

    # -- API Gateway's side of a connection
    def _event(self, route, connection_id, **extra):
        kind = {"$connect": "CONNECT", "$disconnect": "DISCONNECT"}.get(route, "MESSAGE")
        return {"requestContext": {"routeKey": route, "eventType": kind, "connectionId": connection_id,
                                   "domainName": f"{self.host}:{self.port}", "stage": STAGE, "apiId": "local"},
                "isBase64Encoded": False, **extra}

    async def _invoke(self, route, connection_id, **extra):
        entry = self.entries.get(route)
        if entry is None:
            return {"statusCode": 200}
        event = self._event(route, connection_id, **extra)
        return await self.loop.run_in_executor(None, entry, event, None) or {"statusCode": 200}

    async def _on_connect(self, connection, request):
        connection_id = base64.b64encode(secrets.token_bytes(9)).decode()  # API Gateway's look: "L0SM9cOFvHcCIhw="
        connection.doorstep_id = connection_id
        query = dict(parse_qsl(urlsplit(request.path).query))
        answer = await self._invoke("$connect", connection_id, queryStringParameters=query or None,
                                    headers=dict(request.headers.raw_items()))
        status = int(answer.get("statusCode") or 200)
        if status >= 300:
            return connection.respond(status, str(answer.get("body") or "Refused") + "\n")
        self.open[connection_id] = connection
        return None

    async def _connection(self, connection):
        connection_id = connection.doorstep_id
        try:
            async for frame in connection:
                body = frame if isinstance(frame, str) else frame.decode("utf-8", "replace")
                await self._invoke("$default", connection_id, body=body)
        except Exception:  # a connection dropped mid-frame: as API Gateway, tell $disconnect
            pass
        finally:
            self.open.pop(connection_id, None)
            await self._invoke("$disconnect", connection_id)

    # -- the management API
    def post(self, connection_id, data: bytes) -> bool:
        connection = self.open.get(connection_id)
        if connection is None:
            return False
        text = data.decode("utf-8", "replace")
        sending = asyncio.run_coroutine_threadsafe(connection.send(text), self.loop)
        try:
            sending.result(5)
        except concurrent.futures.TimeoutError:
            # Still being written to a screen slow to read: API Gateway too accepts the frame for an
            # open connection. Answering Gone would have the app forget a screen that is there.
            return True
        except Exception:
            return False
        return True

    def drop(self, connection_id) -> bool:
        connection = self.open.get(connection_id)
        if connection is None:
            return False
        asyncio.run_coroutine_threadsafe(connection.close(), self.loop).result(5)
        return True


def _management_handler(sockets: LocalSockets):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # The answer's headers and body are two writes: with Nagle's algorithm the body waits for the
        # client's delayed ACK of the headers, 40 ms a post on Linux (a fan-out to 2,000 screens: 80 s).
        disable_nagle_algorithm = True

        def _connection_id(self):
            path = urlsplit(self.path).path
            prefix = "/@connections/"
            return unquote(path[len(prefix):]) if path.startswith(prefix) else None

        def _answer(self, status, payload=None, error=None):
            body = json.dumps(payload if payload is not None else ({"message": error} if error else {})).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            if error:
                self.send_header("x-amzn-ErrorType", error)
            self.end_headers()
            self.wfile.write(body)

        def do_POST(self):
            data = self.rfile.read(int(self.headers.get("content-length") or 0))
            connection_id = self._connection_id()
            if connection_id is None:
                return self._answer(404, error="NotFoundException")
            if len(data) > 128 * 1024:  # API Gateway's frame limit
                return self._answer(413, error="PayloadTooLargeException")
            if not sockets.post(connection_id, data):
                return self._answer(410, error="GoneException")
            return self._answer(200)

        def do_GET(self):
            connection_id = self._connection_id()
            if connection_id not in sockets.open:
                return self._answer(410, error="GoneException")
            return self._answer(200, {"ConnectedAt": None, "Identity": {"SourceIp": "127.0.0.1"}})

        def do_DELETE(self):
            if not sockets.drop(self._connection_id()):
                return self._answer(410, error="GoneException")
            return self._answer(204)

        def log_message(self, *args):
            pass

    return Handler


def start_local_sockets(app, port: int, host="127.0.0.1"):
    """The local WebSocket API beside the stack, and the app pointed at it as it
    would be at API Gateway's (DOORSTEP_SOCKET_URL and its management API); None
    when DOORSTEP_SOCKET_URL names another already, or the app has no WebSocket
    functions."""
    env = os.environ
    if env.get("DOORSTEP_SOCKET_URL") or not getattr(app, "websocket_handlers", None):
        return None
    from doorstep_cli.local.serving import ensure_port_free
    ws_port, api_port = socket_ports(port)
    ensure_port_free(host, ws_port, "WebSocket server")
    ensure_port_free(host, api_port, "WebSocket management API")
    sockets = LocalSockets(lambda_entries(app), host, ws_port, api_port).start()
    env.update(DOORSTEP_SOCKET_URL=f"ws://localhost:{sockets.port}", DOORSTEP_SOCKET_ENDPOINT=sockets.api_url)
    return sockets
