"""The slowest tests first: xdist hands tests to its workers in collection
order, and by name the browser journeys came last, so a run ended with one
worker in a minute-long journey while the other had nothing left to do.
Started first, they leave the thousands of short tests to even out the end."""
from pathlib import Path

# By folder (or file) under tests/: the lower, the sooner. Everything else keeps its order after these.
SOONER = {"web": 0, "api/test_fuzz_openapi.py": 1, "local": 2, "infra": 3, "contract": 4}
LATER = len(SOONER)


def rank(item, tests=Path(__file__).resolve().parents[1]):
    try:
        parts = Path(item.fspath).resolve().relative_to(tests).parts
    except ValueError:
        return LATER
    if not parts:
        return LATER
    return SOONER.get("/".join(parts[:2]), SOONER.get(parts[0], LATER))


def longest_first(items):
    items.sort(key=rank)  # a stable sort: each group keeps its own order
