"""The alert queue, consumed on one machine as Lambda's event source mapping
consumes it in AWS.

Threads (Lambda's concurrent invocations) each receive up to a batch of
page jobs from the queue (the local stack's queue service, or moto's server
in tests), hand them to the function the
Lambda runs (app.py's deliver_alerts: worker.on_queue) as the same SQS
event with a context that has the function's timeout, then delete the jobs
the function did not report as failures. A job it reported, or every job of
a batch whose handler raised, stays on the queue and comes back after the
visibility timeout; after MAX_RECEIVES receives the queue moves it to the
dead-letter queue, as SQS does.
"""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from doorstep_cli.local import pipeline_trace

log = logging.getLogger("doorstep.local")
FUNCTION = "deliver_alerts"


def lambda_handler(deps_factory: Callable[[], Any]) -> Callable[[dict, Any], dict]:
    """What app.py's deliver_alerts does with an event and its context."""
    import app  # noqa: F401 (the Lambda's module: wiring its routes registers capabilities' audiences and events' effects)
    from chalicelib.handlers.alerts.worker import on_queue

    def handle(event: dict, context: Any) -> dict:
        return on_queue(event, deps_factory, lambda: context.get_remaining_time_in_millis() / 1000)
    return handle


class QueueWorker:
    def __init__(self, client: Any, queue_url: str, handle_batch: Callable[[dict, Any], dict],
                 batch_size: int, timeout_s: int, threads: int = 2, wait_s: int = 1,
                 interval: float = 0.0, visibility_s: int | None = None):
        self.client, self.queue_url = client, queue_url
        self.handle_batch = handle_batch
        # wait_s: SQS long polling (whole seconds); interval: a pause after
        # an empty short poll (wait_s=0), so tests can stop in milliseconds.
        self.batch_size, self.timeout_s, self.wait_s, self.interval = batch_size, timeout_s, wait_s, interval
        self.visibility_s = visibility_s  # None: the queue's own, as the event source mapping uses
        self.threads = threads
        attributes = client.get_queue_attributes(QueueUrl=queue_url, AttributeNames=["QueueArn"])["Attributes"]
        self.queue_arn = attributes["QueueArn"]
        self.region = client.meta.region_name
        self._stop = threading.Event()
        self._running: list[threading.Thread] = []

    def start(self) -> None:
        for n in range(self.threads):
            thread = threading.Thread(target=self._run, name=f"doorstep-alert-worker-{n}", daemon=True)
            thread.start()
            self._running.append(thread)

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        for thread in self._running:
            thread.join(timeout)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                if not self.poll() and self.interval:
                    self._stop.wait(self.interval)
            except Exception:
                log.exception("Alert worker: polling the queue failed")
                self._stop.wait(1.0)

    def poll(self) -> int:
        """Receive one batch and handle it; returns how many jobs were done."""
        kwargs = {"QueueUrl": self.queue_url, "MaxNumberOfMessages": self.batch_size,
                  "WaitTimeSeconds": self.wait_s, "MessageSystemAttributeNames": ["All"]}
        if self.visibility_s is not None:
            kwargs["VisibilityTimeout"] = self.visibility_s
        messages = self.client.receive_message(**kwargs).get("Messages", [])
        if not messages:
            return 0
        from chalice.local import LambdaContext
        event = {"Records": [self.lambda_record(m) for m in messages]}
        context = LambdaContext(FUNCTION, 512, max_runtime_ms=self.timeout_s * 1000)
        began = time.time()
        try:
            result = self.handle_batch(event, context) or {}
        except Exception:
            log.exception("Alert worker: a batch failed; its jobs will come back")
            return 0
        failed = {f["itemIdentifier"] for f in result.get("batchItemFailures", [])}
        for m in messages:
            pipeline_trace.write(what="job", began=began, ended=time.time(), queue=self.queue_url.rsplit("/", 1)[-1],
                                 sent=int(m.get("Attributes", {}).get("SentTimestamp", 0)) / 1000,
                                 event=m.get("Attributes", {}).get("MessageGroupId"),
                                 failed=m["MessageId"] in failed)
        done = [m for m in messages if m["MessageId"] not in failed]
        if done:
            self.client.delete_message_batch(QueueUrl=self.queue_url, Entries=[
                {"Id": str(i), "ReceiptHandle": m["ReceiptHandle"]} for i, m in enumerate(done)])
        return len(done)

    def lambda_record(self, message: dict) -> dict:
        """A received message as Lambda hands it over."""
        return {"messageId": message["MessageId"], "receiptHandle": message["ReceiptHandle"],
                "body": message["Body"], "attributes": message.get("Attributes", {}),
                "messageAttributes": {}, "md5OfBody": message.get("MD5OfBody"), "eventSource": "aws:sqs",
                "eventSourceARN": self.queue_arn, "awsRegion": self.region}

    def idle(self) -> bool:
        """Nothing waiting and nothing in flight (tests and benchmarks wait for this)."""
        counts = self.client.get_queue_attributes(QueueUrl=self.queue_url, AttributeNames=[
            "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"])["Attributes"]
        return not any(int(v) for v in counts.values())


def start_alert_worker(deps_factory: Callable[[], Any], **options: Any) -> QueueWorker:
    """Consume the stage's alert queue (made if missing) until stop()."""
    from chalicelib.handlers.alerts import batching
    from chalicelib.handlers.alerts.worker import alert_queue
    queue = alert_queue()
    worker = QueueWorker(queue.client, queue.url, lambda_handler(deps_factory), batching.WORKER_BATCH,
                         batching.WORKER_TIMEOUT_S, **options)
    worker.start()
    return worker


def wait_until_idle(worker: QueueWorker, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if worker.idle():
            return True
        time.sleep(0.05)
    return False


def start_alert_pipeline(data_dir: Any, deps_factory: Callable[[], Any], drain_s: float = 10.0,
                         caught_up: Callable[[], None] | None = None) -> Callable[[], None]:
    """`make run`'s alerts: the events stream read into page jobs (and a job
    per event's effect, handlers/shared/effects.py), and the jobs' queue consumed; returns how to stop both. Stopping lets the queue
    drain for up to drain_s first: a queue kept in memory (moto's) loses what
    is left; the local stack's (queue_service.py) keeps it, and passes 0. `caught_up`: called
    once the stream has been read to its end."""
    from pathlib import Path
    from doorstep_cli.local.stream_reader import start_event_stream
    worker = start_alert_worker(deps_factory)
    stop_stream = start_event_stream(Path(data_dir), deps_factory, caught_up)

    def stop() -> None:
        stop_stream()
        if drain_s and not wait_until_idle(worker, drain_s):
            log.warning("Alert worker: page jobs were still queued at shutdown; they are lost")
        worker.stop()
    return stop
