"""Free slots: the slots generated for each calendar of a service, less the
seats taken (one Query per calendar over the dates shown, reading only the
taken seats): the view costs what is booked, not what is offered."""
from datetime import date, timedelta

from ...storage.appointments.appointment_models import stamp
from ...validation import digits
from . import slots as generating, wording
from .catalogue import public_service, service_or_404
from .limits import NEAREST, VIEW_DAYS, VIEW_DAYS_MAX


def free(deps, service, calendars, days=VIEW_DAYS, first=None):
    """[(start, calendar id, places left)] of `days` local days from `first`
    (today when None) in time order: at one start, the calendar with the most room."""
    now = deps.clock()
    best = {}
    for calendar_id, calendar in calendars.items():
        starts = generating.offered(service, calendar, now, days, deps.calendar, first)
        if not starts:
            continue
        taken = deps.appointments.taken(calendar_id, starts[0], starts[-1], now)
        for start in starts:
            left = calendar["capacity"] - taken.get(stamp(start), 0)
            if left > 0 and left > best.get(start, (None, 0))[1]:
                best[start] = (calendar_id, left)
    return [(start, calendar_id, left) for start, (calendar_id, left) in sorted(best.items())]


def slot_view(start, calendar_id, left, minutes):
    from ...stamps import stamp as api_stamp
    return {"start": api_stamp(start), "end": api_stamp(start + timedelta(minutes=minutes)),
            "text": wording.when(start), "calendar_id": calendar_id, "places_left": left}


def view(deps, service_id, days=None, first=None):
    """GET /v1/appointments/services/{id}/slots?days=N&from=YYYY-MM-DD: one
    page of days (from today, or from `from`), with the day the next page
    starts on while the service still takes bookings then (else null)."""
    from ...errors import ValidationFailed
    if days is None:
        days = VIEW_DAYS
    elif not (digits(days) and 1 <= int(days) <= VIEW_DAYS_MAX):
        raise ValidationFailed([("days", wording.between(1, VIEW_DAYS_MAX))])
    try:
        first = date.fromisoformat(first) if first is not None else None
    except (TypeError, ValueError):
        raise ValidationFailed([("from", wording.NOT_A_DAY)]) from None
    service, calendars = service_or_404(deps, service_id)
    now = deps.clock()
    today, last = now.astimezone(generating.LONDON).date(), generating.window(service, now)[1]
    first = min(max(today, first or today), last + timedelta(days=1))  # past the window: an empty page
    found = free(deps, service, calendars, int(days), first)
    after = first + timedelta(days=int(days))
    return {"service": public_service(service), "from": first.isoformat(),
            "next_from": after.isoformat() if after <= last else None,
            "slots": [slot_view(s, c, left, service["minutes"]) for s, c, left in found]}


def nearest(deps, service, calendars, wanted, leave_out=None):
    """The few free slots nearest in time to `wanted` (for "just taken")."""
    found = [f for f in free(deps, service, calendars) if f[0] != leave_out]
    found.sort(key=lambda f: abs((f[0] - wanted).total_seconds()))
    return [slot_view(s, c, left, service["minutes"]) for s, c, left in sorted(found[:NEAREST])]
