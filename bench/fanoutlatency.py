"""Time from an event to its last message, for 1k, 10k and 100k followers
of one category (one index key), as the fan-out would run on AWS's
concurrency (issue 30, item 2).

This machine cannot run a hundred Lambdas at once, so the run is split in
two, and the section says which figures are measured and which modelled:

1. Measured: the stream handler, then every page job of the fan-out, run
   for real one at a time in this process (`alerts/worker.run_job`) on
   DynamoDB Local (the tables) with a channel that answers at once. For
   each job: its wall time, when in it the rest of its range was handed
   on, its children, its messages. Every follower must be told once, and
   a sample of jobs run again must send nothing.
2. Modelled: those jobs scheduled on C concurrent consumers (Lambda's
   event source mapping with MaximumConcurrency C, ramping up as Lambda
   does), each invocation taking up to WORKER_BATCH waiting jobs and
   running them one after another, as `on_queue` does. A job takes its measured time plus
   SEND_S per message, WORKERS messages in flight (delivery.deliver_to); its
   children are on the queue HOP_S after it hands them on; a consumer's
   first invocation pays COLD_S; the stream reaches its handler STREAM_S
   after the event is written.

3. The tree at every size in NS: its jobs made by the fan-out's own code
   (fanout.read_page, ranges.py) over the same ids in memory, each job
   costed by the measured run's cost per job and per message, then
   scheduled as in 2. The measured sizes are modelled too, as a check.

*Before* (one key's pages one after another, FANOUT = 1): run for real at
the measured sizes; modelled at every size as a lower bound: each page can
start only HOP_S after the one before handed it on.

`make bench-fanout-latency` (`python -m bench.fanoutlatency`) rewrites
only its section of docs/benchmarks.md; BENCH_LATENCY_MEASURED=1000,10000
measures more sizes for real (slow), BENCH_LATENCY_NS the sizes modelled.
"""
import hashlib
import heapq
import json
import math
import os
import sys
import time
from collections import Counter

from . import env, report

NS = [int(n) for n in os.environ.get("BENCH_LATENCY_NS", "1000,10000,100000").split(",")]
# Run for real (chain and tree); every size in NS is modelled. 1,000 by default: at 10,000 a run takes
# over half an hour on the shared machine (every job's ~250 claims on DynamoDB Local, one job at a time).
MEASURED = [int(n) for n in os.environ.get("BENCH_LATENCY_MEASURED", "1000").split(",")]
CHAINS = [int(n) for n in os.environ.get("BENCH_LATENCY_CHAINS", "1000").split(",")]  # measured as chains too
CONSUMERS = (10, 50, 100, 200)
# DynamoDB's own costs, for the second modelled row: a page job's Query, last-id
# Query, BatchGetItem and hand-on claim ~10 ms each; a message's claim and settle
# ~6 ms each, WORKERS at once. Assumed (DynamoDB's single-digit-ms writes), not measured.
AWS_PER_JOB_S, AWS_WRITE_S = 0.04, 0.006
SEND_S = 0.05  # one push, SES or SNS call answered in 50 ms (as bench.fanoutcost)
HOP_S = 0.2  # a job handed on until a consumer has it (SQS -> the event source mapping's poller)
STREAM_S = 1.0  # the event written until the stream's Lambda runs
COLD_S = 1.0  # a consumer's first invocation: a cold start
# Lambda's SQS event source mapping starts a few pollers and adds up to 300
# concurrent invocations a minute (AWS, November 2023), up to MaximumConcurrency.
RAMP_FIRST, RAMP_PER_S = 5, 5.0
EMAIL_EVERY = 4
AGAIN = 20  # jobs run a second time: they must send nothing


def follower_id(i):
    return "al" + hashlib.sha256(f"bench follower {i}".encode()).hexdigest()[:24]


def load(n):
    from concurrent.futures import ThreadPoolExecutor
    chunks = [range(i, n, 2) for i in range(2)]
    with ThreadPoolExecutor(2) as pool:
        list(pool.map(_write, chunks))


