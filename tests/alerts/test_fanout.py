"""Fan-out in pages through the alert queue (moto's SQS, in-process): the
stream handler queues one job per key and reads no index row; each job
reads one page, hands the next page on once, and tells each person once
however often a job or a batch is run again."""
import json
from datetime import timedelta

import pytest

from conftest import pothole
from support.alert_support import FakeDeliver, events_of, many_alerts, push_alert, store_wards

WARD_KEY = "ward#guildhall"  # the Minster's ward (alert_support.WARDS)


@pytest.fixture
def queue(storage):
    from chalicelib.handlers.alerts.worker import alert_queue
    made = alert_queue()
    # Made on moto, with its dead-letter queue; queues outlive a test like
    # tables do, so jobs an earlier test left behind are dropped.
    empty(made)
    return made


def empty(queue):
    """Delete every waiting job (PurgeQueue may run once a minute only)."""
    while got := queue.client.receive_message(QueueUrl=queue.url, MaxNumberOfMessages=10).get("Messages"):
        queue.client.delete_message_batch(QueueUrl=queue.url, Entries=[
            {"Id": str(i), "ReceiptHandle": m["ReceiptHandle"]} for i, m in enumerate(got)])


@pytest.fixture
def event(client, deps):
    """A new pothole by the Minster, in Guildhall ward."""
    store_wards(deps)
    made = client.post("/v1/reports", pothole())
    assert made.status_code == 201, made.body
    return events_of(made.json_body["id"])[0]


def stream_records(*events):
    from chalicelib.storage.reports.reports import EventModel
    images = [EventModel.get(e.id).serialize() for e in events]
    return [{"eventName": "INSERT", "dynamodb": {"NewImage": i}} for i in images] + \
        [{"eventName": "REMOVE", "dynamodb": {"OldImage": i}} for i in images]


def worker(queue, deps, deliver, time_left=None, visibility_s=None):
    """The local queue worker (not started: tests poll it), running the
    Lambda's handler with a recording channel."""
    from chalicelib.handlers.alerts import batching
    from chalicelib.handlers.alerts.worker import on_queue
    from doorstep_cli.local.queue_worker import QueueWorker

    def handle(sqs_event, context):
        return on_queue(sqs_event, lambda: deps, time_left, deliver, queue, sleep=lambda s: None)
    return QueueWorker(queue.client, queue.url, handle, batching.WORKER_BATCH, batching.WORKER_TIMEOUT_S,
                       wait_s=0, visibility_s=visibility_s)


def drain(polling, limit=200):
    for _ in range(limit):
        if not polling.poll() and polling.idle():
            return
    raise AssertionError("the queue did not drain")


def queued(queue):
    """Every job waiting on the queue (received, then let go again)."""
    found = []
    while True:
        got = queue.client.receive_message(QueueUrl=queue.url, MaxNumberOfMessages=10,
                                           VisibilityTimeout=30).get("Messages", [])
        if not got:
            break
        found += got
    for m in found:
        queue.client.change_message_visibility(QueueUrl=queue.url, ReceiptHandle=m["ReceiptHandle"],
                                               VisibilityTimeout=0)
    return [json.loads(m["Body"]) for m in found]


def sqs_event(*bodies):
    return {"Records": [{"messageId": f"m{i}", "body": json.dumps(b)} for i, b in enumerate(bodies)]}


def test_a_stream_batch_queues_one_job_per_key_of_each_new_event_and_reads_no_index_row(deps, queue, event):
    from chalicelib.handlers.alerts.dispatch import event_keys
    from chalicelib.handlers.stream import on_stream
    many_alerts(250, WARD_KEY)
    deps.alerts.page = deps.alerts.rows = lambda *a, **k: pytest.fail("the stream handler read the index")
    assert on_stream(stream_records(event), lambda: deps, queue) == 1  # the REMOVE is not news
    queued_jobs = queued(queue)
    # Besides the alerts' page jobs, one job for the report's own effect: its count in the council's figures.
    assert [j["effect"] for j in queued_jobs if "effect" in j] == ["feedback.report_finished"]
    jobs = [j for j in queued_jobs if "effect" not in j]
    report = deps.reports.get(event.report_id)
    keys = event_keys(deps, event.kind, report, deps.services.get("pothole"))
    assert WARD_KEY in keys and len(keys) == 11
    assert sorted(j["key"] for j in jobs) == sorted(keys)
    assert {j["after"] for j in jobs} == {None} and {j["event"]["id"] for j in jobs} == {event.id}


