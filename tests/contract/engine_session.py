"""One DynamoDB Local for the whole test session, shared by the xdist workers.

The controller process (the only one without xdist) starts the JVM in
pytest_configure when the run includes a test that needs it (tests/contract
and the stream reader's tests), on a thread of its own (it boots while the
workers start and collect). The JVM binds its port seconds after the port
was seen free, and a second suite on the machine may take it in between:
the thread then starts it again on another port, so the address is known
only when the engine answers. Workers inherit the path of a file of this
run's own (under a fresh temporary directory) and read the address there
on first use. It keeps everything in
memory and is stopped when the session ends; were pytest killed, the kernel
stops it too. Without Java or the jar every test that needs it fails, saying
how to install them: a contract suite that silently skipped would prove nothing.
"""
from __future__ import annotations

import os
import shutil
import tempfile
import threading
import time
from pathlib import Path

import pytest

from doorstep_cli.local.files import atomic_write_bytes
from doorstep_cli.local.dynamodb_local import DynamoDBLocal, EngineUnavailable, start_on_a_free_port

URL_VARIABLE = "DOORSTEP_TEST_DYNAMODB_URL"  # an engine given from outside
# This run's file, where the controller writes the engine's address ("http://...") or why it has none.
FILE_VARIABLE = "DOORSTEP_TEST_DYNAMODB_FILE"
TESTS_DIR = Path(__file__).resolve().parent.parent
USERS = (TESTS_DIR / "contract", TESTS_DIR / "local" / "test_local_stream_reader.py",
         TESTS_DIR / "facilities" / "test_nearest_at_scale.py")
_threads: list[threading.Thread] = []
_stop = threading.Event()
_ready: list[str] = []
_run_dirs: list[Path] = []


def _run_needs_engine(config: pytest.Config) -> bool:
    for arg in config.args or [str(config.rootpath)]:
        path = Path(arg.split("::", 1)[0]).resolve()
        if any(path == user or user in path.parents or path in user.parents for user in USERS):
            return True
    return False


def pytest_configure(config: pytest.Config) -> None:
    if hasattr(config, "workerinput") or os.environ.get(URL_VARIABLE) or os.environ.get(FILE_VARIABLE):
        return  # an xdist worker (the controller started it), or one given from outside
    if not _run_needs_engine(config):
        return
    run_dir = Path(tempfile.mkdtemp(prefix="doorstep-engine-"))
    _run_dirs.append(run_dir)
    answer = run_dir / "engine"
    os.environ[FILE_VARIABLE] = str(answer)
    _threads.append(threading.Thread(target=_start, args=(answer,), name="dynamodb-local", daemon=True))
    _threads[-1].start()


def _start(answer: Path) -> None:
    # The thread lives as long as the engine: the kernel kills the JVM when the thread
    # that started it ends (doorstep_cli/local/lifeline.py), and it stops the JVM itself.
    try:
        engine = start_on_a_free_port(timeout=90)
    except EngineUnavailable as exc:
        atomic_write_bytes(answer, f"error: {exc}".encode())
        return
    atomic_write_bytes(answer, engine.url.encode())
    _stop.wait()
    engine.stop()


def pytest_unconfigure(config: pytest.Config) -> None:
    _stop.set()
    while _threads:
        _threads.pop().join(timeout=30)
    while _run_dirs:
        shutil.rmtree(_run_dirs.pop(), ignore_errors=True)


def engine_url() -> str:
    """The shared engine's address, once it answers; fails the test otherwise."""
    url = os.environ.get(URL_VARIABLE)
    if url:
        if url not in _ready:
            host, port = url.rsplit("//", 1)[1].rsplit(":", 1)
            try:
                DynamoDBLocal(None, int(port), host=host).wait_ready(timeout=90)
            except EngineUnavailable as exc:
                pytest.fail(f"DynamoDB Local at {url} did not answer: {exc}", pytrace=False)
            _ready.append(url)
        return url
    where = os.environ.get(FILE_VARIABLE)
    if not where:
        pytest.fail("No DynamoDB Local was started for this run: tests/conftest.py starts it when "
                    f"the run includes one of {', '.join(str(u) for u in USERS)}.", pytrace=False)
    deadline = time.monotonic() + 5 * 90  # start_on_a_free_port's attempts
    while not os.path.exists(where):
        if time.monotonic() > deadline:
            pytest.fail("DynamoDB Local did not start within 7 minutes.", pytrace=False)
        time.sleep(0.05)
    answer = Path(where).read_text()
    if answer.startswith("error: "):
        pytest.fail(f"DynamoDB Local could not start: {answer[7:]}", pytrace=False)
    return answer
