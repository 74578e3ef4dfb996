"""Sockets shared by the emulator, DynamoDB Local, the dev server and the stack."""
from __future__ import annotations

import os
import socket
from pathlib import Path


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


def adopt(server_cls, sock: socket.socket, handler, **kwargs):
    """A socketserver server (http.server's) on a socket bound and listening already: held
    since it was bound, so no other program can have taken its port in between."""
    server = server_cls(sock.getsockname()[:2], handler, bind_and_activate=False, **kwargs)
    server.socket.close()
    server.socket = sock
    server.server_address = sock.getsockname()[:2]
    server.server_name, server.server_port = server.server_address[0], server.server_address[1]
    return server


def port_for(name: str, port: int, offset: int) -> int:
    """A server's port beside the stack's PORT: its variable, or PORT+offset. 0 (or a PORT
    of 0) is a port of the server's own, bound where it starts: none for another to take."""
    value = os.environ.get(name)
    if value:
        return int(value)
    return 0 if port == 0 else port + offset


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


def listening_inodes(port: int) -> set[str] | None:
    """The inodes of the sockets listening on `port` (Linux's /proc), or None."""
    found: set[str] = set()
    seen_any = False
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        seen_any = True
        for line in lines:
            fields = line.split()
            # local_address is HOST:PORT in hex; state 0A is LISTEN; field 9 the inode
            if len(fields) > 9 and fields[3] == "0A" and int(fields[1].rsplit(":", 1)[1], 16) == port:
                found.add(fields[9])
    return found if seen_any else None


def listens_on(pid: int, port: int) -> bool:
    """Whether process `pid` holds the socket listening on `port` (true where /proc cannot tell)."""
    listening = listening_inodes(port)
    if listening is None:
        return True
    try:
        fds = os.listdir(f"/proc/{pid}/fd")
    except OSError:
        return True
    for fd in fds:
        try:
            target = os.readlink(f"/proc/{pid}/fd/{fd}")
        except OSError:
            continue
        if target.startswith("socket:[") and target[8:-1] in listening:
            return True
    return False


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
