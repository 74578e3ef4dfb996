"""Cancel and move, from the link in a message (links.py): each a single
purpose, each until the service's cancel notice before the time. The seat
left goes to the waiting list (waiting.py) from the change's own event."""
from datetime import timedelta

from ... import validation
from ...errors import ApiError
from ...storage.appointments.appointment_models import BOOKED, Appointment, carried_over
from ...storage.errors import AlreadyExists, EditConflict
from ...validation import Problems
from ..shared.events import new_event
from . import slots as generating, wording
from .holding import JustTaken, new_id, parse_start
from .links import TOKEN_MAX, read_token
from .views import public_view, view

CANCELLED_EVENT, MOVED_EVENT = "appointment_cancelled", "appointment_moved"


def _by_link(deps, token, purpose):
    """(appointment, service, calendars) a live link names, still booked and changeable."""
    from .catalogue import service_or_404
    now = deps.clock()
    appointment = deps.appointments.get(read_token(token, purpose, now))
    if appointment is None:
        raise ApiError(wording.LINK_NOT_VALID, status=404, code="link_not_valid")
    if appointment.status == "moved" and appointment.moved_to:
        now_at = _where_it_went(deps, appointment)
        raise ApiError(wording.moved(wording.when(now_at.start), now_at.id), status=409, code="moved")
    if appointment.status != BOOKED:
        raise ApiError(wording.NOT_BOOKED, status=409, code="not_booked")
    service, calendars = service_or_404(deps, appointment.service_id)
    if now > appointment.start - timedelta(minutes=service["cancel_notice_minutes"]):
        raise ApiError(wording.TOO_LATE, status=422, code="too_late")
    return appointment, service, calendars


def _where_it_went(deps, appointment, hops=10):
    """The appointment a moved one became, through any later moves (a few reads: one a move)."""
    while appointment.moved_to and hops:
        appointment, hops = deps.appointments.get(appointment.moved_to) or appointment, hops - 1
    return appointment


def manage(deps, query):
    """GET /v1/appointments/manage?cancel=T or ?move=T: what the link is for, before anything happens."""
    purpose = "cancel" if query.get("cancel") else "move"
    appointment, service, _ = _by_link(deps, query.get(purpose), purpose)
    return {"purpose": purpose, "appointment": public_view(deps, appointment, service)}


def freed(appointment):
    return {"service_id": appointment.service_id, "calendar_id": appointment.calendar_id,
            "start": appointment.start.isoformat()}


def cancel(deps, body):
    """POST /v1/appointments/cancel {token}."""
    link = validation.token_alone(body.get("token"), "token", TOKEN_MAX)
    appointment, service, _ = _by_link(deps, link, "cancel")
    now = deps.clock()
    event = new_event(deps, CANCELLED_EVENT, now, appointment_id=appointment.id, freed=freed(appointment))
    try:
        deps.appointments.cancel(appointment, "cancelled", event)
    except EditConflict:
        raise ApiError(wording.NOT_BOOKED, status=409, code="not_booked") from None
    from ..shared.effects import first_try
    first_try(deps, [event])
    return public_view(deps, appointment, service)


def move(deps, body, *, by_staff=None, appointment=None):
    """POST /v1/appointments/move {token, start, calendar_id?}: the new time
    booked and the old one freed at once; the resident told of the new time."""
    problems = Problems()
    start = parse_start(body.get("start"), problems)
    # A resident's link names the appointment; an officer's move is given it.
    link = validation.token(body.get("token"), "token", problems, TOKEN_MAX) if appointment is None else None
    problems.raise_if_any()
    if appointment is None:
        appointment, service, calendars = _by_link(deps, link, "move")
    else:
        from .catalogue import service_or_404
        service, calendars = service_or_404(deps, appointment.service_id)
    now = deps.clock()
    from .catalogue import chosen_calendar
    wanted = chosen_calendar(body, calendars)
    offering = [c for c, cal in calendars.items() if wanted in (None, c)
                and (by_staff or generating.is_offered(service, cal, start, now, deps.calendar))]
    if not offering or (by_staff and not any(start in generating.day_slots(service, calendars[c], start.astimezone(generating.LONDON).date(), deps.calendar)
                                             for c in offering)):  # staff: any real slot, notice or not
        raise ApiError(wording.NOT_OFFERED, code="slot_not_offered", status=422)
    old = deps.appointments.get(appointment.id)
    for calendar_id in offering:
        taken = deps.appointments.seats_at(calendar_id, start, now)
        for seat in (n for n in range(calendars[calendar_id]["capacity"]) if n not in taken):
            new = Appointment(id=new_id(deps), service_id=old.service_id, calendar_id=calendar_id, start=start,
                              seat=seat, status=BOOKED, user_id=old.user_id, name=old.name, email=old.email,
                              phone=old.phone, answers=old.answers, created_at=now, booked_at=now, changed_at=now,
                              taken_by=by_staff or old.taken_by, **carried_over(old))
            event = new_event(deps, MOVED_EVENT, now, appointment_id=new.id, freed=freed(old))
            old.moved_to = new.id
            try:
                deps.appointments.move(old, new, now, event)
            except AlreadyExists:
                continue
            except EditConflict:
                raise ApiError(wording.NOT_BOOKED, status=409, code="not_booked") from None
            from ..shared.effects import first_try
            first_try(deps, [event])
            return (view if by_staff else public_view)(deps, new, service)
    from .free import nearest
    raise JustTaken(nearest(deps, service, calendars, start, leave_out=start))