def test_an_audience_of_many_pages_is_told_once_each_with_one_page_read_per_job(deps, queue, event):
    from chalicelib.handlers.alerts.batching import PAGE_ROWS
    from chalicelib.handlers.stream import on_stream
    many_alerts(250, WARD_KEY)
    reads, page = [], deps.alerts.page

    def counted(key, after, limit, through=None):
        found = page(key, after, limit, through)
        reads.append((key, after, through, limit, len(found[0])))
        return found
    deps.alerts.page = counted
    fake = FakeDeliver()
    on_stream(stream_records(event), lambda: deps, queue)
    drain(worker(queue, deps, fake))
    told = fake.to("push")
    assert len(told) == len(set(told)) == 250
    ward = sorted((r for r in reads if r[0] == WARD_KEY), key=lambda r: (r[1] or "", r[2] or "~"))
    # The first page, then the rest of the key cut into ranges that meet end to end, read side by side.
    assert [(r[1], r[2]) for r in ward][:1] == [(None, None)] and len(ward) > 2
    assert [r[1] for r in ward[1:]] == ["many000099"] + [r[2] for r in ward[1:-1]] and ward[-1][2] is None
    assert sum(r[4] for r in ward) == 250 and {limit for *_, limit, _ in reads} == {PAGE_ROWS}


def follower_ids(n):
    """Alert ids as subscriptions get them: "al" and hex digits of a digest."""
    import hashlib
    return sorted("al" + hashlib.sha256(f"follower {i}".encode()).hexdigest()[:24] for i in range(n))


def test_one_keys_pages_run_as_a_tree_of_parallel_jobs_that_tell_each_follower_once_though_every_job_comes_twice(
        deps, queue, event, monkeypatch):
    import random
    from chalicelib.handlers.alerts import batching
    from chalicelib.handlers.alerts.fanout import job
    from chalicelib.handlers.alerts.worker import on_queue
    monkeypatch.setattr(batching, "PAGE_ROWS", 10)
    monkeypatch.setattr(batching, "SPLIT_ROWS", 8)
    monkeypatch.setattr(batching, "FANOUT", 4)
    many_alerts(0, WARD_KEY, ids=follower_ids(200))
    reads, page = [], deps.alerts.page

    def counted(key, after, limit, through=None):
        found = page(key, after, limit, through)
        reads.append((after, through, len(found[0])))
        return found
    deps.alerts.page = counted

    class Twice(list):
        """SQS delivers at least once: here every job comes twice, in any order."""
        def send(self, bodies):
            parent = reads[-1][:2] if reads else None  # the job running now has just read its page
            handed.append((parent, [(b["after"], b["through"]) for b in bodies]))
            self.extend(b for b in bodies for _ in range(2))
            return len(bodies)
    handed, waiting, fake, order = [], Twice(), FakeDeliver(), random.Random(30)
    waiting.send([job(event, WARD_KEY)])
    while waiting:
        order.shuffle(waiting)
        batch = [waiting.pop() for _ in range(min(batching.WORKER_BATCH, len(waiting)))]
        before = len(reads)
        assert on_queue(sqs_event(*batch), lambda: deps, None, fake, waiting) == {"batchItemFailures": []}
        assert len(reads) - before == len(batch)  # one page per job, however big its range
    told = fake.to("push")
    assert len(told) == len(set(told)) == 200  # once each, though every job ran twice
    pages = {(after, through): n for after, through, n in reads}
    assert sum(pages.values()) == 200 and max(pages.values()) <= 10  # the distinct jobs read each row once
    # After the first page the rest of the key went out as FANOUT ranges at once, meeting end to end.
    [(_, [root])], (parent, first) = handed[:1], handed[1]
    assert root == parent == (None, None) and len(first) == batching.FANOUT
    assert [a for a, _ in first[1:]] == [t for _, t in first[:-1]] and first[-1][1] is None
    # Each job hands on at most FANOUT ranges, once; a chain would be 20 pages deep, the tree is 4 or fewer.
    depth = {(None, None): 0}
    for parent, children in handed[1:]:
        assert len(children) <= batching.FANOUT
        depth.update((child, depth[parent] + 1) for child in children)
    assert len(handed) - 1 == len({parent for parent, _ in handed[1:]}) and max(depth.values()) <= 4


def test_a_job_run_again_sends_nothing_and_queues_its_next_page_once(deps, queue, event):
    from chalicelib.handlers.alerts.fanout import job
    from chalicelib.handlers.alerts.worker import on_queue
    many_alerts(150, WARD_KEY)
    fake = FakeDeliver()
    first = sqs_event(job(event, WARD_KEY))
    assert on_queue(first, lambda: deps, None, fake, queue) == {"batchItemFailures": []}
    assert on_queue(first, lambda: deps, None, fake, queue) == {"batchItemFailures": []}
    assert len(fake.calls) == 100
    [following] = queued(queue)
    assert (following["key"], following["after"]) == (WARD_KEY, "many000099")
    drain(worker(queue, deps, fake))
    assert len(fake.calls) == len(set(fake.to())) == 150


