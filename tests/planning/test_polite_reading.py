"""A register is read politely: one request at a time per host, a gap
between requests, back-off on 429, nothing in its overnight window, and no
more than a run's budget; each from configuration."""
import threading
import time
from datetime import datetime

import pytest

from chalicelib.handlers.planning.idox.polite import Gate
from chalicelib.handlers.planning.port import PlanningError
from support.planning_support import LONDON, MORNING
from support.racing import at_once


class Waits:
    """A monotonic clock that only sleeping moves."""

    def __init__(self):
        self.now, self.slept = 100.0, []

    def sleep(self, seconds):
        self.slept.append(round(seconds, 3))
        self.now += seconds

    def monotonic(self):
        return self.now


def gate(name, waits, at=MORNING, **given):
    return Gate(name, clock=lambda: at, sleep=waits.sleep, monotonic=waits.monotonic,
                **{"gap_s": 10.0, "backoff_s": 30.0, **given})


def counter():
    made = []
    return made, lambda: made.append(1)


def test_the_second_request_to_a_host_waits_out_the_gap_left_after_the_first():
    waits, (made, counted) = Waits(), counter()
    polite = gate("gap.example", waits)
    polite.send(lambda: (200, {}, b"one"), counted)
    waits.now += 4  # the page took 4 s to read
    polite.send(lambda: (200, {}, b"two"), counted)
    assert waits.slept == [6.0] and len(made) == 2


def test_a_429_waits_its_retry_after_then_doubles_and_gives_up_after_the_tries():
    waits, (made, counted) = Waits(), counter()
    answers = iter([(429, {"Retry-After": "45"}, b""), (200, {}, b"page")])
    assert gate("busy.example", waits, gap_s=0).send(lambda: next(answers), counted)[2] == b"page"
    assert waits.slept == [45.0]
    waits2 = Waits()
    with pytest.raises(PlanningError) as refused:
        gate("busier.example", waits2, gap_s=0, tries=3).send(lambda: (429, {}, b""), counted)
    assert refused.value.kind == "unreachable" and waits2.slept == [30.0, 60.0]


@pytest.mark.parametrize("at,asleep", [((2026, 11, 24, 23, 45), True), ((2026, 11, 25, 6, 29), True),
                                       ((2026, 11, 25, 6, 30), False), ((2026, 7, 1, 0, 15), True)])
def test_nothing_is_asked_inside_the_overnight_window_which_may_wrap_past_midnight(at, asleep):
    (made, counted), moment = counter(), datetime(*at, tzinfo=LONDON)
    polite = gate(f"night{at}", Waits(), quiet="23:30-06:30", at=moment)
    if asleep:
        with pytest.raises(PlanningError) as refused:
            polite.send(lambda: (200, {}, b""), counted)
        assert refused.value.kind == "asleep" and made == []
    else:
        polite.send(lambda: (200, {}, b""), counted)
        assert made == [1]


def test_a_run_stops_at_its_budget_of_requests():
    (made, counted) = counter()
    polite = gate("budget.example", Waits(), gap_s=0, budget=2)
    for _ in range(2):
        polite.send(lambda: (200, {}, b""), counted)
    with pytest.raises(PlanningError) as spent:
        polite.send(lambda: (200, {}, b""), counted)
    assert spent.value.kind == "budget" and len(made) == 2


def test_two_readers_of_one_host_never_ask_it_at_once():
    inside, most, lock = [0], [0], threading.Lock()

    def request():
        with lock:
            inside[0] += 1
            most[0] = max(most[0], inside[0])
        time.sleep(0.05)
        with lock:
            inside[0] -= 1
        return 200, {}, b""

    readers = [Gate("one-host.example", gap_s=0) for _ in range(4)]
    at_once(lambda reader: reader.send(request, lambda: None), readers)
    assert most[0] == 1
