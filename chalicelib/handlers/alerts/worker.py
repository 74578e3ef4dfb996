"""The alert worker: page jobs (and events' effects, shared/effects.py) from the queue, as Lambda hands them over
(app.py's deliver_alerts) and as the local queue worker does on one machine.

A job: read one page of its range of one key, hand the rest of the range on
as up to batching.FANOUT new jobs (claimed first, so they are queued once
however often this job runs), deliver to the page's matches. An
invocation's work is bounded by its batch of jobs (batching.py), never by
the audience. A job that fails, or that time ran
out on, is reported back to the queue (partial batch failure) and comes
again after the visibility timeout; claims make it send nothing twice.
"""
import json
import logging
import time
from collections import Counter

from ... import tenancy, validation
from . import batching, fanout
from .delivery import DEFERRED, DELIVERY_KEEP, STALE_CLAIM, UNSTARTED, deliver_to

log = logging.getLogger(__name__)


def alert_queue():
    from ...config import settings
    from ...storage.queues import QueueShape, WorkQueue
    shape = QueueShape(batching.VISIBILITY_S, batching.MAX_RECEIVES, batching.RETENTION_S,
                       batching.DEAD_RETENTION_S)
    return WorkQueue(batching.QUEUE, shape, url=settings().alert_queue_url, group_of=job_group)


def job_group(body):
    """A job's message group: its event, so one event's fan-out is one tenant of the queue (a
    big one does not hold a resident's back; the local queue finishes one it started)."""
    return (body.get("event") or {}).get("id")


def default_deliver():
    from ...notify.deliver import deliver  # the channels, imported on first use
    return deliver


def on_queue(sqs_event, deps_factory, time_left=None, deliver=None, queue=None, sleep=time.sleep):
    """Lambda's SQS event (a dict) -> {"batchItemFailures": [...]}, the jobs
    to run again (they failed, or were not finished in time); the others
    are done and the event source mapping deletes them."""
    records = sqs_event.get("Records") or []
    if not records:
        return {"batchItemFailures": []}
    from ...councils.registry import ended
    deps_of, deliver = tenancy.per_council(deps_factory), deliver or default_deliver()
    queue = queue if queue is not None else alert_queue()
    audiences_of, failures = tenancy.per_council(dict), []
    for record in records:
        hide = None
        try:
            body = json.loads(record["body"])
            if ended(tenancy.of_job(body)):  # its council has left: done, nothing sent or written for it
                continue
            hide = _hider(queue, record)
            if hide is not None:
                hide(batching.JOB_VISIBILITY_S)  # a dead worker's job is back within a minute
            with tenancy.acting_for(tenancy.of_job(body)):  # its deps built for its council, with its links
                outcomes, finished = _run_hidden(deps_of(), body, queue, deliver, sleep, time_left, audiences_of(),
                                                 hide, _last_receive(record))
            if hide is not None and ("retry" in outcomes if "effect" in body else not finished):
                hide(batching.VISIBILITY_S)  # a failed try waits as long as before
        except Exception:  # one bad job must not fail the others of the batch
            log.exception("alert page job %s failed", record.get("messageId"))
            finished = False
            if hide is not None:
                hide(batching.VISIBILITY_S)  # not the minute a live worker's job is hidden for
        if not finished:
            failures.append({"itemIdentifier": record["messageId"]})
    return {"batchItemFailures": failures}


def _last_receive(record):
    """The queue hands this job over for the last time: a job not finished now goes to its dead letters."""
    received = (record.get("attributes") or {}).get("ApproximateReceiveCount")
    return validation.digits(received) and int(received) >= batching.MAX_RECEIVES


