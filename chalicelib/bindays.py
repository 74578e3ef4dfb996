"""Bin days: which dates a collection round calls, as pure date arithmetic.

A round collects one stream (refuse, recycling, garden, food) on one weekday
every n weeks from its first collection date, until its optional end date.
Exceptions move a scheduled collection to another day (bank holidays at
Christmas) or cancel it. Dates are calendar dates in Europe/London: the
caller passes `today` as a date there (see stamps.london_today), so nothing here
reads a clock, a table or a file.
"""
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Optional

from .stamps import TIMEZONE  # noqa: F401  (the calendar the rounds run on: places/calendar.py)

STREAMS = ("refuse", "recycling", "garden", "food")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
CANCELLED = "cancelled"
# How far an exception may move a collection. Scheduled dates this far
# before `today` are looked at too, so one moved forward past today shows.
MAX_SHIFT = timedelta(days=14)
ROUND_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$")


@dataclass(frozen=True)
class Round:
    id: str
    stream: str
    weekday: int  # 0 Monday .. 6 Sunday, as date.weekday()
    every_weeks: int
    start: date  # the first collection
    exceptions: dict = field(default_factory=dict)  # scheduled date -> moved-to date, or None: cancelled
    end: Optional[date] = None  # the last day the round may call


@dataclass(frozen=True)
class Collection:
    date: date
    moved_from: Optional[date] = None  # the scheduled day, when an exception moved it

    def view(self):
        out = {"date": self.date.isoformat(), "weekday": WEEKDAYS[self.date.weekday()].title()}
        if self.moved_from:
            out["moved_from"] = self.moved_from.isoformat()
        return out


def scheduled(round_, start, stop):
    """The round's regular dates d with start <= d < stop, before exceptions."""
    step = timedelta(weeks=round_.every_weeks)
    first = round_.start
    if start > first:
        periods = -(-(start - first).days // step.days)  # ceiling division
        first = round_.start + periods * step
    day = first
    while day < stop and (round_.end is None or day <= round_.end):
        yield day
        day += step


def collections(round_, today, count=None, until=None):
    """The round's collections on or after `today`, soonest first: at most
    `count` of them, or those before `until` (a date). Moved collections
    land on their new day; cancelled ones are left out."""
    if until is not None:
        return _between(round_, today, until)[:count]
    if count is None:
        raise ValueError("give count or until")
    found, horizon = [], today
    while len(found) < count and (round_.end is None or horizon <= round_.end + MAX_SHIFT):
        horizon += timedelta(weeks=round_.every_weeks * (count + 1))
        found = _between(round_, today, horizon)
    return found[:count]


def _between(round_, today, stop):
    out = []
    for day in scheduled(round_, today - MAX_SHIFT, stop + MAX_SHIFT):
        if day in round_.exceptions:
            moved = round_.exceptions[day]
            if moved is not None and today <= moved < stop:
                out.append(Collection(moved, moved_from=day))
        elif today <= day < stop:
            out.append(Collection(day))
    return sorted(out, key=lambda c: c.date)


def parse_date(text):
    """A date from "YYYY-MM-DD", or None."""
    if not isinstance(text, str):
        return None
    try:
        return datetime.strptime(text.strip(), "%Y-%m-%d").date()
    except ValueError:
        return None


def check_round(data):
    """(Round, None) from a plain dict (the import file's shape), else
    (None, every reason joined). Exceptions must name scheduled dates, so a
    typo ("2026-12-24" for a Friday round) is caught, not silently ignored."""
    if not isinstance(data, dict):
        return None, "not an object"
    reasons = []
    rid = data.get("id")
    if not isinstance(rid, str) or not ROUND_ID.match(rid):
        reasons.append("id must be 1 to 40 letters, digits, - or _")
    stream = data.get("stream")
    if stream not in STREAMS:
        reasons.append(f"stream must be one of {', '.join(STREAMS)}")
    weekday = data.get("weekday")
    weekday = WEEKDAYS.index(weekday.lower()) if isinstance(weekday, str) and weekday.lower() in WEEKDAYS \
        else None
    if weekday is None:
        reasons.append("weekday must be a day name such as monday")
    every = data.get("every_weeks")
    if isinstance(every, bool) or not isinstance(every, int) or not 1 <= every <= 8:
        reasons.append("every_weeks must be a whole number from 1 to 8")
    start, end = parse_date(data.get("start")), parse_date(data.get("end")) if data.get("end") else None
    if start is None:
        reasons.append("start must be a date (YYYY-MM-DD): the first collection")
    elif weekday is not None and start.weekday() != weekday:
        reasons.append(f"start {start} is a {WEEKDAYS[start.weekday()]}, not a {WEEKDAYS[weekday]}")
    if data.get("end") and (end is None or (start and end < start)):
        reasons.append("end must be a date (YYYY-MM-DD) on or after start")
    if reasons:
        return None, "; ".join(reasons)
    shell = Round(rid, stream, weekday, every, start, {}, end)
    exceptions, more = _check_exceptions(shell, data.get("exceptions") or {})
    if more:
        return None, "; ".join(more)
    return Round(rid, stream, weekday, every, start, exceptions, end), None


def _check_exceptions(shell, raw):
    if not isinstance(raw, dict):
        return {}, ["exceptions must map a date to a date or \"cancelled\""]
    exceptions, reasons = {}, []
    for key, value in raw.items():
        day = parse_date(key)
        if day is None or day not in set(scheduled(shell, day, day + timedelta(days=1))):
            reasons.append(f"exception {key!r} is not one of the round's collection dates")
            continue
        if value == CANCELLED:
            exceptions[day] = None
            continue
        moved = parse_date(value)
        if moved is None or moved == day or abs(moved - day) > MAX_SHIFT:
            reasons.append(f"exception {key}: {value!r} must be \"cancelled\" or a different date within "
                           f"{MAX_SHIFT.days} days")
            continue
        exceptions[day] = moved
    return exceptions, reasons
