"""Operatives and a repair: the job a team gets when the desk assigns the
repair (the home's address and access notes on it, never the tenant's
contact, which the crew reads by its own route while its team holds the
repair), "On my way" (the tenant texted once, from its event), "No access"
(a card left, the job ended, the tenant offered a new time by text) and
"Done" (the crew's ordinary field update: its `job_ended` event closes the
repair, whose own event then asks how it went)."""
from ....errors import ApiError, Conflict
from ....stamps import stamp
from ....storage.errors import EditConflict
from ....storage.records import Job
from ...crews.assigning import end
from ...crews.limits import REPAIR_SERVICE
from ...crews.views import team_job
from ...shared.events import new_event
from .. import telling
from ..rules import of
from ..wording import CHANGED
from . import wording

KIND = "repair"  # the job's details.kind


def job_for(deps, repair, team, instructions, now):
    """The crew job of a repair assigned to `team`: due on its appointment's day, else its soonest clock's."""
    due = due_day(repair, of(deps))
    notes = "; ".join(f"{name}: {text}" for name, text in (repair.access or {}).items() if text)
    return Job(id=deps.new_opaque_id(), report_id=repair.id, team=team, service_code=REPAIR_SERVICE,
               summary=f"{repair.repair}: {repair.description}"[:300], priority=repair.priority, due=due,
               instructions=instructions or None, assigned_at=now, assigned_by=deps.principal.user_id,
               updated_at=now, details={"kind": KIND, "booking_id": repair.id, "address": repair.address,
                                        "items": [repair.description or repair.repair], "location": repair.location,
                                        "notes": notes})


def due_day(repair, rules):
    """The day a repair's crew job is due: its appointment's, else its soonest open clock's (None without)."""
    waiting = telling.open_deadlines(repair, rules)
    # The clock's last day, not the day of its `due` instant: a day's clock falls due at that day's midnight.
    return (repair.appointment or {}).get("day") or (
        min(waiting, key=lambda d: d.due).last_day.isoformat() if waiting else None)


def followed(deps, repair, now):
    """The repair's open job with its priority and due day as the repair now has them (a priority changed at
    the desk reaches the crew in the same transaction); None when it has no open job or nothing differs."""
    job = deps.jobs.get(repair.job_id) if repair.job_id else None
    due = due_day(repair, of(deps))
    if job is None or not job.open or (job.priority, job.due) == (repair.priority, due):
        return None
    job.priority, job.due, job.updated_at = repair.priority, due, now
    return job


def withdrawn(deps, repair, now):
    """The repair's open job ended as another team takes it; None when it has ended already."""
    job = deps.jobs.get(repair.job_id) if repair.job_id else None
    return end(job, "withdrawn", None, now) if job is not None and job.open else None


def _assigned(deps, job_id):
    """(job, repair) for the caller's team's open job of an open repair it still holds; 404 or 403 otherwise."""
    job = team_job(deps, job_id)  # another team's job is a 404, as an unknown one
    if (job.details or {}).get("kind") != KIND:
        raise ApiError(wording.NO_REPAIR_JOB, status=404, code="job_not_found")
    repair = deps.repairs.get(job.details["booking_id"])
    if not job.open or repair is None or repair.job_id != job.id or repair.status in ("done", "cancelled"):
        raise ApiError(wording.NOT_ASSIGNED, status=403, code="not_assigned")
    return job, repair


def tenant(deps, job_id):
    job, repair = _assigned(deps, job_id)
    return {"job": job.id, "repair": repair.id, "name": (repair.contact or {}).get("name"),
            "phone": (repair.contact or {}).get("phone"), "access": repair.access or {},
            "on_way_at": stamp(repair.on_way_at)}


def on_my_way(deps, job_id):
    job, repair = _assigned(deps, job_id)
    if repair.on_way_at is not None:
        raise Conflict(wording.ON_WAY_ALREADY, code="told_already")
    now = deps.clock()
    repair.on_way_at = repair.updated_at = now
    job.status, job.updated_at = "en_route", now
    return _keep(deps, repair, job, new_event(deps, "repair_on_way", now, repair_id=repair.id))


def no_access(deps, job_id):
    job, repair = _assigned(deps, job_id)
    now = deps.clock()
    end(job, "unable", wording.NO_ACCESS_CARD, now)
    repair.no_access_at = repair.updated_at = now
    repair.on_way_at, repair.job_id, repair.appointment = None, None, None
    repair.status = "reported"  # the tenant chooses a new time, as after reporting
    return _keep(deps, repair, job, new_event(deps, "repair_no_access", now, repair_id=repair.id))


def _keep(deps, repair, job, event):
    try:
        deps.repairs.changed(repair, repair.seq, event, jobs=[job])
    except EditConflict:
        raise Conflict(CHANGED, code="repair_changed") from None
    from ...shared.effects import first_try
    first_try(deps, [event])
    return {"job": job.id, "job_status": job.status, "repair": repair.id, "repair_status": repair.status,
            "on_way_at": stamp(repair.on_way_at), "no_access_at": stamp(repair.no_access_at)}


def on_job_ended(deps, event, key):
    """The effect of a crew's `job_ended`: a repair's job done closes the repair with the crew's note, once."""
    payload = event.payload or {}
    if payload.get("details_kind") != KIND or payload.get("status") != "done":
        return
    job = deps.jobs.get(payload.get("job_id"))
    repair = deps.repairs.get((job.details or {}).get("booking_id")) if job is not None else None
    if repair is None or repair.job_id != job.id or repair.status in ("done", "cancelled"):
        return  # closed at the desk meanwhile, or moved to another team
    note = next((u.get("note") for u in reversed(job.updates or []) if u.get("note")), None)
    from ..closing import done
    try:
        done(deps, repair.id, {"what": (note or wording.CREW_DONE)[:500]})
    except Conflict:
        pass  # closed at the same moment: once


def on_way_text(deps, event, key):
    _text(deps, event, wording.ON_MY_WAY_TEXT, lambda r: r.on_way_at is not None)


def no_access_text(deps, event, key):
    _text(deps, event, wording.NO_ACCESS_TEXT, lambda r: r.status == "reported")


def _text(deps, event, words, still, **more):
    from ....notify import SENT
    from ....notify.sms import send_sms
    from ....validation import e164
    repair = deps.repairs.get(event.payload["repair_id"])
    if repair is None or not still(repair) or not (repair.contact or {}).get("phone"):
        return
    body = words.format(reference=repair.id, **more)
    if send_sms(e164(repair.contact["phone"]), body, deps.settings, deps.clock(), deps.new_opaque_id) != SENT:
        raise telling.TextNotSent(f"repair {repair.id}: {event.kind}'s text was not sent")
