"""A crashed alert page job is taken over within about a minute, like every other piece of
work (chalicelib/leases.py): the queue keeps a page job hidden a minute at a time, renewed while
its worker lives, so one whose worker died comes back a minute later, not after the queue's
visibility timeout (about 12 minutes), and finds its deliveries' claims stale (45 s)."""
import json
import time

import pytest

from support.alert_support import FakeDeliver, many_alerts
from tests.alerts.test_fanout import WARD_KEY, event, queue  # noqa: F401 (fixtures)


class Recorded:
    """An SQS queue's client as the worker sees it: what it asked of each job's visibility."""
    url = "https://sqs.eu-west-2.amazonaws.com/1/doorstep-test-alert-pages"

    def __init__(self):
        self.client, self.hidden = self, []

    def change_message_visibility(self, QueueUrl, ReceiptHandle, VisibilityTimeout):  # noqa: N803 (boto3's names)
        self.hidden.append(VisibilityTimeout)

    def send(self, bodies):
        return len(bodies)


class Killed(BaseException):
    """The worker's process dying mid-page (nothing of the worker's catches it)."""


def page_job(event):
    from chalicelib.handlers.alerts.fanout import job
    return {"Records": [{"messageId": "1", "receiptHandle": "handle-1", "body": json.dumps(job(event, WARD_KEY))}]}


def test_a_page_job_whose_worker_dies_mid_page_is_hidden_no_more_than_a_minute(deps, event):
    from chalicelib.handlers.alerts import batching
    from chalicelib.handlers.alerts.worker import on_queue
    many_alerts(5, WARD_KEY)
    queue = Recorded()

    def dies(*args):
        raise Killed
    with pytest.raises(Killed):
        on_queue(page_job(event), lambda: deps, deliver=dies, queue=queue, sleep=lambda s: None)
    # What the queue was last told is how long the job stays away after the crash.
    assert queue.hidden and queue.hidden[-1] <= 60 < batching.VISIBILITY_S


def test_a_page_job_running_past_a_minute_stays_hidden_while_its_worker_lives(deps, event, monkeypatch):
    from chalicelib import leases
    from chalicelib.handlers.alerts import batching
    from chalicelib.handlers.alerts.worker import on_queue
    many_alerts(3, WARD_KEY)
    monkeypatch.setattr(leases, "RENEW_S", 0.01)
    queue, recorded = Recorded(), FakeDeliver()

    def slow(*args):  # a long page: its job is hidden again while it runs, waited for, not guessed at
        seen, deadline = len(queue.hidden), time.monotonic() + 30
        while len(queue.hidden) == seen:
            assert time.monotonic() < deadline, "the page job's visibility was never renewed"
            time.sleep(0.01)
        return recorded(*args)
    assert on_queue(page_job(event), lambda: deps, deliver=slow, queue=queue, sleep=lambda s: None) == {
        "batchItemFailures": []}
    # The first hide, then at least one renewal while the sends ran: they run side by side
    # (delivery.WORKERS), so one renewal may release all three, and a count of 4 is luck.
    assert len(queue.hidden) >= 2 and set(queue.hidden) == {batching.JOB_VISIBILITY_S}
    assert len(recorded.to("push")) == 3


def test_a_page_job_whose_sends_must_be_tried_again_waits_as_long_as_before(deps, event):
    from chalicelib.handlers.alerts import batching
    from chalicelib.handlers.alerts.worker import on_queue
    many_alerts(2, WARD_KEY)
    queue = Recorded()
    answered = on_queue(page_job(event), lambda: deps, deliver=FakeDeliver(push="retry"), queue=queue,
                        sleep=lambda s: None)
    assert answered == {"batchItemFailures": [{"itemIdentifier": "1"}]}
    assert queue.hidden == [batching.JOB_VISIBILITY_S, batching.VISIBILITY_S]
