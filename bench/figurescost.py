"""`python -m bench.figurescost`: what the figures page's answer (GET /v1/figures?year=) reads with 100 and
with 100,000 transactions counted in the council's year.

Transactions are spread over the year's months, the services and both channels, with starts, answers and the
desk's entered contacts; their counts are summed in memory and added to the figures items by the store's own
ADD (FigureStore.add), as each transaction's effect adds its one. CROSS_CHECK of them are counted one by one
through `counting.finished` (each its own transaction with its once-mark, as a real finish is) and must give
the same counts. The read is `publishing.published` under the meter: the council's year, one Query.
"""
import random
import time
from collections import defaultdict

from . import report

SIZES = (100, 100_000)
CROSS_CHECK = 300
YEAR = 2025
BEGIN, END = "<!-- figures: written by bench.figurescost -->", "<!-- /figures -->"


def transactions(count, seed=72):
    """((month, service), channel, rating or None) for `count` transactions of the council's year."""
    from chalicelib.handlers.feedback.figures import months_of
    from chalicelib.handlers.feedback.services import SERVICES
    rng, months = random.Random(seed), months_of(YEAR)
    for _ in range(count):
        channel = "online" if rng.random() < 0.7 else "assisted"
        yield (rng.choice(months), rng.choice(SERVICES)), channel, rng.choice((1, 2, 3, 4, 5, None, None))


def summed(stream):
    rows = defaultdict(lambda: defaultdict(int))
    for key, channel, rating in stream:
        rows[key][f"finished_{channel}"] += 1
        if channel == "online":
            rows[key]["started_online"] += 1
        if rating:
            rows[key][f"answers_{channel}_{rating}"] += 1
    return rows


def counted_one_by_one(deps, progress):
    """CROSS_CHECK finishes through the real path; whether the store holds what summing them gives."""
    from datetime import datetime, timezone
    from chalicelib.handlers.feedback import counting
    stream = [(key, channel, None) for key, channel, _ in transactions(CROSS_CHECK, seed=5)]
    for n, ((month, service), channel, _) in enumerate(stream):
        moment = datetime.strptime(f"{month}-15 12:00", "%Y-%m-%d %H:%M").replace(tzinfo=timezone.utc)
        counting.finished(deps, service, f"BENCH-{n:06d}", channel, moment)
    stored = {k: {name: n for name, n in v.items() if n} for k, v in deps.feedback.year(f"{YEAR}-04",
                                                                                        f"{YEAR + 1}-03").items()}
    expected = {k: {name: n for name, n in v.items() if not name.startswith("started")}
                for k, v in summed(stream).items()}
    same = stored == expected
    progress(f"  cross-check, {CROSS_CHECK} finishes one by one: {'identical' if same else 'DIFFERENT'}")
    return same


def measure(deps, n):
    from chalicelib.handlers.feedback import publishing
    from chalicelib.storage import metering
    rows = summed(transactions(n))
    for (month, service), counts in rows.items():
        deps.feedback.add(month, service, dict(counts))
    for (month, service) in list(rows)[::3]:  # the desk's entered contacts beside a third of them
        deps.feedback.add(month, service, {"contacts_phone": 40, "contacts_face_to_face": 12})
    with metering.metered() as meter:
        body, _ = publishing.published(deps, {"year": str(YEAR)})
    return {"n": n, "items_stored": len(rows), "queries": meter.queries, "calls": meter.calls, "items": meter.items,
            "ms": meter.seconds * 1000, "bytes": len(body)}


def section(results, same, elapsed):
    rows = [[f"{r['n']:,}", r["items_stored"], r["queries"], r["calls"], r["items"], f"{r['bytes']:,}",
             f"{r['ms']:.1f}"] for r in results]
    flat = all(r["queries"] == 1 for r in results) and results[-1]["items"] <= 14 * 12
    return "\n".join([
        BEGIN, "## The figures of channel shift (`GET /v1/figures?year=`, the figures page)", "",
        f"Transactions of the council's year {YEAR} to {YEAR + 1} spread over its months, its 14 services and "
        "both channels (7 in 10 online, each online one with its start; 5 in 7 answered), summed and added to "
        "the figures items by the store's own ADD, with entered contacts beside a third of the months; then "
        f"`publishing.published` under the meter. Counting {CROSS_CHECK} finishes one by one through "
        f"`counting.finished` (a transaction and a once-mark each) gave {'identical' if same else 'DIFFERENT'} "
        f"counts. Ran in {elapsed:.0f} s.", "",
        report.table(["Transactions", "Figures items", "Queries", "DynamoDB calls", "Items read", "JSON bytes", "ms (moto)"],
                     rows), "",
        f"Target: one Query, at most one item per service and month (14 x 12 = 168) whatever the transactions: "
        f"{report.verdict(flat)}. The items read grow with the services and months that have counts, never with "
        "the transactions: 100,000 read what a year with a transaction in every service's every month reads. The "
        "second call at 100 is the council's settings, read once by a process (its costs per channel).",
        END, ""])


def measure_and_write(progress=print):
    from moto import mock_aws
    from . import env
    started = time.perf_counter()
    with mock_aws():
        env.fresh_storage()
        same = counted_one_by_one(env.deps(), progress)
    results = []
    for n in SIZES:
        with mock_aws():
            env.fresh_storage()
            results.append(measure(env.deps(), n))
        progress(f"  /v1/figures at {n:,} transactions: {results[-1]['queries']} queries, {results[-1]['items']} items")
    doc = env.ROOT / "docs" / "benchmarks.md"
    report.replace_section(doc, BEGIN, END, section(results, same, time.perf_counter() - started))
    return 0 if same else 1


if __name__ == "__main__":
    from chalicelib import tenancy
    from . import env as _env
    _env.apply()
    with tenancy.acting_for("york"):  # the demo's council, as the tests work for
        raise SystemExit(measure_and_write())
