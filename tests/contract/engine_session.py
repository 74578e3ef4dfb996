"""One DynamoDB Local for the whole test session, shared by the xdist workers.

The controller process (the only one without xdist) starts the JVM in
pytest_configure when the run includes a test that needs it (tests/contract
and the stream reader's tests), without waiting for it
(it boots while the workers start and collect). Workers inherit its address
through the environment and wait for it on first use. It keeps everything in
memory and is stopped when the session ends; were pytest killed, the kernel
stops it too. Without Java or the jar every test that needs it fails, saying
how to install them: a contract suite that silently skipped would prove nothing.
"""
from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from doorstep_cli.local.dynamodb_local import DynamoDBLocal, EngineUnavailable

URL_VARIABLE = "DOORSTEP_TEST_DYNAMODB_URL"
ERROR_VARIABLE = "DOORSTEP_TEST_DYNAMODB_ERROR"
TESTS_DIR = Path(__file__).resolve().parent.parent
USERS = (TESTS_DIR / "contract", TESTS_DIR / "local" / "test_local_stream_reader.py",
         TESTS_DIR / "facilities" / "test_nearest_at_scale.py")
_started: list[DynamoDBLocal] = []
_ready: list[str] = []


def _run_needs_engine(config: pytest.Config) -> bool:
    for arg in config.args or [str(config.rootpath)]:
        path = Path(arg.split("::", 1)[0]).resolve()
        if any(path == user or user in path.parents or path in user.parents for user in USERS):
            return True
    return False


def pytest_configure(config: pytest.Config) -> None:
    if hasattr(config, "workerinput") or os.environ.get(URL_VARIABLE):
        return  # an xdist worker (the controller started it), or one given from outside
    if not _run_needs_engine(config):
        return
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    engine = DynamoDBLocal(None, port)
    try:
        engine.launch()
    except EngineUnavailable as exc:
        os.environ[ERROR_VARIABLE] = str(exc)
        return
    _started.append(engine)
    os.environ[URL_VARIABLE] = engine.url


def pytest_unconfigure(config: pytest.Config) -> None:
    while _started:
        _started.pop().stop()


def engine_url() -> str:
    """The shared engine's address, once it answers; fails the test otherwise."""
    error = os.environ.get(ERROR_VARIABLE)
    if error:
        pytest.fail(f"DynamoDB Local could not start: {error}", pytrace=False)
    url = os.environ.get(URL_VARIABLE)
    if not url:
        pytest.fail("No DynamoDB Local was started for this run: tests/conftest.py starts it when "
                    f"the run includes one of {', '.join(str(u) for u in USERS)}.", pytrace=False)
    if url not in _ready:
        host, port = url.rsplit("//", 1)[1].rsplit(":", 1)
        try:
            DynamoDBLocal(None, int(port), host=host).wait_ready(timeout=90)
        except EngineUnavailable as exc:
            pytest.fail(f"DynamoDB Local at {url} did not answer: {exc}", pytrace=False)
        _ready.append(url)
    return url
