"""Event rows: a change others must hear about, written in the same
transaction as the change itself (DESIGN, data flow 2). Dispatch reads them
from the table's stream, in AWS and on one machine alike."""
from datetime import timedelta

from ...storage.records import Event

EVENT_TTL = timedelta(days=30)  # longer than a stream keeps records (24 h): a row outlives its delivery


def new_event(deps, kind, now, report_id=None, **payload):
    return Event(id=deps.new_opaque_id(), kind=kind, report_id=report_id, payload=payload,
                 created_at=now, expires=now + EVENT_TTL)


def report_event(deps, kind, report, now, **extra):
    """An event about a report, carrying the state and category it is about."""
    return new_event(deps, kind, now, report.id, state=report.state, service_code=report.service_code, **extra)
