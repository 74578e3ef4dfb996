"""A new planning application told to the residents whose area alert holds
it, out of 100,000 residents' alerts across York: the time from its event
to the last message, against the alert fan-out's 60 s budget (issue 59).

The residents: 100,000 homes scattered around the city centre (a normal
spread, 3 km each way), each with an area alert of 250 m to 2 km as people
choose them, every 5th asking for trees applications only, every 7th
only while comments are open, every 4th also by e-mail. The application: a
householder extension at 3 Micklegate, in the middle of them (the worst
place: the most circles hold it). Its audience is what the planning
notices name (`planning/notices.audience`): the `area#<cell>` keys of the
cells holding it at precisions 5 to 8, each row's circle checked exactly,
each alert's own filters (`notices.wants`) applied when it is told.

1. Measured: the same scatter at MEASURED residents, their alerts and the
   index rows under the application's keys written to DynamoDB Local (rows
   under other keys are never read by this event), the application and its
   event written by the planning store, then the stream handler's part and
   every page job run for real one at a time (`alerts/worker.run_job`, as
   bench.fanoutlatency does), every claim written: everyone due told once,
   jobs run again sending nothing; each job's time fitted to a cost per job
   and per message.
2. Modelled at N: the rows under the keys computed with the subscriptions'
   own key builder (`targets.circle_keys`), the jobs made by the fan-out's
   own code (`fanout.read_page`, `alerts/ranges.py`) over them in memory,
   each costed as measured, then run by 200 consumers at once as
   bench.fanoutlatency schedules them (its cold starts, ramp and hops).

`make bench-planning-fanout` (`python -m bench.planningfanout`) rewrites only
its section of docs/benchmarks.md; BENCH_PLANNING_N and BENCH_PLANNING_MEASURED
change the sizes. About 3 minutes on the shared 2-core machine."""
import os
import random
import time
from datetime import datetime, timedelta, timezone

from . import env, report
from .fanoutlatency import CONSUMERS, Row, depth_of, run_tree, schedule

N = int(os.environ.get("BENCH_PLANNING_N", "100000"))
MEASURED = int(os.environ.get("BENCH_PLANNING_MEASURED", "3000"))
SITE = (-1.088633, 53.95591)  # 3 Micklegate
CENTRE, SPREAD_DEG = (-1.0819, 53.9600), (0.045, 0.027)  # ~3 km each way, one standard deviation
RADII = ((250, 20), (500, 40), (1000, 25), (2000, 15))  # metres, per cent of residents
TREES_ONLY, OPEN_ONLY, EMAIL_EVERY = 5, 7, 4
BEGIN, END = "<!-- planning-fanout: written by bench.planningfanout -->", "<!-- /planning-fanout -->"


def residents(n):
    """[(alert id, circle with its filters, channels count)], the same for every n's first ones."""
    rng = random.Random(59)
    radii = [r for r, share in RADII for _ in range(share)]
    found = []
    for i in range(n):
        circle = {"lon": round(CENTRE[0] + rng.gauss(0, SPREAD_DEG[0]), 6),
                  "lat": round(CENTRE[1] + rng.gauss(0, SPREAD_DEG[1]), 6), "radius_m": rng.choice(radii)}
        if i % TREES_ONLY == 0:
            circle["planning_types"] = ["trees"]
        if i % OPEN_ONLY == 0:
            circle["planning_open_only"] = True
        found.append((f"al{i:07d}{rng.getrandbits(40):010x}", circle))
    return found


def rows_under(people, keys):
    """{key: [(alert id, circle)]}: the rows the event's keys hold (a circle's cells that hold the site)."""
    from chalicelib.geo import cells
    from chalicelib.handlers.alerts.targets import circle_keys
    wanted, found = set(keys), {k: [] for k in keys}
    outer = cells.cell_bounds(keys[0].split("#", 1)[1])  # the coarsest: every finer cell lies in it
    for alert_id, circle in people:
        if cells.distance_to_bbox_m(circle["lon"], circle["lat"], outer) > circle["radius_m"]:
            continue  # its circle cannot reach any cell holding the site
        for key, *_ in circle_keys("area", circle):
            if key in wanted:
                found[key].append((alert_id, circle))
    return {k: sorted(v) for k, v in found.items()}


