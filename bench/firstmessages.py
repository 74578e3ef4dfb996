"""Time from a change to its message, on `make run` (issue 73): a resident's report in an area
alert's circle, to the push the alert's phone receives (tests/support/push_service.py, a push
service on 127.0.0.1 that decrypts what it is sent, as a browser's would).

Phases, each report made after the one before was pushed:
- fresh: a new data directory; `doorstep serve` starts (the demo's reports, the county's first
  answers, the first meetings sync: the start-up backlog) and the reports begin the moment it
  answers. FRESH_STARTS stacks, REPORTS reports each.
- warm, quiet: the last stack once its alert queue is empty; REPORTS reports.
- warm, under load: the same while LOADERS clients each make a report elsewhere in York every
  LOAD_EVERY_S (each its own fan-out, about 11 jobs) and read the map; REPORTS reports.

Where the time goes comes from the stack's own trace (doorstep_cli/local/pipeline_trace.py):
*request* the POST until answered (the change committed); *stream* from then until the stream's
handler has queued the event's jobs (the reader's 0.25 s poll, the batches ahead of it, the
handler); *queue* from then until a worker took the job that pushed; *job* from then until the
push arrived.

    python -m bench.firstmessages      (make bench-first-messages; ~6 minutes)
"""
import json
import os
import statistics
import tempfile
import threading
import time
from pathlib import Path

from . import report
from .engine import Stack

BEGIN, END = "<!-- first-messages: written by bench.firstmessages -->", "<!-- /first-messages -->"
FRESH_STARTS = int(os.environ.get("BENCH_FIRST_STARTS") or 2)
REPORTS = int(os.environ.get("BENCH_FIRST_REPORTS") or 8)
LOADERS, LOAD_EVERY_S = 2, 2.0
WHERE = {"lat": 53.9623, "lon": -1.0819}  # the Minster: the alert's 500 m circle
ELSEWHERE = [(53.9390, -1.1330), (53.9800, -1.0500), (53.9550, -1.0300), (53.9700, -1.1200)]  # 2-4 km off
PUSH_WAIT_S, IDLE_WAIT_S = 300, 600


_CLIENTS = iter(range(1, 60000))


def _json(stack, method, path, body=None, own_address=False):
    """The answer's JSON. own_address: from a loopback address no request used before, as another
    resident's phone would be (each address has its own allowance of new reports)."""
    connection = None
    if own_address:
        import http.client
        n = next(_CLIENTS)
        connection = http.client.HTTPConnection("127.0.0.1", stack.port, timeout=60,
                                                source_address=(f"127.0.{n // 250}.{n % 250 + 2}", 0))
    try:
        status, raw = stack.request(method, path, body, connection=connection)
    finally:
        if connection is not None:
            connection.close()
    if status >= 300:
        raise RuntimeError(f"{method} {path}: {status} {raw[:300]!r}")
    return json.loads(raw)


def _subscribe(stack, push):
    phone = push.subscribe(application_server_key=_json(stack, "GET", "/v1/push/vapid-public-key")["public_key"])
    _json(stack, "POST", "/v1/alerts", {"kind": "area", **WHERE, "radius_m": 500, "channels": ["push"],
                                        "push_subscription": phone.subscription})
    return phone


def _measure(stack, push, n, phase):
    """One report in the circle, timed to its push: a row of times."""
    began = time.time()
    made = _json(stack, "POST", "/v1/reports", {"service_code": "litter", "description": f"{phase} {n}", **WHERE},
                 own_address=True)
    committed = time.time()
    while not any((r.payload or {}).get("report_id") == made["id"] for r in push.received):
        if time.time() - began > PUSH_WAIT_S:
            raise RuntimeError(f"no push for {made['id']} within {PUSH_WAIT_S} s")
        time.sleep(0.01)
    return {"phase": phase, "report": made["id"], "began": began, "committed": committed, "pushed": time.time()}


def _loader(stack, stop, made):
    n = 0
    while not stop.wait(LOAD_EVERY_S):
        lat, lon = ELSEWHERE[n % len(ELSEWHERE)]
        n += 1
        try:
            _json(stack, "POST", "/v1/reports", {"service_code": "litter", "description": f"load {n}",
                                                 "lat": lat, "lon": lon},
                  own_address=True)
            stack.request("GET", "/v1/reports?bbox=-1.10,53.95,-1.06,53.97")
            made.append(n)
        except (OSError, RuntimeError):
            pass


def _idle(stack):
    import botocore.session
    queues = botocore.session.get_session().create_client(
        "sqs", region_name="eu-west-2", endpoint_url=f"http://127.0.0.1:{stack.env['DOORSTEP_QUEUE_PORT']}",
        aws_access_key_id="local", aws_secret_access_key="local")
    url = next(u for u in queues.list_queues()["QueueUrls"] if u.endswith("alert-pages"))
    deadline = time.monotonic() + IDLE_WAIT_S
    while time.monotonic() < deadline:
        counts = queues.get_queue_attributes(QueueUrl=url, AttributeNames=[
            "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"])["Attributes"]
        if not any(int(v) for v in counts.values()):
            return
        time.sleep(1)
    raise RuntimeError("the alert queue was still busy after 10 minutes")


