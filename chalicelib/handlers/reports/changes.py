"""Changing a report's state or adding a public update: the report, its new
timeline entry and the event others hear about, in one transaction."""
from ... import states
from ...errors import Conflict, ValidationFailed
from ...storage.errors import AlreadyExists, EditConflict
from ...storage.records import TimelineEntry
from ..shared import events
from .tracking import find_report

EDIT_CONFLICT = "The report changed while you were editing it; reload and try again."


def change_state(deps, report_id, new_state, text=None, author="council", priority=None,
                 idempotency=None, media_url=None):
    """Move a report to a new state (or add a public update) with its timeline
    entry, in one transaction; a concurrent edit makes it fail whole (409).

    `idempotency` (an IdempotencyRecord whose key must be new) is written in
    the same transaction, so a retried partner update can never write twice;
    its resource_id is set to the new entry's update id."""
    if new_state not in states.LABELS:
        raise ValidationFailed([("status", f"Must be one of: {', '.join(states.LABELS)}.")])
    report = find_report(deps, report_id)
    now = deps.clock()
    previous = report.state
    report.state = new_state
    report.updated_at = now
    report.update_count = (report.update_count or 0) + 1
    if priority:
        report.priority = priority
    if text:
        report.status_notes = text  # kept on the report so listings need not read timelines
    entry = TimelineEntry(report_id=report.id, seq=report.update_count,
                          kind="state_changed" if previous != new_state else "public_update",
                          state=new_state, previous_state=previous, text=text, media_url=media_url or None,
                          author=author, created_at=now, service_code=report.service_code)
    event = events.report_event(deps, "report_state_changed" if previous != new_state else "report_updated",
                                report, now, previous_state=previous, text=text)
    if idempotency is not None:
        idempotency.resource_id = update_id(report.id, entry.seq)
    try:
        deps.reports.change(report, entry, event, idempotency)
    except EditConflict:
        raise Conflict(EDIT_CONFLICT, code="edit_conflict")
    except AlreadyExists:
        raise Conflict("This update is being recorded already.", code="request_in_progress")
    return report


def update_id(report_id, seq):
    """A timeline entry's public id, as Open311 names updates: "DS-7K3F9Q-3"."""
    return f"{report_id}-{int(seq)}"
