"""`make run`: the whole app on this machine, no AWS account needed.

Starts the AWS emulator (restoring the last snapshot), points this process's
AWS settings at it, lets the caller create tables and demo data, then serves
the Chalice app and web/ until Ctrl-C or SIGTERM, saving on the way out.
"""
from __future__ import annotations

import json
import os
import signal
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from doorstep_cli.local.files import atomic_write_bytes
from doorstep_cli.local.serving import client_host, ensure_port_free

STACK_FILE = "stack.json"
DEFAULT_REGION = "eu-west-2"
# Profiles make boto3 (and moto's own backend set-up) look for a named
# profile; locally everything runs on the dummy keys below instead.
PROFILE_VARIABLES = ("AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_SESSION_TOKEN")


def read_stack(data_dir: Path) -> dict[str, Any] | None:
    """The running stack's URLs and pid, or None if no live stack owns data_dir."""
    try:
        info = json.loads((Path(data_dir) / STACK_FILE).read_text())
        pid = int(info["pid"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return info if _pid_alive(pid) else None


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    return True


def configure_environment(emulator_url: str) -> str:
    """Point this process's AWS clients at the emulator; returns the region."""
    env = os.environ
    for name in PROFILE_VARIABLES:
        env.pop(name, None)
    env["DOORSTEP_AWS_ENDPOINT"] = emulator_url
    env["AWS_ACCESS_KEY_ID"] = "local"
    env["AWS_SECRET_ACCESS_KEY"] = "local"
    env.setdefault("AWS_DEFAULT_REGION", DEFAULT_REGION)
    env.setdefault("DOORSTEP_STAGE", "local")
    # Otherwise botocore tries to build account-specific DynamoDB endpoints.
    env["AWS_ACCOUNT_ID_ENDPOINT_MODE"] = "disabled"
    return env["AWS_DEFAULT_REGION"]


def run_stack(
    data_dir: Path,
    port: int,
    web_dir: Path,
    app_loader: Callable[[], object],
    prepare: Callable[[], None],
    emulator_port: int | None = None,
    host: str = "127.0.0.1",
    background: Callable[[], Callable[[], None]] | None = None,
) -> int:
    """`background`, if given, starts work beside the server (the alert
    dispatcher) once storage is ready, and returns how to stop it."""
    from doorstep_cli.local.devserver import make_server
    from doorstep_cli.local.emulator import Emulator

    data_dir = Path(data_dir).resolve()
    data_dir.mkdir(parents=True, exist_ok=True)
    running = read_stack(data_dir)
    if running:
        # Two stacks snapshotting into one directory would overwrite each other.
        raise RuntimeError(f"Doorstep is already running at {running['api_url']} (pid {running['pid']}).")
    emulator_port = emulator_port or int(os.environ.get("DOORSTEP_EMULATOR_PORT") or port + 1)
    # Checked up front so a taken port fails in milliseconds, not after a restore.
    ensure_port_free(host, port, "web server")
    ensure_port_free("127.0.0.1", emulator_port, "AWS emulator")

    for name in PROFILE_VARIABLES:
        os.environ.pop(name, None)
    region = os.environ.get("AWS_DEFAULT_REGION") or DEFAULT_REGION
    emulator = Emulator(data_dir, emulator_port, region=region)
    shutdown = _Shutdown()
    previous_handlers = _install_signal_handlers(shutdown)
    server = server_thread = stop_background = None
    stack_file = data_dir / STACK_FILE
    try:
        emulator.start()
        counts = emulator.restore()
        configure_environment(emulator.url)
        prepare()
        server = make_server(app_loader(), host, port, Path(web_dir))
        server_thread = threading.Thread(target=server.serve_forever, name="doorstep-http", daemon=True)
        server_thread.start()
        stop_background = background() if background else None
        api_url = f"http://{client_host(host)}:{server.port}"
        atomic_write_bytes(stack_file, json.dumps(
            {"api_url": api_url, "emulator_url": emulator.url, "pid": os.getpid()}, indent=2
        ).encode())
        emulator.start_autosave(1.0)
        shutdown.serving = True
        print(
            f"Doorstep is running at http://localhost:{server.port} "
            f"(AWS emulator {emulator.url}, data in {data_dir}, restored {counts['tables']} tables "
            f"and {counts['objects']} objects). Press Ctrl-C to stop.",
            flush=True,
        )
        # A timeout keeps the main thread returning to the interpreter, where
        # signal handlers run.
        while not shutdown.requested.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass  # Ctrl-C during start-up; the cleanup below still saves what was restored
    finally:
        if stop_background is not None:
            stop_background()
        if server_thread is not None and server_thread.is_alive():
            server.shutdown()
            server_thread.join(timeout=10)
        elif server is not None:
            server.server.server_close()  # shutdown() would wait forever for a loop never started
        try:
            emulator.stop()  # final snapshot
        finally:
            stack_file.unlink(missing_ok=True)
            _restore_signal_handlers(previous_handlers)
    print(f"Doorstep stopped; data saved in {data_dir}.", flush=True)
    return 0


class _Shutdown:
    """What the signal handler needs to know: was a stop asked for, are we up yet."""

    def __init__(self) -> None:
        self.requested = threading.Event()
        self.serving = False


def _install_signal_handlers(shutdown: _Shutdown) -> dict[int, Any]:
    previous: dict[int, Any] = {}
    if threading.current_thread() is not threading.main_thread():
        return previous  # signals only reach the main thread; the caller stops us otherwise

    def request_stop(signum: int, frame: Any) -> None:
        if shutdown.requested.is_set():
            # Second Ctrl-C while saving: the user means it. The last
            # completed snapshot is still intact thanks to atomic writes.
            sys.exit(130)
        shutdown.requested.set()
        if not shutdown.serving:
            # Still starting (restore, demo data): interrupt that work rather
            # than make the user wait for it.
            raise KeyboardInterrupt

    for signum in (signal.SIGINT, signal.SIGTERM):
        previous[signum] = signal.signal(signum, request_stop)
    return previous


def _restore_signal_handlers(previous: dict[int, Any]) -> None:
    for signum, handler in previous.items():
        signal.signal(signum, handler)
