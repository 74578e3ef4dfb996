"""A confirmed bulky collection becomes a job for the collecting crew on its
day (the team in the bulky settings, `crew_team`), in the crews' own list,
and the crew's ending (done, or unable with a reason) is what the resident's
booking shows.

The job carries what the crew needs and nothing of the resident's but the
address: the items, where they are left, the resident's notes for the crew.
Its id is the booking's, so making it twice is refused by the job's own
version condition as well as by the booking's `due` condition.
"""
import logging

from ...stamps import stamp
from ...storage.records import JOB_OPEN, Job
from ..crews.limits import BULKY_SERVICE
from .catalogue import current

log = logging.getLogger(__name__)
SUMMARY_ITEMS = 6  # item names a list line spells out; more are counted


def job_for(booking, address, team, now):
    names = [item["name"] for item in booking.items]
    listed = ", ".join(names[:SUMMARY_ITEMS]) + (f" and {len(names) - SUMMARY_ITEMS} more"
                                                  if len(names) > SUMMARY_ITEMS else "")
    summary = f"{len(names)} item{'s' if len(names) != 1 else ''}: {listed}." + (
        f" Left: {booking.location}" if booking.location else "")
    # A free rebooking of a collection not made is a second job: its own id, the first one kept as it ended.
    job_id = booking.id + ("-2" if (booking.missed or {}).get("rebooked_at") else "")
    return Job(id=job_id, report_id=booking.id, team=team, service_code=BULKY_SERVICE, summary=summary,
               lon=None if address is None else float(address.lon), lat=None if address is None else float(address.lat),
               due=booking.date, assigned_at=now, updated_at=now,
               details={"kind": "bulky", "booking_id": booking.id,
                        "address": booking.address + (f", {address.postcode}" if address is not None else ""),
                        "items": names, "location": booking.location, "notes": booking.notes})


def make_crew_jobs(deps):
    """Collections whose day has come: each made its crew's job, once.
    Returns how many were made."""
    made, team = 0, None
    for booking in deps.bulky.due("crew", deps.clock()):
        if team is None:
            team = current(deps)[0]["crew_team"]
        job = job_for(booking, deps.addresses.get(booking.uprn), team, deps.clock())
        if deps.bulky.to_crew(booking, job):
            made += 1
        else:
            log.info("booking %s: its crew job was made by another run, or it was cancelled", booking.id)
    return made


def collection(deps, booking):
    """What became of the collection, for the resident: None before its day;
    then scheduled, collected, or not_collected with the crew's reason."""
    if not booking.job_id:
        return None
    job = deps.jobs.get(booking.job_id)
    if job is None:
        return None
    status = "scheduled" if job.status in JOB_OPEN else {"done": "collected", "unable": "not_collected"}.get(
        job.status, job.status)
    return {"status": status, "reason": job.reason if job.status == "unable" else None,
            "at": stamp(job.closed_at) if job.closed_at else None}
