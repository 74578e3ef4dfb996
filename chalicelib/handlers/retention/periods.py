"""When a period kept from an event ends, on the council's calendar (Europe/London).

A record kept `months` after its event is due on the day that many calendar months after the event's
day (a report closed on 10 March 2025 and kept 12 months goes on 10 March 2026; one closed on
31 August and kept 6 months goes on the last day of February). The sweep asks its due index for
events before one moment, the cut-off: the start of the day after the last event day that is due
today. Whatever the hour the sweep runs at, the same records are due all day."""
import calendar
from datetime import date, datetime, time, timedelta, timezone

from ...stamps import TIMEZONE, london_today


def add_months(day, months):
    """`day` moved `months` calendar months on (back, when negative), its day of the month kept or,
    where the month is shorter, its last day."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def until(event, months):
    """The day a record kept `months` after `event` (a moment) goes."""
    return add_months(london_today(event), months)


def last_due_day(today, months):
    """The last event day whose period of `months` has ended by `today`."""
    back = add_months(today, -months)
    if today.day == calendar.monthrange(today.year, today.month)[1]:  # the month's last day: so are the
        back = back.replace(day=calendar.monthrange(back.year, back.month)[1])  # longer months' later days
    return back


def cut_off(now, months, ahead_days=0):
    """The moment (UTC) before which an event's period of `months` has ended by today (by the day
    `ahead_days` after today: a warning's)."""
    from zoneinfo import ZoneInfo
    day = last_due_day(london_today(now) + timedelta(days=ahead_days), months) + timedelta(days=1)
    return datetime.combine(day, time(0), tzinfo=ZoneInfo(TIMEZONE)).astimezone(timezone.utc)


def days_since(moment, now):
    """Whole days on the council's calendar from `moment`'s day to `now`'s."""
    return (london_today(now) - london_today(moment)).days