def test_a_bad_job_is_reported_alone_and_ends_in_the_dead_letter_queue(deps, queue, event, monkeypatch):
    from chalicelib.handlers.alerts import batching
    from chalicelib.handlers.alerts.batching import MAX_RECEIVES
    from chalicelib.handlers.alerts.fanout import job
    many_alerts(3, WARD_KEY)
    fake = FakeDeliver()
    queue.send([{**job(event, WARD_KEY), "v": 99}, job(event, WARD_KEY)])
    monkeypatch.setattr(batching, "VISIBILITY_S", 0)  # a failed job comes back at once
    polling = worker(queue, deps, fake, visibility_s=0)
    for _ in range(MAX_RECEIVES + 2):
        polling.poll()
    assert len(fake.calls) == 3  # the good job of the batch was done, once
    dead = queue.client.receive_message(QueueUrl=queue.dead_url(), MaxNumberOfMessages=10)["Messages"]
    assert [json.loads(m["Body"])["v"] for m in dead] == [99]
    assert queued(queue) == []


def test_a_job_short_of_time_starts_nothing_and_comes_back_for_what_it_did_not_start(deps, queue, event):
    from chalicelib.handlers.alerts.batching import SEND_MARGIN_S
    from chalicelib.handlers.alerts.fanout import job
    from chalicelib.handlers.alerts.worker import on_queue
    many_alerts(40, WARD_KEY)
    fake, jobs = FakeDeliver(), sqs_event(job(event, WARD_KEY), job(event, "category#pothole"))
    assert on_queue(jobs, lambda: deps, lambda: SEND_MARGIN_S - 1, fake, queue) == {
        "batchItemFailures": [{"itemIdentifier": "m0"}, {"itemIdentifier": "m1"}]}
    assert fake.calls == []
    clock = iter([SEND_MARGIN_S + 60] * 15)  # time for 15 deliveries, then none
    outcome = on_queue(jobs, lambda: deps, lambda: next(clock, 0), fake, queue)
    assert outcome == {"batchItemFailures": [{"itemIdentifier": "m0"}, {"itemIdentifier": "m1"}]}
    assert 0 < len(fake.calls) <= 15
    assert on_queue(jobs, lambda: deps, None, fake, queue) == {"batchItemFailures": []}
    assert len(fake.calls) == len(set(fake.to())) == 40


def test_a_crash_between_claiming_the_next_page_and_queueing_it_is_made_good_once_the_claim_is_stale(
        deps, queue, event):
    from chalicelib.handlers.alerts.delivery import STALE_CLAIM
    from chalicelib.handlers.alerts.fanout import job
    from chalicelib.handlers.alerts.worker import on_queue
    many_alerts(120, WARD_KEY)

    class Down:
        def send(self, bodies):
            raise ConnectionError("SQS is unreachable")
    fake, first = FakeDeliver(), sqs_event(job(event, WARD_KEY))
    assert on_queue(first, lambda: deps, None, fake, Down()) == {"batchItemFailures": [{"itemIdentifier": "m0"}]}
    assert on_queue(first, lambda: deps, None, fake, queue)["batchItemFailures"] == []
    # This page is told; the next page's claim may be a live job's: left alone.
    assert queued(queue) == [] and len(fake.calls) == 100
    later = deps.clock() + STALE_CLAIM + timedelta(seconds=1)  # the queue gives a job back after longer
    deps.clock = lambda: later
    assert on_queue(first, lambda: deps, None, fake, queue)["batchItemFailures"] == []
    assert [j["after"] for j in queued(queue)] == ["many000099"]
    drain(worker(queue, deps, fake))
    assert len(fake.calls) == len(set(fake.to())) == 120


def told_of(deps, queue, event):
    from chalicelib.handlers.stream import on_stream
    fake = FakeDeliver()
    on_stream(stream_records(event), lambda: deps, queue)
    drain(worker(queue, deps, fake))
    return fake.to("push")


def test_an_alert_made_after_an_event_hears_nothing_of_it_however_late_the_stream_runs(deps, queue, event):
    many_alerts(1, WARD_KEY, prefix="late", made=event.created_at + timedelta(seconds=1))
    assert told_of(deps, queue, event) == []


def test_a_follower_who_follows_a_moment_after_a_report_is_made_hears_nothing_of_its_making(client, deps, queue,
                                                                                             event):
    # Decided at the clock's own grain: at whole seconds, a follow in the same second as the
    # report tied with it and was told, so the answer hung on when the second turned.
    made = client.post("/v1/alerts", push_alert(7, kind="ward", ward="guildhall"))
    assert made.status_code == 201, made.body
    assert told_of(deps, queue, event) == []


def test_an_alert_made_at_the_moment_of_an_event_hears_of_it(deps, queue, event):
    # The reporter's own follow is made in the report's transaction, at its time.
    many_alerts(1, WARD_KEY, prefix="same", made=event.created_at)
    assert len(told_of(deps, queue, event)) == 1
