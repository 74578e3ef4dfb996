"""The waiting list: a resident asks to be told of a time earlier than a
given one, for a service (and a place, when they name its calendar). A time
freed by a cancel or a move (that change's event) is offered to the first on
the list it suits, held for them for OFFER_MINUTES; an offer not taken by
then is passed to the next by the quarter-hourly sweep (reminders.py's
schedule). An offer is a hold without the one-hold-per-resident row: it is
the council's, not the resident's, choice."""
from datetime import datetime, timedelta

from ...errors import Conflict
from ...storage.appointments.appointment_models import BOOKED, HELD, Appointment
from ...storage.errors import AlreadyExists, EditConflict
from ...validation import Problems
from . import slots as generating, wording
from .catalogue import chosen_calendar, service_or_404
from .holding import new_id, parse_start

OFFER_MINUTES = 30


def join(deps, body):
    """POST /v1/appointments/waiting-list {service_id, before, calendar_id?, phone?}."""
    from .booking import contact_of
    problems = Problems()
    for key in body:
        if key not in ("service_id", "before", "calendar_id", "phone"):
            problems.add(key, wording.NOT_A_FIELD_HERE)
    before = parse_start(body.get("before"), problems, "before")
    contact = contact_of(body, problems, deps.principal.email)
    problems.raise_if_any()
    service, calendars = service_or_404(deps, body.get("service_id"))
    now = deps.clock()
    if before <= now:
        raise Conflict(wording.NOT_EARLIER, code="not_earlier", status=422)
    calendar_id = chosen_calendar(body, calendars)
    try:
        deps.waiting.join(service["id"], deps.principal.user_id, now, {
            "before": before.isoformat(), "calendar_id": calendar_id, "email": contact["email"],
            "phone": contact["phone"]})
    except AlreadyExists:
        raise Conflict(wording.ALREADY_WAITING, code="already_waiting") from None
    return {"service_id": service["id"], "before": body["before"], "calendar_id": calendar_id, "state": "waiting"}


def on_freed(deps, event, key):
    """An effect of a cancel or a move: the time left offered to the first waiting for it."""
    offer_next(deps, event.payload["freed"], key)


def offer_next(deps, freed, key):
    """The freed time held for the first on the list it suits; returns their appointment id or None."""
    service, calendars = service_or_404(deps, freed["service_id"])
    start, calendar_id, now = datetime.fromisoformat(freed["start"]), freed["calendar_id"], deps.clock()
    if calendar_id not in calendars or not generating.is_offered(service, calendars[calendar_id], start, now, deps.calendar):
        return None
    for sk, row, state, _ in deps.waiting.waiting(service["id"]):
        if state != "waiting" or datetime.fromisoformat(row["before"]) <= start \
                or row.get("calendar_id") not in (None, calendar_id):
            continue
        until = now + timedelta(minutes=OFFER_MINUTES)
        held = Appointment(id=new_id(deps), service_id=service["id"], calendar_id=calendar_id, start=start,
                           seat=_free_seat(deps, calendars[calendar_id], calendar_id, start, now), status=HELD,
                           user_id=row["user_id"], email=row.get("email"), phone=row.get("phone"),
                           hold_until=until, created_at=now, offered=True)
        if held.seat is None:
            return None
        try:
            deps.appointments.hold(held, now, holder=False)
            deps.waiting.offer(service["id"], sk, held.id, until)
        except (AlreadyExists, EditConflict):
            return None  # taken meanwhile (a resident, or another run of this effect)
        _tell(deps, held, service, row, f"{key}.{held.id}")
        return held.id
    return None


def _free_seat(deps, calendar, calendar_id, start, now):
    taken = deps.appointments.seats_at(calendar_id, start, now)
    return next((n for n in range(calendar["capacity"]) if n not in taken), None)


def _tell(deps, held, service, row, key):
    from ...notify.email import send_email
    from ...notify.sms import send_sms
    from .leaving import leave_link
    when, url = wording.when(held.start), f"{deps.base_url}/appointments?offer={held.id}"
    now = deps.clock()
    if row.get("phone"):
        send_sms(row["phone"], wording.offer_text(service, when, OFFER_MINUTES, url), deps.settings, now,
                 deps.new_opaque_id)
    if row.get("email"):
        send_email(row["email"], wording.offer_subject(service, when),
                   wording.offer_body(service, when, OFFER_MINUTES, url, leave_link(deps, service["id"], held.user_id,
                                                                                     row["before"])),
                   now, deps.new_opaque_id, key=key)


def pass_on(deps):
    """The sweep: offers past their time leave the list; one not booked is
    let go and offered to the next. Returns how many offers it settled."""
    settled = 0
    for service_id, sk in deps.waiting.offers_due(deps.clock()):
        found = deps.waiting.get(service_id, sk)
        if found is None:
            continue
        row, _, appointment_id = found
        held = deps.appointments.get(appointment_id) if appointment_id else None
        deps.waiting.leave(service_id, sk, row["user_id"])
        settled += 1
        if held is not None and held.status == HELD:
            try:
                deps.appointments.release(held, holder=False)
            except EditConflict:
                continue  # booked just now
            offer_next(deps, {"service_id": service_id, "calendar_id": held.calendar_id,
                              "start": held.start.isoformat()}, f"pass.{held.id}")
        elif held is not None and held.status != BOOKED:
            continue
    return settled