def channels_of(alert_id):
    push = {"endpoint": f"https://push.example.net/send/{alert_id}", "keys": {"p256dh": "x", "auth": "y"}}
    return {"push": push, "email": f"{alert_id}@example.org"} if int(alert_id[2:9]) % EMAIL_EVERY == 0 \
        else {"push": push}


def application(deps, now):
    from chalicelib.handlers.planning.notices import NEW, event_id
    from chalicelib.handlers.shared.events import new_event
    app_id = "26-00999-ful"
    row = {"id": app_id, "reference": "26/00999/FUL", "key": "PA00BENCH", "proposal": "Two storey rear extension",
           "address": "3 Micklegate, York YO1 7HH", "app_type": "Householder", "lon": SITE[0], "lat": SITE[1],
           "validated": (now - timedelta(days=1)).date().isoformat(), "status": "Awaiting decision"}
    event = new_event(deps, NEW, now, event_id=event_id(app_id, NEW), application_id=app_id,
                      reference=row["reference"], lon=SITE[0], lat=SITE[1])
    deps.planning.save(row, [event])
    return event


def measured_run(progress):
    from moto import mock_aws
    from chalicelib.handlers.alerts import fanout
    from chalicelib.handlers.alerts.targets import point_keys
    from chalicelib.handlers.planning import routes  # noqa: F401 (registers the planning audience)
    from chalicelib.storage.alerts.alerts import AlertIndexModel, AlertModel
    from doorstep_cli.local.dynamodb_local import start_on_a_free_port
    engine = start_on_a_free_port()
    os.environ["DOORSTEP_DYNAMODB_ENDPOINT"] = engine.url
    try:
        with mock_aws():
            env.fresh_storage()
            under = rows_under(residents(MEASURED), point_keys("area", *SITE))
            made = datetime.now(timezone.utc) - timedelta(days=1)
            with AlertModel.batch_write() as alerts, AlertIndexModel.batch_write() as index:
                for key, rows in under.items():
                    for alert_id, circle in rows:
                        index.save(AlertIndexModel(key, alert_id, lat=circle["lat"], lon=circle["lon"],
                                                   radius_m=circle["radius_m"]))
                        alerts.save(AlertModel(alert_id, kind="area", channels=channels_of(alert_id), target=circle,
                                               index_keys=[key], created_at=made))
            deps = env.deps()
            event = application(deps, datetime.now(timezone.utc))
            t0 = time.perf_counter()
            first = fanout.first_jobs(deps, event)
            stream_s = time.perf_counter() - t0
            assert first
            jobs, sent, again = run_tree(event, MEASURED, progress)
            expected = sum(len(channels_of(a)) for a, c in due(under))
    finally:
        os.environ.pop("DOORSTEP_DYNAMODB_ENDPOINT", None)
        engine.stop()
    return {"n": MEASURED, "rows": sum(map(len, under.values())), "jobs": jobs, "stream_s": stream_s,
            "messages": sum(sent.values()), "expected": expected, "twice": sum(k - 1 for k in sent.values() if k > 1),
            "again": again, "depth": depth_of(jobs)}


def due(under):
    """[(alert id, circle)] that must be told: their circle holds the site, and their filters let a new
    householder application, comments open, through (those asking for trees only are not told)."""
    from chalicelib.geo.distance import haversine_m
    found = {}
    for rows in under.values():
        for alert_id, c in rows:
            if haversine_m(c["lon"], c["lat"], *SITE) <= c["radius_m"] and "trees" not in c.get("planning_types", []):
                found[alert_id] = c
    return sorted(found.items())


