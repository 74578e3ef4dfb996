"""The alert queue on one machine: the local stack's queue service holds it
(doorstep_cli/local/queue_service.py), and the local worker hands its jobs to
a handler as Lambda's event source mapping does."""
from __future__ import annotations

import json

from local_fixtures import queue, queue_service  # noqa: F401 (fixtures)

from doorstep_cli.local.queue_worker import QueueWorker, lambda_handler


def worker(queue, handle, **options):
    return QueueWorker(queue.client, queue.url, handle, batch_size=4, timeout_s=120, wait_s=0, **options)


def test_jobs_come_in_lambda_shaped_batches_and_only_reported_ones_stay(queue):
    queue.send([{"n": n} for n in range(6)])
    batches, contexts = [], []

    def handle(event, context):
        batches.append(event["Records"])
        contexts.append(context.get_remaining_time_in_millis())
        return {"batchItemFailures": [{"itemIdentifier": r["messageId"]} for r in event["Records"]
                                      if json.loads(r["body"])["n"] == 4]}
    polling = worker(queue, handle, visibility_s=60)
    while polling.poll():
        pass
    records = [r for batch in batches for r in batch]
    assert all(len(batch) <= 4 for batch in batches)
    assert sorted(json.loads(r["body"])["n"] for r in records) == list(range(6))
    arn = queue.client.get_queue_attributes(QueueUrl=queue.url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    for r in records:
        assert r["eventSource"] == "aws:sqs" and r["eventSourceARN"] == arn and r["awsRegion"] == "eu-west-2"
        assert r["messageId"] and r["receiptHandle"] and r["attributes"]["ApproximateReceiveCount"] == "1"
    assert all(100_000 < left <= 120_000 for left in contexts)  # the worker function's timeout
    waiting = queue.client.get_queue_attributes(QueueUrl=queue.url, AttributeNames=[
        "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"])["Attributes"]
    assert waiting == {"ApproximateNumberOfMessages": "0", "ApproximateNumberOfMessagesNotVisible": "1"}


def test_a_batch_whose_handler_raises_comes_back_until_the_dead_letter_queue_takes_it(queue):
    from chalicelib.handlers.alerts.batching import MAX_RECEIVES
    queue.send([{"n": 1}])
    tries = []

    def handle(event, context):
        tries.append(event["Records"][0]["attributes"]["ApproximateReceiveCount"])
        raise RuntimeError("a bug")
    polling = worker(queue, handle, visibility_s=0)  # back at once, not after the queue's 12 minutes
    for _ in range(MAX_RECEIVES + 2):
        polling.poll()
    assert tries == [str(n) for n in range(1, MAX_RECEIVES + 1)]
    [dead] = queue.client.receive_message(QueueUrl=queue.dead_url())["Messages"]
    assert json.loads(dead["Body"]) == {"n": 1, "council": "york"}


def test_the_local_handler_is_the_lambdas_and_gives_it_the_time_left(queue, monkeypatch):
    from chalicelib.handlers.alerts import worker as alert_worker
    seen = []
    monkeypatch.setattr(alert_worker, "on_queue", lambda event, deps_factory, time_left: seen.append(
        (len(event["Records"]), time_left())) or {"batchItemFailures": []})
    queue.send([{"n": 1}, {"n": 2}])
    polling = worker(queue, lambda_handler(lambda: None))
    while polling.poll():
        pass
    assert [n for n, _ in seen] in ([2], [1, 1]) and all(100 < left <= 120 for _, left in seen)
    assert polling.idle()
