"""An event's audience in pages: the index keys it reads, the exact check
each row must pass, and the page jobs that carry them through the queue.

The stream handler (sources.py) turns each new event into one job per key,
for the key's whole range of alert ids, without reading the index; a worker
(worker.py) reads one page per job, hands the rest of the job's range on as
new jobs (split into up to batching.FANOUT ranges when it holds more than a
page: ranges.py), and delivers to the page's matches. So one key's pages
run side by side, a tree of jobs about log10(rows / 100) deep, rather than
one after another. No invocation reads or sends more than its jobs' pages
(batching.py), whatever the size of the audience.

A job carries the event itself (its id, kind, report and payload), so the
worker needs no read of the events table.
"""
from datetime import datetime

from ...storage.records import Event
from . import batching, ranges
from .audience import registered as audience_registered

VERSION = 2  # of a job's body; a worker refuses a version it does not know
READS = (1, 2)  # 1: before ranges (no "through"): the rest of the key after "after"


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


def job(event, key, after=None, through=None):
    # `at`: when it happened, so an alert made since hears nothing of it (delivery.deliver_to).
    return {"v": VERSION, "event": {"id": event.id, "kind": event.kind, "report_id": event.report_id,
                                    "payload": event.payload or {},
                                    "at": event.created_at.isoformat() if event.created_at else None},
            "key": key, "after": after, "through": through}


def event_of(body):
    if body.get("v") not in READS:
        raise ValueError(f"a page job of version {body.get('v')!r}")
    e = body["event"]
    at = datetime.fromisoformat(e["at"]) if e.get("at") else None  # jobs queued before `at` was carried: None
    return Event(id=e["id"], kind=e["kind"], report_id=e.get("report_id"), payload=e.get("payload") or {},
                 created_at=at)


def split_id(event_id, body):
    """The claim of handing a job's rest on: its pieces are put on the queue
    once, however often the job runs."""
    return f"{event_id}#split#{body['key']}#{body.get('after')}#{body.get('through')}"


def read_page(deps, audience, body):
    """(alerts with channels in id order, the jobs for the rest of the job's
    range: none when the page was its last)."""
    page = audience.read_page(body) if audience.read_page is not None else None
    if page is not None:  # its own rows (a petition's signers): one page after another
        people, following = page
        return people, [following] if following else []
    # None: the key is an index key (an agenda's audience reads both kinds)
    key, through = body["key"], body.get("through")
    rows, last = deps.alerts.page(key, body.get("after"), batching.PAGE_ROWS, through)
    found = sorted({row.alert_id for row in rows if audience.check(row)})
    alerts = [a for a in deps.alerts.get_many(found) if a.channels]
    return sorted(alerts, key=lambda a: a.id), rest_of(deps, body, [row.alert_id for row in rows], last)


def rest_of(deps, body, seen, last):
    if last is None:
        return []
    through = body.get("through")
    if batching.FANOUT < 2:  # one after another: no need to know where the key ends
        return [{**body, "v": VERSION, "after": last, "through": through}]
    top = through if through is not None else deps.alerts.last_id(body["key"])  # one row read
    pieces = ranges.pieces(body.get("after"), through, seen, top, batching.SPLIT_ROWS, batching.FANOUT)
    return [{**body, "v": VERSION, "after": after, "through": upto} for after, upto in pieces]
