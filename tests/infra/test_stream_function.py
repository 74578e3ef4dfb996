"""dispatch_events, the function the template wires to the events stream,
hands the dispatcher the stream's batches as Lambda delivers them."""
import time


def stream_batch(image, name="INSERT"):
    return {"Records": [{
        "eventID": "1", "eventName": name, "eventSource": "aws:dynamodb", "awsRegion": "eu-west-2",
        "eventSourceARN": "arn:aws:dynamodb:eu-west-2:123456789012:table/test-events/stream/2026-01-01T00:00:00.000",
        "dynamodb": {"ApproximateCreationDateTime": time.time(), "Keys": {"id": image["id"]},
                     ("NewImage" if name == "INSERT" else "OldImage"): image,
                     "SequenceNumber": "100", "SizeBytes": 200, "StreamViewType": "NEW_IMAGE"}}]}


def test_the_stream_function_gives_the_dispatcher_each_record_with_its_new_image(client, monkeypatch):
    from chalicelib.handlers import stream as dispatch_sources
    from chalicelib.storage.reports.reports import EventModel
    image = EventModel(id="ev-1", kind="report_created", report_id="DS-ABC234", created_at=None).serialize(
        null_check=False)
    seen = []

    def on_stream(records, deps_factory):
        seen.extend((r.event_name, r.new_image) for r in records)
        assert callable(deps_factory)
    monkeypatch.setattr(dispatch_sources, "on_stream", on_stream)
    client.raw.lambda_.invoke("dispatch_events", stream_batch(image))
    client.raw.lambda_.invoke("dispatch_events", stream_batch(image, "REMOVE"))
    assert seen == [("INSERT", image), ("REMOVE", None)]


def test_the_worker_function_hands_the_queues_batch_to_the_worker_and_returns_its_failures(client, monkeypatch):
    """deliver_alerts, the function the alert queue's mapping invokes: the
    jobs it names come back (ReportBatchItemFailures), with the time left."""
    from chalicelib.handlers.alerts import worker
    seen = {}

    def on_queue(event, deps_factory, time_left):
        seen.update(ids=[r["messageId"] for r in event["Records"]], left=time_left())
        return {"batchItemFailures": [{"itemIdentifier": "m2"}]}
    monkeypatch.setattr(worker, "on_queue", on_queue)
    batch = {"Records": [{"messageId": f"m{i}", "receiptHandle": f"r{i}", "body": "{}", "eventSource": "aws:sqs"}
                         for i in (1, 2)]}
    answer = client.raw.lambda_.invoke("deliver_alerts", batch)
    assert answer.payload == {"batchItemFailures": [{"itemIdentifier": "m2"}]}
    assert seen["ids"] == ["m1", "m2"] and 0 < seen["left"] <= 120
