"""An effect caught mid-way by a crash is carried out within a minute
(issue 52: a receipt came 12 minutes after its booking showed confirmed):
a runner renews its claim while it works, so a claim not renewed for
STALE_CLAIM (under a minute) is a dead runner's, and the queue keeps the job
hidden only a minute at a time. Never twice: a runner still working keeps
its claim however long its effect takes."""
import dataclasses
import time
from datetime import timedelta

from support.effects_support import dies_after_commit, events_of_kind, run_stream  # noqa: F401
from support.pay_support import pay  # noqa: F401
from tests.waste.test_bulky_crew_jobs import at, collection_day, waste_crew  # noqa: F401
from tests.waste.test_bulky_not_collected import mail, unable

EFFECT = "waste.not_collected"


def unable_while_dead(client, deps, people, waste_crew, dies_after_commit):
    """A crew's `unable` whose effect the request never tried: (its job_ended event, the resident)."""
    crew, _ = waste_crew
    made, resident = collection_day(client, deps, people)
    dies_after_commit()
    unable(crew, made)
    [ended] = events_of_kind("job_ended")
    return ended, resident


def test_an_effect_a_dead_process_held_is_carried_out_a_minute_after_its_claim(
        client, deps, people, pay, waste_crew, dies_after_commit):
    from chalicelib.handlers.shared.effects import KEEP, STALE_CLAIM
    ended, resident = unable_while_dead(client, deps, people, waste_crew, dies_after_commit)
    then = deps.clock()
    # The dead process had claimed the effect and stopped inside it, never to renew the claim.
    assert deps.effects.claim(ended.id, EFFECT, then, then - STALE_CLAIM, then + KEEP) == 0
    assert run_stream(at(deps, then + timedelta(minutes=1)), "job_ended") == []
    assert len(mail(deps, resident, "could not be made")) == 1
    assert deps.effects.status(ended.id, EFFECT)[0] == "done"


def test_an_effect_still_running_past_the_lease_keeps_its_claim(
        client, deps, people, pay, waste_crew, dies_after_commit, monkeypatch):
    from chalicelib.handlers.shared import effects
    from chalicelib.handlers.waste import not_collected
    ended, resident = unable_while_dead(client, deps, people, waste_crew, dies_after_commit)
    moment = [deps.clock()]
    running = dataclasses.replace(deps, clock=lambda: moment[0])
    monkeypatch.setattr(effects, "RENEW_S", 0.01)
    real, taken_meanwhile = not_collected.on_job_ended, []

    def slow(deps_, event, key):
        from chalicelib.storage.alerts.alerts import DeliveryModel
        from chalicelib.storage.effects import claim_id
        moment[0] += effects.STALE_CLAIM * 3  # a long effect: three leases pass while it runs
        deadline = time.monotonic() + 30  # a renewal at the later moment: waited for, not guessed at
        while DeliveryModel.get(claim_id(ended.id, EFFECT), consistent_read=True).claimed_at < moment[0]:
            assert time.monotonic() < deadline, "the claim was never renewed"
            time.sleep(0.01)
        now = moment[0]
        taken_meanwhile.append(deps.effects.claim(ended.id, EFFECT, now, now - effects.STALE_CLAIM, now + effects.KEEP))
        return real(deps_, event, key)
    monkeypatch.setattr(not_collected, "on_job_ended", slow)
    assert run_stream(running, "job_ended") == []
    assert taken_meanwhile == [None]  # another runner found it claimed, not stale
    assert len(mail(deps, resident, "could not be made")) == 1


class _Queue:
    """An SQS queue's client as the worker sees it: what it asked of each job's visibility."""
    url = "https://sqs.eu-west-2.amazonaws.com/1/doorstep-test-alert-pages"

    def __init__(self):
        self.client, self.hidden = self, []

    def change_message_visibility(self, QueueUrl, ReceiptHandle, VisibilityTimeout):  # noqa: N803 (boto3's names)
        self.hidden.append((ReceiptHandle, VisibilityTimeout))

    def send(self, bodies):
        return len(bodies)


def test_the_queue_keeps_an_effect_job_hidden_a_minute_at_a_time_and_a_failed_try_waits_as_before(
        client, deps, people, pay, waste_crew, dies_after_commit, monkeypatch):
    import json
    from chalicelib.handlers.alerts import batching
    from chalicelib.handlers.alerts.worker import on_queue
    from chalicelib.handlers.shared.effects import jobs_of
    from chalicelib.handlers.waste import not_collected
    ended, _ = unable_while_dead(client, deps, people, waste_crew, dies_after_commit)
    [job] = [j for j in jobs_of([ended]) if j["effect"] == EFFECT]
    record = {"messageId": "1", "receiptHandle": "handle-1", "body": json.dumps(job)}
    queue = _Queue()

    def down(*args):
        raise ConnectionError("the outbox's table is away")
    monkeypatch.setattr(not_collected, "on_job_ended", down)
    assert on_queue({"Records": [record]}, lambda: deps, queue=queue)["batchItemFailures"] == [{"itemIdentifier": "1"}]
    assert queue.hidden == [("handle-1", batching.EFFECT_VISIBILITY_S), ("handle-1", batching.VISIBILITY_S)]
    assert batching.EFFECT_VISIBILITY_S <= 60