def _where(row, trace):
    """The row with its stream, queue and job parts, from the pipeline's trace."""
    stream = next((t for t in trace if t["what"] == "stream" and any(
        e.get("report") == row["report"] and e.get("kind") == "report_created" for e in t["events"])), None)
    if stream is None:
        return row
    event = next(e["id"] for e in stream["events"] if e.get("report") == row["report"])
    jobs = [t for t in trace if t["what"] == "job" and t.get("event") == event and t["began"] <= row["pushed"]]
    pushing = max(jobs, key=lambda t: t["began"], default=None)
    row.update(request=row["committed"] - row["began"], stream=stream["ended"] - row["committed"])
    if pushing is not None:
        row.update(queue=pushing["began"] - stream["ended"], job=row["pushed"] - pushing["began"])
    return row


def _started_stack(root, trace_file):
    data = Path(tempfile.mkdtemp(dir=root)) / "data"
    data.mkdir(parents=True)
    stack = Stack(data)
    stack.env["DOORSTEP_PIPELINE_TRACE"] = str(trace_file)
    return stack, stack.start()


def run(progress=print):
    from tests.support.push_service import PushService
    rows, starts = [], []
    with tempfile.TemporaryDirectory() as root, PushService() as push:
        trace_file = Path(root) / "trace.jsonl"
        stack = None
        for start in range(FRESH_STARTS):
            if stack is not None:
                stack.stop()
            stack, seconds = _started_stack(root, trace_file)
            starts.append(seconds)
            _subscribe(stack, push)
            rows += [_measure(stack, push, n, "fresh") for n in range(REPORTS)]
            progress(f"fresh stack {start + 1}: started in {seconds:.1f} s; pushes after "
                     + ", ".join(f"{r['pushed'] - r['began']:.1f}" for r in rows[-REPORTS:]) + " s")
        try:
            _idle(stack)
            rows += [_measure(stack, push, n, "warm, quiet") for n in range(REPORTS)]
            stop, made = threading.Event(), []
            loaders = [threading.Thread(target=_loader, args=(stack, stop, made)) for _ in range(LOADERS)]
            for loader in loaders:
                loader.start()
            time.sleep(10)  # the load's own backlog first
            rows += [_measure(stack, push, n, "warm, under load") for n in range(REPORTS)]
            stop.set()
            for loader in loaders:
                loader.join()
        finally:
            stack.stop()
        trace = [json.loads(line) for line in trace_file.read_text().splitlines()]
        stream_batches = [(t["began"], t["ended"], len(t["events"])) for t in trace if t["what"] == "stream"]
    progress(f"stream batches (began, seconds, records): "
             + ", ".join(f"({b - stream_batches[0][0]:.1f}, {e - b:.1f}, {n})" for b, e, n in stream_batches[:12]))
    return [_where(row, trace) for row in rows], starts, len(made)


def _p(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, max(0, round(q * (len(values) - 1))))] if values else None


def section(rows, starts, load_reports):
    load = os.getloadavg()[0]
    lines = [BEGIN, "## Time from a change to its message (`make bench-first-messages`)", "",
             f"A report in an area alert's circle, timed from its POST to the push the alert's phone receives "
             f"(a push service on 127.0.0.1 that decrypts it), on `make run`. *Fresh*: {len(starts)} new data "
             f"directories, the reports begun the moment `doorstep serve` answered (started in "
             f"{', '.join(f'{s:.0f}' for s in starts)} s), while its start-up backlog (the demo's reports, the "
             f"county's first answers, the first meetings sync) was still being worked through. *Warm*: the last "
             f"stack once its alert queue was empty; *under load*: while {LOADERS} clients each made a report "
             f"elsewhere in York every {LOAD_EVERY_S:.0f} s and read the map ({load_reports} reports). Each report "
             f"made after the one before was pushed. Seconds; the parts are medians, from the stack's own trace "
             f"(*stream*: from the commit until the stream's handler queued the event's jobs; *queue*: until a "
             f"worker took the job that pushed; *job*: until the push arrived). The machine's load average at "
             f"the end: {load:.1f} on 2 cores.", "",
             "| phase | reports | p50 | p95 | max | first | request | stream | queue | job |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for phase in ("fresh", "warm, quiet", "warm, under load"):
        chosen = [r for r in rows if r["phase"] == phase]
        total = [r["pushed"] - r["began"] for r in chosen]
        parts = [statistics.median([r[k] for r in chosen if k in r]) if any(k in r for r in chosen) else None
                 for k in ("request", "stream", "queue", "job")]
        lines.append(f"| {phase} | {len(chosen)} | {_p(total, 0.5):.1f} | {_p(total, 0.95):.1f} | {max(total):.1f} "
                     f"| {total[0]:.1f} | " + " | ".join("-" if p is None else f"{p:.2f}" for p in parts) + " |")
    lines += ["", "The first report after each fresh start, alone (seconds):", "",
              "| start | total | request | stream | queue | job |", "|---|---|---|---|---|---|"]
    firsts = [r for i, r in enumerate(rows) if r["phase"] == "fresh" and i % REPORTS == 0]
    for n, r in enumerate(firsts, 1):
        lines.append(f"| {n} | {r['pushed'] - r['began']:.1f} | " + " | ".join(
            f"{r[k]:.2f}" if k in r else "-" for k in ("request", "stream", "queue", "job")) + " |")
    return "\n".join(lines + ["", END])


def main():
    rows, starts, load_reports = run()
    text = section(rows, starts, load_reports)
    from .env import ROOT
    report.replace_section(ROOT / "docs" / "benchmarks.md", BEGIN, END, text)
    print(text)


if __name__ == "__main__":
    main()
