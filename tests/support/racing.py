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
