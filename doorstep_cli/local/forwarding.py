"""`make run`'s forwarding: the county (a second Doorstep in its own process,
doorstep_cli/local/county.py) on DOORSTEP_COUNTY_PORT (default PORT + 10),
and the send queue consumed as the send_reports Lambda consumes it in AWS.
The every-minute sweep and polling run with the other schedules."""
from __future__ import annotations

import logging
import os
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

from doorstep_cli.local import county

log = logging.getLogger("doorstep.local")
ROOT = Path(__file__).resolve().parents[2]
OFFICER = "officer@county.example"  # the county's administrator, to move its reports along


def county_port(port: int) -> int:
    return int(os.environ.get("DOORSTEP_COUNTY_PORT") or port + 10)


def county_key() -> str:
    """The district's Open311 key at the county: made once, kept with the stack's secrets."""
    import secrets
    from chalicelib.keystore import secret
    return secret("DOORSTEP_COUNTY_KEY", "county-open311-key", lambda: "o311_" + secrets.token_urlsafe(32))


def county_password() -> str:
    import secrets
    from chalicelib.keystore import secret
    return secret("DOORSTEP_COUNTY_PASSWORD", "county-officer-password", lambda: secrets.token_urlsafe(12))


def start_county(data_dir: Path, port: int) -> Callable[[], None]:
    """The county's Doorstep on DynamoDB Local (tables doorstep-county-*): it keeps its data across restarts.
    It dies with the process that starts it (the background process), as that one dies with the stack."""
    from doorstep_cli.local.lifeline import tied_to_this_process
    from doorstep_cli.local.serving import PortInUseError, bind_listening_socket
    env = os.environ
    log_path = Path(data_dir) / "county.log"
    try:  # bound here and handed over: no other program can take the port while the county starts
        held = bind_listening_socket("127.0.0.1", port, "county")
    except PortInUseError as taken:  # as when the county could not start: reports for it wait, retried
        log.warning("The county's Doorstep did not start: %s", taken)
        return lambda: None
    with open(log_path, "ab") as log_file, held:
        process = subprocess.Popen(
            county.command(port, county_key(), Path(data_dir) / "county", OFFICER, county_password(),
                           dynamodb=env["DOORSTEP_DYNAMODB_ENDPOINT"], emulator=env["DOORSTEP_AWS_ENDPOINT"],
                           fd=held.fileno()),
            cwd=ROOT, stdout=subprocess.PIPE, stderr=log_file, text=True, pass_fds=(held.fileno(),),
            env={**env, "PYTHONPATH": str(ROOT)}, preexec_fn=tied_to_this_process())
    line = process.stdout.readline()
    if line:
        print(f"The county (North Yorkshire Council) is running at http://localhost:{port}: sign in as "
              f"{OFFICER} with the password in {Path(data_dir) / 'secrets' / 'county-officer-password'}",
              flush=True)
    else:
        log.warning("The county's Doorstep did not start (see %s); reports for it wait and are retried", log_path)

    def stop() -> None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
    return stop


def start_send_worker(deps_factory: Callable[[], Any]) -> Callable[[], None]:
    from chalicelib.handlers.forwarding.queue import VISIBILITY_S, on_queue, send_queue
    from doorstep_cli.local.queue_worker import QueueWorker
    queue = send_queue()
    worker = QueueWorker(queue.client, queue.url, lambda event, context: on_queue(event, deps_factory), 10,
                         VISIBILITY_S, threads=1)
    worker.start()
    return worker.stop


def start_forwarding(data_dir: Path, port: int, deps_factory: Callable[[], Any]) -> Callable[[], None]:
    stops = [start_county(data_dir, county_port(port)), start_send_worker(deps_factory)]
    return lambda: [stop() for stop in reversed(stops)]


def demo_county_endpoint(port: int) -> dict:
    return {"county_endpoint": f"http://localhost:{county_port(port)}/open311/v2", "county_key": county_key()}
