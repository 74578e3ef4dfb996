"""Slot generation: pure, from a service, a calendar and the time now.

A calendar's working hours, breaks and closures are local (Europe/London)
wall-clock times; a slot's start is kept and compared as UTC. A slot runs
the service's length and lies wholly inside a working interval and outside
every break; the council's holidays (its division's bank holidays and its
own local ones: a workdays.Calendar, `holidays` below, deps.calendar) close
every calendar, as do its closures. How soon and how far
ahead a slot may be booked are the service's (book_notice_minutes,
book_ahead_days, counted in local days from today)."""
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _clock(text):
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


def closed(calendar, day, holidays):
    """Is the calendar shut all `day` (one of the council's `holidays` or one of its closures)?"""
    from ...workdays import NoHolidayData
    try:
        if holidays.bank_holiday(day):
            return True
    except NoHolidayData:
        return True  # a year the holiday data does not cover is not offered rather than guessed
    return any(date.fromisoformat(first) <= day <= date.fromisoformat(last)
               for first, last in calendar.get("closures") or [])


def day_slots(service, calendar, day, holidays):
    """The starts (UTC) of `day`'s slots of `service` on `calendar`, in order."""
    if closed(calendar, day, holidays):
        return []
    length = timedelta(minutes=service["minutes"])
    breaks = [(_at(day, a), _at(day, b)) for a, b in calendar.get("breaks") or []]
    starts = []
    for opens, shuts in calendar.get("hours", {}).get(DAYS[day.weekday()], []):
        start, end = _at(day, opens), _at(day, shuts)
        while start + length <= end:
            overlap = [b_end for b_start, b_end in breaks if start < b_end and b_start < start + length]
            if overlap:
                start = max(overlap)  # the next slot starts when the break ends
                continue
            starts.append(start.astimezone(timezone.utc))
            start += length
    return starts


def _at(day, text):
    return datetime.combine(day, _clock(text), LONDON)


def window(service, now):
    """(earliest start, last local day) a booking made `now` may take."""
    today = now.astimezone(LONDON).date()
    return now + timedelta(minutes=service["book_notice_minutes"]), today + timedelta(days=service["book_ahead_days"])


def offered(service, calendar, now, days, holidays, first=None):
    """Every slot start of `days` local days from `first` (today when None or
    past) that may be booked `now`: no sooner than the notice, no later than
    the service allows."""
    earliest, last = window(service, now)
    today = max(now.astimezone(LONDON).date(), first or date.min)
    out = []
    for n in range(days):
        day = today + timedelta(days=n)
        if day > last:
            break
        out.extend(s for s in day_slots(service, calendar, day, holidays) if s >= earliest)
    return out


def is_offered(service, calendar, start, now, holidays):
    """May a slot starting at `start` (aware) be booked `now`?"""
    earliest, last = window(service, now)
    day = start.astimezone(LONDON).date()
    return earliest <= start and day <= last and start.astimezone(timezone.utc) in day_slots(service, calendar, day, holidays)

