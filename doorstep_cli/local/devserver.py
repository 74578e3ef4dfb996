"""Chalice's local server plus the PWA's static files and JSON 404s.

`chalice local` alone cannot serve ``web/`` and answers unknown paths with
API Gateway's 403 "Missing Authentication Token", which confuses anyone who
just mistyped a URL. This keeps Chalice's request handling for real routes
and takes over the rest.
"""
from __future__ import annotations

import functools
import json
import mimetypes
import os
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from chalice.app import Chalice
from chalice.config import Config
from chalice.local import ChaliceRequestHandler, LocalChalice, LocalDevServer, RouteMatcher, ThreadedHTTPServer

from chalicelib.api import security_headers
from doorstep_cli.local.gateway import ApiGateway
from doorstep_cli.local.serving import PortInUseError, adopt, client_host

# API Gateway refuses a payload over 10 MB before the function sees it; so do
# we, by its declared length, before reading a byte of it.
MAX_BODY = 10 * 1024 * 1024
ERROR_CODES = {405: "method_not_allowed", 413: "payload_too_large", 414: "uri_too_long",
               431: "headers_too_large", 501: "method_not_allowed"}

# mimetypes depends on the host's /etc/mime.types; these must not vary, since
# browsers refuse a manifest or module script served with the wrong type.
CONTENT_TYPES = {
    ".webmanifest": "application/manifest+json",
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".woff2": "font/woff2",
    ".wasm": "application/wasm",
    ".geojson": "application/geo+json",
}
TEXTUAL = ("text/", "application/javascript", "application/json", "application/manifest+json",
           "application/geo+json", "image/svg+xml")


LOOPBACK = {"localhost", "127.0.0.1", "[::1]"}  # one machine's names for itself

def api_paths(app: Chalice) -> tuple[tuple[str, ...], frozenset[str]]:
    """(prefixes, exact paths) that reach the API, as CloudFront sends them to API Gateway
    (chalicelib/api/registry.py's api_path_patterns over the app's own routes): /v1/, /open311/,
    /api/ (Citizen Space's paths), /openapi.json. A prefix's bare folder (/v1) is the API's too."""
    from chalicelib.api.registry import api_path_patterns
    patterns = api_path_patterns(app.routes)
    prefixes = tuple(p[:-1] for p in patterns if p.endswith("/*"))
    return prefixes, frozenset({p for p in patterns if not p.endswith("/*")} | {p[:-1] for p in prefixes})


def is_api_path(path: str, paths: tuple[tuple[str, ...], frozenset[str]]) -> bool:
    prefixes, exact = paths
    return path.startswith(prefixes) or path in exact


def content_type_for(path: Path) -> str:
    guessed = CONTENT_TYPES.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0]
    guessed = guessed or "application/octet-stream"
    return f"{guessed}; charset=utf-8" if guessed.startswith(TEXTUAL) else guessed


@functools.lru_cache(maxsize=8)
def _resolved(web_dir: Path) -> Path:
    """The served folder's real path, found once (a page's first load asks for about 19 files)."""
    return web_dir.resolve()


def resolve_static(web_dir: Path, url_path: str) -> Path | None:
    """The file under web_dir that url_path names, or None; never outside web_dir."""
    root = _resolved(web_dir)
    parts = [part for part in unquote(url_path).split("/") if part]
    for part in parts:
        # Refuse rather than normalise: a request containing ".." or a
        # backslash is never a legitimate link from the PWA. Dotfiles stay
        # private except the standard .well-known folder.
        if part in (".", "..") or "\\" in part or "\x00" in part:
            return None
        if part.startswith(".") and part != ".well-known":
            return None
    candidate = root.joinpath(*parts)
    if candidate.is_dir():
        candidate = candidate / "index.html"
    try:
        resolved = candidate.resolve()
    except (OSError, RuntimeError):
        return None
    # A symlink inside web/ could still point elsewhere.
    if not resolved.is_relative_to(root) or not resolved.is_file():
        return None
    return resolved


