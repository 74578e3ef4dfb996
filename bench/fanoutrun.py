"""One fan-out measured (bench.fanoutcost): the stream handler, then the
queue drained by local workers running the worker function's handler, each
invocation counted alone; then everything handed over again; then peak
memory of a few invocations run alone."""
import statistics
import threading
import time
import tracemalloc
from collections import Counter
from dataclasses import replace

from . import env

BODY = {"service_code": "pothole", "description": "Deep pothole by the Minster (fan-out bench).",
        "fields": {"size": "large"}}


class Recorder:
    """Every invocation's figures, and every message sent, from any thread."""

    def __init__(self, send_s):
        self.send_s, self.lock = send_s, threading.Lock()
        self.invocations, self.bodies, self.sent, self.last_sent = [], [], Counter(), 0.0

    def handler(self, queue):
        from chalicelib.handlers.alerts.worker import on_queue

        def handle(event, context):
            deps, rows, messages = env.deps(), [0], []
            page = deps.alerts.page

            def counted_page(key, after, limit):
                found = page(key, after, limit)
                rows[0] += len(found[0])
                return found
            deps.alerts.page = counted_page
            started = time.perf_counter()
            result = on_queue(event, lambda: deps, lambda: context.get_remaining_time_in_millis() / 1000,
                              self.channel(messages), queue)
            seconds = time.perf_counter() - started
            with self.lock:
                self.bodies += [r["body"] for r in event["Records"]]
                self.invocations.append({"jobs": len(event["Records"]), "rows": rows[0], "messages": len(messages),
                                         "seconds": seconds, "failed": len(result["batchItemFailures"])})
            return result
        return handle

    def channel(self, messages):
        def deliver(channel, address, message, settings, now, new_id):
            time.sleep(self.send_s)
            who = (channel, address["endpoint"] if channel == "push" else address)
            messages.append(who)
            with self.lock:
                self.sent[who] += 1
                self.last_sent = time.monotonic()
            return "sent"
        return deliver


def drain(queue, recorder, threads):
    from chalicelib.handlers.alerts import batching
    from doorstep_cli.local.queue_worker import QueueWorker
    worker = QueueWorker(queue.client, queue.url, recorder.handler(queue), batching.WORKER_BATCH,
                         batching.WORKER_TIMEOUT_S, threads=threads, wait_s=0, interval=0.02)
    worker.start()
    try:
        quiet = 0
        while quiet < 2:  # two idle looks in a row: nothing queued, nothing in flight
            time.sleep(0.25)
            quiet = quiet + 1 if worker.idle() else 0
    finally:
        worker.stop()


def new_report(deps, point):
    from chalicelib.handlers.reports.create import create_report
    from chalicelib.storage.reports.reports import EventModel
    view, _ = create_report(deps, {**BODY, "lon": point[0], "lat": point[1]})
    from chalicelib.storage.records import Event
    [e] = [e for e in EventModel.scan() if e.report_id == view["id"]]
    return deps.reports.get(view["id"]), Event(id=e.id, kind=e.kind, report_id=e.report_id, payload=e.payload)


def measure(name, point, send_s, threads, memory_runs, progress, sample=40):
    from chalicelib.handlers.alerts.dispatch import matching_alerts
    from chalicelib.handlers.stream import on_stream
    from chalicelib.handlers.alerts.worker import alert_queue
    deps = env.deps()
    report, event = new_report(deps, point)
    matched = matching_alerts(deps, "report_created", report)
    expected = sum(len(a.channels) for a in matched)
    queue = alert_queue()
    image = event_image(event.id)
    stream_deps = env.deps()
    stream_deps.alerts.page = stream_deps.alerts.rows = _refuse
    started = time.perf_counter()
    on_stream([{"eventName": "INSERT", "dynamodb": {"NewImage": image}}], lambda: stream_deps, queue)
    stream_s = time.perf_counter() - started
    first_jobs = waiting(queue)
    recorder = Recorder(send_s)
    begun = time.monotonic()
    drain(queue, recorder, threads)
    drain_s = time.monotonic() - begun
    runs = recorder.invocations
    progress(f"  {name}: {len(runs):,} worker invocations, {sum(r['messages'] for r in runs):,} messages "
             f"in {time.monotonic() - begun:.0f} s")
    chain = max(Counter(_key(b) for b in recorder.bodies).values())
    again_jobs, again = redeliver(queue, recorder, image, threads, sample)
    memory = memory_peaks(deps, event, queue, send_s, memory_runs)
    seconds = sorted(r["seconds"] for r in runs)
    return {
        "name": name, "matched": len(matched), "expected": expected, "first_jobs": first_jobs,
        "stream_s": stream_s, "invocations": len(runs), "jobs": sum(r["jobs"] for r in runs),
        "rows_total": sum(r["rows"] for r in runs), "rows_max": max(r["rows"] for r in runs),
        "messages_total": sum(r["messages"] for r in runs), "messages_max": max(r["messages"] for r in runs),
        "seconds_total": sum(seconds), "seconds_max": seconds[-1], "seconds_p50": statistics.median(seconds),
        "duplicates": sum(n - 1 for n in recorder.sent.values() if n > 1), "again": again, "again_jobs": again_jobs, "chain": chain,
        "once": sum(recorder.sent.values()) == expected and all(n == 1 for n in recorder.sent.values()),
        "last_s": recorder.last_sent - begun + stream_s, "memory_max_kb": max(memory) // 1024,
        "drain_s": drain_s, "failed": sum(r["failed"] for r in runs),
    }


def redeliver(queue, recorder, image, threads, sample):
    """The stream record handed over again (every first job), and `sample`
    jobs spread over the run; returns (jobs run again, messages sent)."""
    import json
    from chalicelib.handlers.stream import on_stream
    step = max(1, len(recorder.bodies) // sample)
    again = Recorder(recorder.send_s)
    on_stream([{"eventName": "INSERT", "dynamodb": {"NewImage": image}}], env.deps, queue)
    queue.send([json.loads(b) for b in recorder.bodies[::step]])
    drain(queue, again, threads)
    return sum(r["jobs"] for r in again.invocations), sum(r["messages"] for r in again.invocations)


def memory_peaks(deps, event, queue, send_s, runs):
    """tracemalloc's peak of `runs` invocations run one at a time, for a
    second event (nothing claimed yet); the queue is emptied after."""
    from chalicelib.handlers.alerts import batching, fanout
    from doorstep_cli.local.queue_worker import QueueWorker
    second = replace(event, id=f"{event.id}-memory")
    queue.send(fanout.first_jobs(deps, second))
    recorder = Recorder(send_s)
    worker = QueueWorker(queue.client, queue.url, recorder.handler(queue), batching.WORKER_BATCH,
                         batching.WORKER_TIMEOUT_S, wait_s=0)
    peaks = []
    tracemalloc.start()
    try:
        while len(peaks) < runs and waiting(queue):
            tracemalloc.reset_peak()
            worker.poll()
            peaks.append(tracemalloc.get_traced_memory()[1])
    finally:
        tracemalloc.stop()
    queue.client.purge_queue(QueueUrl=queue.url)
    return peaks


def waiting(queue):
    attributes = queue.client.get_queue_attributes(QueueUrl=queue.url, AttributeNames=["ApproximateNumberOfMessages"])
    return int(attributes["Attributes"]["ApproximateNumberOfMessages"])


def event_image(event_id):
    from chalicelib.storage.reports.reports import EventModel
    return EventModel.get(event_id).serialize()


def _key(body):
    import json
    return json.loads(body)["key"]


def _refuse(*args, **kwargs):
    raise AssertionError("the stream handler read the alert index")
