"""Racers that really race: each in its own thread, all held at one
threading.Barrier and let go together, so their requests overlap rather than
run one after another as a pool's threads starting in turn often do."""
import os
import threading
from concurrent.futures import ThreadPoolExecutor


def at_once(work, racers, wait=60):
    """work(racer) for every racer, all started together; the answers in the
    racers' order (a racer's exception is raised here). Chalice's test client
    swaps os.environ during each request, and threads interleaving those swaps
    can leave the wrong one in place: it is put back afterwards."""
    racers = list(racers)
    gate = threading.Barrier(len(racers))

    def race(racer):
        gate.wait(wait)
        return work(racer)

    from chalicelib import tenancy
    if tenancy.current_or_none() is not None:
        race = tenancy.carried(race)  # each racer works for the test's council, as its requests would
    environ = os.environ
    try:
        with ThreadPoolExecutor(max_workers=len(racers)) as pool:
            return list(pool.map(race, racers))
    finally:
        os.environ = environ


class Rounds:
    """Racers held to read together, round after round: each call of `read`
    waits until every racer still racing has made its call of the round, so
    all of a round read the same version and one write of theirs wins. A
    racer calls `leave()` when it is done (answered or refused)."""

    def __init__(self, monkeypatch, owner, name, racers, wait=60):
        self.racing, self.arrived, self.round, self.wait = racers, 0, 0, wait
        self.turn = threading.Condition()
        real = getattr(owner, name)

        def read_together(*args, **kwargs):
            out = real(*args, **kwargs)
            self._arrive()
            return out
        monkeypatch.setattr(owner, name, read_together)

    def _arrive(self):
        with self.turn:
            mine = self.round
            self.arrived += 1
            if self.arrived >= self.racing:
                self._next()
            else:
                self.turn.wait_for(lambda: self.round != mine, timeout=self.wait)

    def race(self, work, racers):
        """at_once(work, racers), each racer leaving the rounds when its work ends (answered or refused)."""
        def one(racer):
            try:
                return work(racer)
            finally:
                self.leave()
        return at_once(one, racers)

    def leave(self):
        with self.turn:
            self.racing -= 1
            if self.racing and self.arrived >= self.racing:
                self._next()

    def _next(self):
        self.round, self.arrived = self.round + 1, 0
        self.turn.notify_all()
