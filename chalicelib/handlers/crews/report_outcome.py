"""What a crew's field update does to the job and to its report.

Only the two endings reach the report: `done` makes it fixed (public, told to
the reporter and followers), `unable` hands it back to staff (internal).
Both are written as a staff change is, with an audit entry naming the crew
member, so the report's audit tells the whole story.
"""
from ... import states
from ...stamps import stamp
from ...storage.records import AuditEntry, ReportWrite, TimelineEntry
from ..shared import events
from ..staff import templates
from .assigning import UNABLE_FLAG, end

FIXED = "fixed"
AUTHOR = "council"  # the public sees the council's crew as the council
DONE_TEXT = "Fixed by the council's street crew."


def apply(deps, job, form, photos, now):
    """Set the job's status from the update; [ReportWrite] (carrying the job)
    when the report changes too, else []."""
    status = form["status"]
    if status in (None, job.status) or status not in ("done", "unable"):
        job.status = status or job.status
        return []
    end(job, status, form["reason"] if status == "unable" else None, now)
    report = deps.reports.get(job.report_id)
    if report is None:
        return []
    if status == "done":
        return _fixed(deps, job, report, photos, now)
    return _handed_back(deps, job, report, form["reason"], now)


def _fixed(deps, job, report, photos, now):
    if not states.is_open(report.state):
        return []  # staff closed it meanwhile: the job ends, the report stays as they left it
    previous = report.state
    report.state = FIXED
    template = templates.automatic(deps, FIXED, report.service_code)
    text = (templates.render(template, report, deps.services.get(report.service_code)) if template else None) \
        or DONE_TEXT
    report.update_count = int(report.update_count or 0) + 1
    report.updated_at, report.status_notes = now, text
    entry = TimelineEntry(report_id=report.id, seq=report.update_count, kind="state_changed", state=FIXED,
                          previous_state=previous, text=text, author=AUTHOR, created_at=now,
                          service_code=report.service_code, photos=list(photos) or None)
    event = events.report_event(deps, "report_state_changed", report, now, previous_state=previous, text=text)
    audit = _audit(deps, report, "crew_done", now, {"status": {"before": previous, "after": FIXED},
                                                     "job": {"before": None, "after": f"{job.id} done"}})
    return [ReportWrite(report, audit, entry, event, jobs=[job])]


def _handed_back(deps, job, report, reason, now):
    current = report.assignment or {}
    changes = {"internal_note": {"before": None, "after": f"Crew {job.team} unable: {reason}"}}
    if current.get("job") == job.id:  # still this job's assignment: it ends, back to the inbox
        report.assignment_history = [*(report.assignment_history or []),
                                     {**current, "ended_at": stamp(now), "outcome": "unable", "reason": reason}]
        report.assignment = None
        changes["team"] = {"before": job.team, "after": None}
    if UNABLE_FLAG not in (report.flags or []):
        report.flags = [*(report.flags or []), UNABLE_FLAG]
        changes["flags"] = {"before": None, "after": UNABLE_FLAG}
    return [ReportWrite(report, _audit(deps, report, "crew_unable", now, changes), jobs=[job])]


def _audit(deps, report, action, now, changes):
    p = deps.principal
    return AuditEntry(report_id=report.id, seq=int(report.version or 0) + 1, action=action, by_user_id=p.user_id,
                      by_email=p.email, created_at=now, changes=changes)
