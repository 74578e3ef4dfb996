"""`make run`'s work queues: SQS's protocol, as botocore speaks it, served from
SQLite. A receive reads the next visible jobs through an index whatever the
backlog (moto's looked at every message), and a sent job survives a restart."""
from __future__ import annotations

import json
import threading
import time

import pytest
from local_fixtures import queue, queue_service  # noqa: F401 (fixtures)

from doorstep_cli.local.queue_service import QueueService
from chalicelib import tenancy


def receive(queue, most=10, **extra):
    return queue.client.receive_message(QueueUrl=queue.url, MaxNumberOfMessages=most, WaitTimeSeconds=0,
                                        MessageSystemAttributeNames=["All"], **extra).get("Messages", [])


def counts(queue):
    return queue.client.get_queue_attributes(QueueUrl=queue.url, AttributeNames=[
        "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"])["Attributes"]


def test_jobs_go_out_in_order_hidden_while_in_flight_and_gone_once_deleted(queue):
    assert queue.send([{"n": n} for n in range(25)]) == 25
    first = receive(queue)
    assert [json.loads(m["Body"])["n"] for m in first] == list(range(10))
    assert first[0]["Attributes"]["ApproximateReceiveCount"] == "1"
    assert counts(queue) == {"ApproximateNumberOfMessages": "15", "ApproximateNumberOfMessagesNotVisible": "10"}
    queue.client.delete_message_batch(QueueUrl=queue.url, Entries=[
        {"Id": str(i), "ReceiptHandle": m["ReceiptHandle"]} for i, m in enumerate(first)])
    rest = receive(queue) + receive(queue)
    assert [json.loads(m["Body"])["n"] for m in rest] == list(range(10, 25))
    assert counts(queue) == {"ApproximateNumberOfMessages": "0", "ApproximateNumberOfMessagesNotVisible": "15"}


def test_a_job_not_deleted_comes_back_after_its_visibility_timeout(queue, monkeypatch):
    # The queue's clock pinned, then moved on: "hidden for 1 s" is not raced against a busy machine,
    # where more than a second could pass between two receives.
    now = pinned_clock(monkeypatch)
    queue.send([{"n": 1}])
    (taken,) = receive(queue, VisibilityTimeout=1)
    now[0] += 0.9
    assert receive(queue) == []
    now[0] += 0.2
    (again,) = receive(queue)
    assert again["MessageId"] == taken["MessageId"] and again["Attributes"]["ApproximateReceiveCount"] == "2"
    assert again["ReceiptHandle"] != taken["ReceiptHandle"]


def pinned_clock(monkeypatch):
    """The queue's clock, pinned where the test moves it."""
    import types
    from doorstep_cli.local import queue_service
    now = [time.time()]
    monkeypatch.setattr(queue_service, "time", types.SimpleNamespace(time=lambda: now[0], monotonic=time.monotonic))
    return now


def bodies(messages):
    return [json.loads(m["Body"])["n"] for m in messages]


def test_a_job_sent_while_the_queue_is_behind_goes_out_before_the_backlog(queue, monkeypatch):
    # A fresh stack's start-up backlog (the demo's events, the first meetings sync) queued
    # first, then a resident's report: the two workers must not serve the whole backlog first.
    now = pinned_clock(monkeypatch)
    queue.send([{"n": f"backlog {n}"} for n in range(100)])
    now[0] += 5  # the backlog's oldest job has waited 5 s: the queue is behind
    queue.send([{"n": "resident"}])
    assert bodies(receive(queue, most=1)) == ["resident"]


def test_a_queue_behind_serves_its_backlog_every_other_receive_so_fresh_jobs_never_starve_it(queue, monkeypatch):
    now = pinned_clock(monkeypatch)
    queue.send([{"n": f"backlog {n}"} for n in range(3)])
    now[0] += 5
    served = []
    for n in range(3):
        queue.send([{"n": f"fresh {n}"}])
        now[0] += 0.1
        served += bodies(receive(queue, most=1)) + bodies(receive(queue, most=1))
    assert served == ["fresh 0", "backlog 0", "fresh 1", "backlog 1", "fresh 2", "backlog 2"]
    assert bodies(receive(queue)) == []


