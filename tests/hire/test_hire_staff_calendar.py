"""Staff's week of a place: each day open or why it is shut (a bank holiday,
a closure, not open that weekday), each open hour free, held, booked or
blocked, with the hirer or the block's reason, and a block put outside the
opening hours shown too; read in a fixed handful of calls however busy."""
import pytest

from chalicelib.errors import ApiError
from chalicelib.handlers.hire import routes  # noqa: F401  (registers the payment hook and effects)
from chalicelib.handlers.payments import routes as payment_routes  # noqa: F401  (a finished payment's effect)
from support.hire_support import HALL, NOW, at, book, pay_for, resident, tuesdays
from support.pay_support import pay  # noqa: F401

CHRISTMAS_WEEK = "2027-12-27"  # Monday 27 and Tuesday 28 December 2027: bank holidays (Christmas, Boxing Day)


def week(deps, first, place=HALL):
    from chalicelib.handlers.hire.staff import calendar
    return {d["date"]: d for d in calendar(at(deps, NOW, resident(role="staff")), place,
                                           {"from": first, "days": 7})["calendar"]}


def hour(day, time):
    return next(h for h in day["hours"] if h["time"] == time)


def test_the_week_shows_a_paid_evening_a_held_one_a_block_with_its_reason_and_who_hires(deps, pay):
    from chalicelib.handlers.hire.staff import block, calendar
    club = resident()
    paid = book(at(deps, NOW, club), tuesdays(weeks=1))
    pay_for(at(deps, NOW, club), paid)
    held = book(at(deps, NOW), {**tuesdays(weeks=1, first="2027-11-25"), "hirer_name": "Yoga for All"})
    officer = at(deps, NOW, resident(role="staff"))
    block(officer, HALL, {"date": "2027-11-24", "start": "09:00", "hours": 2, "reason": "Floor polish"})
    block(officer, HALL, {"date": "2027-11-26", "start": "22:00", "hours": 1, "reason": "Boiler service"})
    answer = calendar(officer, HALL, {"from": "2027-11-22", "days": 7})
    days = {d["date"]: d for d in answer["calendar"]}
    assert [d["date"] for d in answer["calendar"]][0] == "2027-11-22" and len(days) == 7
    assert (hour(days["2027-11-23"], "18:00")["state"], hour(days["2027-11-23"], "19:00")["booking_id"]) == (
        "booked", paid["id"])
    assert hour(days["2027-11-25"], "18:00") | {"start": None} == {
        "start": None, "time": "18:00", "state": "held", "booking_id": held["id"], "reason": None}
    assert [(h["state"], h["reason"]) for h in days["2027-11-24"]["hours"][:3]] == [
        ("blocked", "Floor polish"), ("blocked", "Floor polish"), ("free", None)]
    assert hour(days["2027-11-26"], "22:00")["state"] == "blocked"  # after closing time, still shown
    assert [h["time"] for h in days["2027-11-22"]["hours"]] == [f"{n:02d}:00" for n in range(9, 22)]
    assert days["2027-11-28"]["closed"] == "not_open" and days["2027-11-28"]["hours"] == []  # a Sunday
    assert answer["bookings"][paid["id"]] == {"hirer_name": "Tang Hall Chess Club", "hirer_type": "community",
                                              "status": "confirmed", "deposit": "held", "taken_by": False,
                                              "hold_until": None}
    assert answer["bookings"][held["id"]]["status"] == "held"


def test_bank_holidays_and_a_council_closure_show_as_shut_with_why(deps):
    from chalicelib.handlers.hire.limits import DEFAULT_PLACES
    places = {**DEFAULT_PLACES, "places": [
        {**p, "calendar": {**p["calendar"], "closures": [["2027-12-29", "2027-12-31"]]}} if p["id"] == HALL else p
        for p in DEFAULT_PLACES["places"]]}
    deps.hire.save_settings(places, 0)
    days = week(deps, CHRISTMAS_WEEK)
    assert {d: days[d]["closed"] for d in days} == {
        "2027-12-27": "bank_holiday", "2027-12-28": "bank_holiday", "2027-12-29": "closure",
        "2027-12-30": "closure", "2027-12-31": "closure",
        # New Year's Day is a Saturday: GOV.UK's bank holiday is Monday 3 January (rules.md), so the hall opens.
        "2028-01-01": None,
        "2028-01-02": "not_open"}
    assert days["2027-12-28"]["hours"] == [] and days["2027-12-29"]["hours"] == []


