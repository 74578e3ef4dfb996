"""Event rows: a change others must hear about, written in the same
transaction as the change itself (DESIGN, data flow 2). Dispatch reads them
from the table's stream, in AWS and on one machine alike."""
from datetime import timedelta

from ...storage.records import Event

EVENT_TTL = timedelta(days=30)  # longer than a stream keeps records (24 h): a row outlives its delivery


def new_event(deps, kind, now, report_id=None, event_id=None, **payload):
    """event_id: one the change names itself (a payment's finish: one event
    however many checks find it), else a fresh one."""
    return Event(id=event_id or deps.new_opaque_id(), kind=kind, report_id=report_id, payload=payload,
                 created_at=now, expires=now + EVENT_TTL)


def report_event(deps, kind, report, now, **extra):
    """An event about a report, carrying the state and category it is about
    and what the performance figures count it by (handlers/stats), so each
    event counts alone, in whatever order the stream delivers it."""
    return new_event(deps, kind, now, report.id, state=report.state, service_code=report.service_code,
                     **report_facts(report), **extra)


def report_facts(report):
    """When it was reported, how (staff's channel when they took it for a
    caller, else how it was sent) and where: never who."""
    return {"reported_at": report.created_at.isoformat() if report.created_at else None,
            "channel": getattr(report, "channel", None) or report.source,
            "lon": report.lon, "lat": report.lat}


def by_council(records):
    """[(council id, its records)] of a stream batch, councils in the order they first
    appear: an event's council is its key's (storage/council_key.py)."""
    from ... import tenancy
    groups = {}
    for record in records:
        keys = getattr(record, "keys", None) if not isinstance(record, dict) \
            else record.get("dynamodb", {}).get("Keys")
        stored = ((keys or {}).get("id") or {}).get("S") or ""
        groups.setdefault(tenancy.council_of(stored) or tenancy.default(), []).append(record)
    return list(groups.items())


def inserted(records):
    """The events a stream batch inserted (a Chalice DynamoDBEvent or plain
    stream record dicts): TTL deletions and edits of old events are not news,
    and nor is an old event a migration moved into its council (its effects,
    alerts and sends were done when it was first written: storage/migration.py)."""
    from ...storage.alerts.alerts import event_from_image
    from ...storage.migration import MOVED
    for record in records:
        name = getattr(record, "event_name", None) or record.get("eventName")
        image = getattr(record, "new_image", None) if not isinstance(record, dict) \
            else record.get("dynamodb", {}).get("NewImage")
        if name == "INSERT" and image and MOVED not in image:
            yield event_from_image(image)
