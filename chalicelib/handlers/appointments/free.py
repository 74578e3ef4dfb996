"""Free slots: the slots generated for each calendar of a service, less the
seats taken (one Query per calendar over the dates shown, reading only the
taken seats): the view costs what is booked, not what is offered."""
from datetime import timedelta

from ...storage.appointment_models import stamp
from . import slots as generating
from .catalogue import public_service, service_or_404
from .limits import NEAREST, VIEW_DAYS, VIEW_DAYS_MAX


def free(deps, service, calendars, days=VIEW_DAYS):
    """[(start, calendar id, places left)] in time order: at one start, the
    calendar with the most room."""
    now = deps.clock()
    best = {}
    for calendar_id, calendar in calendars.items():
        starts = generating.offered(service, calendar, now, days)
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
            "text": generating.local_text(start), "calendar_id": calendar_id, "places_left": left}


def view(deps, service_id, days=None):
    """GET /v1/appointments/services/{id}/slots?days=N."""
    from ...errors import ValidationFailed
    if days is None:
        days = VIEW_DAYS
    elif not (isinstance(days, str) and days.isdigit() and 1 <= int(days) <= VIEW_DAYS_MAX):
        raise ValidationFailed([("days", f"Must be a whole number from 1 to {VIEW_DAYS_MAX}.")])
    service, calendars = service_or_404(deps, service_id)
    found = free(deps, service, calendars, int(days))
    return {"service": public_service(service),
            "slots": [slot_view(s, c, left, service["minutes"]) for s, c, left in found]}


def nearest(deps, service, calendars, wanted, leave_out=None):
    """The few free slots nearest in time to `wanted` (for "just taken")."""
    found = [f for f in free(deps, service, calendars) if f[0] != leave_out]
    found.sort(key=lambda f: abs((f[0] - wanted).total_seconds()))
    return [slot_view(s, c, left, service["minutes"]) for s, c, left in sorted(found[:NEAREST])]