def _write(numbers):
    from datetime import datetime, timedelta, timezone
    from chalicelib.storage.alerts.alerts import AlertIndexModel, AlertModel
    made = datetime.now(timezone.utc) - timedelta(days=1)
    key = "category#pothole"
    with AlertModel.batch_write() as alerts, AlertIndexModel.batch_write() as index:
        for i in numbers:
            alert_id = follower_id(i)
            push = {"push": {"endpoint": f"https://push.example.net/send/{alert_id}",
                             "keys": {"p256dh": "x", "auth": "y"}}}
            channels = {**push, "email": f"{alert_id}@example.org"} if i % EMAIL_EVERY == 0 else push
            index.save(AlertIndexModel(key, alert_id))
            alerts.save(AlertModel(alert_id, kind="category", channels=channels, target={"service_code": "pothole"},
                                   index_keys=[key], created_at=made))


class Recording(list):
    """The queue, in this process: jobs waiting, and when each job handed on."""

    def __init__(self):
        super().__init__()
        self.handed = None

    def send(self, bodies):
        self.handed = time.perf_counter()
        self.extend(bodies)
        return len(bodies)


def run_tree(event, n, progress):
    """Every job of the fan-out, one at a time: [{parent, handed_s, seconds, messages}]
    (the first jobs' parent is None), and the messages per person."""
    from chalicelib.handlers.alerts import fanout, worker
    deps, sent, jobs = env.deps(), Counter(), []

    def deliver(channel, address, message, settings, now, new_id):
        sent[(channel, address["endpoint"] if channel == "push" else address)] += 1
        return "sent"
    audiences = {}
    waiting = [(None, body) for body in fanout.first_jobs(deps, event)]
    bodies = []
    started = time.perf_counter()
    while waiting:
        parent, body = waiting.pop()
        queue = Recording()
        t0 = time.perf_counter()
        outcomes, finished = worker.run_job(deps, body, queue, deliver, audiences=audiences)
        seconds = time.perf_counter() - t0
        assert finished, outcomes
        me = len(jobs)
        jobs.append({"parent": parent, "seconds": seconds, "messages": sum(outcomes.values()),
                     "handed_s": (queue.handed - t0) if queue.handed else None})
        bodies.append(body)
        waiting += [(me, child) for child in queue]
        if len(jobs) % 200 == 0:
            progress(f"    {n:,}: {len(jobs):,} jobs run in {time.perf_counter() - started:.0f} s")
    step = max(1, len(bodies) // AGAIN)
    again = Counter()

    def deliver_again(channel, address, message, settings, now, new_id):
        again[channel] += 1
        return "sent"
    for body in bodies[::step]:
        worker.run_job(deps, body, Recording(), deliver_again, audiences=audiences)
    return jobs, sent, sum(again.values())


def schedule(jobs, consumers, stream_s, batch):
    """Seconds from the event to the last message with at most `consumers`
    at once, Lambda adding RAMP_PER_S of them a second beyond the first
    RAMP_FIRST; a warm consumer is preferred to a cold start."""
    from chalicelib.handlers.alerts.delivery import WORKERS
    children = {}
    for i, job in enumerate(jobs):
        children.setdefault(job["parent"], []).append(i)
    start = STREAM_S + stream_s
    ready = [(start + HOP_S, i) for i in children.get(None, [])]
    heapq.heapify(ready)
    warm = []  # (free at, consumer)
    cold = [max(0.0, (k - RAMP_FIRST + 1) / RAMP_PER_S) for k in range(consumers)]  # when each may first run
    last = 0.0
    while ready:
        due = ready[0][0]
        warm_at = max(warm[0][0], due) if warm else math.inf
        cold_at = max(cold[0], due) + COLD_S if cold else math.inf
        if warm_at <= cold_at:
            now, c = warm_at, heapq.heappop(warm)[1]
        else:
            now, c = cold_at, len(cold)
            cold.pop(0)
        taken = []
        while ready and ready[0][0] <= now and len(taken) < batch:
            taken.append(heapq.heappop(ready)[1])
        for i in taken:
            job = jobs[i]
            sends = math.ceil(job["messages"] / WORKERS) * SEND_S
            if job["handed_s"] is not None:
                for child in children.get(i, []):
                    heapq.heappush(ready, (now + job["handed_s"] + HOP_S, child))
            now += job["seconds"] + sends
            last = max(last, now)
        heapq.heappush(warm, (now, c))
    return last


def chain_of(jobs, stream_s, pages):
    """The chain modelled from the tree's own pages: `pages` pages one after
    another, each costing a tree page's median hand-on time, and the last
    page's sends; a lower bound with enough consumers."""
    from chalicelib.handlers.alerts.delivery import WORKERS
    handed = sorted(j["handed_s"] for j in jobs if j["handed_s"] is not None)
    median_handed = handed[len(handed) // 2]
    tail = max(j["seconds"] + math.ceil(j["messages"] / WORKERS) * SEND_S for j in jobs)
    return STREAM_S + stream_s + pages * (median_handed + HOP_S) + tail


def depth_of(jobs):
    depths = []
    for job in jobs:
        depths.append(0 if job["parent"] is None else depths[job["parent"]] + 1)
    return max(depths) + 1


def scenario(n, fanout_most, progress):
    from chalicelib.handlers.alerts import batching
    from doorstep_cli.local.dynamodb_local import start_on_a_free_port
    from .fanoutrun import new_report
    engine = start_on_a_free_port()  # started again elsewhere if its port is taken while it boots
    os.environ["DOORSTEP_DYNAMODB_ENDPOINT"] = engine.url
    saved = batching.FANOUT
    batching.FANOUT = fanout_most
    try:
        from moto import mock_aws
        with mock_aws():  # the send queue the stream handler also fills; the tables are on DynamoDB Local
            env.fresh_storage()
            t0 = time.perf_counter()
            load(n)
            progress(f"  {n:,} followers written to DynamoDB Local in {time.perf_counter() - t0:.0f} s")
            deps = env.deps()
            report_, event = new_report(deps, (-1.0819, 53.9623))
            from chalicelib.handlers.alerts import fanout
            t0 = time.perf_counter()
            first = fanout.first_jobs(deps, event)  # what the stream handler does for the alerts
            stream_s = time.perf_counter() - t0
            assert first
            t0 = time.perf_counter()
            jobs, sent, again = run_tree(event, n, progress)
            wall = time.perf_counter() - t0
    finally:
        batching.FANOUT = saved
        os.environ.pop("DOORSTEP_DYNAMODB_ENDPOINT", None)
        engine.stop()
    expected = n + len(range(0, n, EMAIL_EVERY))
    result = {
        "n": n, "fanout": fanout_most, "jobs": len(jobs), "depth": depth_of(jobs), "stream_s": stream_s,
        "serial_s": wall, "messages": sum(sent.values()), "expected": expected,
        "people": len(sent), "twice": sum(k - 1 for k in sent.values() if k > 1), "again": again,
        "page_p50_s": sorted(j["seconds"] for j in jobs)[len(jobs) // 2],
        "at": {c: schedule(jobs, c, stream_s, batching.WORKER_BATCH) for c in CONSUMERS},
        "jobs_measured": jobs, "load": os.getloadavg()[0],
    }
    progress(f"  {n:,} followers, at most {fanout_most} jobs handed on per job: {len(jobs):,} jobs, "
             f"{result['depth']} deep, last message at " +
             ", ".join(f"{s:.1f} s with {c}" for c, s in result["at"].items()))
    return result


class Row:
    def __init__(self, alert_id):
        self.alert_id = alert_id


class Alert:
    def __init__(self, alert_id, channels):
        self.id, self.channels = alert_id, channels


class IndexInMemory:
    """One key's index rows in memory, answering as storage.alerts.alerts.AlertStore
    does (page, last_id, get_many): the tree's shape at a size too big to
    run here with every claim written."""

    def __init__(self, ids, emails):
        self.ids, self.emails = ids, emails

    def page(self, key, after, limit, through=None):
        from bisect import bisect_right
        lo = bisect_right(self.ids, after) if after else 0
        hi = bisect_right(self.ids, through) if through is not None else len(self.ids)
        rows = self.ids[lo:min(hi, lo + limit)]
        more = len(rows) == limit  # DynamoDB gives a LastEvaluatedKey whenever the Limit is reached
        return [Row(i) for i in rows], rows[-1] if more else None

    def last_id(self, key):
        return self.ids[-1] if self.ids else None

    def get_many(self, ids):
        push = {"endpoint": "x"}
        return [Alert(i, {"push": push, "email": "e"} if i in self.emails else {"push": push}) for i in ids]


def modelled(n, measured, progress):
    """An n-follower fan-out's tree (shape) and, for comparison, its chain,
    each job costed from `measured` (the biggest real tree run)."""
    from chalicelib.handlers.alerts import batching
    from chalicelib.handlers.alerts.delivery import WORKERS
    jobs, per_job, per_message, handed = shape(n, measured["jobs_measured"])
    stream_s = measured["stream_s"]
    aws = [{**j, "seconds": AWS_PER_JOB_S + 2 * AWS_WRITE_S * math.ceil(j["messages"] / WORKERS),
            "handed_s": j["handed_s"] and AWS_PER_JOB_S} for j in jobs]
    result = {"n": n, "fanout": batching.FANOUT, "model": True, "jobs": len(jobs), "depth": depth_of(jobs),
              "per_job_s": per_job, "per_message_s": per_message, "handed_s": handed, "stream_s": stream_s,
              "at": {c: schedule(jobs, c, stream_s, batching.WORKER_BATCH) for c in CONSUMERS},
              "aws_at": {c: schedule(aws, c, stream_s, batching.WORKER_BATCH) for c in CONSUMERS},
              "chain_s": chain_of(jobs, stream_s, math.ceil(n / batching.PAGE_ROWS)),
              "aws_chain_s": chain_of(aws, stream_s, math.ceil(n / batching.PAGE_ROWS))}
    progress(f"  {n:,} followers modelled: {len(jobs):,} jobs, {result['depth']} deep, last message at " +
             ", ".join(f"{s:.1f} s with {c}" for c, s in result["at"].items()) +
             f"; the chain at least {result['chain_s']:.0f} s; at DynamoDB's costs " +
             ", ".join(f"{s:.1f} s with {c}" for c, s in result["aws_at"].items()))
    return result


def shape(n, measured):
    """The jobs of an n-follower fan-out: their pages and hand-ons by the
    fan-out's own code (fanout.read_page) over the index in memory; each
    job's time from the measured run's cost per job and per message
    (least squares), its hand-on at the measured median."""
    from types import SimpleNamespace
    from chalicelib.handlers.alerts import fanout
    from chalicelib.handlers.alerts.audience import Audience
    numbered = sorted((follower_id(i), i) for i in range(n))
    store = IndexInMemory([a for a, _ in numbered], {a for a, i in numbered if i % EMAIL_EVERY == 0})
    deps = SimpleNamespace(alerts=store)
    audience = Audience(lambda: ["category#pothole"], lambda row: True, None)
    xs = [j["messages"] for j in measured]
    ys = [j["seconds"] for j in measured]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    per_message = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / max(1e-9, sum((x - mx) ** 2 for x in xs))
    per_job = my - per_message * mx
    handed = sorted(j["handed_s"] for j in measured if j["handed_s"] is not None)
    handed = handed[len(handed) // 2]
    jobs, told = [], Counter()
    waiting = [(None, {"key": "category#pothole", "after": None, "through": None})]
    while waiting:
        parent, body = waiting.pop()
        alerts, following = fanout.read_page(deps, audience, body)
        messages = sum(len(a.channels) for a in alerts)
        told.update(a.id for a in alerts)
        me = len(jobs)
        jobs.append({"parent": parent, "seconds": max(min(ys), per_job + per_message * messages), "messages": messages,
                     "handed_s": handed if following else None})
        waiting += [(me, child) for child in following]
    assert len(told) == n and set(told.values()) == {1}, "a follower read twice or never"
    return jobs, per_job, per_message, handed


BEGIN, END = "<!-- fanout-latency: written by bench.fanoutlatency -->", "<!-- /fanout-latency -->"


def section(results, elapsed):
    from chalicelib.handlers.alerts import batching
    from chalicelib.handlers.alerts.delivery import WORKERS
    real = [r for r in results if not r.get("model")]
    model = {r["n"]: r for r in results if r.get("model")}
    heads = ["Followers of one key", "How", "Jobs (levels)", *[f"Last message, {c} consumers" for c in CONSUMERS],
             "Told once each", "Jobs run again: messages"]
    rows = []
    for r in sorted(real, key=lambda r: (r["n"], r["fanout"])):
        once = r["twice"] == 0 and r["people"] == r["messages"] == r["expected"]
        rows.append([f"{r['n']:,}", "before: a chain, measured" if r["fanout"] == 1 else "after: a tree, measured",
                     f"{r['jobs']:,} ({r['depth']})", *[f"{r['at'][c]:.1f} s" for c in CONSUMERS],
                     f"{'yes' if once else '**NO**'} ({r['messages']:,} messages)", str(r["again"])])
    for n, r in sorted(model.items()):
        rows.append([f"{n:,}", "before: a chain, modelled", f"{math.ceil(n / batching.PAGE_ROWS):,} pages "
                     "one after another", *[f"≥ {r['chain_s']:.0f} s" for _ in CONSUMERS], "-", "-"])
        rows.append([f"{n:,}", "after: a tree, modelled", f"{r['jobs']:,} ({r['depth']})",
                     *[f"{r['at'][c]:.1f} s" for c in CONSUMERS], "each follower in one page", "-"])
        rows.append([f"{n:,}", "after: a tree, modelled at DynamoDB's latency", f"{r['jobs']:,} ({r['depth']})",
                     *[f"{r['aws_at'][c]:.1f} s" for c in CONSUMERS], "-", "-"])
    biggest = model[max(model)]
    loads = [r["load"] for r in real if "load" in r]
    load = (f"load average {min(loads):.0f}-{max(loads):.0f} after the measured runs" if loads
            else "other sessions' work running meanwhile: load averages of 12-19 seen during the run")
    m = next(iter(model.values()))
    met = biggest["at"][batching.WORKER_CONCURRENCY] <= 60 and all(
        r["twice"] == 0 and r["again"] == 0 and r["messages"] == r["expected"] for r in real)
    return "\n".join([
        BEGIN, "## Alert fan-out: time to the last message (`make bench-fanout-latency`)", "",
        "A new pothole report, told to every follower of the pothole category: one index key, "
        "`category#pothole`, alert ids as subscriptions make them (`al` + digest hex), every "
        f"{EMAIL_EVERY}th follower also by e-mail. Times run from the event being written to the last message "
        "handed to its channel.", "",
        f"**Measured** ({', '.join(f'{n:,}' for n in sorted({r['n'] for r in real}))} followers): "
        "the stream handler's part and every page job run for "
        f"real one at a time (`alerts/worker.run_job`, pages of {batching.PAGE_ROWS} rows) on DynamoDB Local, "
        "every claim of a message and of a hand-on written, with a channel that answers at once; each job's "
        "wall time and when in it the rest of its range was handed on. The machine is a shared 2-core one "
        f"({load}), so these costs are far above DynamoDB's ({m['per_message_s'] * 1000:.1f} ms per message, "
        "fitted to the measured jobs with a cost per job; "
        f"{m['per_job_s'] + 125 * m['per_message_s']:.1f} s for a full page's 125 messages). The measured runs "
        "count the event's other keys' jobs too (one empty page each). "
        "**Modelled** (every size): the jobs of the tree made by the fan-out's own code (`fanout.read_page`, "
        "`alerts/ranges.py`) over the same ids held in memory, each costed as above; then any job list, "
        "measured or modelled, run by C consumers at once (the alert queue's MaximumConcurrency on Lambda), "
        + ("one job per invocation" if batching.WORKER_BATCH == 1 else
           f"each invocation taking up to {batching.WORKER_BATCH} waiting jobs, one after another") + "; each message "
        f"{SEND_S * 1000:.0f} ms, {WORKERS} in flight per invocation; a job handed on reaches a consumer "
        f"{HOP_S} s later; each consumer's first invocation pays a {COLD_S:.0f} s cold start (a warm one is used "
        f"when it is free sooner), Lambda adding {RAMP_PER_S * 60:.0f} consumers a minute beyond the first "
        f"{RAMP_FIRST} (the SQS event source mapping's scaling); the stream reaches "
        f"its handler {STREAM_S:.0f} s after the event. *Before*: each key's pages one after another "
        f"(FANOUT = 1); modelled, the chain's pages each wait for the one before to hand them on "
        f"({m['handed_s']:.2f} s, measured median, + {HOP_S} s): a lower bound whatever the concurrency. The "
        "section above ran the chain at 100,000 with 2 local workers: last message 1,284 s after the event. "
        f"*After*: a full page hands the rest of its range on as at most {batching.FANOUT} jobs of about "
        f"{batching.SPLIT_ROWS} rows each, one job per invocation. *At DynamoDB's latency*: the same tree, "
        f"each job {AWS_PER_JOB_S * 1000:.0f} ms of reads and each message's claim and settle "
        f"{AWS_WRITE_S * 1000:.0f} ms each ({WORKERS} at once): assumed, not measured. "
        f"Ran in {elapsed:.0f} s.", "",
        report.table(heads, rows), "",
        f"Target: the last message of a 100,000-follower fan-out within 60 s of the event with the queue's "
        f"MaximumConcurrency ({batching.WORKER_CONCURRENCY}), everyone told once, jobs run again sending "
        f"nothing: {biggest['n']:,} followers, {biggest['at'][batching.WORKER_CONCURRENCY]:.1f} s: "
        f"{'**PASS**' if met else '**FAIL**'}.", END, ""])


RESULTS = env.ROOT / "build" / "bench-fanout-latency.json"


def measure_and_write(progress=print):
    started = time.perf_counter()
    if "--write" in sys.argv or "--model" in sys.argv:  # render again, or model again from the measured jobs
        saved = json.loads(RESULTS.read_text())
        results, elapsed = saved["results"], saved["elapsed"]
        for r in results:
            for name in ("at", "aws_at"):
                if name in r:
                    r[name] = {int(c): s for c, s in r[name].items()}
        if "--model" in sys.argv:
            from chalicelib.handlers.alerts import batching
            results = [r for r in results if not r.get("model")]
            for r in results:
                r["at"] = {c: schedule(r["jobs_measured"], c, r["stream_s"], batching.WORKER_BATCH)
                           for c in CONSUMERS}
            measured = max((r for r in results if r["fanout"] > 1), key=lambda r: r["n"])
            results += [modelled(n, measured, progress) for n in NS]
            RESULTS.write_text(json.dumps({"results": results, "elapsed": elapsed}, indent=1))
    else:
        from chalicelib.handlers.alerts import batching
        results = []
        for n in MEASURED:
            if n in CHAINS:
                results.append(scenario(n, 1, progress))
            results.append(scenario(n, batching.FANOUT, progress))
        measured = max((r for r in results if r["fanout"] > 1), key=lambda r: r["n"])
        for n in NS:
            results.append(modelled(n, measured, progress))
        elapsed = time.perf_counter() - started
        RESULTS.parent.mkdir(exist_ok=True)
        RESULTS.write_text(json.dumps({"results": results, "elapsed": elapsed}, indent=1))
    doc = env.ROOT / "docs" / "benchmarks.md"
    report.replace_section(doc, BEGIN, END, section(results, elapsed))
    progress(f"wrote the fan-out latency section of {doc.relative_to(env.ROOT)}")
    real = [r for r in results if not r.get("model")]
    return 0 if all(r["twice"] == 0 and r["again"] == 0 and r["messages"] == r["expected"] for r in real) else 1


if __name__ == "__main__":
    env.apply()
    raise SystemExit(measure_and_write())
