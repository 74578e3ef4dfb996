"""Sockets and WSGI plumbing shared by the emulator, the dev server and the stack."""
from __future__ import annotations

import socket
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import parse_qs, unquote


class PortInUseError(RuntimeError):
    """Raised instead of werkzeug's sys.exit(1), which would kill only a thread."""

    def __init__(self, what: str, host: str, port: int, reason: str):
        super().__init__(
            f"Cannot start the {what} on {host}:{port}: {reason}. Stop whatever is using "
            "that port or choose another one (PORT / DOORSTEP_EMULATOR_PORT)."
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


def client_host(bind_host: str) -> str:
    """The address a local client should dial for a server bound to bind_host."""
    if bind_host in ("", "0.0.0.0"):
        return "127.0.0.1"
    if bind_host == "::":
        return "[::1]"
    return f"[{bind_host}]" if ":" in bind_host else bind_host


# Operations after which the data on disk is out of date. PartiQL statements
# may only read, but an extra snapshot is cheaper than a lost write.
DYNAMODB_WRITES = frozenset({
    "PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem", "TransactWriteItems",
    "CreateTable", "DeleteTable", "UpdateTable", "UpdateTimeToLive",
    "ExecuteStatement", "BatchExecuteStatement", "ExecuteTransaction",
    "RestoreTableFromBackup", "RestoreTableToPointInTime",
})
S3_WRITE_METHODS = frozenset({"PUT", "POST", "DELETE"})


def is_mutating(environ: dict[str, Any]) -> bool:
    target = environ.get("HTTP_X_AMZ_TARGET", "")
    if target:
        # JSON-protocol services name the operation in this header; of those
        # only DynamoDB is persisted (SQS and friends are throwaway).
        service, _, operation = target.partition(".")
        return service.startswith("DynamoDB_") and operation in DYNAMODB_WRITES
    service = _signing_service(environ)
    if service is not None and service != "s3":
        return False  # SES/SNS/STS etc. are not snapshotted
    # Unsigned writes are most likely presigned S3 uploads from the PWA, so
    # when in doubt a write method counts.
    return environ.get("REQUEST_METHOD", "GET").upper() in S3_WRITE_METHODS


def _signing_service(environ: dict[str, Any]) -> str | None:
    # SigV4 credential scope: <key>/<date>/<region>/<service>/aws4_request,
    # found in the Authorization header or, for presigned URLs, the query.
    scope = None
    auth = environ.get("HTTP_AUTHORIZATION", "")
    if "Credential=" in auth:
        scope = auth.split("Credential=", 1)[1].split(",", 1)[0]
    else:
        query = parse_qs(environ.get("QUERY_STRING", ""))
        scope = (query.get("X-Amz-Credential") or [None])[0]
    if not scope:
        return None
    parts = unquote(scope).split("/")
    return parts[3].lower() if len(parts) >= 5 else None


class MutationWatcher:
    """Calls on_mutation after (not before) each mutating request.

    Signalling only once the backend has applied the change means a snapshot
    started after the signal is guaranteed to contain it.
    """

    def __init__(self, app: Callable[..., Iterable[bytes]], on_mutation: Callable[[], None]):
        self.app = app
        self.on_mutation = on_mutation

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        mutating = is_mutating(environ)
        try:
            return self.app(environ, start_response)
        finally:
            if mutating:
                self.on_mutation()


def quiet_moto_request_handler() -> type:
    """moto's request handler without a log line per request.

    The app and the snapshotter make several AWS calls a second; logging each
    would bury the app's own output. Errors are still reported. Built on
    demand because importing moto is slow and most CLI commands never need it.
    """
    from moto.moto_server.werkzeug_app import MotoRequestHandler

    class QuietMotoRequestHandler(MotoRequestHandler):
        def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
            pass

    return QuietMotoRequestHandler
