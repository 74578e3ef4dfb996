"""The places for hire, as data, and which hours each is open: the
appointments' calendars' own code (its weekly hours, closures and the
council's holidays: deps.calendar), each hour a slot of 60 minutes."""
from datetime import datetime, time, timedelta, timezone

from ...errors import NotFound
from ..appointments.slots import LONDON, closed, day_slots
from .limits import DEFAULT_PLACES, PLACE_ID_PATTERN
from .wording import KINDS, NO_PLACE, RULE, TERMS_TEXT

HOUR = {"minutes": 60}


def current(deps):
    saved, _ = deps.hire.settings()
    return saved or DEFAULT_PLACES


def place_or_404(deps, place_id, settings=None):
    import re
    settings = settings or current(deps)
    found = next((p for p in settings["places"] if p["id"] == place_id), None) \
        if re.fullmatch(PLACE_ID_PATTERN, place_id or "") else None
    if found is None:
        raise NotFound(NO_PLACE, code="place_not_found")
    return found


def hire_date(value, field, problems, holidays):
    """A date in the years the council's calendar (its bank holidays) covers,
    as "YYYY-MM-DD", or None with the problem named (a well-formed date beyond
    them breaks the council's rule, 422): beyond them no place opens, and a
    date near 9999 would run off the calendar when counted on."""
    from datetime import date
    from ... import validation
    from .wording import DATE_RANGE
    found = validation.iso_date(value, field, problems)
    first, last = holidays.years()
    if found is not None and not first <= date.fromisoformat(found).year <= last:
        problems.rule(field, DATE_RANGE.format(first=first, last=last))
        return None
    return found


def iso(moment):
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def open_hours(place, day, holidays):
    """The UTC starts (ISO) of `day`'s open hours; none on a closure or one of the council's `holidays`."""
    return [iso(s) for s in day_slots(HOUR, place["calendar"], day, holidays)]


def session_hours(day, start, hours):
    """The UTC starts (ISO) of `hours` hours from `start` ("HH:00", London) on `day`."""
    first = datetime.combine(day, time(int(start[:2])), LONDON)
    return [iso(first + timedelta(hours=n)) for n in range(hours)]


def is_closed(place, day, holidays):
    return closed(place["calendar"], day, holidays)


def why_closed(place, day, holidays):
    """Why `day` has no open hours, for staff's calendar: "bank_holiday" (or a
    year the holiday data does not cover: not offered rather than guessed),
    "closure", "not_open" (no hours that weekday); None when it opens."""
    from ...workdays import NoHolidayData
    try:
        if holidays.bank_holiday(day):
            return "bank_holiday"
    except NoHolidayData:
        return "bank_holiday"
    if is_closed(place, day, holidays):
        return "closure"
    return None if open_hours(place, day, holidays) else "not_open"


def for_people(hours):
    """Notice as people say it: "14 days", "48 hours"."""
    return f"{hours // 24} days" if hours % 24 == 0 and hours >= 72 else f"{hours} hours"


def terms_of(place):
    rules = "; ".join(RULE.format(percent=r["percent"], notice=for_people(r["notice_hours"]))
                      for r in place["refunds"])
    return TERMS_TEXT.format(rules=rules)


def public(place, terms_version):
    return {"id": place["id"], "name": place["name"], "kind": place["kind"], "kind_name": KINDS.get(place["kind"]),
            "capacity": place["capacity"], "prices": place["prices"], "deposit": place["deposit"],
            "hours": place["calendar"]["hours"], "closures": place["calendar"].get("closures") or [],
            "refunds": place["refunds"], "terms": terms_of(place), "terms_version": terms_version}


def listing(deps):
    settings = current(deps)
    return {"places": [public(p, settings["terms"]) for p in settings["places"]]}


def one(deps, place_id):
    settings = current(deps)
    return public(place_or_404(deps, place_id, settings), settings["terms"])


def today(deps):
    return deps.clock().astimezone(LONDON).date()



def london_time(stamped):
    """"15:30" (London) of a stamp ("2027-11-20T15:30:00Z"); "" when there is none."""
    if not stamped:
        return ""
    return datetime.fromisoformat(stamped.replace("Z", "+00:00")).astimezone(LONDON).strftime("%H:%M")


def london(stamped):
    """A stamp as people read it in London: "on Tuesday 23 November 2027 at 20:00"."""
    from .wording import AT_WHEN
    at = datetime.fromisoformat(stamped.replace("Z", "+00:00")).astimezone(LONDON)
    return AT_WHEN.format(day=f"{at:%A} {at.day} {at:%B %Y}", time=f"{at:%H:%M}")