class DoorstepHTTPServer(ThreadedHTTPServer):
    # socketserver's default backlog of 5 reset 17-28 of 50 simultaneous
    # connections; the kernel caps this at net.core.somaxconn anyway.
    request_queue_size = 1024

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A browser that leaves mid-answer (a page closed, a phone gone out of
        # signal) is no fault of the server's: no traceback for it.
        import sys
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return
        super().handle_error(request, client_address)


class DoorstepRequestHandler(ChaliceRequestHandler):
    # Headers and body go out in two writes; with Nagle's algorithm the body
    # waits for the client's delayed ACK, about 40 ms per keep-alive request.
    disable_nagle_algorithm = True

    def __init__(self, request: Any, client_address: Any, server: Any, app_object: Chalice,
                 config: Config, web_dir: Path, route_matcher: RouteMatcher, public_url: str | None = None,
                 api_paths: tuple[tuple[str, ...], frozenset[str]] = ((), frozenset())) -> None:
        # Set before super().__init__, which handles the request immediately.
        self.web_dir = web_dir
        self.api_paths = api_paths
        self.route_matcher = route_matcher
        self.public_url = public_url
        # ChaliceRequestHandler's own two steps, with the gateway that decodes path values as API
        # Gateway does (gateway.py); the base class's __init__ handles the request at once.
        self.local_gateway = self.gateway_for(app_object, config)
        BaseHTTPRequestHandler.__init__(self, request, client_address, server)  # type: ignore[arg-type]

    @staticmethod
    def gateway_for(app_object: Chalice, config: Config) -> ApiGateway:
        """The stand-in for API Gateway a request goes through: path values decoded, as on AWS."""
        return ApiGateway(app_object, config)

    def _doorstep_handle(self) -> None:
        path = urlsplit(self.path).path or "/"
        if self._body_too_large():
            self.close_connection = True  # what was sent is never read: this connection is done
            self.send_error(413, f"The request body is over {MAX_BODY // (1024 * 1024)} MB.")
            return
        if self.command in ("GET", "HEAD") and not is_api_path(path, self.api_paths):
            if self._elsewhere():
                return
            self._serve_static(path)
            return
        try:
            self.route_matcher.match_route(self.path)
        except ValueError:
            self._drain_body()  # keep-alive: unread body bytes would be parsed as the next request
            self._send_not_found(path)
            return
        self._with_peer_address()
        self._generic_handle()

    def _elsewhere(self) -> bool:
        """The app opened at another name of this machine (127.0.0.1 for localhost): sent to the one
        address its links, payment returns and security policy are made for, or a return would land
        on the other origin, signed out. Pages only: the API answers at any name, as in AWS."""
        if not self.public_url:
            return False
        wanted = urlsplit(self.public_url)
        host = (self.headers.get("Host") or "").lower()
        if not host or host == wanted.netloc.lower():
            return False
        name, _, port = host.rpartition(":") if host.count(":") == 1 or host.startswith("[") else (host, "", "")
        if name not in LOOPBACK or (port or "80") != str(wanted.port or 80):
            return False  # another machine's name for us, or another port: not ours to move
        self._drain_body()
        self.send_response(308)
        self.send_header("Location", f"{self.public_url}{self.path}")
        self.send_header("Content-Length", "0")
        self.end_headers()
        return True

    def _with_peer_address(self) -> None:
        """The event's sourceIp is the connection's peer, as API Gateway's is
        (chalice local says 127.0.0.1 for everyone), so per-client limits
        behave on one machine as deployed. Each handler has its own gateway."""
        gateway, peer = self.local_gateway, self.client_address[0]
        make_event = gateway._generate_lambda_event

        def event_from_peer(*args: Any, **kwargs: Any) -> dict[str, Any]:
            event = make_event(*args, **kwargs)
            event["requestContext"]["identity"]["sourceIp"] = peer
            return event
        gateway._generate_lambda_event = event_from_peer  # type: ignore[method-assign]

    do_GET = do_PUT = do_POST = do_HEAD = do_DELETE = do_PATCH = do_OPTIONS = _doorstep_handle

    def _refuse_method(self) -> None:
        self.close_connection = True
        self.send_error(405, f"{self.command} is not a method this API answers.")

    do_TRACE = do_CONNECT = _refuse_method

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """http.server's own refusals (a request line over 64 KB, a method it
        has no handler for, too many headers) in the API's one error shape,
        not its HTML page."""
        try:
            phrase = HTTPStatus(code).phrase
        except ValueError:
            phrase = "Error"
        if code == 501:  # http.server says 501 for a method no do_* serves; for a client that is a 405
            code, message = 405, f"{self.command} is not a method this API answers."
        body = json.dumps({"error": {"code": ERROR_CODES.get(code, "bad_request"),
                                     "message": message or phrase}}).encode()
        self.send_response(code, phrase)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.close_connection = True
        self.end_headers()
        if self.command != "HEAD" and code >= 200:
            self.wfile.write(body)

    def _body_too_large(self) -> bool:
        try:
            return int(self.headers.get("content-length") or 0) > MAX_BODY
        except ValueError:
            return True  # a length that is no number: nothing trustworthy to read

    def _serve_static(self, path: str) -> None:
        target = resolve_static(self.web_dir, path)
        if target is None and "." not in path.rsplit("/", 1)[-1]:
            # The PWA's own routes (/verify, /reset-password, ...) are pages of
            # index.html, as a CDN's fallback to index.html serves them in production.
            target = resolve_static(self.web_dir, "/")
        if target is None:
            self._send_not_found(path)
            return
        # Development: always revalidate so edits to web/ (and the service
        # worker) show up on reload; an unchanged file answers 304 with no body,
        # as the bucket behind the CDN does, so a reload neither sends nor
        # compiles again the hundred-odd modules of the app.
        found = target.stat()
        etag = f'"{found.st_mtime_ns:x}-{found.st_size:x}"'
        if etag in (self.headers.get("If-None-Match") or ""):
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Cache-Control", "no-cache")
            self.end_headers()
            return
        body = target.read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", content_type_for(target))
        self.send_header("Content-Length", str(len(body)))
        for name, value in security_headers.for_app(_upload_origins()).items():
            self.send_header(name, value)
        self.send_header("ETag", etag)
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _send_not_found(self, path: str) -> None:
        payload = {"error": {"code": "not_found", "message": f"No route for {self.command} {path}."}}
        self._send_http_response_with_body(404, {"Content-Type": "application/json"}, json.dumps(payload))

    def _send_http_response_with_body(self, code: int, headers: dict[str, Any], body: str | bytes) -> None:
        if self.command != "HEAD":
            super()._send_http_response_with_body(code, headers, body)
            return
        # Chalice writes a body even for HEAD, which corrupts keep-alive
        # connections; send the same headers without it.
        encoded = body if isinstance(body, bytes) else body.encode("utf-8")
        self.send_response(code)
        self.send_header("Content-Length", str(len(encoded)))
        self.send_header("Content-Type", headers.pop("Content-Type", "application/json"))
        self._send_headers(headers)

    def _drain_body(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        if length > 0:
            self.rfile.read(length)


class DoorstepDevServer(LocalDevServer):
    """LocalDevServer that knows its real port (port 0 allowed) and prints nothing."""

    def __init__(self, app: Chalice, config: Config, host: str, port: int, web_dir: Path,
                 public_url: str | None = None, sock=None) -> None:
        self.web_dir = Path(web_dir)
        self._handler_extras = {"web_dir": self.web_dir, "route_matcher": RouteMatcher(list(app.routes)),
                                "public_url": (public_url or "").rstrip("/") or None, "api_paths": api_paths(app)}
        # A socket bound already (the stack's, held since start-up) is taken over, not bound again.
        server_cls = DoorstepHTTPServer if sock is None else (
            lambda address, handler: adopt(DoorstepHTTPServer, sock, handler))
        try:
            super().__init__(app, config, host, port, handler_cls=self._handler, server_cls=server_cls)
        except OSError as exc:
            raise PortInUseError("web server", host, port, exc.strerror or str(exc)) from exc
        self.port = self.server.server_address[1]

    def _handler(self, *args: Any, **kwargs: Any) -> DoorstepRequestHandler:
        return DoorstepRequestHandler(*args, **kwargs, **self._handler_extras)

    @property
    def url(self) -> str:
        return f"http://{client_host(self.host)}:{self.port}"

    def serve_forever(self) -> None:
        # A short poll makes shutdown() return promptly (Ctrl-C, tests).
        self.server.serve_forever(poll_interval=0.1)

    def shutdown(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def _upload_origins() -> list[str]:
    """Where the app POSTs photos and reads them back (the local S3 emulator),
    and the live chat's WebSocket (doorstep_cli/local/sockets.py)."""
    origins = []
    for name in ("DOORSTEP_AWS_ENDPOINT", "DOORSTEP_SOCKET_URL"):
        endpoint = urlsplit(os.environ.get(name) or "")
        if endpoint.scheme and endpoint.netloc:
            origins.append(f"{endpoint.scheme}://{endpoint.netloc}")
    return origins


def make_server(app: Chalice, host: str, port: int, web_dir: Path, public_url: str | None = None,
                sock=None) -> DoorstepDevServer:
    """public_url: the one address pages are served at; a loopback alias of it is redirected there.
    sock: a listening socket to serve on (bound and kept by the caller) instead of binding port."""
    _make_request_local(app)
    config = Config.create(
        chalice_stage="local",
        app_name=getattr(app, "app_name", "doorstep"),
        chalice_app=app,
        lambda_timeout=60,
        lambda_memory_size=512,
    )
    return DoorstepDevServer(app, config, host, port, web_dir, public_url, sock)


def _make_request_local(app: Chalice) -> None:
    # Chalice keeps current_request on the app object; with a threaded server
    # two requests would overwrite each other's. chalice.local fixes that by
    # swapping in a thread-local subclass, but through a shared class whose
    # bases it rewrites; a private subclass per app class avoids that.
    if isinstance(app, LocalChalice):
        return
    app.__class__ = type(f"Local{type(app).__name__}", (LocalChalice, type(app)), {})
