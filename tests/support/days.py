"""Dates a story needs, counted from today in the council's calendar, never
written as a fixed day that the calendar will one day pass."""
from datetime import datetime, timedelta, timezone

from chalicelib.stamps import london_today


def days_ahead(days):
    """The date `days` from today (Europe/London), as a date."""
    return london_today(datetime.now(timezone.utc)) + timedelta(days=days)


def long_date(day):
    """As a public update writes a date: "15 January 2027"."""
    return f"{day.day} {day:%B %Y}"
