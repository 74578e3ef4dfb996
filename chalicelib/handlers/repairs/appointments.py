"""A repair's appointment at the contractor's scheduler: the AM and PM slots
it offers for the repair's code and priority, one booked, moved or cancelled.
An emergency has no choice (the contractor attends within its hours).

Booked once, whatever the races: a change first claims the repair under the
`seq` it read (a second press, or a move racing a cancel, meets a conflict
and asks the scheduler nothing), then asks the scheduler, whose answer is
kept; a slot the scheduler calls full gives the claim back."""
from datetime import date, timedelta

from ... import validation
from ...errors import ApiError, Conflict
from ...storage.errors import EditConflict
from ...stamps import stamp
from ..crews.assigning import end
from . import wording
from .ordering import configured, order_of, place
from .reporting import mine_or_404, view
from .rules import of
from .scheduler import HALVES, LONDON, SchedulerError, Slot


def _open(deps, repair_id):
    repair = mine_or_404(deps, repair_id)
    if repair.status in ("cancelled", "done"):
        raise Conflict(wording.CLOSED, code="repair_closed")
    if repair.priority == "emergency":
        raise Conflict(wording.NO_CHOICE, code="no_choice")
    return repair


def _down():
    return ApiError(wording.SCHEDULER_DOWN, status=503, code="scheduler_unavailable", headers={"Retry-After": "60"})


def _ordered(deps, repair):
    if repair.order is not None:
        return repair
    try:
        return place(deps, repair)
    except SchedulerError:
        raise ApiError(wording.NOT_ORDERED, status=503, code="not_ordered", headers={"Retry-After": "60"}) from None
    except EditConflict:
        return deps.repairs.get(repair.id)  # the order's effect kept it at the same moment


def _offered_days(deps):
    """The first day times are offered for (tomorrow, on the council's clock) and how many days."""
    from ...config import scheduler as settings
    return deps.clock().astimezone(LONDON).date() + timedelta(days=1), settings()["search_days"]


def slots(deps, repair_id):
    """The times offered from tomorrow for the configured days, and what the search cost the scheduler."""
    repair = _ordered(deps, _open(deps, repair_id))
    scheduler = configured(deps)
    before = scheduler.calls
    try:
        found = scheduler.slots(order_of(repair, of(deps)), *_offered_days(deps))
    except SchedulerError:
        raise _down() from None
    return {"slots": [{"day": s.day.isoformat(), "half": s.half, "start": stamp(s.start), "end": stamp(s.end)}
                      for s in found], "scheduler_calls": scheduler.calls - before}


def chosen(body):
    problems = validation.Problems()
    if not isinstance(body, dict) or body.get("half") not in HALVES or not isinstance(body.get("day"), str):
        problems.add("slot", wording.SLOT)
        problems.raise_if_any()
    try:
        return Slot.of(date.fromisoformat(body["day"]), body["half"])
    except ValueError:
        problems.add("day", wording.SLOT)
        problems.raise_if_any()


def book(deps, repair_id, body, moving=False):
    slot = chosen(body)
    repair = _ordered(deps, _open(deps, repair_id))
    if (repair.appointment is not None) != moving:
        raise Conflict(wording.NOT_BOOKED if moving else wording.ALREADY_BOOKED,
                       code="not_booked" if moving else "already_booked")
    _still_offered(deps, repair, slot)
    before = repair.appointment
    repair = _claim(deps, repair, {"start": stamp(slot.start), "end": stamp(slot.end), "half": slot.half,
                                   "day": slot.day.isoformat(), "state": "asking"})
    scheduler = configured(deps)
    try:
        (scheduler.move if moving else scheduler.book)(repair.id, repair.order["booking_id"], slot)
    except SchedulerError as e:
        _claim(deps, repair, before)
        if e.kind == "refused":
            raise Conflict(wording.SLOT_GONE, code="slot_taken") from None
        raise _down() from None
    repair.status = "booked"
    return view(_claim(deps, repair, {**repair.appointment, "state": "booked"}), deps.clock(), of(deps))


def _still_offered(deps, repair, slot):
    """Only a time the search would offer now is booked (a scheduler records any window it is sent, a past one
    too): from tomorrow for the days searched, and listed by the scheduler for the repair. Offered but full: 409
    slot_taken, as when the scheduler refuses it; not offered at all: 409 slot_not_offered. One checkAvailability."""
    first, days = _offered_days(deps)
    if not first <= slot.day < first + timedelta(days=days):
        raise Conflict(wording.SLOT_NOT_OFFERED, code="slot_not_offered")
    try:
        listed = configured(deps).slots(order_of(repair, of(deps)), slot.day, 1, full_too=True)
    except SchedulerError:
        raise _down() from None
    found = next((s for s in listed if s == slot), None)
    if found is None:
        raise Conflict(wording.SLOT_NOT_OFFERED, code="slot_not_offered")
    if not found.free:
        raise Conflict(wording.SLOT_GONE, code="slot_taken")


def cancel(deps, repair_id):
    """The repair cancelled, with its team's open crew job ended in the same transaction (as the desk's close
    ends it), then its order at the scheduler; a scheduler that cannot answer puts both back as they were."""
    repair = _open(deps, repair_id)
    job = deps.jobs.get(repair.job_id) if repair.job_id else None
    job = job if job is not None and job.open else None
    was = (job.status, job.reason, job.closed_at) if job is not None else None
    if job is not None:
        end(job, "withdrawn", wording.CANCELLED_BY_TENANT, deps.clock())
    repair = _claim(deps, repair, repair.appointment, status="cancelled", jobs=[job] if job else ())
    if repair.order is not None:
        try:
            configured(deps).cancel(order_of(repair, of(deps)))
        except SchedulerError as e:
            if e.kind != "refused":  # refused: the scheduler holds no such order any more
                if job is not None:
                    job.status, job.reason, job.closed_at = was  # the crew's job open again, as it was
                _claim(deps, repair, repair.appointment, status="booked" if repair.appointment else "reported",
                       jobs=[job] if job else ())
                raise _down() from None
    return view(repair, deps.clock(), of(deps))


def _claim(deps, repair, appointment, status=None, jobs=()):
    repair.appointment, repair.updated_at = appointment, deps.clock()
    if status is not None:
        repair.status = status
        if status in ("cancelled", "done"):
            repair.board = repair.at_risk_at = None  # off the board
    elif appointment is None and repair.status == "booked":
        repair.status = "reported"
    try:
        return deps.repairs.changed(repair, repair.seq, jobs=jobs)
    except EditConflict:
        raise Conflict(wording.CHANGED, code="repair_changed") from None
