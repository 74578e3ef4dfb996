"""The clocks a repair keeps, computed from when the council became aware:
working days skip weekends and bank holidays, a clock is at risk before it is
late, and each date reads in words. Every moment here is pinned."""
from datetime import date, datetime, timedelta

import pytest

from chalicelib.handlers.repairs import clocks, wording
from chalicelib.handlers.repairs.clocks import LONDON
from chalicelib.handlers.repairs.rules import Rules
from chalicelib.workdays import Calendar

YORK = Rules("york", "england", Calendar("england-and-wales"))  # England's rules on York's calendar

FRIDAY_AFTERNOON = datetime(2026, 12, 18, 15, 30, tzinfo=LONDON)  # Christmas and the observed Boxing Day ahead
SATURDAY_NIGHT = datetime(2026, 8, 29, 23, 10, tzinfo=LONDON)  # the August bank holiday Monday next


def period(days):
    """A qualifying repair reported on the Friday afternoon in York: its Right to Repair period."""
    return clocks.right_to_repair(YORK.right_to_repair(FRIDAY_AFTERNOON), FRIDAY_AFTERNOON, days, YORK.calendar)


def awaab(aware, **given):
    return clocks.damp_mould(YORK.damp_mould(aware), aware, YORK.calendar, **given)


def at(day, hour=9, minute=0):
    return datetime.combine(day, datetime.min.time(), LONDON).replace(hour=hour, minute=minute)


def test_routine_repair_reported_on_a_friday_afternoon_is_due_twenty_working_days_on_across_christmas():
    due = clocks.for_priority("routine", FRIDAY_AFTERNOON, YORK.calendar)
    # Friday not counted; 21-24 Dec, 29-31 Dec, 4-8 Jan... 1 Jan and 25/28 Dec are bank holidays
    assert due.last_day == date(2027, 1, 20)
    assert due.due == datetime(2027, 1, 21, 0, 0, tzinfo=LONDON)


def test_urgent_repair_reported_on_a_friday_is_due_the_tuesday_after_christmas_past_two_bank_holidays():
    assert clocks.for_priority("urgent", FRIDAY_AFTERNOON, YORK.calendar).last_day == date(2026, 12, 29)


def test_an_emergency_is_due_24_hours_later_whatever_the_day():
    due = clocks.for_priority("emergency", FRIDAY_AFTERNOON, YORK.calendar)
    assert due.due == datetime(2026, 12, 19, 15, 30, tzinfo=LONDON) and due.by_hours
    assert wording.said(due, "on_time") == "A repairs operative's visit is due by 3:30pm on Saturday 19 December 2026."


def test_mould_reported_late_on_a_saturday_before_a_bank_holiday_is_inspected_by_the_monday_fortnight():
    inspection, = awaab(SATURDAY_NIGHT)
    assert inspection.last_day == date(2026, 9, 14)  # Monday 31 August is not a working day
    assert wording.said(inspection, "on_time") == "The inspection is due by Monday 14 September 2026."


def test_the_written_summary_is_said_as_sent_to_the_tenant_in_time_or_late_and_a_visit_as_made():
    # The summary's clock stops when the officer records it and it is sent to the tenant (inspecting.py):
    # the council writes it, so it is never "your" summary, and it is sent, not done.
    summary = next(d for d in awaab(SATURDAY_NIGHT, investigated=at(date(2026, 9, 10), 16, 45))
                   if d.name == "written_summary")
    assert wording.said(summary, "met") == "The written summary of the inspection was sent to you in time."
    assert wording.said(summary, "missed") == ("The written summary of the inspection was sent to you late: "
                                               "it was due by Tuesday 15 September 2026.")
    assert wording.said(summary, "late") == ("The written summary of the inspection was due by Tuesday "
                                             "15 September 2026 and is late.")
    visit = clocks.for_priority("emergency", FRIDAY_AFTERNOON, YORK.calendar)
    assert wording.said(visit, "met") == "A repairs operative's visit was made in time."
    inspection, = awaab(SATURDAY_NIGHT)
    assert wording.said(inspection, "met") == "The inspection was done in time."


