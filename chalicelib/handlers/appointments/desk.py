"""The officer's desk: the day's list (one Query of the day index), marks
(arrived, seen, did not attend: the resident then offered to rebook), a
booking taken for a caller (assisted digital), time blocked, a booking moved
(the resident told, from the move's event)."""
from datetime import date, datetime

from ...errors import ApiError, ValidationFailed
from ...stamps import stamp
from ...storage.appointments.appointment_models import BOOKED, Appointment  # noqa: F401
from ...storage.errors import AlreadyExists, EditConflict
from ...validation import Problems, broken_rules
from ..shared.events import new_event
from . import slots as generating, wording
from .catalogue import service_or_404
from .holding import appointment_or_404, parse_start, take
from .views import view

MARKS = {"arrived": (BOOKED,), "seen": (BOOKED, "arrived"), "no_show": (BOOKED, "arrived")}
MISSED_EVENT = "appointment_missed"


def day_list(deps, query):
    """GET /v1/staff/appointments/day?date=&calendar_id=: the day's appointments in time order."""
    try:
        day = date.fromisoformat(query.get("date") or "")
    except ValueError:
        raise ValidationFailed([("date", wording.DATE_NOT_ISO)]) from None
    services, calendars = deps.appointments.setup()
    calendar_id = query.get("calendar_id")
    if calendar_id is not None and calendar_id not in calendars:  # the council's calendars: a rule (422)
        raise broken_rules([("calendar_id", wording.NOT_A_CALENDAR)])
    found, cursor = [], None
    while True:
        page, cursor = deps.appointments.day(day, calendar_id, cursor)
        found.extend(page)
        if cursor is None:
            break
    found.sort(key=lambda a: (a.start, a.calendar_id))
    return {"date": day.isoformat(), "calendar_id": calendar_id,
            "calendars": [{"id": c["id"], "name": c["name"]} for c in calendars.values()],
            "appointments": [view(deps, a, services.get(a.service_id)) for a in found]}


def mark(deps, appointment_id, body):
    """POST /v1/staff/appointments/{id}/mark {status}: arrived, seen or no_show."""
    status = body.get("status")
    if not isinstance(status, str) or status not in MARKS:
        raise ValidationFailed([("status", wording.one_of(tuple(MARKS)))])
    appointment = appointment_or_404(deps, appointment_id)
    services, _ = deps.appointments.setup()
    mode = (services.get(appointment.service_id) or {}).get("mode")
    if status == "arrived" and mode not in (None, "in_person"):  # a call or a video call: nobody walks in
        raise ApiError(wording.NOT_IN_PERSON, status=422, code="not_in_person",
                       fields=[{"field": "status", "message": wording.NOT_IN_PERSON}])
    now = deps.clock()
    on = appointment.start.astimezone(generating.LONDON).date()
    if on > now.astimezone(generating.LONDON).date():  # nobody arrives, is seen or misses a day to come
        raise ApiError(wording.not_yet(on), status=422, code="not_yet")
    event = new_event(deps, MISSED_EVENT, now, appointment_id=appointment.id) if status == "no_show" else None
    appointment.changed_at = now
    try:
        deps.appointments.set_status(appointment, status, MARKS[status], event)
    except EditConflict:
        raise ApiError(wording.CANNOT_MARK.format(status=status), status=409, code="cannot_mark") from None
    if event is not None:
        from ..shared.effects import first_try
        first_try(deps, [event])
    return view(deps, appointment)


def book_for_caller(deps, body, idempotency_key):
    """POST /v1/staff/appointments: booked at once for a caller (no hold), their messages sent."""
    from .booking import answers_of, contact_of
    from .limits import NAME_MAX
    problems = Problems(wording.contact_words(NAME_MAX))
    slot = {k: body.get(k) for k in ("service_id", "start", "calendar_id") if body.get(k) is not None}
    for key in body:
        if key not in ("service_id", "start", "calendar_id", "answers", "name", "email", "phone", "channel"):
            problems.add(key, wording.NOT_A_FIELD_HERE)
    service, _ = service_or_404(deps, body.get("service_id"))
    answers = answers_of(service, body.get("answers"), problems)
    contact = contact_of(body, problems, calls=wording.CALLER_NUMBER_NEEDED if service.get("mode") == "phone" else None)
    if not contact["name"]:
        problems.add("name", wording.CALLER_NAME_NEEDED)
    problems.raise_if_any()
    officer = deps.principal.user_id
    taken_by = {"user_id": officer, "channel": body.get("channel") if body.get("channel") in ("phone", "desk")
                else "phone"}
    appointment, created = take(deps, slot, idempotency_key, user_id=None, status=BOOKED, contact=contact,
                                taken_by=taken_by, answers=answers, key_body=body, scope=officer)
    return view(deps, appointment, service), created


def block(deps, body):
    """POST /v1/staff/appointments/blocks {calendar_id, from, to}: every
    slot of the calendar starting in [from, to) made busy-unavailable, seat by
    seat; seats already taken are left and named."""
    problems = Problems()
    first, last = parse_start(body.get("from"), problems, "from"), parse_start(body.get("to"), problems, "to")
    problems.raise_if_any()
    services, calendars = deps.appointments.setup()
    calendar_id = body.get("calendar_id") if isinstance(body.get("calendar_id"), str) else None
    calendar = calendars.get(calendar_id)
    service = next((s for s in services.values() if calendar_id in s["calendars"]), None)
    # The council's calendars, and from and to together: rules the document states in words (422).
    if calendar is None or service is None:
        raise broken_rules([("calendar_id", wording.NOT_A_CALENDAR)])
    if not first < last or (last - first).days > 31:
        raise broken_rules([("to", wording.TO_NOT_WITHIN_MONTH)])
    now, blocked, taken, starts = deps.clock(), 0, [], []
    day = first.astimezone(generating.LONDON).date()
    while datetime.combine(day, datetime.min.time(), generating.LONDON) < last:
        for start in generating.day_slots(service, calendar, day, deps.calendar):
            if first <= start < last:
                for seat in range(calendar["capacity"]):
                    try:
                        deps.appointments.block(calendar["id"], start, seat, f"blocked:{deps.principal.user_id}", now)
                        blocked += 1
                        starts += [] if stamp(start) in starts else [stamp(start)]
                    except AlreadyExists:
                        taken.append(f"{start.isoformat()}#{seat}")
        day = date.fromordinal(day.toordinal() + 1)
    # What was blocked, named: the officer reads the calendar and the times, not a count alone.
    return {"calendar_id": calendar["id"], "calendar_name": calendar.get("name") or calendar["id"],
            "blocked": blocked, "blocked_starts": starts, "already_taken": taken}


def move_for_resident(deps, appointment_id, body):
    """POST /v1/staff/appointments/{id}/move {start, calendar_id?}: the resident told of the new time."""
    from .changing import move
    appointment = appointment_or_404(deps, appointment_id)
    return move(deps, body, by_staff={"user_id": deps.principal.user_id, "channel": "staff"},
                appointment=appointment)
