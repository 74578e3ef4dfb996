"""`make run`'s WebSocket API, speaking as API Gateway's does, so the browser
and the app's code are the same on both.

- ws://127.0.0.1:PORT+5/?query: each connection gets an id, and the app's
  own Lambda entry points (app.websocket_handlers: $connect, $default,
  $disconnect) are called with API Gateway-shaped events. A $connect answered
  with a status other than 2xx refuses the upgrade with that status.
- http://127.0.0.1:PORT+6: the management API, POST /@connections/{id}
  (the frame to send; 410 GoneException for a connection not open), GET and
  DELETE likewise; the app posts here as it does to API Gateway's in AWS.
  It is served on the sockets' own event loop (HTTP/1.1 by h11, connections
  kept alive): a post is parsed and its frame written to the screen on the
  one thread that owns the screens' connections, as API Gateway hands a post
  to the connection's own server. Threads per post that wait on the loop
  (as http.server's were) cost a meeting's fan-out to 2,000 screens ~0.35 ms
  of CPU a post in thread hand-offs, in the same interpreter as the app.
The `websockets` and `h11` libraries (requirements-dev.txt) serve them; they
are never in the Lambda package.
"""
from __future__ import annotations

import asyncio
import base64
import importlib
import json
import logging
import os
import secrets
import threading
from urllib.parse import parse_qsl, unquote, urlsplit

log = logging.getLogger("doorstep.local.sockets")
STAGE = "local"


def socket_ports(port: int) -> tuple[int, int]:
    """(the sockets' port, the management API's): set, or PORT+5 and PORT+6 (0: ports of their own)."""
    from doorstep_cli.local.serving import port_for
    return port_for("DOORSTEP_SOCKET_PORT", port, 5), port_for("DOORSTEP_SOCKET_API_PORT", port, 6)


AUTHORISER = "$authoriser"  # the entry of $connect's REQUEST authoriser, when the app has one


