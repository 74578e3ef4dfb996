"""Alert fan-out at 100,000 subscribers, through the queued path as it runs
in AWS: what each invocation reads, sends and takes.

Two audiences of one new pothole report by the Minster:
- city centre: 100,000 area alerts clustered like the report data
  (bench.alertcost's "clustered" layout); the sample city-centre report whose
  keys hold the most index rows (the event one invocation read 31,844 rows
  for when the stream handler sent everything itself);
- everyone: 100,000 followers of the pothole category anywhere: all match,
  under one index key (the longest chain of pages).

Tables on DynamoDB Local (in memory: a real engine's Query Limit and
LastEvaluatedKey, conditional puts over HTTP), the queue on moto's SQS in
this process. The stream handler runs once on the event's stream record;
then THREADS local queue workers (doorstep_cli.local.queue_worker, as
Lambda's event source mapping) run the worker function's handler with a
channel that takes SEND_S per message. Every invocation is measured alone.
Then the stream record is handed over again (a stream retry: every first
page again), and 40 jobs taken across the run: they must send nothing. Peak memory is traced for
MEMORY_RUNS full invocations run alone (a second event, nothing claimed).

Run alone: `make bench-fanout` (`python -m bench.fanoutcost`) rewrites only
this section of docs/benchmarks.md; `make bench` runs it after the rest.
BENCH_FANOUT_N=10000 runs a smaller trial.
"""
import json
import os
import sys
import time

from . import env, fanoutrun, report

N = int(os.environ.get("BENCH_FANOUT_N", "100000"))
SEND_S = 0.05  # one push, SES or SNS call answered in 50 ms
THREADS = 2  # invocations at once here (Lambda: batching.WORKER_CONCURRENCY; see bench.fanoutlatency)
MEMORY_RUNS = 8
EMAIL_EVERY = 4  # every 4th subscriber also asked for e-mail: two messages