def test_after_the_inspection_the_summary_safety_and_further_work_each_have_their_date():
    investigated = at(date(2026, 9, 10), 16, 45)  # a Thursday
    dates = {d.name: d.last_day for d in awaab(SATURDAY_NIGHT, investigated=investigated)}
    assert dates == {"investigation": date(2026, 9, 14), "written_summary": date(2026, 9, 15),
                     "safety_work": date(2026, 9, 17), "further_work_begun": date(2026, 9, 17),
                     "further_work_physically_begun": date(2026, 12, 3)}


def test_an_emergency_hazard_must_be_made_safe_within_24_hours():
    hazard, = awaab(FRIDAY_AFTERNOON, emergency=True)
    assert hazard.name == "emergency_hazard" and hazard.due == FRIDAY_AFTERNOON + timedelta(hours=24)


def test_a_clock_is_at_risk_before_it_is_due_today_and_late_just_past_its_end():
    due = clocks.for_priority("urgent", FRIDAY_AFTERNOON, YORK.calendar)  # last day Tuesday 29 December
    assert clocks.status(due, at(date(2026, 12, 23), 23, 59)) == "on_time"
    assert clocks.status(due, at(date(2026, 12, 24), 0)) == "at_risk"  # the working day before (25-28 are not)
    assert clocks.status(due, at(date(2026, 12, 28), 12)) == "at_risk"
    assert clocks.status(due, at(date(2026, 12, 29), 23, 59)) == "due_today"
    assert clocks.status(due, datetime(2026, 12, 30, 0, 0, 1, tzinfo=LONDON)) == "late"
    assert wording.said(due, "late") == "Your repair was due by Tuesday 29 December 2026 and is late."


def test_an_emergency_is_at_risk_in_its_last_six_hours():
    due = clocks.for_priority("emergency", FRIDAY_AFTERNOON, YORK.calendar)
    assert clocks.status(due, due.due - timedelta(hours=6, seconds=1)) == "on_time"
    assert clocks.status(due, due.due - timedelta(hours=6)) == "at_risk"


def test_done_in_time_is_met_and_done_a_second_late_is_missed():
    due = clocks.for_priority("urgent", FRIDAY_AFTERNOON, YORK.calendar)
    assert clocks.status(due, due.due, done_at=due.due - timedelta(seconds=1)) == "met"
    assert clocks.status(due, due.due, done_at=due.due) == "missed"


def test_right_to_repair_periods_are_one_three_or_seven_working_days_from_the_next_working_day():
    assert period(1).last_day == date(2026, 12, 21)
    assert period(3).last_day == date(2026, 12, 23)
    assert period(7).last_day == date(2026, 12, 31)
    with pytest.raises(clocks.ClockDataError):
        period(5)


@pytest.mark.parametrize("done, owed", [
    (datetime(2026, 12, 23, 23, 59, tzinfo=LONDON), 0),  # the second period's last day: in time
    (datetime(2026, 12, 24, 0, 0, tzinfo=LONDON), 1_200),  # just past it: £10 and one day's £2
    (datetime(2026, 12, 28, 10, 0, tzinfo=LONDON), 2_000),  # five calendar days, holidays and all
    (datetime(2027, 1, 12, 10, 0, tzinfo=LONDON), 5_000),  # twenty days: £50, the most
    (datetime(2027, 3, 1, 10, 0, tzinfo=LONDON), 5_000),
])
def test_a_second_contractor_late_owes_ten_pounds_and_two_a_day_at_most_fifty_in_pence(done, owed):
    second = period(3)  # due by the end of Wednesday 23 December
    assert clocks.compensation(YORK.right_to_repair(FRIDAY_AFTERNOON), second, done, YORK.calendar) == owed


def test_clock_data_that_cannot_be_kept_is_refused_on_load():
    with pytest.raises(clocks.ClockDataError):
        clocks._check("urgent", {"working_days": 0})
    with pytest.raises(clocks.ClockDataError):
        clocks._check("urgent", {"days": 5})
    assert set(clocks.data()["priorities"]) == {"emergency", "urgent", "routine"}