def _run_hidden(deps, body, queue, deliver, sleep, time_left, audiences, hide, last=False):
    """run_job with the job kept hidden while it runs: an effect renews through its claim's
    keep-alive (shared/effects.py), a page job through a lease of its own (chalicelib/leases.py)."""
    keep_hidden = hide and (lambda: hide(batching.JOB_VISIBILITY_S))
    if keep_hidden is None or "effect" in body:
        return run_job(deps, body, queue, deliver, sleep, time_left, audiences, keep_alive=keep_hidden,
                       last_receive=last)
    from ...leases import renewed
    with renewed(lambda: keep_hidden() or True, f"alert page job {record_key(body)}"):
        return run_job(deps, body, queue, deliver, sleep, time_left, audiences)


def record_key(body):
    return f"{(body.get('event') or {}).get('id')} {body.get('key')}"


def _hider(queue, record):
    """hide(seconds): the received job hidden on its SQS queue for that long from now;
    None where the queue is no SQS queue (the tests' lists) or the record has no receipt."""
    client, handle = getattr(queue, "client", None), record.get("receiptHandle")
    if client is None or not handle:
        return None

    def hide(seconds):
        try:
            client.change_message_visibility(QueueUrl=queue.url, ReceiptHandle=handle, VisibilityTimeout=seconds)
        except Exception:  # noqa: BLE001 (the job then comes back after the queue's own timeout: later, not lost)
            log.warning("alert job %s: its visibility was not changed", record.get("messageId"), exc_info=True)
    return hide


def run_job(deps, body, queue, deliver, sleep=time.sleep, time_left=None, audiences=None, keep_alive=None,
            last_receive=False):
    """One page job; returns (outcome counts, finished). `audiences` caches
    each event's Audience across the jobs of one invocation; `keep_alive`:
    an effect job's, called while the effect runs (shared/effects.py), and
    `last_receive` its queue's last hand-over (a failed try is given up)."""
    if time_left is not None and time_left() < batching.SEND_MARGIN_S:
        return {}, False
    if "effect" in body:  # an event's effect (shared/effects.py), queued by the stream beside its page jobs
        from ..shared.effects import run_job as run_effect
        outcome, finished = run_effect(deps, body, keep_alive, last_receive)
        return {outcome: 1}, finished
    event = fanout.event_of(body)
    audiences = {} if audiences is None else audiences
    if event.id not in audiences:
        audiences[event.id] = fanout.audience_of(deps, event)
    audience = audiences[event.id]
    if audience is None:
        return {}, True  # its report or broadcast is gone: nobody to tell
    alerts, following = fanout.read_page(deps, audience, body)
    if following:
        hand_on(deps, queue, event.id, body, following)
    alerts = [alert for alert in alerts if audience.hears(alert)]
    outcomes = deliver_to(deps, event, alerts, audience.message_for, deliver, sleep, time_left, audience.identity)
    audience.after_page(outcomes)
    return outcomes, UNSTARTED not in outcomes and DEFERRED not in outcomes


def hand_on(deps, queue, event_id, body, following):
    """Queue the rest of this job's range once: a claim per job, as per
    delivery. If this job crashes between claim and send, the claim is stale
    by the time the queue gives the job back (batching.VISIBILITY_S >
    STALE_CLAIM), and the rest is queued then."""
    claim = fanout.split_id(event_id, body)
    now = deps.clock()
    if deps.alerts.claim(claim, now, now - STALE_CLAIM, now + DELIVERY_KEEP):
        queue.send(following)
        deps.alerts.settle(claim, "sent", 1)


class InlineQueue(list):
    """A queue in this process's memory, for running a whole fan-out here."""

    def send(self, bodies):
        self.extend(bodies)
        return len(bodies)


def dispatch_event(deps, event, deliver=None, sleep=time.sleep):
    """The whole fan-out of one event in this process: every page job, one
    after another, as the queue's workers would run them between them (the
    CLI and tests); returns the summed outcome counts."""
    deliver = deliver or default_deliver()
    audience = fanout.audience_of(deps, event)
    queue = InlineQueue(fanout.jobs_for(event, audience))
    audiences, total = {event.id: audience}, Counter()
    while queue:
        outcomes, _ = run_job(deps, queue.pop(0), queue, deliver, sleep, None, audiences)
        total.update(outcomes)
    return dict(total)