def send_grouped(queue, group, bodies):
    queue.client.send_message_batch(QueueUrl=queue.url, Entries=[
        {"Id": str(i), "MessageBody": json.dumps({"n": b}), "MessageGroupId": group} for i, b in enumerate(bodies)])


def test_a_behind_queue_finishes_the_fresh_event_it_started_before_a_newer_one(queue, monkeypatch):
    # The resident's report's jobs, then the county's answers on the demo's reports (newer, and
    # as few jobs each): the report's, begun first, are not left behind theirs.
    now = pinned_clock(monkeypatch)
    for n in range(5):
        send_grouped(queue, f"demo {n}", [f"demo {n}.{j}" for j in range(3)])
    now[0] += 5
    send_grouped(queue, "resident", ["resident 0", "resident 1", "resident 2"])
    served = bodies(receive(queue, most=1))
    now[0] += 0.1
    send_grouped(queue, "county", ["county 0", "county 1"])
    for _ in range(4):
        served += bodies(receive(queue, most=1))
    assert served == ["resident 0", "demo 0.0", "resident 1", "demo 0.1", "resident 2"]
    assert bodies(receive(queue, most=1)) + bodies(receive(queue, most=1)) == ["demo 0.2", "county 0"]


def test_a_behind_queue_serves_a_residents_event_before_the_rest_of_a_big_fan_out_it_began(queue, monkeypatch):
    # A broadcast's fan-out started on the fresh turns, then a resident's report: its few jobs
    # are not left behind the broadcast's many.
    from doorstep_cli.local.queue_order import BIG_GROUP
    now = pinned_clock(monkeypatch)
    send_grouped(queue, "demo", ["demo 0", "demo 1", "demo 2", "demo 3"])
    now[0] += 5
    send_grouped(queue, "broadcast", [f"broadcast {j}" for j in range(BIG_GROUP + 5)])
    served = bodies(receive(queue, most=1)) + bodies(receive(queue, most=1))
    send_grouped(queue, "resident", ["resident 0", "resident 1"])
    for _ in range(4):
        served += bodies(receive(queue, most=1))
    assert served == ["broadcast 0", "demo 0", "resident 0", "demo 1", "resident 1", "demo 2"]
    assert bodies(receive(queue, most=1)) == ["broadcast 1"]


def test_the_alert_queue_sends_each_job_under_its_events_group(queue):
    from chalicelib.handlers.alerts import fanout
    from chalicelib.storage.records import Event
    event = Event(id="ev-1", kind="report_created", report_id="r-1", payload={}, created_at=None)
    queue.send([fanout.job(event, "area#gcx4z"), fanout.job(event, "ward#guildhall"), {"n": "no event"}])
    got = queue.client.receive_message(QueueUrl=queue.url, MaxNumberOfMessages=10,
                                       MessageSystemAttributeNames=["MessageGroupId"])["Messages"]
    assert [m.get("Attributes", {}).get("MessageGroupId") for m in got] == ["ev-1", "ev-1", None]


def test_a_queue_that_keeps_up_serves_its_jobs_in_order(queue, monkeypatch):
    now = pinned_clock(monkeypatch)
    queue.send([{"n": "first"}])
    now[0] += 0.5  # waited, but not long enough to be behind
    queue.send([{"n": "second"}])
    assert bodies(receive(queue, most=1)) + bodies(receive(queue, most=1)) == ["first", "second"]


def test_a_job_received_too_often_moves_to_the_dead_letter_queue(queue):
    from chalicelib.handlers.alerts.batching import MAX_RECEIVES
    queue.send([{"n": "poison"}])
    for _ in range(MAX_RECEIVES):
        assert len(receive(queue, VisibilityTimeout=0)) == 1
    assert receive(queue, VisibilityTimeout=0) == []
    dead = queue.client.receive_message(QueueUrl=queue.dead_url(), MaxNumberOfMessages=10).get("Messages", [])
    assert [json.loads(m["Body"]) for m in dead] == [{"n": "poison", "council": "york"}]