def test_a_held_booking_whose_hold_ran_out_shows_its_hours_free(deps, pay):
    from datetime import timedelta
    book(at(deps, NOW), tuesdays(weeks=1))
    from chalicelib.handlers.hire.staff import calendar
    later = at(deps, NOW + timedelta(minutes=31), resident(role="staff"))
    days = {d["date"]: d for d in calendar(later, HALL, {"from": "2027-11-23", "days": 1})["calendar"]}
    assert hour(days["2027-11-23"], "18:00")["state"] == "free"


@pytest.mark.parametrize("body, field", [
    ({"date": "2027-11-24", "start": "25:00", "hours": 1, "reason": "x"}, "start"),
    ({"date": "2027-11-24", "start": "9:00", "hours": 1, "reason": "x"}, "start"),
    ({"date": "2027-11-24", "start": "09:00", "hours": 0, "reason": "x"}, "hours"),
    ({"date": "2027-11-24", "start": "09:00", "hours": 1, "reason": " "}, "reason"),
    ({"date": "24/11/2027", "start": "09:00", "hours": 1, "reason": "x"}, "date"),
])
def test_a_block_with_bad_input_is_refused_naming_the_field_never_a_500(deps, body, field):
    from chalicelib.handlers.hire.staff import block
    with pytest.raises(ApiError) as refused:
        block(at(deps, NOW, resident(role="staff")), HALL, body)
    assert refused.value.status == 400 and field in [f["field"] for f in refused.value.fields]


def test_staff_only_see_the_calendar_and_a_bad_window_is_a_400(client, deps, people):
    staff, someone = people("staff"), people()
    assert client.get(f"/v1/staff/hire/places/{HALL}/calendar?from=2027-11-22&days=7", someone.auth).status_code \
        == 403
    assert client.get(f"/v1/staff/hire/places/{HALL}/calendar?from=2027-11-22&days=7", staff.auth).status_code == 200
    assert client.get(f"/v1/staff/hire/places/{HALL}/calendar?from=monday", staff.auth).status_code == 400
    assert client.get(f"/v1/staff/hire/places/{HALL}/calendar?days=57", staff.auth).status_code == 400
    assert client.get("/v1/staff/hire/places/nowhere/calendar", staff.auth).status_code == 404


def test_staff_closing_an_evening_while_eight_residents_race_to_book_it_leave_it_one_owner(deps, pay):
    """All nine start on a barrier: the block (all its hours or none) and each hold (all or none) are
    conditional writes, so one takes both hours and the rest are refused whole, never half each."""
    from chalicelib.handlers.hire.staff import block
    from support.racing import at_once

    def race(n):
        try:
            if n == 0:
                block(at(deps, NOW, resident(role="staff")), HALL,
                      {"date": "2027-11-23", "start": "18:00", "hours": 2, "reason": "Roof leak"})
                return "blocked"
            return book(at(deps, NOW), tuesdays(weeks=1))["status"]
        except ApiError as refused:
            return refused.code
    outcomes = at_once(race, range(9))
    assert sum(o in ("blocked", "held") for o in outcomes) == 1, outcomes
    assert set(outcomes) <= {"blocked", "held", "hour_taken", "session_unavailable"}, outcomes
    evening = [h for h in week(deps, "2027-11-22")["2027-11-23"]["hours"] if h["time"] in ("18:00", "19:00")]
    assert len({(h["state"], h["booking_id"], h["reason"]) for h in evening}) == 1  # one owner of both hours
    assert evening[0]["state"] in ("blocked", "held")
