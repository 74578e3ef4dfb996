"""The API's one way to write a moment: UTC, whole seconds, "Z"
("2026-11-22T09:30:00Z"), and to read one back; and the council's calendar
day at a moment (Europe/London), which due dates, bin days and the figures'
months are counted in."""
from datetime import datetime, timezone

FORMAT = "%Y-%m-%dT%H:%M:%SZ"
TIMEZONE = "Europe/London"  # the council's calendar


def stamp(value):
    """A datetime as the API writes it; None stays None."""
    if value is None:
        return None
    if value.tzinfo is not None:
        value = value.astimezone(timezone.utc)
    return value.strftime(FORMAT)


def parse(value):
    """A stamp (or any ISO 8601 moment) as a datetime; a datetime stays as it is."""
    return datetime.fromisoformat(value.replace("Z", "+00:00")) if isinstance(value, str) else value


def london_today(now):
    """The calendar date in Europe/London at the aware datetime `now`.

    London has been UTC+0 or UTC+1 since 1972, so before 23:00 UTC its date
    is the UTC date: only the last hour of a UTC day needs the zone's rules.
    That spares most cold starts importing zoneinfo (which loads sysconfig's
    build data to find the tz database)."""
    if now.tzinfo is None:
        now = now.replace(tzinfo=timezone.utc)  # the app's clocks are UTC
    utc = now.astimezone(timezone.utc)
    if utc.hour < 23 and utc.year >= 1972:
        return utc.date()
    from zoneinfo import ZoneInfo
    return now.astimezone(ZoneInfo(TIMEZONE)).date()
