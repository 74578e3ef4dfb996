"""Which days a property can have a bulky collection: its round's collection
days within the window, each before its cut-off (14:00 the working day
before) and with a place left."""
from datetime import datetime, time, timedelta

from ... import bindays
from ...errors import NotFound
from ...stamps import TIMEZONE, london_today, stamp
from ..places.bins import address_or_404, rounds_for
from .catalogue import current
from .limits import CUT_OFF_HOUR
from .wording import NO_ROUND_FOR_PROPERTY


def cut_off(day, calendar):
    """The moment (UTC) after which a collection on `day` can no longer be
    booked, changed or cancelled: CUT_OFF_HOUR on the working day before, on
    the council's `calendar` (deps.calendar)."""
    from zoneinfo import ZoneInfo
    before = calendar.working_days_before(day, 1)
    return datetime.combine(before, time(CUT_OFF_HOUR), ZoneInfo(TIMEZONE)).astimezone(ZoneInfo("UTC"))


def property_round(deps, uprn, settings):
    """(address, the round bulky waste goes out on) or NotFound."""
    address = address_or_404(deps, uprn)
    for stream, found in rounds_for(deps, address):
        if stream == settings["round_stream"]:
            return address, found
    raise NotFound(NO_ROUND_FOR_PROPERTY.format(stream=settings["round_stream"]), code="no_round")


def candidates(deps, round_model, settings):
    """The round's days in the window still before their cut-off, soonest first."""
    now = deps.clock()
    today = london_today(now)
    days = bindays.collections(round_model.to_round(), today + timedelta(days=1),
                               until=today + timedelta(days=settings["window_days"] + 1))
    return [c.date for c in days if now < cut_off(c.date, deps.calendar)]


def offered(deps, uprn):
    """GET /v1/places/{uprn}/bulky/dates."""
    settings, _ = current(deps)
    address, round_model = property_round(deps, uprn, settings)
    days = candidates(deps, round_model, settings)
    taken = deps.bulky.taken(round_model.id, [d.isoformat() for d in days])
    capacity = settings["capacity_per_day"]
    return {"uprn": address.uprn, "round": round_model.id, "address": ", ".join(address.lines or []), "dates": [{
        "date": d.isoformat(), "weekday": bindays.WEEKDAYS[d.weekday()].title(),
        "places_left": max(0, capacity - taken[d.isoformat()]),
        "cut_off": stamp(cut_off(d, deps.calendar))} for d in days]}
