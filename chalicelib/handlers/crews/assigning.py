"""Jobs made from staff assignments: an open report assigned to a team has
exactly one open job for that team; moving, unassigning or closing the report
ends that job ("withdrawn", with why), and the report's assignment names the
job it made (`job`), so its history lists every job it had.

Called inside a staff change (staff/inspect.py): the jobs it returns are
written in the change's own transaction, so a report and its job never
disagree about who is doing the work.
"""
from ... import states
from ...storage.records import Job
from ..alerts.job_notices import ASSIGNED, MADE_URGENT, WITHDRAWN as MOVED_AWAY, job_event
from .wording import JOB_MOVED_TO_TEAM, JOB_REPORT_ENDED, JOB_UNASSIGNED

WITHDRAWN = "withdrawn"
UNABLE_FLAG = "crew_unable"  # a crew sent the report back: staff must look again
URGENT = "urgent"  # a job raised to it is news to its team (alerts/job_notices.py)


def sync(deps, report, previous, now):
    """([Job], [Event]) to write for a staff change of `report`; `previous`
    is its assignment as it was read. The events tell a team that a job came,
    went, or was made urgent (alerts/job_notices.py)."""
    changed, told = [], []
    current = report.assignment
    wanted = bool(current) and states.is_open(report.state)
    held = deps.jobs.get(current["job"]) if current and current.get("job") else None
    before = (previous or {}).get("job")
    if before and (held is None or held.id != before):  # moved to another team, or unassigned
        old = deps.jobs.get(before)
        if old is not None and old.open:
            why = JOB_MOVED_TO_TEAM.format(team=current["team"]) if current else JOB_UNASSIGNED
            changed.append(end(old, WITHDRAWN, why, now))
            if current:
                told.append(job_event(deps, MOVED_AWAY, old, report, now))
    if held is not None and held.open:
        was = held.priority
        if not wanted:
            changed.append(end(held, WITHDRAWN, JOB_REPORT_ENDED.format(state=report.state), now))
        elif refresh(held, report, now):
            changed.append(held)
            if held.priority == URGENT and was != URGENT:
                told.append(job_event(deps, MADE_URGENT, held, report, now))
    elif wanted:
        job = Job(id=deps.new_opaque_id(), report_id=report.id, team=current["team"],
                  service_code=report.service_code, assigned_at=now, assigned_by=current.get("assigned_by"),
                  updated_at=now)
        refresh(job, report, now)
        current["job"] = job.id
        report.flags = [f for f in report.flags or [] if f != UNABLE_FLAG]
        changed.append(job)
        told.append(job_event(deps, ASSIGNED, job, report, now))
    return changed, told


def refresh(job, report, now):
    """Copy onto the job what the crew's list shows of the report; True if anything differs."""
    values = {"service_code": report.service_code, "summary": report.summary, "priority": report.priority,
              "due": report.due, "instructions": (report.assignment or {}).get("instructions"),
              "lon": None if report.lon is None else float(report.lon),
              "lat": None if report.lat is None else float(report.lat)}
    differs = {k: v for k, v in values.items() if _plain(getattr(job, k)) != v}
    for name, value in differs.items():
        setattr(job, name, value)
    if differs:
        job.updated_at = now
    return bool(differs)


def end(job, status, reason, now):
    job.status, job.reason, job.closed_at, job.updated_at = status, reason, now, now
    return job


def _plain(value):
    return float(value) if value is not None and not isinstance(value, (str, float)) else value
