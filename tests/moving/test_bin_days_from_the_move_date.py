"""The saved address, and with it the bin days and their calendar, switch on
the move date by London's day and not a minute before: a move on the late May
bank holiday Monday, told the Thursday before, leaves the old home's bins all
weekend, to the last minute of Sunday, and gives the new street's from half
past midnight on Monday in London, when UTC's date still says Sunday."""
from datetime import datetime, timezone

import time_machine

from support.moving_support import NEW_HOME, homes, living_at, move, signed_in_again

TOLD = datetime(2027, 5, 27, 9, 0, tzinfo=timezone.utc)  # Thursday 27 May 2027, 10am in London (BST)
MOVE_DAY = "2027-05-31"  # Monday 31 May 2027, the spring bank holiday
SUNDAY_LAST_MINUTE = datetime(2027, 5, 30, 22, 59, tzinfo=timezone.utc)  # 23:59 Sunday in London
MONDAY_FIRST_HOUR = datetime(2027, 5, 30, 23, 30, tzinfo=timezone.utc)  # 00:30 Monday in London, Sunday in UTC


def home_and_its_bins(client, deps, resident):
    me = client.get("/v1/me", signed_in_again(deps, resident)).json_body
    return me["uprn"], client.get(f"/v1/places/{me['uprn']}").json_body if me["uprn"] else None


def test_the_saved_address_and_its_bin_days_switch_on_the_move_date_by_londons_day(client, deps, people):
    with time_machine.travel(TOLD, tick=False) as clock:
        homes(deps)
        resident = people()
        living_at(deps, resident)
        made = move(client, resident, {"move": "within", "date": MOVE_DAY, "to_uprn": NEW_HOME, "tenure": "sold"})
        assert made.status_code == 201, made.body
        days = {d["stream"]: d["date"] for d in
                next(p for p in made.json_body["parts"] if p["name"] == "bin_days")["facts"]["days"]}
        assert days == {"refuse": "2027-06-03", "garden": "2027-06-04"}  # the new street's, from the move

        clock.move_to(SUNDAY_LAST_MINUTE)
        uprn, place = home_and_its_bins(client, deps, resident)
        assert uprn == "990000000501" and place["address"].startswith("5 Walmgate")
        clock.move_to(MONDAY_FIRST_HOUR)
        uprn, place = home_and_its_bins(client, deps, resident)
        assert uprn == NEW_HOME and place["address"].startswith("12 Bootham")
        calendar = client.raw.http.request("GET", f"/v1/places/{uprn}/bins.ics")
        assert calendar.status_code == 200 and b"20270603" in calendar.body  # Thursday's refuse at the new home
