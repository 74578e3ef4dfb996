"""`python -m bench.statscost`: what GET /v1/stats reads at 1,000 and at
100,000 reports.

A year of synthetic reports (categories, channels, places, lives from
"still open" to "fixed, reopened, fixed again") becomes the events the app
would write; each event's counts come from the consumer's own
`counting.changes_for` and are summed in memory, then written as the
counter rows (one transaction). `cross_check` counts CROSS_CHECK reports
event by event through `counting.count_event` (a transaction and a ward
lookup per event, as the stream's handler does) and must give the same rows.
The read is `figures.figures` under the meter, after the categories are
cached (as on a warm function).
"""
import random
import time
from collections import defaultdict
from datetime import datetime, timedelta, timezone

from . import report

SIZES = (1_000, 100_000)
CROSS_CHECK = 200
CATEGORIES = ["pothole", "damaged_pavement", "street_light", "fly_tipping", "graffiti", "litter", "litter_bin",
              "missed_bin", "blocked_drain", "abandoned_vehicle", "dog_fouling", "complaint"]
CHANNELS = ["app"] * 5 + ["web"] * 3 + ["phone"] * 2 + ["open311", "api", "email", "face_to_face", "letter"]
PLACES = 60  # distinct points; each one's ward is looked up once
LIVES = [[], [("investigating", 2)], [("fixed", None)], [("fixed", None)], [("closed", None)],
         [("fixed", None), ("open", 3), ("fixed", None)], [("not_responsible", 1)]]


def events(count, places, now, seed=18):
    """(event, ward id) for `count` reports over the year before `now`."""
    from chalicelib.storage.records import Event
    rng = random.Random(seed)
    for i in range(count):
        code, (lon, lat, ward) = rng.choice(CATEGORIES), rng.choice(places)
        made = now - timedelta(days=rng.uniform(1, 365))
        facts = {"service_code": code, "reported_at": made.isoformat(), "channel": rng.choice(CHANNELS),
                 "lon": None if code == "complaint" else lon, "lat": None if code == "complaint" else lat}
        yield Event(f"b{i}-0", "report_created", f"R{i}", {**facts, "state": "open"}, made), ward
        state, at = "open", made
        for after, days in rng.choice(LIVES):
            at += timedelta(days=days if days is not None else rng.expovariate(1 / 8))
            if at >= now:
                break
            yield Event(f"b{i}-{at.timestamp()}", "report_state_changed", f"R{i}",
                        {**facts, "state": after, "previous_state": state}, at), ward
            state = after


def places(deps, count=PLACES, seed=3):
    from .data import Generator
    gen, out = Generator(seed), []
    while len(out) < count:
        lon, lat = gen.point()
        if deps.area.contains(lon, lat):
            ward = deps.wards.at_point(lon, lat)
            out.append((round(lon, 6), round(lat, 6), ward.id if ward else None))
    return out


def summed(stream):
    from chalicelib.handlers.stats.counting import Facts, changes_for
    rows = defaultdict(lambda: defaultdict(int))
    for event, ward in stream:
        p = event.payload
        facts = Facts(p["service_code"], datetime.fromisoformat(p["reported_at"]), p["channel"], p["lon"], p["lat"])
        for row, counts in changes_for(event.kind, p, facts, event.created_at, ward if p["lon"] else None).items():
            for name, n in counts.items():
                rows[row][name] += n
    return {row: dict(counts) for row, counts in rows.items()}


def cross_check(deps, where, now, progress):
    from chalicelib.handlers.stats.counting import count_event
    stream = list(events(CROSS_CHECK, where, now, seed=5))
    for event, _ in stream:
        count_event(deps, event)
    stored = {row.key: row.counts for row in deps.stats.rows()}
    same = stored == summed(stream)
    progress(f"  cross-check, {CROSS_CHECK} reports event by event: {'identical' if same else 'DIFFERENT'}")
    return same, len(stream)


