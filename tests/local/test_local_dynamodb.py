"""DynamoDB Local as `make run` runs it: on disk, tied to its parent, durable."""
from __future__ import annotations

import os
import signal
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
import subprocess
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from local_fixtures import free_port  # noqa: F401 (fixtures)

from doorstep_cli.local import aws_clients
from doorstep_cli.local import serving
from doorstep_cli.local.dynamodb_local import DynamoDBLocal, EngineUnavailable, PortTaken, start_on_a_free_port


@pytest.fixture
def durable_transactions():
    yield aws_clients.install
    aws_clients.uninstall()


def create_table(client, name="reports"):
    client.create_table(TableName=name, BillingMode="PAY_PER_REQUEST",
                        KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
                        AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}])


def test_acknowledged_transactions_survive_kill_9_of_the_engine(tmp_path, durable_transactions):
    engine = start_on_a_free_port(tmp_path / "db")  # a port of its own, started again elsewhere if taken
    durable_transactions(engine.url)
    client = engine.client()
    create_table(client)
    acknowledged = []

    def create(n):
        report_id = uuid.uuid4().hex
        client.transact_write_items(TransactItems=[
            {"Put": {"TableName": "reports", "Item": {"id": {"S": report_id}},
                     "ConditionExpression": "attribute_not_exists(id)"}},
            {"Put": {"TableName": "reports", "Item": {"id": {"S": f"{report_id}-event"}}}}])
        acknowledged.append(report_id)

    # Without the commit barrier this lost an acknowledged transaction in
    # about half of the runs: the engine answers before its COMMIT runs.
    with ThreadPoolExecutor(10) as pool:
        list(pool.map(create, range(200)))
    os.kill(engine.process.pid, signal.SIGKILL)
    engine.process.wait()
    engine.process = None

    again = start_on_a_free_port(tmp_path / "db")
    durable_transactions(again.url)
    try:
        client = again.client()
        missing = [rid for rid in acknowledged
                   if "Item" not in client.get_item(TableName="reports", Key={"id": {"S": rid}}, ConsistentRead=True)]
        assert (len(acknowledged), missing) == (200, [])
    finally:
        again.stop()


def test_the_engine_dies_with_the_process_that_started_it(tmp_path, free_port):
    script = (f"import sys; from pathlib import Path; from doorstep_cli.local.dynamodb_local import DynamoDBLocal\n"
              f"e = DynamoDBLocal(Path({str(tmp_path / 'db')!r}), {free_port()}); e.launch()\n"
              f"print(e.process.pid, flush=True); sys.stdin.read()\n")
    parent = subprocess.Popen([sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                              env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])})
    java_pid = int(parent.stdout.readline())
    parent.kill()  # SIGKILL: no cleanup code of ours runs
    parent.wait()
    deadline = time.monotonic() + 10
    while _alive(java_pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(java_pid)


def _alive(pid: int) -> bool:
    """Running, as opposed to gone or a zombie waiting to be reaped."""
    try:
        return Path(f"/proc/{pid}/stat").read_bytes().split(b") ", 1)[1][:1] != b"Z"
    except OSError:
        return False


def test_without_java_the_error_says_how_to_install_it(tmp_path, monkeypatch, free_port):
    monkeypatch.setenv("PATH", str(tmp_path))  # no java anywhere
    with pytest.raises(EngineUnavailable, match="Java 17.*make"):
        DynamoDBLocal(tmp_path / "db", free_port()).start()


def test_a_missing_jar_is_named(tmp_path, monkeypatch, free_port):
    monkeypatch.setenv("DOORSTEP_DYNAMODB_LOCAL_JAR", str(tmp_path / "DynamoDBLocal.jar"))
    with pytest.raises(EngineUnavailable, match="DynamoDBLocal.jar, which does not exist"):
        DynamoDBLocal(tmp_path / "db", free_port()).start()


class _Squatter(BaseHTTPRequestHandler):
    """Another program's server on the engine's port: a second suite's web server
    (404 to everything), or a second suite's DynamoDB Local (an empty list of tables)."""
    status, body = 404, b"Not Found"

    def do_POST(self):  # noqa: N802 (http.server's name)
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.send_response(self.status)
        self.send_header("Content-Type", "application/x-amz-json-1.0")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, *args):
        pass


class _AnotherEngine(_Squatter):
    status, body = 200, b'{"TableNames": []}'


def _squat(port, handler):
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    return server


@pytest.mark.parametrize("squatter", [_Squatter, _AnotherEngine], ids=["a web server", "another engine"])
def test_a_port_taken_while_the_engine_boots_is_never_taken_for_the_engine(free_port, squatter):
    # Seen beside a second suite: the port was free when checked, another program bound it in the
    # seconds the JVM took to boot, and ListTables was answered 404 by that program (or, worse,
    # answered by that suite's own DynamoDB Local, whose tables this one would then have used).
    engine = DynamoDBLocal(None, free_port())
    engine.launch()
    server = _squat(engine.port, squatter)
    try:
        with pytest.raises(PortTaken, match=f"port {engine.port}"):
            engine.wait_ready(timeout=90)
    finally:
        server.shutdown()
        server.server_close()
        engine.stop()


def test_an_engine_on_a_free_port_starts_again_on_another_when_its_port_is_taken(monkeypatch, free_port):
    taken = free_port()
    server = _squat(taken, _Squatter)
    offered = [taken]
    monkeypatch.setattr(serving, "free_port", lambda: offered.pop() if offered else free_port())
    try:
        engine = start_on_a_free_port()
    finally:
        server.shutdown()
        server.server_close()
    try:
        assert engine.port != taken and engine.owns_port()
        assert engine.client().list_tables()["TableNames"] == []
    finally:
        engine.stop()


def test_an_engine_whose_port_was_held_only_while_it_booted_starts_again_on_another(monkeypatch, free_port):
    # Beside a second suite: its free_port() bound our port for a moment (bind to 0, read it back,
    # close) just after we saw it free and as the JVM bound it. The JVM exited with "Address already
    # in use", and by the time we looked the port was free again: a taken port, not a broken engine.
    taken = free_port()
    offered = [taken]
    monkeypatch.setattr(serving, "free_port", lambda: offered.pop() if offered else free_port())
    launch = DynamoDBLocal.launch

    def launched_while_another_holds_the_port(engine):
        if engine.port != taken:
            return launch(engine)
        launch(engine)  # the port seen free, the JVM booting; then the other program binds it
        with socket.socket() as held:
            held.bind(("127.0.0.1", taken))
            held.listen(1)
            engine.process.wait(timeout=60)  # the JVM fails to bind and exits; the port is let go
    monkeypatch.setattr(DynamoDBLocal, "launch", launched_while_another_holds_the_port)
    engine = start_on_a_free_port()
    try:
        assert engine.port != taken and engine.owns_port()
        assert engine.client().list_tables()["TableNames"] == []
    finally:
        engine.stop()
