"""A confirmed container's delivery: a job for the waste crew on the
property's round day (made with the confirming, in its transaction), the
resident told the day by the effect of the `container_confirmed` event, and
told again when the crew ends the job (the effect of crews' `job_ended`).

The job carries the address and what to bring, never the resident's name,
e-mail or phone. Its id is the request's, so it is made once."""
import logging

from ...stamps import london_today
from ...storage.records import Job
from ..crews.limits import CONTAINER_SERVICE
from ..payments.core import pounds
from . import wording

log = logging.getLogger(__name__)
SERVICE = "containers"  # the service a container asked for counts in (feedback/services.py)


def job_for(deps, request, address, settings, day):
    now = deps.clock()
    return Job(id=request.id, report_id=request.id, team=settings["crew_team"], service_code=CONTAINER_SERVICE,
               summary=f"{request.name} ({wording.REASON_NAMES.get(request.reason, request.reason)})",
               lon=None if address is None else float(address.lon), lat=None if address is None else float(address.lat),
               due=day.isoformat(), assigned_at=now, updated_at=now,
               details={"kind": "container", "booking_id": request.id,
                        "address": request.address + (f", {address.postcode}" if address is not None else ""),
                        "items": [request.name], "location": request.notes, "notes": ""})


def confirmed_event(deps, request_id, now):
    """One per request, whichever confirming writes it (its id is the request's)."""
    from ..shared.events import new_event
    return new_event(deps, "container_confirmed", now, event_id=f"container.{request_id}.confirmed",
                     request_id=request_id)


def on_confirmed(deps, event, key):
    """The effect of `container_confirmed`: the request counted as finished (once, whatever runs this
    again: feedback/counting.py), and the resident told the delivery day, once (the outbox keeps one)."""
    from ..feedback.counting import count_confirmed
    request = deps.containers.get((event.payload or {}).get("request_id"))
    if request is None or request.confirmed_at is None:
        return
    feedback = count_confirmed(deps, SERVICE, request)
    if not request.delivery_date:
        return
    from ..waste.wording import for_people
    day = for_people(request.delivery_date)
    body = wording.CONFIRMED_BODY.format(
        id=request.id, name=request.name, address=request.address, day=day, stream=request.stream,
        paid=wording.PAID.format(amount=pounds(request.amount)) if request.amount else wording.FREE,
        link=f"{deps.base_url}/containers/{request.id}", feedback=feedback)
    _send(deps, request, wording.CONFIRMED_SUBJECT.format(name=request.name, day=day), body, "confirmed")


def on_job_ended(deps, event, key):
    """The effect of a crew's `job_ended`: a container's job ended delivers
    (done) or not (unable, with the crew's reason); the open request ends,
    so another may be asked for, and the resident is told, once."""
    payload = event.payload or {}
    if payload.get("details_kind") != "container":
        return
    job = deps.jobs.get(payload.get("job_id"))
    request = deps.containers.get((job.details or {}).get("booking_id")) if job is not None else None
    if request is None or job.status not in ("done", "unable"):
        return
    status = "delivered" if job.status == "done" else "not_delivered"
    why = job.reason if status == "not_delivered" else None
    now = deps.clock()
    on = london_today(job.closed_at or now).isoformat() if status == "delivered" else None  # the crew's day
    if not deps.containers.ended(request, status, why, now, delivered_on=on) and request.status != status:
        return  # ended otherwise meanwhile
    if status == "delivered":
        _send(deps, request, wording.DELIVERED_SUBJECT.format(name=request.name),
              wording.DELIVERED_BODY.format(name=request.name, address=request.address, id=request.id), status)
    else:
        _send(deps, request, wording.NOT_DELIVERED_SUBJECT.format(name=request.name),
              wording.NOT_DELIVERED_BODY.format(name=request.name, address=request.address, id=request.id,
                                                reason=why or ""), status)


def _send(deps, request, subject, body, what):
    from ...notify.email import queue_email
    to = request.email
    if not to and request.user_id and deps.accounts:
        user = deps.accounts.user(request.user_id)
        to = user.email if user else None
    if to:
        queue_email(to, subject, body, deps.clock(), f"container:{request.id}:{what}")
