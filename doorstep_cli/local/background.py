"""`make run`'s work beside the API, in a process of its own: the work queues'
service (doorstep_cli/local/queue_service.py), the events stream reader, the
alert queue's worker, forwarding (the county and the send queue's worker) and
the scheduled functions, as separate Lambdas and
SQS are in AWS.

In the API's process, that work shared one interpreter (one GIL) with the web
server: after a burst of ~1,900 report creations, the queue's backlog kept a
core busy for over 20 minutes and map reads fell to 3-7 a second (issue 30).
Here the API process only serves requests. The process is tied to its parent
as the JVM is (PR_SET_PDEATHSIG): if `doorstep serve` dies, so does it; its
queued work is on disk and goes on at the next start.
"""
from __future__ import annotations

import logging
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger("doorstep.local")
QUEUES_FILE = "queues.sqlite3"
READY_S = 60.0
# The stack serves once the stream has been read to its end: the events its own start wrote (the
# demo's reports, a backlog left by the last run) are handed to the alert queue before any
# resident's change, which then comes after them on the stream, not in the middle of their batches
# (issue 73). A backlog longer than this is taken in while the stack serves, and the stack says so.
CAUGHT_UP_FILE, CATCH_UP_S = "pipeline-caught-up", 120.0


def queue_port(port: int) -> int:
    """The work queues' port: DOORSTEP_QUEUE_PORT, or the fourth after PORT (the
    payment provider has the third)."""
    from doorstep_cli.local.serving import port_for
    return port_for("DOORSTEP_QUEUE_PORT", port, 4)


def start(data_dir: Path, port: int, api_port: int) -> Callable[[], None]:
    """Start the background process (its queue service on `port`; `api_port`
    is the API's, which the county's port follows), with this
    process's environment; returns how to stop it. Sets DOORSTEP_SQS_ENDPOINT
    here too, for the `doorstep` commands that read stack.json's environment."""
    from doorstep_cli.local.lifeline import tied_to_this_process
    from doorstep_cli.local.serving import bind_listening_socket
    # Bound here and handed to the child, which serves on it: no other program can take the
    # port while the child starts (port 0: one of its own).
    with bind_listening_socket("127.0.0.1", port, "work queues") as queue_socket:
        port = queue_socket.getsockname()[1]
        url = f"http://127.0.0.1:{port}"
        os.environ["DOORSTEP_SQS_ENDPOINT"] = url
        (Path(data_dir) / CAUGHT_UP_FILE).unlink(missing_ok=True)
        log_file = open(Path(data_dir) / "background.log", "ab")
        child = subprocess.Popen([sys.executable, "-m", "doorstep_cli.local.background", str(data_dir),
                                  f"fd:{queue_socket.fileno()}", str(api_port)],
                                 env=dict(os.environ), stdout=log_file, stderr=subprocess.STDOUT,
                                 pass_fds=(queue_socket.fileno(),), start_new_session=True,
                                 preexec_fn=tied_to_this_process())
        log_file.close()
    deadline = time.monotonic() + READY_S
    while not _answers(port):
        if child.poll() is not None or time.monotonic() > deadline:
            child.kill()
            raise RuntimeError(f"the background process did not start; see {Path(data_dir) / 'background.log'}")
        time.sleep(0.05)
    caught_up, deadline = Path(data_dir) / CAUGHT_UP_FILE, time.monotonic() + CATCH_UP_S
    while not caught_up.exists() and child.poll() is None:
        if time.monotonic() > deadline:
            print(f"The alert pipeline is still taking in the events stream after {CATCH_UP_S:.0f} s; "
                  "serving while it catches up.", flush=True)
            break
        time.sleep(0.05)

    def stop() -> None:
        if child.poll() is None:
            child.send_signal(signal.SIGTERM)
            try:
                child.wait(30)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
    return stop


def _answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


def main(argv: list[str]) -> int:
    data_dir, api_port = Path(argv[0]), int(argv[2])
    # "fd:N": the listening socket the parent bound and handed over; else a port to bind
    port = socket.socket(fileno=int(argv[1][3:])) if argv[1].startswith("fd:") else int(argv[1])
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    stopping = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stopping.set())
    from doorstep_cli.local import aws_clients
    from doorstep_cli.local.queue_service import QueueService
    aws_clients.install(os.environ["DOORSTEP_DYNAMODB_ENDPOINT"])  # the same transaction-commit wait as the API's
    service = QueueService(data_dir / QUEUES_FILE, port, region=os.environ.get("AWS_DEFAULT_REGION", "eu-west-2"))
    service.start()
    os.environ["DOORSTEP_SQS_ENDPOINT"] = service.url
    from chalicelib.deps import default_deps
    from doorstep_cli.local.forwarding import start_forwarding
    from doorstep_cli.local.queue_worker import start_alert_pipeline
    from doorstep_cli.local.schedules import start_schedules
    stops = [start_alert_pipeline(data_dir, default_deps, drain_s=0.0,
                                  caught_up=lambda: (data_dir / CAUGHT_UP_FILE).touch()),
             start_forwarding(data_dir, api_port, default_deps), start_schedules(default_deps)]
    log.info("Background work running; work queues at %s", service.url)
    while not stopping.wait(0.5):
        pass
    for stop in reversed(stops):
        stop()
    service.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
