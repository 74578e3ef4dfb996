"""What a crew's field update does to the job and to its report.

Only the two endings reach the report: `done` makes it fixed (public, told to
the reporter and followers), `unable` hands it back to staff (internal).
Both are written as a staff change is, with an audit entry naming the crew
member, so the report's audit tells the whole story.
"""
from ... import states
from ...stamps import stamp
from ..reports.transition import transition
from ..reports import wording as templates
from .assigning import UNABLE_FLAG, end
from .wording import DONE_TEXT

FIXED = "fixed"
AUTHOR = "council"  # the public sees the council's crew as the council


def apply(deps, job, form, photos, now):
    """Set the job's status from the update; [ReportWrite] (carrying the job)
    when the report changes too, else []."""
    status = form["status"]
    if status in (None, job.status) or status not in ("done", "unable"):
        job.status = status or job.status
        return []
    end(job, status, form["reason"] if status == "unable" else None, now)
    report = None if job.details else deps.reports.get(job.report_id)
    if report is None:  # not a report's job (a bulky collection: its booking reads the job)
        return []
    if status == "done":
        return _fixed(deps, job, report, photos, now)
    return _handed_back(deps, job, report, form["reason"], now)


def _fixed(deps, job, report, photos, now):
    if not states.is_open(report.state):
        return []  # staff closed it meanwhile: the job ends, the report stays as they left it
    template = templates.automatic(deps, FIXED, report.service_code)
    text = (templates.render(template, report, deps.services.get(report.service_code)) if template else None) \
        or DONE_TEXT
    return [transition(deps, report, now, action="crew_done", state=FIXED, text=text, author=AUTHOR, photos=photos,
                       changes={"job": {"before": None, "after": f"{job.id} done"}}, jobs=[job])]


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
    return [transition(deps, report, now, action="crew_unable", changes=changes, jobs=[job])]
