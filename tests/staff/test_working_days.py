"""Due dates in working days: weekends and England's bank holidays skipped
(the data's own checks: tests/rules/test_bank_holidays.py)."""
from datetime import date, timedelta

import pytest

from chalicelib import workdays
from support.staff_support import FOI, report_at, utc


@pytest.mark.parametrize("start,days,due", [
    (date(2026, 5, 1), 1, date(2026, 5, 5)),  # Friday, then the early May bank holiday Monday
    (date(2026, 12, 23), 3, date(2026, 12, 30)),  # Christmas, Boxing Day observed on Monday 28th
    (date(2026, 3, 31), 20, date(2026, 4, 30)),  # Good Friday and Easter Monday skipped
    (date(2023, 5, 5), 1, date(2023, 5, 9)),  # the coronation's extra bank holiday
    (date(2026, 6, 6), 5, date(2026, 6, 12)),  # received on a Saturday
])
def test_working_days_skip_weekends_and_bank_holidays(start, days, due):
    assert workdays.add_working_days(start, days) == due


def test_a_date_outside_the_known_years_is_refused_not_guessed():
    with pytest.raises(workdays.NoHolidayData):
        workdays.add_working_days(date(2099, 1, 1), 1)


def test_an_foi_request_is_due_twenty_working_days_after_it_arrives(deps):
    from support.staff_support import load_staff_data
    load_staff_data(deps)
    rid = report_at(deps, FOI, utc(2026, 12, 18, 16, 30))  # a Friday before Christmas
    report = deps.reports.get(rid)
    assert (report.due, report.due_source) == ("2027-01-20", "rule")
    day, counted = date(2026, 12, 18), 0
    while day < date(2027, 1, 20):
        day += timedelta(days=1)
        counted += workdays.is_working_day(day)
    assert counted == 20
