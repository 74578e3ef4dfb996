"""Each council's working days: its division's bank holidays (GOV.UK's three) and the
local holidays it sets, from data kept in step with the `holidays` package."""
import json
from datetime import date, timedelta

import pytest

from chalicelib import workdays
from chalicelib.councils.council import Council

# Not a council of the tests' deployment: calendars are kept per (council, settings version).
SCOTLAND = Council(id="a-scottish-council", name="North Lanarkshire Council", short_name="North Lanarkshire",
                   jurisdiction="scotland", version=1,
                   document={"rules": {"local_holidays": [{"date": "2027-09-27", "name": "September weekend"}]}})
YORK = Council(id="york", name="City of York Council", short_name="York", jurisdiction="england", version=1)


def test_the_bank_holiday_file_matches_the_holidays_package_division_by_division():
    from doorstep_cli.bank_holidays import DIVISIONS, FILE, computed
    stored = json.loads(FILE.read_text())
    about = stored["about"]
    for division in DIVISIONS:
        assert stored[division]["events"] == computed(division, about["first_year"], about["last_year"]), division


def test_no_division_s_list_runs_out_within_a_year():
    """GOV.UK's own file runs about two years ahead: this fails a year before ours would run dry."""
    from doorstep_cli.bank_holidays import DIVISIONS, FILE
    stored = json.loads(FILE.read_text())
    a_year_on = (date.today() + timedelta(days=366)).isoformat()
    for division in DIVISIONS:
        last = max(event["date"] for event in stored[division]["events"])
        assert last >= a_year_on, f"{division} runs out on {last}: python -m doorstep_cli.bank_holidays"


@pytest.mark.parametrize("council,start,days,due", [
    # The evening before St Andrew's Day (Monday 30 November 2026): Scotland skips it, York does not.
    (SCOTLAND, date(2026, 11, 27), 1, date(2026, 12, 1)),
    (YORK, date(2026, 11, 27), 1, date(2026, 11, 30)),
    # Before the Easter weekend: York skips Good Friday and Easter Monday, Scotland Good Friday only.
    (YORK, date(2027, 3, 25), 1, date(2027, 3, 30)),
    (SCOTLAND, date(2027, 3, 25), 1, date(2027, 3, 29)),
    # 2 January: a Scottish bank holiday (Monday 4 January 2027 in lieu of Saturday the 2nd), not England's.
    (SCOTLAND, date(2026, 12, 31), 1, date(2027, 1, 5)),
    (YORK, date(2026, 12, 31), 1, date(2027, 1, 4)),
    # August: Scotland's first Monday (2 August 2027), England's last (30 August 2027).
    (SCOTLAND, date(2027, 7, 30), 1, date(2027, 8, 3)),
    (YORK, date(2027, 7, 30), 1, date(2027, 8, 2)),
    (YORK, date(2027, 8, 27), 1, date(2027, 8, 31)),
    (SCOTLAND, date(2027, 8, 27), 1, date(2027, 8, 30)),
    # The council's own local holiday (its September weekend Monday) counts as a holiday there alone.
    (SCOTLAND, date(2027, 9, 24), 1, date(2027, 9, 28)),
])
def test_each_council_s_clock_counts_its_own_holidays(council, start, days, due):
    assert workdays.calendar_for(council).add_working_days(start, days) == due


def test_a_holiday_is_named_for_the_council_that_keeps_it():
    scotland, york = workdays.calendar_for(SCOTLAND), workdays.calendar_for(YORK)
    assert scotland.holiday(date(2026, 11, 30)) == "Saint Andrew's Day"
    assert york.holiday(date(2026, 11, 30)) is None
    assert scotland.holiday(date(2027, 9, 27)) == "September weekend"
    assert york.holiday(date(2027, 9, 27)) is None


def test_a_new_settings_version_s_local_holidays_are_used_at_once():
    later = Council(id=SCOTLAND.id, name=SCOTLAND.name, short_name=SCOTLAND.short_name, jurisdiction="scotland",
                    version=2, document={"rules": {"local_holidays": [{"date": "2027-04-05", "name": "Spring holiday"}]}})
    assert workdays.calendar_for(later).add_working_days(date(2027, 4, 2), 1) == date(2027, 4, 6)
    assert workdays.calendar_for(SCOTLAND).add_working_days(date(2027, 4, 2), 1) == date(2027, 4, 5)


def test_working_days_between_counts_after_the_start_up_to_the_end():
    scotland = workdays.calendar_for(SCOTLAND)
    assert scotland.working_days_between(date(2026, 11, 27), date(2026, 12, 2)) == 2  # Mon 30th is St Andrew's
    assert scotland.working_days_between(date(2026, 12, 2), date(2026, 11, 27)) == 0


def test_a_council_s_local_holiday_that_is_not_a_date_is_refused_by_its_settings_schema():
    from chalicelib.councils.schema import SCHEMA
    from jsonschema import Draft202012Validator
    document = {"id": "somewhere", "name": "X", "short_name": "X", "hosts": ["x.localhost"], "jurisdiction": "scotland",
                "rules": {"local_holidays": [{"date": "2027-13-01", "name": "Nonsense"}]}}
    errors = list(Draft202012Validator(SCHEMA).iter_errors(document))
    assert [list(e.absolute_path) for e in errors] == [["rules", "local_holidays", 0, "date"]]
