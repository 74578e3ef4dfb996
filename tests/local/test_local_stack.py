"""`make run` end to end: a real process, real signals, data kept across runs."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from local_fixtures import free_port  # noqa: F401 (fixtures)

from doorstep_cli.local.serving import PortInUseError
from doorstep_cli.local.stack import read_stack, run_stack

PROJECT_ROOT = Path(__file__).resolve().parents[2]

# A stand-in for the real app: one table in the DynamoDB Local the stack
# points DOORSTEP_DYNAMODB_ENDPOINT at, written with transactions as the app does.
STACK_SCRIPT = '''
import os, sys, time
from pathlib import Path
import botocore.session
from chalice import Chalice
from doorstep_cli.local.stack import run_stack

def dynamodb():
    return botocore.session.get_session().create_client(
        "dynamodb", endpoint_url=os.environ["DOORSTEP_DYNAMODB_ENDPOINT"],
        region_name=os.environ["AWS_DEFAULT_REGION"])

def prepare():
    if os.environ.get("TEST_TAKE_WEB_PORT"):  # another program tries for the web server's port mid start-up
        import socket
        squatter = socket.socket()
        try:
            squatter.bind(("127.0.0.1", int(os.environ.get("PORT") or sys.argv[2])))
            squatter.listen()
            SQUATTERS.append(squatter)
        except OSError:
            squatter.close()
    if os.environ.get("TEST_SLOW_PREPARE"):
        Path(os.environ["TEST_SLOW_PREPARE"]).touch()
        time.sleep(60)
    if "notes" not in dynamodb().list_tables()["TableNames"]:
        dynamodb().create_table(
            TableName="notes", BillingMode="PAY_PER_REQUEST",
            KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}])

def load_app():
    app = Chalice(app_name="stack-test")

    @app.route("/v1/notes", methods=["GET", "POST"])
    def notes():
        if app.current_request.method == "POST":
            dynamodb().transact_write_items(TransactItems=[{"Put": {
                "TableName": "notes", "Item": {"id": {"S": app.current_request.json_body["id"]}}}}])
        return {"ids": sorted(i["id"]["S"] for i in dynamodb().scan(TableName="notes", ConsistentRead=True)["Items"])}

    return app

SQUATTERS = []
if os.environ.get("TEST_TAKE_ENGINE_PORT"):  # another program binds the engine's port as the JVM boots
    import socket
    from doorstep_cli.local.dynamodb_local import DynamoDBLocal
    launch = DynamoDBLocal.launch

    def launch_and_take_its_port(engine):
        launch(engine)
        if not SQUATTERS:
            squatter = socket.socket()
            squatter.bind(("127.0.0.1", engine.port))
            squatter.listen()
            SQUATTERS.append(squatter)
    DynamoDBLocal.launch = launch_and_take_its_port

sys.exit(run_stack(Path(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3]), load_app, prepare))
'''


def launch(tmp_path: Path, data_dir: Path, ports: tuple[int, int, int], **extra_env: str) -> subprocess.Popen:
    script = tmp_path / "run_stack.py"
    script.write_text(STACK_SCRIPT)
    web = tmp_path / "web"
    web.mkdir(exist_ok=True)
    (web / "index.html").write_text("<h1>Doorstep</h1>")
    port, emulator_port, dynamodb_port = ports
    env = {**os.environ, **extra_env, "PYTHONPATH": str(PROJECT_ROOT), "DOORSTEP_EMULATOR_PORT": str(emulator_port),
           "DOORSTEP_DYNAMODB_PORT": str(dynamodb_port)}
    # Every server the stack starts binds a port of its own (0), unless a test names one: a port
    # chosen free here and bound there seconds later may be another program's by then (a second
    # suite's beside this one). The stack says where each is in stack.json.
    for name in ("DOORSTEP_PAY_PORT", "DOORSTEP_CIVICA_PORT", "DOORSTEP_MODERNGOV_PORT", "DOORSTEP_WEBCAST_PORT",
                 "DOORSTEP_PUBLIC_ACCESS_PORT", "DOORSTEP_DRS_PORT", "DOORSTEP_BILL_OFFICE_PORT", "DOORSTEP_SOCKET_PORT",
                 "DOORSTEP_SOCKET_API_PORT"):
        env.setdefault(name, "0")
    # A session of its own, as a terminal gives `make run`: kill -9 of the
    # group is a crash of the whole stack.
    return subprocess.Popen(
        [sys.executable, str(script), str(data_dir), str(port), str(web)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, start_new_session=True,
    )


OWN_PORTS = (0, 0, 0)  # the web server's, moto's and DynamoDB Local's: each a port of its own


def start_stack(tmp_path: Path, data_dir: Path, ports: tuple[int, int, int] = OWN_PORTS, boots: int = 1,
                **extra_env: str) -> subprocess.Popen:
    process = launch(tmp_path, data_dir, ports, **extra_env)
    # The JVM starts in 3 s, slower on a busy machine: 90 s for each time it is booted.
    deadline = time.monotonic() + 90 * boots
    while read_stack(data_dir) is None or read_stack(data_dir)["pid"] != process.pid:
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"stack did not start: {process.communicate()}")
        time.sleep(0.05)
    return process


def call(url: str, body: dict | None = None) -> dict:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def test_acknowledged_writes_survive_kill_9_of_the_whole_stack_and_ctrl_c_exits_cleanly(tmp_path, free_port):
    data_dir = tmp_path / "data"
    first = start_stack(tmp_path, data_dir)
    api = read_stack(data_dir)["api_url"]
    port = int(api.rsplit(":", 1)[1])
    assert api == f"http://127.0.0.1:{port}" and port != 0
    assert read_stack(data_dir)["public_url"] == f"http://localhost:{port}"  # the CLI's links use it
    for n in range(10):
        call(f"{api}/v1/notes", {"id": f"before-crash-{n}"})
    engine_pid = int((data_dir / "dynamodb" / "java.pid").read_text())
    os.killpg(first.pid, signal.SIGKILL)  # no handler runs anywhere
    first.communicate()
    assert read_stack(data_dir) is None, "a dead stack's stack.json must not count as running"
    assert not _running(engine_pid), "the engine must die with the stack"

    second = start_stack(tmp_path, data_dir)  # no manual step in between
    try:
        api = read_stack(data_dir)["api_url"]
        assert call(f"{api}/v1/notes") == {"ids": [f"before-crash-{n}" for n in range(10)]}
        call(f"{api}/v1/notes", {"id": "after-restart"})
        with pytest.raises(RuntimeError, match="already running"):
            run_stack(data_dir, free_port(), tmp_path / "web", dict, lambda: None)
    finally:
        second.send_signal(signal.SIGINT)
        out, err = second.communicate(timeout=30)
    assert second.returncode == 0, err
    assert "Doorstep is running at http://localhost:" in out
    assert out.strip().splitlines()[-1].startswith("Doorstep stopped")
    assert not (data_dir / "stack.json").exists()
    assert not (data_dir / "dynamodb" / "java.pid").exists()


def _running(pid: int) -> bool:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            if Path(f"/proc/{pid}/stat").read_bytes().split(b") ", 1)[1][:1] == b"Z":
                return False
        except OSError:
            return False
        time.sleep(0.05)
    return True


def test_sigterm_stops_the_stack_with_exit_code_0(tmp_path, free_port):
    process = start_stack(tmp_path, tmp_path / "data")
    process.send_signal(signal.SIGTERM)
    out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert "Doorstep stopped" in out


def test_ctrl_c_during_start_up_stops_promptly(tmp_path, free_port):
    marker = tmp_path / "preparing"
    process = launch(tmp_path, tmp_path / "data", OWN_PORTS, TEST_SLOW_PREPARE=str(marker))
    deadline = time.monotonic() + 90
    while not marker.exists():
        assert process.poll() is None and time.monotonic() < deadline, process.communicate()
        time.sleep(0.05)
    started = time.monotonic()
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=20)
    assert process.returncode == 0, err
    assert time.monotonic() - started < 5
    assert "Doorstep stopped" in out and "is running" not in out
    assert not (tmp_path / "data" / "stack.json").exists()


@pytest.mark.parametrize("taken", ["TEST_TAKE_ENGINE_PORT", "TEST_TAKE_WEB_PORT"])
def test_a_port_another_program_tries_to_take_while_the_stack_starts_never_stops_it(tmp_path, taken):
    # The engine's port taken in the seconds the JVM boots: it starts again on another. The web
    # server's port wanted by another program in start-up: held since the stack bound it first.
    data_dir = tmp_path / "data"
    # Its port taken, the engine boots twice (a full suite beside it took the two past 90 s once).
    stack = start_stack(tmp_path, data_dir, (0, 0, 0), boots=2 if taken == "TEST_TAKE_ENGINE_PORT" else 1,
                        **{taken: "1"})
    try:
        stack_file = read_stack(data_dir)
        call(f"{stack_file['api_url']}/v1/notes", {"id": "served"})
        assert call(f"{stack_file['api_url']}/v1/notes") == {"ids": ["served"]}
    finally:
        stack.send_signal(signal.SIGINT)
        out, err = stack.communicate(timeout=30)
    assert stack.returncode == 0, err
    assert ("was taken as it started; starting it on another" in out) == (taken == "TEST_TAKE_ENGINE_PORT")


def test_a_taken_port_fails_before_anything_starts(tmp_path, free_port):
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        port = squatter.getsockname()[1]
        with pytest.raises(PortInUseError, match=f"web server on 127.0.0.1:{port}"):
            run_stack(tmp_path / "data", port, tmp_path, dict, lambda: None)


def test_read_stack_ignores_missing_or_garbled_files(tmp_path):
    assert read_stack(tmp_path) is None
    (tmp_path / "stack.json").write_text("{garbled")
    assert read_stack(tmp_path) is None
    (tmp_path / "stack.json").write_text(json.dumps({"api_url": "x", "emulator_url": "y", "dynamodb_url": "z",
                                                     "pid": os.getpid()}))
    assert read_stack(tmp_path)["api_url"] == "x"
