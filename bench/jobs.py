"""Jobs near me cost: what GET /v1/crew/jobs reads, through the real handler,
with 100, then 10,000, then 100,000 open jobs for one team.

Jobs are synthetic York reports' points (bench/data.py's generator: half in
the city centre, some around villages, the rest anywhere in the bbox),
written with `JobStore.load` in the store's own form, counts included. For
each view: the Queries (and GetItems), the items they read (DynamoDB's
ScannedCount, plus the one services read) and the read capacity DynamoDB
would bill. The target: a list reads about what it returns (at most
2 x limit + 80 items: the team's cell counts and the edge of the search) at
every size.

    python -m bench.jobs      (also part of `make bench`; BENCH_JOB_SIZES=100,2000 for a quick run)
"""
import dataclasses
import random
import time

from .report import replace_section

BEGIN, END = "<!-- jobs: written by bench.jobs -->", "<!-- /jobs -->"
TEAM = "north"
CASES = [  # (view, query parameters)
    ("near me, city centre, 50 nearest (the default)", {"lat": "53.9600", "lon": "-1.0800"}),
    ("near me, city centre, 10 nearest", {"lat": "53.9600", "lon": "-1.0800", "limit": "10"}),
    ("near me, city centre, 200 nearest (a day's cache)", {"lat": "53.9600", "lon": "-1.0800", "limit": "200"}),
    ("near me, farmland edge, 50 nearest", {"lat": "53.8850", "lon": "-1.2350"}),
    ("no point: soonest due, first page of 50", {}),
    ("no point: soonest due, second page", {"page": 2}),
]


def open_jobs(deps, team, count, seed=1, start=0):
    """Write `count` open jobs for `team` at synthetic York points; returns them."""
    from datetime import datetime, timezone
    from chalicelib.storage.records import Job
    from .data import Generator
    points, rng = Generator(seed * 1_000_003 + start), random.Random(seed * 1_000_003 + start)
    now = datetime.now(timezone.utc)
    jobs = []
    for n in range(start, start + count):
        lon, lat = points.point()
        due = f"2030-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}" if rng.random() < 0.8 else None
        jobs.append(Job(id=f"{seed:04d}{n:028d}", report_id=f"DS-B{n:06d}", team=team, service_code="pothole",
                        status=rng.choice(["assigned", "accepted"]), summary=f"Synthetic job {n}", lon=lon, lat=lat,
                        priority=rng.choice(["normal", "high", "urgent"]), due=due, assigned_at=now, updated_at=now))
    deps.jobs.load(jobs)
    return jobs


def measure(deps, progress):
    from chalicelib.auth.principal import Principal
    from chalicelib.handlers.crews.jobs_list import list_jobs
    from chalicelib.storage.metering import metered
    from .inboxcost import Capacity
    run = dataclasses.replace(deps, principal=Principal(user_id="u_bench", role="crew", team=TEAM))
    rows = []
    for view, params in CASES:
        params = {k: v for k, v in params.items() if k != "page"}
        if view.endswith("second page"):
            params["cursor"] = list_jobs(run, params)["next_cursor"]
        started = time.perf_counter()
        with metered() as meter, Capacity() as capacity:
            answer = list_jobs(run, params)
        rows.append({"view": view, "returned": len(answer["features"]), "queries": meter.queries,
                     "gets": sum(1 for o in meter.operations if o == "GetItem"), "items": meter.items,
                     "rcu": capacity.units, "seconds": time.perf_counter() - started,
                     "limit": int(params.get("limit", 50))})
        progress(f"  {view}: {rows[-1]['returned']} returned, {meter.items} items, {capacity.units} RCU")
    return rows


def run(progress, sizes):
    from moto import mock_aws
    from . import env
    from .mapcost import steady_categories
    from .motofast import faster_moto
    results, loads = {}, []
    with mock_aws():
        env.fresh_storage()
        deps = env.deps()
        made = 0
        for n in sizes:
            started = time.perf_counter()
            open_jobs(deps, TEAM, n - made, seed=7, start=made)
            made = n
            loads.append(f"{n:,} ({time.perf_counter() - started:.0f} s to add)")
            progress(f"jobs near me at {n:,} open jobs")
            with faster_moto(), steady_categories(deps):
                results[n] = measure(deps, progress)
    return results, loads


def section(results, loads):
    sizes = sorted(results)
    head = " | ".join(f"items at {n:,} | RCU at {n:,}" for n in sizes)
    lines = [BEGIN, "## Jobs near me cost (GET /v1/crew/jobs)", "",
             "One list through the real handler (`list_jobs`) for a crew of the team holding all the open jobs: "
             f"{', then '.join(f'{n:,}' for n in sizes)} open jobs at synthetic York points (half in the city "
             "centre, some around villages, the rest across the bbox), written in the store's own form, cell "
             f"counts included ({'; '.join(loads)}). With a point: one Query reads the team's per-cell counts, "
             "then the best-first search of `nearest` reads geohash ranges sized to the answer and stops once "
             "the k-th distance is proven. Without: one Query of the `by_due` index per page. *Items* are what "
             "Queries read (ScannedCount; no Scan, no filter; the categories' names come from the warm cache); *RCU* what DynamoDB "
             "would bill (0.5 per started 4 KB per Query or GetItem, eventually consistent).", "",
             f"| view | returned | queries | {head} |", "|---|---|---|" + "---|---|" * len(sizes)]
    for i, (view, _) in enumerate(CASES):
        rows = [results[n][i] for n in sizes]
        cells = " | ".join(f"{r['items']} | {r['rcu']:g}" for r in rows)
        lines.append(f"| {view} | {' → '.join(str(r['returned']) for r in rows)} | "
                     f"{' → '.join(str(r['queries'] + r['gets']) for r in rows)} | {cells} |")
    ok = all(r["items"] <= 2 * r["limit"] + 80 for n in sizes for r in results[n])
    lines += ["", "Target, at every size: a list reads at most twice its limit plus 80 items (the team's cell "
                  "counts, a few dozen, and the search's edge: nodes of about limit / 16 jobs): "
                  f"**{'PASS' if ok else 'FAIL'}**.", END]
    return "\n".join(lines), ok


def measure_and_write(progress, doc=None):
    import os
    from .env import ROOT
    doc = doc or ROOT / "docs" / "benchmarks.md"
    sizes = sorted(int(v) for v in os.environ.get("BENCH_JOB_SIZES", "100,10000,100000").split(","))
    results, loads = run(progress, sizes)
    text, ok = section(results, loads)
    replace_section(doc, BEGIN, END, text)
    progress(f"wrote the jobs section of {doc.relative_to(ROOT)}: {'PASS' if ok else 'FAIL'}")
    return 0 if ok else 1


if __name__ == "__main__":
    import sys
    from . import env
    env.apply()
    started = time.perf_counter()
    sys.exit(measure_and_write(lambda m: print(f"[{time.perf_counter() - started:6.1f}s] {m}", flush=True)))
