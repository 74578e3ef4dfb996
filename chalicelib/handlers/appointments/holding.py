"""A time held (FHIR busy-tentative) while the resident answers the
questions: a seat taken by a conditional put, so of any number racing for a
slot's last seat one holds it and the others hear "just taken" with the
nearest other free times. A resident holds one time at a time: taking
another lets the first go."""
import re
from datetime import datetime, timezone

from ...auth.rules import APPOINTMENT
from ...errors import ApiError, Conflict, NotFound
from ...storage.appointments.appointment_models import HELD, Appointment
from ...storage.errors import AlreadyExists, EditConflict
from ...validation import Problems
from ..shared import idempotency
from ..shared.events import new_event
from . import slots as generating, wording
from .catalogue import chosen_calendar, service_or_404
from .limits import APPOINTMENT_ID_PATTERN, HOLD_FOR, IDEMPOTENCY_HOURS


class JustTaken(Conflict):
    code = "just_taken"

    def __init__(self, nearest):
        super().__init__(wording.JUST_TAKEN)
        self.nearest = nearest

    def body(self):
        return {**super().body(), "nearest": self.nearest}


def parse_start(value, problems, field="start"):
    """An instant with its zone ("2026-12-29T09:00:00Z"), or None (a problem added)."""
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00")) if isinstance(value, str) else None
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        problems.add(field, wording.NOT_A_MOMENT)
        return None
    return moment.astimezone(timezone.utc)


def take(deps, body, idempotency_key, *, user_id, status=HELD, contact=None, taken_by=None, answers=None,
         key_body=None, scope=None):
    """Hold (or, for staff, book outright) a seat of the slot `body` names:
    (appointment, created). `contact`: name, email, phone known already."""
    problems = Problems()
    for key in body:
        if key not in ("service_id", "start", "calendar_id"):
            problems.add(key, wording.NOT_A_FIELD_HERE)
    start = parse_start(body.get("start"), problems)
    problems.raise_if_any()
    service, calendars = service_or_404(deps, body.get("service_id"))
    wanted = chosen_calendar(body, calendars)
    now = deps.clock()
    offering = [c for c, cal in calendars.items()
                if (wanted in (None, c)) and generating.is_offered(service, cal, start, now, deps.calendar)]
    if not offering:
        raise ApiError(wording.NOT_OFFERED, code="slot_not_offered", status=422,
                       fields=[{"field": "start", "message": wording.NOT_OFFERED}])
    claim = idempotency.Claim(deps, idempotency_key, f"{scope or user_id}#appointments", key_body or body, _answer(deps),
                              "another hold")
    earlier = claim.earlier()
    if earlier:
        return earlier, False
    if status == HELD:
        from ...auth import rate_limits
        rate_limits.creation(deps, "hold")  # before letting the last go: a refused hold keeps it
        twin = _let_go_of_earlier(deps, user_id, now, claim)
        if twin:
            return twin, False
    for calendar_id in offering:
        taken = deps.appointments.seats_at(calendar_id, start, now)
        for seat in (n for n in range(calendars[calendar_id]["capacity"]) if n not in taken):
            appointment = Appointment(
                id=new_id(deps), service_id=service["id"], calendar_id=calendar_id, start=start, seat=seat,
                status=status, user_id=user_id, hold_until=now + HOLD_FOR if status == HELD else None,
                created_at=now, taken_by=taken_by, answers=answers or {}, **(contact or {}))
            event = None
            if status != HELD:
                event = confirm(deps, appointment, now)
            try:
                deps.appointments.hold(appointment, now, claim.record(appointment.id, now, IDEMPOTENCY_HOURS),
                                       event=event)
                if event is not None:
                    from ..shared.effects import first_try
                    first_try(deps, [event])
                return appointment, True
            except AlreadyExists as e:
                if e.part == "idempotency":
                    return claim.twin(), False
                if e.part == "holder":  # the hold may be the twin's: its holder row fails before its key
                    return claim.refused(Conflict(wording.HOLD_ELSEWHERE, code="holding_another")), False
    from .free import nearest
    # every seat taken, the last perhaps by the twin (the same key, sent at once): then it is this hold
    return claim.refused(JustTaken(nearest(deps, service, calendars, start, leave_out=start))), False


def confirm(deps, appointment, now, **values):
    """The appointment made booked (in memory) and the event its messages follow from."""
    for key, value in values.items():
        setattr(appointment, key, value)
    appointment.status, appointment.booked_at, appointment.changed_at = "booked", now, now
    return new_event(deps, "appointment_booked", now, appointment_id=appointment.id)


def _let_go_of_earlier(deps, user_id, now, claim):
    """The resident's live hold on another time, released (one at a time);
    the twin's answer instead when that hold is the twin's, made since the
    key was looked up (its holder row and its key are one transaction)."""
    held = deps.appointments.holder(user_id)
    if held is None or held[1] is None or held[1] < now:
        return None
    twin = claim.earlier()
    if twin:
        return twin
    earlier = deps.appointments.get(held[0])
    if earlier is not None and earlier.status == HELD:
        try:
            deps.appointments.release(earlier)
        except EditConflict:
            pass  # booked or let go meanwhile: the holder row is its own business


def new_id(deps):
    return "AP-" + deps.new_report_id()[-6:] + deps.new_report_id()[-2:]


def _answer(deps):
    def answer(record):
        return deps.appointments.get(record.resource_id)
    return answer


def appointment_or_404(deps, appointment_id, owner_only=True):
    """The appointment, if the caller may open it (its resident, or the appointments desk, with a reason)."""
    from ..shared.reading import opened
    found = deps.appointments.get(appointment_id) if re.fullmatch(APPOINTMENT_ID_PATTERN, appointment_id or "") \
        else None
    if found is None or not opened(deps, APPOINTMENT, found.user_id, found.id, wording.READ_APPOINTMENT):
        raise NotFound(wording.NO_APPOINTMENT, code="appointment_not_found")
    return found


def release(deps, appointment_id):
    """POST /v1/appointments/{id}/release: a hold let go at once."""
    appointment = appointment_or_404(deps, appointment_id)
    if appointment.status == HELD:
        try:
            deps.appointments.release(appointment)
        except EditConflict:
            appointment = deps.appointments.get(appointment_id)
    return appointment