def lambda_entries(app):
    """route key -> the function Lambda would invoke for it (its handler string), and $connect's
    authoriser (the pure function infra/template/sockets.py wires to the route) as AUTHORISER."""
    from chalicelib.handlers.conversations.socket_council import FUNCTION
    configs = dict(app.websocket_handlers)
    configs.update({AUTHORISER: f for f in app.pure_lambda_functions if f.name == FUNCTION})
    entries = {}
    for route, config in configs.items():
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
        self._managing: set = set()  # the management API's connections' tasks, ended at close

    # -- lifecycle
    def start(self):
        threading.Thread(target=self._run_loop, name="doorstep-sockets", daemon=True).start()
        if not self._ready.wait(10):
            raise RuntimeError("the local WebSocket server did not start")
        return self

    @property
    def url(self):
        return f"ws://{self.host}:{self.port}"

    @property
    def api_url(self):
        return f"http://{self.host}:{self.api_port}"

    def close(self):
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
        self.api = await asyncio.start_server(self._management, self.host, self._api_port)
        self.api_port = self.api.sockets[0].getsockname()[1]
        self._ready.set()

    async def _stop(self):
        self.api.close()
        for task in self._managing:
            task.cancel()
        await asyncio.gather(*self._managing, return_exceptions=True)
        self.server.close()
        await self.server.wait_closed()

    # -- API Gateway's side of a connection
    def _event(self, route, connection_id, authorizer=None, **extra):
        kind = {"$connect": "CONNECT", "$disconnect": "DISCONNECT"}.get(route, "MESSAGE")
        context = {"routeKey": route, "eventType": kind, "connectionId": connection_id,
                   "domainName": f"{self.host}:{self.port}", "stage": STAGE, "apiId": "local"}
        if authorizer is not None:  # the authoriser's context, on every event of the connection, as API Gateway's
            context["authorizer"] = authorizer
        return {"requestContext": context, "isBase64Encoded": False, **extra}

    async def _invoke(self, route, connection_id, authorizer=None, **extra):
        entry = self.entries.get(route)
        if entry is None:
            return {"statusCode": 200}
        event = self._event(route, connection_id, authorizer, **extra)
        return await self.loop.run_in_executor(None, entry, event, None) or {"statusCode": 200}

    async def _authorised(self, query, headers):
        """(status, authorizer context): as API Gateway runs a REQUEST authoriser on $connect. Its
        identity source is the `council` query value: without one, 401 and the authoriser is not called;
        a Deny, 403; an error in it, 500."""
        authorise = self.entries.get(AUTHORISER)
        if authorise is None:
            return 200, None
        if not query.get("council"):
            return 401, None
        event = {"type": "REQUEST", "methodArn": f"arn:aws:execute-api:local:000000000000:local/{STAGE}/$connect",
                 "headers": headers, "queryStringParameters": query,
                 "requestContext": {"routeKey": "$connect", "eventType": "CONNECT", "stage": STAGE,
                                    "domainName": f"{self.host}:{self.port}", "apiId": "local"}}
        try:
            policy = await self.loop.run_in_executor(None, authorise, event, None)
        except Exception:
            log.exception("the $connect authoriser failed")
            return 500, None
        statements = (policy.get("policyDocument") or {}).get("Statement") or []
        if not statements or any(s.get("Effect") != "Allow" for s in statements):
            return 403, None
        return 200, {**(policy.get("context") or {}), "principalId": policy.get("principalId")}

    async def _on_connect(self, connection, request):
        connection_id = base64.b64encode(secrets.token_bytes(9)).decode()  # API Gateway's look: "L0SM9cOFvHcCIhw="
        connection.doorstep_id = connection_id
        query = dict(parse_qsl(urlsplit(request.path).query))
        headers = dict(request.headers.raw_items())
        status, connection.doorstep_authorizer = await self._authorised(query, headers)
        if status != 200:
            return connection.respond(status, {401: "Unauthorized", 403: "Forbidden"}.get(status, "Error") + "\n")
        answer = await self._invoke("$connect", connection_id, connection.doorstep_authorizer,
                                    queryStringParameters=query or None, headers=headers)
        status = int(answer.get("statusCode") or 200)
        if status >= 300:
            return connection.respond(status, str(answer.get("body") or "Refused") + "\n")
        connection.doorstep_opened = _now_iso()
        connection.doorstep_agent = request.headers.get("User-Agent", "")
        self.open[connection_id] = connection
        return None

    async def _connection(self, connection):
        connection_id = connection.doorstep_id
        try:
            async for frame in connection:
                body = frame if isinstance(frame, str) else frame.decode("utf-8", "replace")
                await self._invoke("$default", connection_id, connection.doorstep_authorizer, body=body)
        except Exception:  # a connection dropped mid-frame: as API Gateway, tell $disconnect
            pass
        finally:
            self.open.pop(connection_id, None)
            await self._invoke("$disconnect", connection_id, connection.doorstep_authorizer)

    # -- the management API
    async def post_frame(self, connection_id, text) -> bool:
        """Whether the connection is open (the frame then written to it)."""
        connection = self.open.get(connection_id)
        if connection is None:
            return False
        try:
            await asyncio.wait_for(connection.send(text), 5)
        except TimeoutError:
            # Still being written to a screen slow to read: API Gateway too accepts the frame for an
            # open connection. Answering Gone would have the app forget a screen that is there.
            return True
        except Exception:
            return False
        return True

    async def drop_connection(self, connection_id) -> bool:
        connection = self.open.get(connection_id)
        if connection is None:
            return False
        await asyncio.wait_for(connection.close(), 5)
        return True

    async def _management(self, reader, writer):
        """One kept-alive HTTP/1.1 connection to the management API."""
        import h11
        http = h11.Connection(h11.SERVER, max_incomplete_event_size=MAX_FRAME + 16 * 1024)
        request, body = None, []
        self._managing.add(asyncio.current_task())
        try:
            while True:
                event = http.next_event()
                if event is h11.NEED_DATA:
                    http.receive_data(await reader.read(65536))
                elif isinstance(event, h11.Request):
                    request, body = event, []
                elif isinstance(event, h11.Data):
                    body.append(event.data)
                elif isinstance(event, h11.EndOfMessage):
                    status, payload, error = await self._manage(request.method.decode(), request.target.decode(),
                                                                b"".join(body))
                    writer.write(_answer(http, status, payload, error))  # headers and body in one write
                    await writer.drain()
                    http.start_next_cycle()
                else:  # ConnectionClosed, or the client's half of a closed connection
                    break
        except h11.RemoteProtocolError:
            if http.our_state in (h11.IDLE, h11.SEND_RESPONSE):
                writer.write(_answer(http, 400, None, "BadRequestException"))
        except (ConnectionError, h11.LocalProtocolError, asyncio.CancelledError):
            pass  # the client went, or the server is closing
        finally:
            self._managing.discard(asyncio.current_task())
            writer.close()

    async def _manage(self, method, target, data):
        """(status, payload, error type) for one management API request, as API Gateway's answers."""
        path = urlsplit(target).path
        prefix = "/@connections/"
        if not path.startswith(prefix):
            return 404, None, "NotFoundException"
        connection_id = unquote(path[len(prefix):])
        if method == "POST":
            if len(data) > MAX_FRAME:
                return 413, None, "PayloadTooLargeException"
            if not await self.post_frame(connection_id, data.decode("utf-8", "replace")):
                return 410, None, "GoneException"
            return 200, None, None
        if method == "GET":
            connection = self.open.get(connection_id)
            if connection is None:
                return 410, None, "GoneException"
            return 200, {"connectedAt": connection.doorstep_opened, "lastActiveAt": connection.doorstep_opened,
                         "identity": {"sourceIp": self.host, "userAgent": connection.doorstep_agent}}, None
        if method == "DELETE":
            if not await self.drop_connection(connection_id):
                return 410, None, "GoneException"
            return 204, None, None
        return 405, None, "MethodNotAllowedException"


MAX_FRAME = 128 * 1024  # API Gateway's frame limit


def _now_iso():
    from datetime import datetime, timezone
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _answer(http, status, payload, error):
    """The bytes of one answer: API Gateway's JSON body, its error type in x-amzn-ErrorType."""
    import h11
    body = b"" if status == 204 else json.dumps(
        payload if payload is not None else ({"message": error} if error else {})).encode()
    headers = [("Content-Type", "application/json")] + ([("Content-Length", str(len(body)))] if body else [])
    if error:
        headers.append(("x-amzn-ErrorType", error))
    out = http.send(h11.Response(status_code=status, headers=headers))
    if status != 204:
        out += http.send(h11.Data(data=body))
    return out + http.send(h11.EndOfMessage())


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
