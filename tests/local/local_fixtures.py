"""Fixtures for the local-stack tests, imported by each test module.

Not a conftest.py on purpose: tests/api does `from conftest import pothole`,
and a second conftest module here could be the one that import finds,
depending on the order pytest collects directories in.

moto's backends are process-wide, so at most one Emulator runs at a time and
each is stopped (which wipes moto's memory) before the next starts.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from doorstep_cli.local.emulator import Emulator
from doorstep_cli.local.serving import free_port as free_port_once


def _free_port() -> int:
    return free_port_once()


@pytest.fixture
def free_port() -> Callable[[], int]:
    """Call for a port nobody is listening on (bind to 0, read it back), never one
    given before in this process: a stack given one port twice fought itself for it."""
    return _free_port


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def restart(data_dir: Path) -> Iterator[Callable[[], Emulator]]:
    """Call to start a fresh emulator on data_dir with its photos put back,
    as `make run` does.

    Whatever the test leaves running is stopped afterwards, even on failure,
    so the next test starts with an empty moto.
    """
    started: list[Emulator] = []

    def start() -> Emulator:
        emu = Emulator(data_dir, _free_port())
        started.append(emu)
        emu.start()
        emu.restore()
        return emu

    yield start
    for emu in reversed(started):
        emu.stop()


@pytest.fixture
def emulator(restart: Callable[[], Emulator]) -> Emulator:
    return restart()


@pytest.fixture
def queue_service(tmp_path: Path) -> Iterator["QueueService"]:
    """`make run`'s work queues (SQS's protocol, kept in SQLite), on a free port."""
    from doorstep_cli.local.queue_service import QueueService
    running = QueueService(tmp_path / "queues.sqlite3").start()
    yield running
    running.stop()


@pytest.fixture
def queue(queue_service, monkeypatch):
    """The alert queue as `make run` makes it, through the app's own WorkQueue."""
    monkeypatch.setenv("DOORSTEP_SQS_ENDPOINT", queue_service.url)
    monkeypatch.setenv("DOORSTEP_STAGE", "local")
    monkeypatch.setenv("DOORSTEP_TABLE_PREFIX", "local-")
    monkeypatch.delenv("DOORSTEP_ALERT_QUEUE_URL", raising=False)
    from chalicelib.handlers.alerts.worker import alert_queue
    made = alert_queue()
    assert made.url == f"{queue_service.url}/000000000000/local-alert-pages"
    return made

