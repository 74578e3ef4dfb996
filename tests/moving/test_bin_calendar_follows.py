"""The bin-day calendar a resident subscribes to follows them (issue 73): the
app's calendar address is the resident's own, and from the move date it lists
the new home's collections; leaving York it ends, with a last event on the
move date saying why. The old home's public feed is unchanged for whoever
lives there. The old home (support/bins_support's HOME) has refuse on Mondays
and garden waste on Tuesdays; the new one refuse on Thursdays, garden on Fridays."""
from datetime import date, datetime, timezone
from urllib.parse import urlsplit

import time_machine

from support.bins_support import HOME
from support.moving_support import NEW_HOME, homes, living_at, move
from tests.moving.test_staff_and_costs import cost

TOLD = datetime(2027, 5, 27, 9, 0, tzinfo=timezone.utc)  # Thursday 27 May 2027, 10am in London
MOVE_DAY = date(2027, 6, 2)  # a Wednesday: the old home's Monday and Tuesday come before it
TUESDAY_LAST_MINUTE = datetime(2027, 6, 1, 22, 59, tzinfo=timezone.utc)  # 23:59 on Tuesday 1 June in London
WEDNESDAY_FIRST_HOUR = datetime(2027, 6, 1, 23, 30, tzinfo=timezone.utc)  # 00:30 on the move date in London
A_MONTH_ON = datetime(2027, 7, 2, 9, 0, tzinfo=timezone.utc)
LEAVING = {"move": "out", "date": MOVE_DAY.isoformat(), "tenure": "rented",
           "contact": {"role": "landlord", "name": "Mrs Ross"}, "forwarding": "4 Quay Street, Whitby YO21 3PY"}


def my_calendar(client, person):
    """The calendar address the app offers the resident: their own, from My Account."""
    url = client.get("/v1/me", person.auth).json_body["bins_calendar_url"]
    return urlsplit(url).path


def read(client, path):
    from icalendar import Calendar
    answer = client.raw.http.request("GET", path)
    assert answer.status_code == 200, answer.body
    assert answer.headers["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(answer.body)


def days(calendar):
    """[(day, summary, the home it is for)] in date order."""
    return sorted((e.decoded("DTSTART"), str(e["SUMMARY"]), str(e["UID"]).split("-")[0])
                  for e in calendar.walk("VEVENT"))


def subscribed_at_the_old_home(client, deps, people):
    """A resident at the old home, and the calendar address the app gives them."""
    homes(deps)
    resident = people()
    living_at(deps, resident)
    return resident, my_calendar(client, resident)


def test_a_residents_bin_calendar_lists_the_new_homes_collections_from_the_move_date(client, deps, people):
    with time_machine.travel(TOLD, tick=False) as clock:
        resident, mine = subscribed_at_the_old_home(client, deps, people)
        before = days(read(client, mine))
        assert before[:2] == [(date(2027, 5, 31), "Refuse (general waste) collection", HOME),
                              (date(2027, 6, 1), "Garden waste collection", HOME)]
        assert {home for *_, home in before} == {HOME}
        calendar = read(client, mine)
        assert "Walmgate" not in str(calendar["X-WR-CALNAME"]) + str(calendar["X-WR-CALDESC"])  # no address in it

        told = move(client, resident, {"move": "within", "date": MOVE_DAY.isoformat(), "to_uprn": NEW_HOME,
                                       "tenure": "sold"})
        assert told.status_code == 201, told.body
        for moment in (TOLD, TUESDAY_LAST_MINUTE):
            clock.move_to(moment)
            found = days(read(client, mine))
            assert all(home == HOME for day, _, home in found if day < MOVE_DAY)
            assert all(home == NEW_HOME for day, _, home in found if day >= MOVE_DAY)
            assert [d for d in found if d[0] >= MOVE_DAY][:2] == [
                (date(2027, 6, 3), "Refuse (general waste) collection", NEW_HOME),
                (date(2027, 6, 4), "Garden waste collection", NEW_HOME)]
        assert found[0] == (date(2027, 6, 1), "Garden waste collection", HOME)  # the last day at the old home
        # The account, and each home's address and its two rounds: no Query.
        assert cost(client.raw.http.request("GET", mine)) == (0, 7)

        clock.move_to(WEDNESDAY_FIRST_HOUR)  # the move date in London, still Tuesday in UTC
        after = days(read(client, mine))
        assert after[0] == (date(2027, 6, 3), "Refuse (general waste) collection", NEW_HOME)
        assert {home for *_, home in after} == {NEW_HOME} and len(after) > 100
        # The old home's own feed is the old home's, for whoever lives there now.
        theirs = days(read(client, f"/v1/places/{HOME}/bins.ics"))
        assert theirs[0] == (date(2027, 6, 7), "Refuse (general waste) collection", HOME) and len(theirs) > 100


def test_leaving_york_the_calendar_ends_on_the_move_date_with_a_last_event_saying_why(client, deps, people):
    with time_machine.travel(TOLD, tick=False) as clock:
        resident, mine = subscribed_at_the_old_home(client, deps, people)
        assert move(client, resident, LEAVING).status_code == 201

        found = days(read(client, mine))
        assert [d for d in found if d[0] < MOVE_DAY] == [
            (date(2027, 5, 31), "Refuse (general waste) collection", HOME),
            (date(2027, 6, 1), "Garden waste collection", HOME)]
        last = found[-1]
        assert (last[0], last[1]) == (MOVE_DAY, "Bin days end: you moved away") and len(found) == 3
        for moment in (WEDNESDAY_FIRST_HOUR, A_MONTH_ON):
            clock.move_to(moment)
            calendar = read(client, mine)
            [ended] = calendar.walk("VEVENT")  # no collections at all, only why
            assert ended.decoded("DTSTART") == MOVE_DAY
            assert "moving away from City of York on Wednesday 2 June 2027" in str(ended["DESCRIPTION"])
        assert len(days(read(client, f"/v1/places/{HOME}/bins.ics"))) > 100  # the old home's own feed stands


def test_a_calendar_address_opens_only_its_residents_days_until_stopped_or_their_account_is_erased(
        client, deps, people):
    homes(deps)
    resident, neighbour = people(), people()
    living_at(deps, resident)
    living_at(deps, neighbour, NEW_HOME)
    mine, theirs = my_calendar(client, resident), my_calendar(client, neighbour)
    assert mine != theirs
    assert {home for *_, home in days(read(client, theirs))} == {NEW_HOME}
    token = mine.split("/")[-2]
    claim, signature = token.split(".")
    other_last = "B" if signature.endswith("A") else "A"
    for forged in (f"{claim}.{signature[:-1]}{other_last}", f"{theirs.split('/')[-2].split('.')[0]}.{signature}",
                   "x.y", f"{claim}.{signature}="):
        answer = client.raw.http.request("GET", f"/v1/feeds/my-bins/{forged}/bins.ics")
        assert answer.status_code == 404 and b"BEGIN:VCALENDAR" not in answer.body, forged
    assert client.raw.http.request("DELETE", "/v1/me/bins-calendar", headers=neighbour.auth).status_code == 204
    assert client.raw.http.request("GET", theirs).status_code == 404  # stopped: the old address opens nothing
    renewed = my_calendar(client, neighbour)
    assert renewed != theirs and {home for *_, home in days(read(client, renewed))} == {NEW_HOME}
    assert client.raw.http.request("DELETE", "/v1/me", headers=resident.auth).status_code == 204
    assert client.raw.http.request("GET", mine).status_code == 404
