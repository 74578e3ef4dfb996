"""Working days in England: Monday to Friday, except bank holidays.

The bank holidays are data (data/bank_holidays_england.json, written from
the `holidays` package by doorstep_cli/bank_holidays.py), read once per
process on first use. A date outside the years the file covers is refused
rather than counted wrongly.
"""
import json
from datetime import timedelta
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "bank_holidays_england.json"
_loaded = {}


class NoHolidayData(ValueError):
    """The date lies outside the years the bank-holiday file covers."""


def _calendar():
    if not _loaded:
        document = json.loads(DATA.read_text())
        _loaded.update(first=document["first_year"], last=document["last_year"],
                       dates=frozenset(document["dates"]))
    return _loaded


def years():
    """(first, last): the years the bank-holiday file covers."""
    calendar = _calendar()
    return calendar["first"], calendar["last"]


def bank_holiday(day):
    calendar = _calendar()
    if not calendar["first"] <= day.year <= calendar["last"]:
        raise NoHolidayData(f"no bank holidays known for {day.year}: run python -m doorstep_cli.bank_holidays "
                            f"with a later LAST year")
    return day.isoformat() in calendar["dates"]


def is_working_day(day):
    return day.weekday() < 5 and not bank_holiday(day)


def add_working_days(start, days):
    """The date `days` working days after `start` (a date; `start` itself is
    not counted, as for "20 working days following the date of receipt")."""
    day, counted = start, 0
    while counted < days:
        day += timedelta(days=1)
        if is_working_day(day):
            counted += 1
    return day


def working_days_before(end, days):
    """The working day `days` working days before `end` (a date; `end` itself
    not counted): where a clock due on `end` starts to be at risk."""
    day, counted = end, 0
    while counted < days:
        day -= timedelta(days=1)
        if is_working_day(day):
            counted += 1
    return day
