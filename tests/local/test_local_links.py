"""`make run` and the `doorstep` command link to the port the stack runs on,
whatever Host a client sends."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from local_fixtures import free_port  # noqa: F401 (fixtures)

from doorstep_cli.local.stack import read_stack

ROOT = Path(__file__).resolve().parents[2]
# `doorstep serve` without the demo data (a quarter of a minute to load): the
# real app, on the local stack, with its tables.
SERVE = """
import sys
from pathlib import Path
from chalicelib.config import data_dir, local_port
from doorstep_cli.local.stack import run_stack
from doorstep_cli.main import prepare_storage

def load_app():
    import app
    return app.app

sys.exit(run_stack(data_dir(), local_port(), Path("web"), load_app, prepare_storage))
"""


def doorstep(env, *args, **kwargs):
    return subprocess.run([sys.executable, "-m", "doorstep_cli.main", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120, **kwargs)


def test_reset_links_from_the_cli_and_from_a_forged_host_point_at_the_running_stack(tmp_path, free_port):
    env = {k: v for k, v in os.environ.items() if k not in ("DOORSTEP_PUBLIC_URL", "DOORSTEP_AWS_ENDPOINT")}
    # PORT 0: every server the stack starts binds a port of its own, none chosen here for another to take
    env.update({"DOORSTEP_STAGE": "local", "DOORSTEP_DATA_DIR": str(tmp_path / "data"), "PORT": "0",
                "DOORSTEP_COUNTY_PORT": str(free_port())})
    stack = subprocess.Popen([sys.executable, "-c", SERVE], cwd=ROOT, env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while read_stack(tmp_path / "data") is None:
            if stack.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"the stack did not start: {stack.stderr.read() if stack.poll() is not None else ''}")
            time.sleep(0.1)
        port = int(read_stack(tmp_path / "data")["api_url"].rsplit(":", 1)[1])
        cli_env = {**env, "PORT": "8000"}  # a shell that never set PORT: the stack's own address wins
        made = doorstep(cli_env, "users", "create", "--email", "clerk@example.org", "--role", "staff")
        assert made.returncode == 0, made.stderr
        forged = urllib.request.Request(
            f"http://127.0.0.1:{port}/v1/auth/password-reset", data=b'{"email": "clerk@example.org"}',
            headers={"Content-Type": "application/json",  # (a Host no council has is refused: 421)
                     "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https"})
        with urllib.request.urlopen(forged, timeout=30) as answer:
            assert answer.status == 202
        outbox = doorstep(cli_env, "outbox", "--to", "clerk@example.org")
        assert outbox.returncode == 0, outbox.stderr
        assert outbox.stdout.count(f"http://localhost:{port}/reset-password?token=") == 2, outbox.stdout
        assert "evil" not in outbox.stdout and "localhost:8000" not in outbox.stdout
        # The same stack serves live chat's WebSocket API, its $connect the app's own (no such conversation: 404).
        socket_url = read_stack(tmp_path / "data")["socket_url"]
        assert socket_url.startswith("ws://localhost:") and socket_url != "ws://localhost:0"
        from websockets.exceptions import InvalidStatus
        from websockets.sync.client import connect
        with pytest.raises(InvalidStatus) as refused:
            connect(f"{socket_url.replace('localhost', '127.0.0.1')}/?conversation=CV-0000000000000000&token=x&council=localhost",
                    open_timeout=30)
        assert refused.value.response.status_code == 404
    finally:
        os.killpg(stack.pid, signal.SIGINT)
        stack.communicate(timeout=60)
