"""Working days: Monday to Friday, except the bank holidays of a council's
division of the UK and the local holidays it sets.

A council's calendar comes from its jurisdiction (England and Wales share
one division, Scotland has its own: 2 January, St Andrew's Day, the first
Monday of August and no Easter Monday) plus the local public holidays a
Scottish council lists in its settings (`rules.local_holidays`), which count
wherever the law's "working day" excludes public holidays. The bank holidays
are data (data/bank_holidays.json, in GOV.UK's bank-holidays.json shape,
written by doorstep_cli/bank_holidays.py), read once per process on first
use. A date outside the years the file covers is refused rather than counted
wrongly (docs/decisions/rules.md). Domain code asks deps.calendar (or is handed
a Calendar); the module-level functions at the end are England's, for repairs.
"""
import json
from datetime import timedelta
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "bank_holidays.json"
DIVISIONS = {"england": "england-and-wales", "wales": "england-and-wales", "scotland": "scotland",
             "northern_ireland": "northern-ireland"}
_loaded = {}
_calendars = {}  # (council id, settings version) -> its Calendar


class NoHolidayData(ValueError):
    """The date lies outside the years the bank-holiday file covers."""


def _document():
    if not _loaded:
        _loaded.update(json.loads(DATA.read_text()))
    return _loaded


class Calendar:
    """A division's bank holidays and a council's own, with the arithmetic the clocks share."""

    def __init__(self, division, local=()):
        document = _document()
        self.division = division
        self.first, self.last = document["about"]["first_year"], document["about"]["last_year"]
        self.holidays = {event["date"]: event["title"] for event in document[division]["events"]}
        self.local = {entry["date"]: entry["name"] for entry in local}

    def bank_holidays_only(self):
        """This calendar without the council's local holidays: for a law whose working day skips
        bank holidays alone (the Freedom of Information (Scotland) Act 2002, s.73)."""
        return self if not self.local else _division(self.division)

    def years(self):
        """(first, last): the years the bank-holiday file covers."""
        return self.first, self.last

    def holiday(self, day):
        """The holiday's name (a bank holiday's, else the council's own), or None."""
        if not self.first <= day.year <= self.last:
            raise NoHolidayData(f"no bank holidays known for {day.year}: run python -m doorstep_cli.bank_holidays "
                                f"with a later LAST year")
        key = day.isoformat()
        return self.holidays.get(key) or self.local.get(key)

    def bank_holiday(self, day):
        return self.holiday(day) is not None

    def is_working_day(self, day):
        return day.weekday() < 5 and not self.bank_holiday(day)

    def add_working_days(self, start, days):
        """The date `days` working days after `start` (a date; `start` itself is
        not counted, as for "20 working days following the date of receipt")."""
        day, counted = start, 0
        while counted < days:
            day += timedelta(days=1)
            if self.is_working_day(day):
                counted += 1
        return day

    def working_days_before(self, end, days):
        """The working day `days` working days before `end` (a date; `end` itself
        not counted): where a clock due on `end` starts to be at risk."""
        day, counted = end, 0
        while counted < days:
            day -= timedelta(days=1)
            if self.is_working_day(day):
                counted += 1
        return day

    def working_days_between(self, start, end):
        """The working days after `start` up to and including `end` (0 when `end` is not after it)."""
        day, counted = start, 0
        while day < end:
            day += timedelta(days=1)
            if self.is_working_day(day):
                counted += 1
        return counted


@cache
def _division(division):
    return Calendar(division)


def division_of(jurisdiction):
    return DIVISIONS.get(jurisdiction, DIVISIONS["england"])


def calendar_for(council):
    """The council's working-day calendar: its jurisdiction's division and its own local holidays,
    built once per different list of them (keyed by what it is made of, not by the settings' version
    alone: a council removed and added again starts its versions again)."""
    local = tuple((entry["date"], entry["name"]) for entry in
                  ((council.document or {}).get("rules") or {}).get("local_holidays") or ())
    key = (council.jurisdiction, local)
    if key not in _calendars:
        _calendars[key] = Calendar(division_of(council.jurisdiction),
                                   [{"date": d, "name": n} for d, n in local])
    return _calendars[key]


# England and Wales's days, whatever the council: left for handlers/repairs alone, the last
# user, until repairs count by deps.calendar too. Every other clock is handed its council's
# Calendar; tests/architecture/test_council_calendars.py fails when anything else imports these.
@cache
def england():
    """England and Wales's calendar with no local holidays: for repairs, not yet given its council's."""
    return Calendar("england-and-wales")


def years():
    return england().years()


def bank_holiday(day):
    return england().bank_holiday(day)


def is_working_day(day):
    return england().is_working_day(day)


def add_working_days(start, days):
    return england().add_working_days(start, days)


def working_days_before(end, days):
    return england().working_days_before(end, days)