def city_centre(progress):
    """(report point, {key: [(alert_id, lat, lon, radius)]}) of the clustered
    city-centre sample event with the most rows under its keys."""
    from chalicelib.handlers.alerts.targets import event_keys
    from . import alertcost
    candidates = alertcost._events()[:alertcost.EVENTS // 2]  # the clustered half
    keys = {e.id: set(event_keys(e, "report_created")) for e in candidates}
    wanted = set().union(*keys.values())
    rows = {}
    started = time.perf_counter()
    for alert_id, alert_rows in alertcost._subscriptions("clustered", N):
        for key, lat, lon, radius in alert_rows:
            if key in wanted:
                rows.setdefault(key, []).append((alert_id, lat, lon, radius))
    best = max(candidates, key=lambda e: sum(len(rows.get(k, ())) for k in keys[e.id]))
    chosen = {k: rows.get(k, []) for k in keys[best.id]}
    progress(f"  {N:,} clustered subscriptions generated in {time.perf_counter() - started:.0f} s; "
             f"the busiest city-centre event has {sum(map(len, chosen.values())):,} rows under its keys")
    return (best.lon, best.lat), chosen


def everyone():
    """100,000 followers of the pothole category, anywhere."""
    return (-1.0819, 53.9623), {"category#pothole": [(f"cat{i:06d}", None, None, None) for i in range(N)]}


def load(rows):
    """The index rows, and an alert item for each of their alerts, by four
    batch writers at once."""
    from concurrent.futures import ThreadPoolExecutor
    entries = [(key, *entry) for key, found in rows.items() for entry in found]
    chunks = [entries[i::4] for i in range(4)]
    with ThreadPoolExecutor(4) as pool:
        list(pool.map(_write, chunks))


def _write(entries):
    from datetime import datetime, timezone
    from chalicelib.storage.alerts.alerts import AlertIndexModel, AlertModel
    now = datetime.now(timezone.utc)
    with AlertModel.batch_write() as alerts, AlertIndexModel.batch_write() as index:
        for key, alert_id, lat, lon, radius in entries:
            index.save(AlertIndexModel(key, alert_id, lat=lat, lon=lon, radius_m=radius))
            # An alert's rows under one event's keys: one at most (see targets.event_keys).
            alerts.save(AlertModel(alert_id, kind="area", channels=channels(alert_id), target={},
                                   index_keys=[key], created_at=now))


def channels(alert_id):
    n = int(alert_id[-6:])
    push = {"push": {"endpoint": f"https://push.example.net/send/{alert_id}", "keys": {"p256dh": "x", "auth": "y"}}}
    return {**push, "email": f"{alert_id}@example.org"} if n % EMAIL_EVERY == 0 else push


def scenario(name, make, progress):
    from doorstep_cli.local.dynamodb_local import start_on_a_free_port
    engine = start_on_a_free_port()  # started again elsewhere if its port is taken while it boots
    os.environ["DOORSTEP_DYNAMODB_ENDPOINT"] = engine.url
    try:
        from moto import mock_aws
        with mock_aws():  # SQS; the tables' endpoint is DynamoDB Local, which moto lets through
            env.fresh_storage()
            point, rows = make(progress) if name == "city centre" else make()
            started = time.perf_counter()
            load(rows)
            progress(f"  {name}: {sum(map(len, rows.values())):,} index rows and their alerts written to "
                     f"DynamoDB Local in {time.perf_counter() - started:.0f} s")
            return fanoutrun.measure(name, point, SEND_S, THREADS, MEMORY_RUNS, progress)
    finally:
        os.environ.pop("DOORSTEP_DYNAMODB_ENDPOINT", None)
        engine.stop()


BEGIN, END = "<!-- fanout: written by bench.fanoutcost -->", "<!-- /fanout -->"


def section(results, elapsed):
    from chalicelib.handlers.alerts import batching
    rows = []
    for r in results:
        rows.append([r["name"], "before: the stream handler did it all", "1", f"{r['rows_total']:,}",
                     f"{r['messages_total']:,}", f"≥ {r['drain_s']:.0f} s", "this run's whole fan-out took "
                     f"{r['drain_s']:.0f} s with {THREADS} workers at once"])
        rows.append([r["name"], "after: the stream handler", "1", "0", "0", f"{r['stream_s']:.2f} s",
                     f"{r['first_jobs']} jobs queued"])
        rows.append([r["name"], "after: a worker", f"{r['invocations']:,}", f"≤ {r['rows_max']}",
                     f"≤ {r['messages_max']}", f"≤ {r['seconds_max']:.1f} s (median {r['seconds_p50']:.1f} s)",
                     f"{r['jobs']:,} jobs, {r['failed']} reported back; peak {r['memory_max_kb']:,} KB traced"])
    bounded = all(r["rows_max"] <= batching.WORKER_BATCH * batching.PAGE_ROWS and r["once"] and r["again"] == 0
                  and r["seconds_max"] < batching.WORKER_TIMEOUT_S - batching.SEND_MARGIN_S for r in results)
    return "\n".join([
        BEGIN, "## Alert fan-out in pages (`make bench-fanout`)", "",
        f"One new pothole report by the Minster, told to {N:,} subscribers' alerts through the queued path "
        "(`handlers/stream.py` -> SQS -> `alerts/worker.py`). *City centre*: area alerts clustered like the "
        "report data, the sample city-centre event with the most index rows under its keys. *Everyone*: "
        f"followers of the category anywhere (one key: {N // batching.PAGE_ROWS:,} pages, run as a tree of jobs; "
        "the time to the last message is in its own section). Every "
        f"{EMAIL_EVERY}th subscriber also has e-mail. Tables on DynamoDB Local (in memory), the queue on "
        f"moto's SQS; {THREADS} local queue workers (as Lambda's event source mapping) ran the worker "
        f"function's handler in batches of {batching.WORKER_BATCH} jobs of {batching.PAGE_ROWS} rows, each "
        f"message taking {SEND_S * 1000:.0f} ms in a stand-in channel. Times are wall times of each invocation, "
        f"with {THREADS} running at once on this shared 2-core machine (DynamoDB Local's JVM on the same cores). "
        "*Before*: one stream invocation read and sent it all itself (the same rows and messages); it could not "
        "have been quicker than the whole fan-out here, and Lambda stops a function at 15 minutes. Memory: "
        f"tracemalloc's peak over {MEMORY_RUNS} invocations run alone. "
        f"Ran in {elapsed:.0f} s.", "",
        report.table(["Audience", "Invocation", "Count", "Index rows read", "Messages sent", "Time", "Notes"], rows),
        "",
        "| Audience | Matched | Told once each | Jobs | Handed over again: the stream record and 40 jobs across the run | Longest chain |",
        "|---|---|---|---|---|---|",
        *[f"| {r['name']} | {r['matched']:,} alerts, {r['expected']:,} messages | "
          f"{'yes' if r['once'] else '**NO**'} ({r['messages_total']:,} sent, {r['duplicates']} twice) | "
          f"{r['jobs']:,} | {r['again_jobs']} jobs run, {r['again']} messages sent | {r['chain']} pages, last sent "
          f"{r['last_s']:.0f} s after the stream handler |" for r in results], "",
        f"Target: no invocation reads more than {batching.WORKER_BATCH} x {batching.PAGE_ROWS} index rows or "
        f"sends more than {batching.WORKER_BATCH * batching.PAGE_ROWS * 3} messages, each finishes within its "
        f"{batching.WORKER_TIMEOUT_S} s timeout less the {batching.SEND_MARGIN_S} s send margin whatever the "
        f"audience, everyone is told once, and nothing is sent twice when the stream batch and jobs come "
        f"again: {'**PASS**' if bounded else '**FAIL**'}.", END, ""])


RESULTS = env.ROOT / "build" / "bench-fanout.json"  # the last run's figures: `--write` renders them again


def measure_and_write(progress=print):
    started = time.perf_counter()
    if "--write" in sys.argv:
        saved = json.loads(RESULTS.read_text())
        results, elapsed = saved["results"], saved["elapsed"]
    else:
        results = [scenario("city centre", city_centre, progress), scenario("everyone", everyone, progress)]
        elapsed = time.perf_counter() - started
        RESULTS.parent.mkdir(exist_ok=True)
        RESULTS.write_text(json.dumps({"results": results, "elapsed": elapsed}, indent=1))
    doc = env.ROOT / "docs" / "benchmarks.md"
    report.replace_section(doc, BEGIN, END, section(results, elapsed))
    progress(f"wrote the fan-out section of {doc.relative_to(env.ROOT)}")
    return 0 if all(r["once"] and r["again"] == 0 for r in results) else 1


if __name__ == "__main__":
    env.apply()
    raise SystemExit(measure_and_write())