def test_a_long_poll_answers_as_soon_as_a_job_arrives(queue):
    threading.Timer(0.3, tenancy.carried(lambda: queue.send([{"n": "late"}]))).start()
    started = time.monotonic()
    got = queue.client.receive_message(QueueUrl=queue.url, WaitTimeSeconds=5).get("Messages", [])
    assert [json.loads(m["Body"]) for m in got] == [{"n": "late", "council": "york"}] and time.monotonic() - started < 3


def test_sent_jobs_survive_a_restart_of_the_service(tmp_path, monkeypatch):
    first = QueueService(tmp_path / "queues.sqlite3").start()
    monkeypatch.setenv("DOORSTEP_SQS_ENDPOINT", first.url)
    monkeypatch.setenv("DOORSTEP_STAGE", "local")
    from chalicelib.storage.queues import QueueShape, WorkQueue
    shape = QueueShape(visibility_s=30, max_receives=3, retention_s=3600, dead_retention_s=3600)
    WorkQueue("survivor", shape).send([{"n": n} for n in range(3)])
    first.stop()  # as a kill would: nothing is flushed on the way out
    second = QueueService(tmp_path / "queues.sqlite3").start()
    try:
        monkeypatch.setenv("DOORSTEP_SQS_ENDPOINT", second.url)
        again = WorkQueue("survivor", shape)
        # As SQS may, a receive can answer fewer than it holds (a queue whose oldest job waited past
        # queue_order.BEHIND_S, as on a busy machine, hands out its newest first): receive until empty.
        got, more = [], receive(again)
        while more:
            got += more
            more = receive(again)
        assert sorted(json.loads(m["Body"])["n"] for m in got) == [0, 1, 2]
    finally:
        second.stop()


def test_a_receive_reads_the_index_not_the_backlog(queue, queue_service):
    queue.send([{"n": n} for n in range(500)])
    name = queue.url.rsplit("/", 1)[1]
    for order in ("ASC", "DESC"):  # the oldest jobs, and the newest on a behind queue's turn for them
        plan = queue_service.queues.plan(name, order)
        assert "INDEX next_visible (queue=? AND visible<?)" in plan
        assert "SCAN" not in plan and "TEMP B-TREE" not in plan


def test_an_unknown_queue_is_missing_as_sqs_says_so(queue_service):
    import botocore.session
    from botocore.exceptions import ClientError
    client = botocore.session.get_session().create_client(
        "sqs", region_name="eu-west-2", endpoint_url=queue_service.url, aws_access_key_id="x", aws_secret_access_key="x")
    with pytest.raises(ClientError) as missing:
        client.get_queue_url(QueueName="nothing-here")
    from chalicelib.storage.queues import MISSING
    assert missing.value.response["Error"]["Code"] in MISSING


def test_the_queues_serve_on_a_socket_bound_before_and_handed_over_so_its_port_was_never_free(tmp_path):
    # `make run` binds the work queues' port and hands the socket to the background process:
    # in the seconds that process takes to start, no other program can take the port.
    import urllib.request
    from doorstep_cli.local.serving import PortInUseError, bind_listening_socket
    held = bind_listening_socket("127.0.0.1", 0, "work queues")
    port = held.getsockname()[1]
    with pytest.raises(PortInUseError):  # held from the moment it was bound
        bind_listening_socket("127.0.0.1", port, "another program").close()
    service = QueueService(tmp_path / "queues.sqlite3", held).start()
    try:
        assert service.url == f"http://127.0.0.1:{port}"
        asked = urllib.request.Request(service.url, data=b"{}", headers={
            "X-Amz-Target": "AmazonSQS.ListQueues", "Content-Type": "application/x-amz-json-1.0"})
        with urllib.request.urlopen(asked, timeout=10) as answer:
            assert json.loads(answer.read()) == {"QueueUrls": []}
    finally:
        service.stop()
