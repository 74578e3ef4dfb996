"""Moving a booking, the resident sees the free times a week at a time and
asks for later ones: each page reads the taken seats of its own days only,
and says which day the next page starts on until the service's booking
window ends (over Christmas's bank holidays, which offer nothing)."""
from datetime import date

import pytest

from chalicelib.errors import ApiError
from chalicelib.handlers.appointments import routes  # noqa: F401  (registers the effects)
from chalicelib.handlers.appointments.changing import move
from chalicelib.handlers.appointments.free import view as free_view
from chalicelib.handlers.appointments.mine import upcoming
from chalicelib.storage.metering import metered
from support.appointments_support import TUESDAY_8AM, book, hold, resident

THIS_WEEK, NEXT_WEEK, FAR = "2026-12-23T10:30:00Z", "2026-12-30T10:30:00Z", "2027-01-15T14:15:00Z"


def days_of(page):
    return sorted({s["start"][:10] for s in page["slots"]})


def test_later_times_come_a_week_at_a_time_each_page_reading_only_its_own_days(demo):
    ada, bob = resident(demo, 1, TUESDAY_8AM), resident(demo, 2, TUESDAY_8AM)
    book(ada, hold(ada, THIS_WEEK).id)
    book(bob, hold(bob, NEXT_WEEK).id)
    with metered() as first_cost:
        first = free_view(ada, "housing-options", "7")
    assert (first["from"], first["next_from"]) == ("2026-12-22", "2026-12-29")
    # Tuesday to Monday: Christmas, the Boxing Day holiday (Monday 28th) and the weekend offer nothing.
    assert days_of(first) == ["2026-12-22", "2026-12-23", "2026-12-24"]
    with metered() as second_cost:
        second = free_view(ada, "housing-options", "7", first["next_from"])
    assert second["from"] == "2026-12-29" and second["next_from"] == "2027-01-05"
    assert days_of(second)[0] == "2026-12-29" and days_of(second)[-1] <= "2027-01-04"
    assert NEXT_WEEK not in [s["start"] for s in second["slots"] if s["calendar_id"] == "west-offices-housing-1"]
    # Each page: the setup's Query (9 rows) and one Query per calendar over its days, reading the one seat taken there.
    for cost in (first_cost, second_cost):
        assert (cost.calls, cost.queries, cost.items) == (3, 3, 9 + 1)
    print(f"\nA page of a week's free times: {second_cost.calls} calls, {second_cost.items} items read "
          f"({len(second['slots'])} times shown)")
    pages, start = [first], first
    while start["next_from"]:
        start = free_view(ada, "housing-options", "7", start["next_from"])
        pages.append(start)
    # Four weeks ahead (the service's window) ends the pages: the last is the 19th, its window's last day.
    assert [p["from"] for p in pages] == ["2026-12-22", "2026-12-29", "2027-01-05", "2027-01-12", "2027-01-19"]
    assert days_of(pages[-1]) == ["2027-01-19"]
    assert sum(len(p["slots"]) for p in pages) == len(free_view(ada, "housing-options", "56")["slots"])


def test_a_time_beyond_the_first_page_can_be_moved_to_and_a_bad_first_day_is_refused(demo):
    ada = resident(demo, 1, TUESDAY_8AM)
    book(ada, hold(ada, THIS_WEEK).id)
    token = upcoming(ada)["appointments"][0]["links"]["move"].split("move=")[1]
    third = free_view(ada, "housing-options", "7", "2027-01-12")
    assert FAR in [s["start"] for s in third["slots"]]
    assert move(ada, {"token": token, "start": FAR})["start"] == FAR
    assert free_view(ada, "housing-options", "7", "2026-12-01")["from"] == "2026-12-22"  # a past day: today
    for beyond in ("2027-02-01", "9999-12-31"):  # past the window, to the calendar's very end: an empty last page
        assert free_view(ada, "housing-options", "56", beyond)["slots"] == []
        assert free_view(ada, "housing-options", "56", beyond)["next_from"] is None
    with pytest.raises(ApiError) as bad:
        free_view(ada, "housing-options", "7", "next week")
    assert (bad.value.status, bad.value.fields[0]["field"]) == (400, "from")
    assert date.fromisoformat(third["next_from"]) == date(2027, 1, 19)
