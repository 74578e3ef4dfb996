"""The test workers' garbage collector, tuned for a process that makes many
objects and keeps most of them (moto's tables, botocore's clients and models,
the app's modules): a young collection every 20,000 allocations, not 700, and
what is loaded by the end of collection kept out of every collection after it.
On tests/licensing in one process: 3,262 collections taking 3.3 to 3.5 s and
36.1 to 36.4 CPU-seconds, to 257 taking 2.1 s and 32.0 (docs/decisions/house.md,
seventh cut). The older generations keep their default thresholds, so cyclic
garbage that lives a while is still freed."""
import gc

YOUNG = 20_000


def pytest_configure(config):
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG, middle, old)


def pytest_collection_finish(session):
    gc.collect()
    gc.freeze()