def measure(deps, n, where, now):
    from chalicelib.handlers.stats.figures import figures
    from chalicelib.storage import metering
    rows = summed(events(n, where, now))
    deps.stats.count(f"bench-{n}", rows, now)
    deps.services.all()
    with metering.metered() as meter:
        answer = figures(deps)
    size = sum(_item_bytes(r) for r in deps.stats.rows())
    return {"n": n, "rows": len(rows), "queries": meter.queries, "items": meter.items, "bytes": size,
            "rcu": max(1, -(-size // 4096)) / 2, "ms": meter.seconds * 1000,
            "received": answer["totals"]["received"], "fixes": answer["totals"]["days_to_fix"]["fixes"],
            "buckets": max(len([k for k in r.counts if k.startswith("fix_days_")]) for r in deps.stats.rows())}


def _item_bytes(row):
    """DynamoDB's item size: attribute names plus values (a number: about one byte per two digits)."""
    numbers = sum(len(k) + len(str(v)) // 2 + 1 for k, v in row.counts.items())
    return numbers + len("pk") + len("figures") + len("sk") + len(row.key) + (5 + len(row.label) if row.label else 0)


BEGIN, END = "<!-- stats: written by bench.statscost -->", "<!-- /stats -->"


def section(results, same, events_checked, elapsed):
    rows = [[f"{r['n']:,}", f"{r['received']:,}", f"{r['fixes']:,}", r["rows"], r["queries"], r["items"],
             f"{r['bytes']:,}", f"{r['rcu']:g}", r["buckets"], f"{r['ms']:.1f}"] for r in results]
    flat = all(r["queries"] == 1 for r in results) and len({r["items"] for r in results}) == 1
    return "\n".join([
        BEGIN, "## Public performance figures (`GET /v1/stats`)", "",
        f"A year of synthetic reports (12 categories, one private; {len(set(CHANNELS))} channels; {PLACES} places "
        "in the demo council's wards; lives from "
        "still open to fixed, reopened and fixed again) as the events the app writes, counted by the stream "
        "consumer's own `changes_for` and written as the counter rows; then `figures()` under the meter, with "
        f"the categories cached. Counting {CROSS_CHECK} other reports event by event through `count_event` ({events_checked} events, a transaction "
        f"each) gave {'identical' if same else 'DIFFERENT (investigate)'} rows. RCU: the rows' DynamoDB size "
        f"summed, in 4 KB units, eventually consistent. Ran in {elapsed:.0f} s.", "",
        report.table(["Reports", "Received", "Fixes", "Counter rows", "Queries", "Items read", "Bytes read",
                      "RCU", "Day buckets (largest row)", "ms (moto)"], rows), "",
        f"Target: one Query, and the same items read at {SIZES[0]:,} and {SIZES[-1]:,} reports: "
        f"{report.verdict(flat)}. The rows are the total, each category, ward and month (a year: 13 months); "
        "they grow with those, never with reports. Bytes grow a little: a category's histogram gains a bucket "
        "per distinct whole number of days to fix, at most a few hundred.", END, ""])


def measure_and_write(progress=print):
    from moto import mock_aws
    from doorstep_cli.seed import demo_wards
    from . import env
    started, now = time.perf_counter(), datetime.now(timezone.utc).replace(microsecond=0)
    with mock_aws():
        env.fresh_storage()
        deps = env.deps()
        demo_wards(deps)
        where = places(deps)
        same, checked = cross_check(deps, where, now, progress)
    results = []
    for n in SIZES:
        with mock_aws():
            env.fresh_storage()
            results.append(measure(env.deps(), n, where, now))
        progress(f"  /v1/stats at {n:,} reports: {results[-1]['items']} items, {results[-1]['bytes']:,} bytes")
    doc = env.ROOT / "docs" / "benchmarks.md"
    report.replace_section(doc, BEGIN, END, section(results, same, checked, time.perf_counter() - started))
    return 0 if same else 1


if __name__ == "__main__":
    from . import env as _env
    _env.apply()
    raise SystemExit(measure_and_write())
