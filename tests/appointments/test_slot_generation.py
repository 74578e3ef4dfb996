"""Slots come from the service and calendar as data and the time now: working
hours less breaks, closures and England's bank holidays, no sooner than the
service's notice, no further ahead than it allows, in London's wall-clock time."""
from datetime import date, datetime, timezone

from chalicelib.handlers.appointments.setup import problems_of
from chalicelib.handlers.appointments.slots import LONDON, day_slots, is_offered, offered
from chalicelib.handlers.appointments.wording import when as local_text
from chalicelib.workdays import Calendar
from doorstep_cli.appointments import demo_document

DOC = demo_document()
SERVICES = {s["id"]: s for s in DOC["services"]}
CALENDARS = {c["id"]: c for c in DOC["calendars"]}
YORK = Calendar("england-and-wales")  # York's holidays: England's bank holidays, no local ones
HOUSING, DESK = SERVICES["housing-options"], CALENDARS["west-offices-housing-1"]


def london(*args):
    return datetime(*args, tzinfo=LONDON)


def clock_times(starts):
    return [s.astimezone(LONDON).strftime("%H:%M") for s in starts]


def test_the_demo_setup_has_no_problems():
    assert problems_of(DOC) == []


def test_a_working_day_is_cut_into_45_minute_slots_that_step_over_the_lunch_break():
    assert clock_times(day_slots(HOUSING, DESK, date(2026, 12, 29), YORK)) == [
        "09:00", "09:45", "10:30", "11:15", "13:30", "14:15", "15:00", "15:45"]


def test_no_slots_on_the_substitute_bank_holiday_a_closure_or_a_weekend():
    for day in (date(2026, 12, 28), date(2026, 12, 25), date(2026, 12, 24), date(2026, 12, 26), date(2027, 1, 3)):
        assert day_slots(HOUSING, DESK, day, YORK) == [], day


def test_a_summer_slot_starts_an_hour_earlier_in_utc():
    first = day_slots(HOUSING, DESK, date(2027, 6, 1), YORK)[0]
    assert first == datetime(2027, 6, 1, 8, 0, tzinfo=timezone.utc)


def test_the_notice_is_kept_to_the_minute():
    day = date(2026, 12, 29)
    assert clock_times(offered(HOUSING, DESK, london(2026, 12, 29, 7, 0), 1, YORK))[0] == "09:00"
    assert clock_times(offered(HOUSING, DESK, london(2026, 12, 29, 7, 1), 1, YORK))[0] == "09:45"
    nine = day_slots(HOUSING, DESK, day, YORK)[0]
    assert is_offered(HOUSING, DESK, nine, london(2026, 12, 29, 7, 0), YORK)
    assert not is_offered(HOUSING, DESK, nine, london(2026, 12, 29, 7, 1), YORK)


def test_nothing_is_offered_beyond_how_far_ahead_the_service_books():
    now = london(2026, 12, 1, 10, 0)
    starts = offered(HOUSING, DESK, now, 60, YORK)
    assert max(s.astimezone(LONDON).date() for s in starts) == date(2026, 12, 29)  # 28 days on
    late = day_slots(HOUSING, DESK, date(2026, 12, 30), YORK)[0]
    assert not is_offered(HOUSING, DESK, late, now, YORK)


def test_a_time_between_slots_is_not_offered():
    assert not is_offered(HOUSING, DESK, london(2026, 12, 29, 9, 15), london(2026, 12, 20, 9, 0), YORK)


def test_a_group_session_is_one_slot_with_room_for_twelve():
    workshop = day_slots(SERVICES["tenancy-workshop"], CALENDARS["tenancy-workshops"], date(2026, 12, 30), YORK)
    assert clock_times(workshop) == ["14:00"] and CALENDARS["tenancy-workshops"]["capacity"] == 12


def test_a_start_reads_as_residents_say_it():
    assert local_text(datetime(2027, 6, 1, 8, 45, tzinfo=timezone.utc)) == "Tuesday 1 June 2027 at 9:45am"


def test_a_setup_with_two_lengths_on_one_calendar_or_a_missing_calendar_is_refused():
    import copy
    doc = copy.deepcopy(DOC)
    doc["services"][1]["calendars"] = ["west-offices-housing-1", "nowhere"]
    assert {p for p, _ in problems_of(doc)} == {"services[1].minutes", "services[1].calendars[1]"}