class Index:
    """The rows under the event's keys, in memory, answering as storage.alerts.alerts.AlertStore does."""

    def __init__(self, under):
        self.ids = {k: [a for a, _ in rows] for k, rows in under.items()}
        self.circles = {a: c for rows in under.values() for a, c in rows}

    def page(self, key, after, limit, through=None):
        from bisect import bisect_right
        ids = self.ids[key]
        lo = bisect_right(ids, after) if after else 0
        hi = bisect_right(ids, through) if through is not None else len(ids)
        rows = ids[lo:min(hi, lo + limit)]
        found = []
        for i in rows:
            row = Row(i)
            row.lon, row.lat, row.radius_m = self.circles[i]["lon"], self.circles[i]["lat"], self.circles[i]["radius_m"]
            found.append(row)
        return found, (rows[-1] if len(rows) == limit else None)

    def last_id(self, key):
        return self.ids[key][-1] if self.ids[key] else None

    def get_many(self, ids):
        from types import SimpleNamespace
        return [SimpleNamespace(id=i, channels=channels_of(i), target=self.circles[i]) for i in ids]


def modelled(n, measured, progress):
    """The n-resident fan-out's jobs by the fan-out's own code over the rows in memory, costed as measured."""
    from types import SimpleNamespace
    from chalicelib.geo.distance import haversine_m
    from chalicelib.handlers.alerts import batching, fanout
    from chalicelib.handlers.alerts.audience import Audience, point_check
    from chalicelib.handlers.alerts.targets import point_keys
    keys = point_keys("area", *SITE)
    t0 = time.perf_counter()
    under = rows_under(residents(n), keys)
    keys_s = time.perf_counter() - t0
    xs, ys = [j["messages"] for j in measured["jobs"]], [j["seconds"] for j in measured["jobs"]]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    per_message = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / max(1e-9, sum((x - mx) ** 2 for x in xs))
    per_job = max(0.0, my - per_message * mx)
    handed = sorted(j["handed_s"] for j in measured["jobs"] if j["handed_s"] is not None)
    handed = handed[len(handed) // 2] if handed else 0.2
    deps = SimpleNamespace(alerts=Index(under))
    audience = Audience(lambda: keys, point_check(*SITE), None)
    jobs, told, waiting = [], set(), [(None, {"key": k, "after": None, "through": None}) for k in keys]
    while waiting:
        parent, body = waiting.pop()
        alerts, following = fanout.read_page(deps, audience, body)
        heard = [a for a in alerts if "trees" not in a.target.get("planning_types", [])]
        told.update(a.id for a in heard)
        messages = sum(len(a.channels) for a in heard)
        me = len(jobs)
        jobs.append({"parent": parent, "seconds": max(min(ys), per_job + per_message * messages),
                     "messages": messages, "handed_s": handed if following else None})
        waiting += [(me, child) for child in following]
    want = {a for a, _ in due(under)}
    assert told == want, "an alert due told never, or one not due told"
    result = {"n": n, "rows": sum(map(len, under.values())), "alerts": len(told), "keys_s": keys_s,
              "messages": sum(j["messages"] for j in jobs), "jobs": len(jobs), "depth": depth_of(jobs),
              "per_job_s": per_job, "per_message_s": per_message, "handed_s": handed,
              "at": {c: schedule(jobs, c, measured["stream_s"], batching.WORKER_BATCH) for c in CONSUMERS},
              "per_key": {k: len(v) for k, v in under.items()},
              "filtered": sum(1 for rows in under.values() for a, c in rows
                              if "trees" in c.get("planning_types", [])
                              and haversine_m(c["lon"], c["lat"], *SITE) <= c["radius_m"])}
    progress(f"  {n:,} residents modelled: {result['rows']:,} rows under its keys, {len(told):,} alerts told, "
             f"{len(jobs):,} jobs, last message at " + ", ".join(f"{s:.1f} s with {c}" for c, s in result["at"].items()))
    return result


def section(m, r, elapsed):
    from chalicelib.handlers.alerts import batching
    once = m["twice"] == 0 and m["again"] == 0 and m["messages"] == m["expected"]
    budget = r["at"][batching.WORKER_CONCURRENCY]
    heads = ["Residents", "How", "Index rows under its keys", "Alerts told (messages)", "Jobs (levels)",
             *[f"Last message, {c} consumers" for c in CONSUMERS], "Told once each"]
    rows = [[f"{m['n']:,}", "measured on DynamoDB Local, one job at a time", f"{m['rows']:,}",
             f"({m['messages']:,})", f"{len(m['jobs']):,} ({m['depth']})",
             *[f"{schedule(m['jobs'], c, m['stream_s'], batching.WORKER_BATCH):.1f} s" for c in CONSUMERS],
             f"{'yes' if once else '**NO**'} (jobs run again: {m['again']} messages)"],
            [f"{r['n']:,}", "modelled: the fan-out's own jobs, costed as measured", f"{r['rows']:,}",
             f"{r['alerts']:,} ({r['messages']:,})", f"{r['jobs']:,} ({r['depth']})",
             *[f"{r['at'][c]:.1f} s" for c in CONSUMERS], "each due alert in one page"]]
    keys = ", ".join(f"`{k}` {v:,}" for k, v in r["per_key"].items())
    return "\n".join([
        BEGIN, "## Planning: a new application told to the residents around it (`make bench-planning-fanout`)", "",
        f"_Measured {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC._", "",
        f"A new householder application at 3 Micklegate, in the middle of {r['n']:,} residents' area alerts "
        "scattered around York's centre (a normal spread, 3 km each way; radii 250 m 20%, 500 m 40%, 1 km 25%, "
        f"2 km 15%; every {TREES_ONLY}th asking for trees applications only, every {OPEN_ONLY}th only while "
        f"comments are open, every {EMAIL_EVERY}th also by e-mail). Its audience is the planning notices' own "
        "(`planning/notices.audience`): the `area#<cell>` keys holding it at precisions 5 to 8 "
        f"({keys} rows), each row's circle checked exactly, each alert's filters applied when it is told "
        f"({r['filtered']:,} whose circle holds it asked for trees only: not told). "
        f"**Measured** at {m['n']:,} residents (the same scatter's first ones): their alerts and the rows under "
        "the application's keys on DynamoDB Local, the application and its event written by the planning store, "
        "the stream handler's part and every page job run for real one at a time (`alerts/worker.run_job`), "
        "every claim written; fitted: "
        f"{r['per_job_s'] * 1000:.0f} ms a job and {r['per_message_s'] * 1000:.1f} ms a message on this shared "
        f"2-core machine (load average {os.getloadavg()[0]:.0f} at the end). **Modelled** at {r['n']:,}: the "
        "rows computed with the subscriptions' own key builder (`targets.circle_keys`), the jobs made by the "
        "fan-out's own code (`fanout.read_page`, `alerts/ranges.py`) over them in memory, each costed as "
        "measured, then run by C consumers at once with bench.fanoutlatency's schedule (cold starts, Lambda's "
        "ramp, hops between jobs, 50 ms a message, 8 in flight). Ran in "
        f"{elapsed:.0f} s.", "",
        report.table(heads, rows), "",
        f"Target: the last message within the alert fan-out's 60 s of the event with the queue's "
        f"MaximumConcurrency ({batching.WORKER_CONCURRENCY}), every due alert told once, jobs run again sending "
        f"nothing: {r['n']:,} residents, {r['alerts']:,} told, {budget:.1f} s: "
        f"{'**PASS**' if budget <= 60 and once else '**FAIL**'}.", END, ""])


def measure_and_write(progress=print):
    started = time.perf_counter()
    progress(f"measuring at {MEASURED:,} residents on DynamoDB Local")
    m = measured_run(progress)
    progress(f"  {m['messages']:,} messages of {m['expected']:,} due, {len(m['jobs'])} jobs, twice {m['twice']}, "
             f"again {m['again']}")
    r = modelled(N, m, progress)
    elapsed = time.perf_counter() - started
    doc = env.ROOT / "docs" / "benchmarks.md"
    report.replace_section(doc, BEGIN, END, section(m, r, elapsed))
    progress(f"wrote the planning fan-out section of {doc.relative_to(env.ROOT)} in {elapsed:.0f} s")
    return 0 if m["twice"] == 0 and m["again"] == 0 and m["messages"] == m["expected"] else 1


if __name__ == "__main__":
    env.apply()
    raise SystemExit(measure_and_write())
