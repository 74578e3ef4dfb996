"""Where the suite's time goes, opt-in: `DOORSTEP_TIMING=<folder> make test` (tests/conftest.py
loads this plugin when it is set) writes one JSON line per test phase (setup, call,
teardown: wall seconds and this process's CPU seconds) and per worker (its
collection, its whole CPU and its reaped children's: Chromium, DynamoDB Local,
`doorstep` processes) into <folder>/<worker>.jsonl; `python tests/support/timing.py
<folder>` sums them by folder and file.

Wall time on a shared machine says more about the neighbours than about the
tests; CPU seconds say what a test costs whoever else is running."""
from __future__ import annotations

import json
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

import pytest

_out = None


def _write(event):
    global _out
    folder = os.environ.get("DOORSTEP_TIMING")
    if not folder:
        return
    if _out is None:
        Path(folder).mkdir(parents=True, exist_ok=True)
        _out = open(Path(folder) / f"{os.environ.get('PYTEST_XDIST_WORKER', 'main')}.jsonl", "a", buffering=1)
    _out.write(json.dumps(event) + "\n")


def _cpu():
    t = os.times()
    return t.user + t.system, t.children_user + t.children_system


def pytest_sessionstart(session):
    _write({"ev": "start", "t": time.time(), "cpu": _cpu()[0]})


def pytest_collection_finish(session):
    _write({"ev": "collected", "t": time.time(), "cpu": _cpu()[0], "n": len(session.items)})


_PHASES = pytest.StashKey[dict]()


def _phase(item, when):
    """A hook wrapper's body: the phase's wall and CPU seconds, kept on the item."""
    t0, c0 = time.perf_counter(), _cpu()[0]
    yield
    item.stash.setdefault(_PHASES, {})[when] = [round(time.perf_counter() - t0, 4), round(_cpu()[0] - c0, 4)]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_setup(item):
    yield from _phase(item, "setup")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item):
    yield from _phase(item, "call")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    yield from _phase(item, "teardown")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    t0, (c0, k0) = time.time(), _cpu()
    yield
    t1, (c1, k1) = time.time(), _cpu()
    _write({"ev": "test", "id": item.nodeid, "t0": t0, "wall": t1 - t0, "cpu": c1 - c0, "kids": k1 - k0,
            "phases": item.stash.get(_PHASES, {})})


def pytest_sessionfinish(session):
    cpu, kids = _cpu()
    _write({"ev": "finish", "t": time.time(), "cpu": cpu, "kids": kids})


def summary(folder, top=40):
    tests, workers = {}, {}
    for path in Path(folder).glob("*.jsonl"):
        for line in path.read_text().splitlines():
            event = json.loads(line)
            if event["ev"] == "test":
                tests[event["id"]] = event
            else:
                workers.setdefault(path.stem, {})[event["ev"]] = event
    for name, w in sorted(workers.items()):
        if "start" in w and "collected" in w:
            print(f"{name}: collection {w['collected']['t'] - w['start']['t']:.1f} s wall "
                  f"{w['collected']['cpu'] - w['start']['cpu']:.1f} s CPU; whole run "
                  f"{w.get('finish', {}).get('cpu', 0):.0f} s CPU, children {w.get('finish', {}).get('kids', 0):.0f} s")
    by_area, by_file = defaultdict(lambda: [0.0, 0.0, 0.0, 0]), defaultdict(lambda: [0.0, 0.0, 0.0, 0])
    for nodeid, t in tests.items():
        path = nodeid.split("::")[0]
        area = "/".join(path.split("/")[:2]) if path.count("/") > 1 else path
        for sums, key in ((by_area, area), (by_file, path)):
            row = sums[key]
            row[0] += t["wall"]
            row[1] += t["cpu"]
            row[2] += t["kids"]
            row[3] += 1
    print(f"{len(tests)} tests: {sum(t['wall'] for t in tests.values()):.0f} s wall, "
          f"{sum(t['cpu'] for t in tests.values()):.0f} s CPU, children {sum(t['kids'] for t in tests.values()):.0f} s")
    for title, sums in (("by folder", by_area), ("by file", by_file)):
        print(title + " (wall, CPU, children's CPU, tests):")
        for key, (wall, cpu, kids, n) in sorted(sums.items(), key=lambda kv: -kv[1][1])[:top]:
            print(f"  {key:70s} {wall:7.1f} {cpu:7.1f} {kids:6.1f} {n:5d}")
    phases = defaultdict(float)
    for t in tests.values():
        for when, (_, cpu) in t.get("phases", {}).items():
            phases[when] += cpu
    print("CPU by phase: " + ", ".join(f"{when} {cpu:.0f} s" for when, cpu in phases.items()))
    print("the most CPU in set-up (fixtures made for the test):")
    setups = sorted(tests.values(), key=lambda t: -t.get("phases", {}).get("setup", [0, 0])[1])[:top // 2]
    for t in setups:
        print(f"  {t['phases']['setup'][1]:6.1f} {t['id'][:120]}")


if __name__ == "__main__":
    summary(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 40)
