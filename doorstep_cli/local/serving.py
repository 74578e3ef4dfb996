"""Sockets shared by the emulator, DynamoDB Local, the dev server and the stack."""
from __future__ import annotations

import socket


class PortInUseError(RuntimeError):
    """Raised instead of werkzeug's sys.exit(1), which would kill only a thread."""

    def __init__(self, what: str, host: str, port: int, reason: str):
        super().__init__(
            f"Cannot start the {what} on {host}:{port}: {reason}. Stop whatever is using "
            "that port or choose another one (PORT, DOORSTEP_EMULATOR_PORT, DOORSTEP_DYNAMODB_PORT, "
            "DOORSTEP_QUEUE_PORT)."
        )
        self.port = port


def bind_listening_socket(host: str, port: int, what: str) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    # Same as http.server/werkzeug: lets a restart reuse a port still in
    # TIME_WAIT, while a live listener still makes bind() fail.
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
        sock.listen(128)
    except OSError as exc:
        sock.close()
        raise PortInUseError(what, host, port, exc.strerror or str(exc)) from exc
    return sock


def ensure_port_free(host: str, port: int, what: str) -> None:
    """Fail early, before slow start-up work, if a port is obviously taken."""
    bind_listening_socket(host, port, what).close()


_given: set[int] = set()


def free_port(host: str = "127.0.0.1") -> int:
    """A port nobody listens on now (bind to 0, read it back), never one this process
    was given before: the kernel hands the same port out again as soon as it is let
    go (1 in 13 of 2,000 calls in a row), and a stack given one port twice ran its
    AWS emulator where DynamoDB Local was booting, which then answered ListTables 404.
    Another process may still take it before it is bound: DynamoDBLocal.wait_ready
    tells that apart."""
    while True:
        with socket.socket() as sock:
            sock.bind((host, 0))
            port = sock.getsockname()[1]
        if port not in _given:
            _given.add(port)
            return port


def client_host(bind_host: str) -> str:
    """The address a local client should dial for a server bound to bind_host."""
    if bind_host in ("", "0.0.0.0"):
        return "127.0.0.1"
    if bind_host == "::":
        return "[::1]"
    return f"[{bind_host}]" if ":" in bind_host else bind_host


def quiet_moto_request_handler() -> type:
    """moto's request handler without a log line per request.

    The app makes several AWS calls a second; logging each
    would bury the app's own output. Errors are still reported. Built on
    demand because importing moto is slow and most CLI commands never need it.
    """
    from moto.moto_server.werkzeug_app import MotoRequestHandler

    class QuietMotoRequestHandler(MotoRequestHandler):
        def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
            pass

    return QuietMotoRequestHandler


def reply(handler, status: int, content_type: str, body: bytes) -> None:
    """One answer from a local stand-in's request handler; a client that gave
    up waiting (its timeout) is no error of the stand-in's."""
    try:
        handler.send_response(status)
        handler.send_header("Content-Type", content_type)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)
    except (BrokenPipeError, ConnectionResetError):
        pass


class ThreadedServer:
    """A local stand-in for an outside system (the Civica back office, the bill
    offices): its HTTP server on a daemon thread, closed as a context manager."""

    def serve(self, host: str, port: int, handler, name: str) -> str:
        """Start serving; returns the origin (http://host:port) with the port bound."""
        import threading
        from http.server import ThreadingHTTPServer
        self._server = ThreadingHTTPServer((host, port), handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        name=name, daemon=True)
        self._thread.start()
        return f"http://{host}:{self._server.server_address[1]}"

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)
