"""An event's audience in pages: the index keys it reads, the exact check
each row must pass, and the page jobs that carry them through the queue.

The stream handler (sources.py) turns each new event into one job per key,
for the key's first page, without reading the index; a worker (worker.py)
reads one page per job, hands the key's next page on as a new job, and
delivers to the page's matches. No invocation reads or sends more than its
jobs' pages (batching.py), whatever the size of the audience.

A job carries the event itself (its id, kind, report and payload), so the
worker needs no read of the events table.
"""
from datetime import datetime

from ...storage.records import Event
from . import batching
from .audience import registered as audience_registered

VERSION = 1  # of a job's body; a worker refuses a version it does not know


def audience_of(deps, event):
    """The event's Audience, or None when there is nobody to tell (its
    report or broadcast is gone)."""
    builder = audience_registered(event.kind)
    if builder is not None:
        return builder(deps, event)
    if event.kind == "broadcast":
        from .broadcast_dispatch import broadcast_audience
        return broadcast_audience(deps, event)
    if event.kind.startswith("job_"):
        from .job_notices import job_audience
        return job_audience(deps, event)
    from .dispatch import report_audience
    return report_audience(deps, event)


def first_jobs(deps, event):
    """One job per index key the event reads: each key's first page."""
    return jobs_for(event, audience_of(deps, event))


def jobs_for(event, audience):
    return [] if audience is None else [job(event, key) for key in audience.keys()]


def job(event, key, after=None):
    # `at`: when it happened, so an alert made since hears nothing of it (delivery.deliver_to).
    return {"v": VERSION, "event": {"id": event.id, "kind": event.kind, "report_id": event.report_id,
                                    "payload": event.payload or {},
                                    "at": event.created_at.isoformat() if event.created_at else None},
            "key": key, "after": after}


def event_of(body):
    if body.get("v") != VERSION:
        raise ValueError(f"a page job of version {body.get('v')!r}")
    e = body["event"]
    at = datetime.fromisoformat(e["at"]) if e.get("at") else None  # jobs queued before `at` was carried: None
    return Event(id=e["id"], kind=e["kind"], report_id=e.get("report_id"), payload=e.get("payload") or {},
                 created_at=at)


def page_id(event_id, key, after):
    """The claim of handing a page on: each page is put on the queue once,
    however often the job before it runs."""
    return f"{event_id}#page#{key}#{after}"


def read_page(deps, audience, body):
    """(alerts with channels in id order, the job for the key's next page or None)."""
    if audience.read_page is not None:
        return audience.read_page(body)
    rows, after = deps.alerts.page(body["key"], body.get("after"), batching.PAGE_ROWS)
    found = sorted({row.alert_id for row in rows if audience.check(row)})
    alerts = [a for a in deps.alerts.get_many(found) if a.channels]
    return sorted(alerts, key=lambda a: a.id), {**body, "after": after} if after is not None else None
