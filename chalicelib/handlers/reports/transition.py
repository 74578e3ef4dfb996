"""The one way a report changes: staff inspecting it, a crew finishing its job,
a reporter saying it is not fixed, a partner's back office over Open311 (and
the bodies, bookings and conversations to come) all describe their change
here, and get back one ReportWrite that the store commits in one transaction:
the report, its audit entry always, and when the public can see the change (a
new state, public words, a photo), its timeline entry and the event that
followers, area alerts, the figures and questionnaires hear of.

Callers decide what changes and who may change it; this decides how a change
is recorded, so a timeline entry is written in one place, and a report's
visibility (private reports' entries are kept out of public listings by the
store) travels with it.
"""
from ...auth.grants import acting_as
from ...storage.records import AuditEntry, ReportWrite, TimelineEntry
from ..shared import events


def transition(deps, report, now, *, action, by=None, changes=None, state=None, text=None, author="council",
               photos=None, media_url=None, announce=False, previous_state=None, **write):
    """Apply `state` and public `text` to `report` (in memory) and describe the
    whole change as a ReportWrite.

    action: the audit's word for it ("inspect", "crew_done", ...); by: who, as
    (user id, e-mail), default the caller (deps.principal); changes: the audit's
    before/after of what else the caller changed (internal fields), to which the
    state and the public words are added; author: who the public sees ("council",
    "reporter"); announce: record a timeline entry even when neither the state nor
    the words changed (a partner's update always has an id); previous_state:
    the state before, when the caller has moved `report.state` already (staff
    whose other changes hang on the new state). Other keyword arguments go to
    the ReportWrite (jobs, notices, inbox)."""
    previous = previous_state or report.state
    report.state = state or previous
    changes = dict(changes or {})
    if report.state != previous:
        changes.setdefault("status", {"before": previous, "after": report.state})
    if text:
        changes.setdefault("public_update", {"before": None, "after": text})
    entry = event = None
    if report.state != previous or text or photos or media_url or announce:
        entry, event = _public(deps, report, now, previous, text, author, photos, media_url)
    return ReportWrite(report, audit_entry(deps, report, action, now, changes, by), entry, event, **write)


def _public(deps, report, now, previous, text, author, photos, media_url):
    moved = report.state != previous
    report.update_count = int(report.update_count or 0) + 1
    report.updated_at = now
    if text:
        report.status_notes = text  # kept on the report so listings need not read timelines
    entry = TimelineEntry(report_id=report.id, seq=report.update_count,
                          kind="state_changed" if moved else "public_update", state=report.state,
                          previous_state=previous, text=text, author=author, created_at=now,
                          service_code=report.service_code, photos=list(photos) if photos else None,
                          media_url=media_url or None, **acting_as(deps.principal))
    # Who wrote it and which entry it is: the bodies a report went to are told
    # of the council's own words (handlers/forwarding/updates_out.py), not of theirs.
    event = events.report_event(deps, "report_state_changed" if moved else "report_updated", report, now,
                                previous_state=previous, text=text, author=author, seq=entry.seq)
    return entry, event


def audit_entry(deps, report, action, now, changes, by=None):
    """The audit line of a change to `report`, numbered after its version (one
    per committed change: a concurrent change's line makes the transaction fail)."""
    user_id, email = by or ((deps.principal.user_id, deps.principal.email) if deps.principal else (None, None))
    return AuditEntry(report_id=report.id, seq=int(report.version or 0) + 1, action=action, by_user_id=user_id,
                      by_email=email, created_at=now, changes=changes, **acting_as(deps.principal))
