"""The send queue: one job per (report, body) try, {"report": id, "body": id}.

The send rows (storage/bodies/sends.py) are the durable record of what is owed; the
queue only carries "try this now". A job lost or delivered twice changes
nothing: the sweeper queues again every send whose try is due, and a try
claims its send before it talks to the body. So a body's hour-long outage
costs tries, never reports."""
import json
import logging

from ... import tenancy
from . import sender

log = logging.getLogger("doorstep.forwarding")
QUEUE = "sends"
VISIBILITY_S = 120  # longer than a try (two 10 s calls at most)
MAX_RECEIVES = 5  # a job failing this often is a bug: the dead-letter queue keeps it
RETENTION_S = 4 * 24 * 3600
DEAD_RETENTION_S = 14 * 24 * 3600
SWEEP_BATCH = 100


def send_queue():
    import os
    from ...storage.queues import QueueShape, WorkQueue
    return WorkQueue(QUEUE, QueueShape(VISIBILITY_S, MAX_RECEIVES, RETENTION_S, DEAD_RETENTION_S),
                     url=os.environ.get("DOORSTEP_SEND_QUEUE_URL") or None)


def jobs_of_events(events):
    """The first try of each new report's sends (the report_created event
    names the bodies it must go to), and the council's own public words on a
    report, to pass on to the Open311 bodies it went to."""
    jobs = []
    for e in events:
        payload = e.payload or {}
        jobs += [{"report": e.report_id, "body": body_id} for body_id in payload.get("send_to") or []]
        if e.kind in ("report_state_changed", "report_updated") and payload.get("author") == "council" \
                and payload.get("seq"):
            jobs.append({"report": e.report_id, "update": int(payload["seq"])})
    return jobs


def on_queue(sqs_event, deps_factory):
    """Lambda's SQS event -> {"batchItemFailures": [...]}: a try that raised
    comes back; one that failed to reach its body is done (its retry is the
    send row's next_try_at, queued by the sweeper)."""
    records = sqs_event.get("Records") or []
    if not records:
        return {"batchItemFailures": []}
    from ...councils.registry import ended
    deps_of, failures = tenancy.per_council(deps_factory), []
    for record in records:
        try:
            job = json.loads(record["body"])
            if ended(tenancy.of_job(job)):  # its council has left: nothing is sent or written for it
                continue
            with tenancy.acting_for(tenancy.of_job(job)):
                if "update" in job:
                    from .updates_out import forward_update
                    forward_update(deps_of(), str(job["report"]), int(job["update"]))
                else:
                    sender.attempt(deps_of(), str(job["report"]), str(job["body"]))
        except Exception:
            log.exception("send job %s failed", record.get("messageId"))
            failures.append({"itemIdentifier": record["messageId"]})
    return {"batchItemFailures": failures}


def sweep(deps, queue=None):
    """Queue every send whose try is due (retries, lost jobs, lapsed claims)
    and re-send, once and with a note, each report a body has not answered
    within its target. Reads the due index only. Returns counts."""
    now = deps.clock()
    from ...storage.bodies.sends import DUE_ANSWER, DUE_TRY
    due = deps.sends.due(DUE_TRY, now, SWEEP_BATCH)
    if due:
        (queue or send_queue()).send([{"report": r, "body": b} for r, b in due])
    from .chasing import chase
    chased = sum(1 for r, b in deps.sends.due(DUE_ANSWER, now, SWEEP_BATCH) if chase(deps, r, b))
    return {"queued": len(due), "chased": chased}
