"""`pytest --clock=2027-03-28T00:30:00Z`: the whole run starts at that instant
and the clock ticks on from it, so a test that hangs on the hour, the weekday or
the date fails in the daytime too, and not only when CI happens to run at night.

The in-process suite only: DynamoDB Local (tests/contract, tests/local) and
Chromium (tests/web) keep their own clocks, which no pin in this process moves,
so a run with --clock skips them rather than telling a story in two times.
"""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

OWN_CLOCKS = ("contract", "local", "web")  # test folders whose other processes keep the real time


def pytest_addoption(parser):
    parser.addoption("--clock", default=None, metavar="INSTANT",
                     help="start the run's clock at this ISO 8601 instant (with its zone, e.g. 2027-03-28T00:30:00Z)")


def instant(config):
    value = config.getoption("--clock")
    if not value:
        return None
    moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        raise pytest.UsageError("--clock needs its zone: 2027-03-28T00:30:00Z or +01:00")
    return moment


def pytest_collection_modifyitems(config, items):
    if instant(config) is None:
        return
    skip = pytest.mark.skip(reason="keeps the real time in another process: not run with --clock")
    tests = Path(__file__).resolve().parents[1]
    for item in items:
        parts = Path(item.fspath).resolve().relative_to(tests).parts
        if parts and parts[0] in OWN_CLOCKS:
            item.add_marker(skip)


@pytest.fixture(scope="session", autouse=True)
def _pinned_clock(request):
    moment = instant(request.config)
    if moment is None:
        yield None
        return
    import time_machine
    with time_machine.travel(moment, tick=True):
        yield moment
