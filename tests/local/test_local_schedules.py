"""`make run`'s schedules each keep their own beat (issue 78): one loop ran them one after another,
so forwarding's every-minute read of a body's updates first came about 190 s after the start, behind
every council's meetings and planning syncs."""
import threading
import time

from doorstep_cli.local.schedules import SCHEDULES, start_beats


def test_a_schedule_keeps_its_beat_while_another_runs_long():
    slow_started, release, quick = threading.Event(), threading.Event(), []

    def slow():  # a register read politely, a second a request
        slow_started.set()
        release.wait(10)

    stop = start_beats([("sync_planning", slow, 0.05), ("forward_reports", lambda: quick.append(time.monotonic()), 0.05)])
    try:
        assert slow_started.wait(5)
        deadline = time.monotonic() + 10
        while len(quick) < 4 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert len(quick) >= 4 and not release.is_set()  # four beats while the slow one is still at its first
    finally:
        release.set()
        stop()


def test_a_beat_missed_by_a_slow_run_is_skipped_and_the_next_comes_on_the_beat_from_the_start():
    now, runs, done = [100.0], [], threading.Event()

    def run():
        runs.append(now[0])
        now[0] += {1: 2.5, 2: 0.1}.get(len(runs), 0.0)  # the first run takes 2.5 periods, the second a tenth
        if len(runs) == 3:
            done.set()

    def sleep(seconds):
        now[0] += seconds
        return done.is_set()

    stop = start_beats([("sweep_forms", run, 1.0)], clock=lambda: now[0], sleep=sleep)
    try:
        assert done.wait(5)
    finally:
        stop()
    assert runs[:3] == [100.0, 103.0, 104.0]  # beats at start + 3 and + 4, not 102.5 and 103.6


def test_every_schedule_names_a_function_that_exists():
    import importlib
    for name, target in SCHEDULES:
        module, function = target.split(":")
        assert callable(getattr(importlib.import_module(module), function)), name
