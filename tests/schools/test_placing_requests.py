"""A North Lanarkshire parent's placing request (Education (Scotland) Act 1980 s.28A) under the Deemed
Decisions Regulations 1982: received by 15 March, it is answered by 30 April or treated as refused the
day after; received later, two months after its receipt (a naive reading would keep 30 April for
both). A deemed refusal may be appealed as a refusal is, and the page says so with its date."""
from datetime import date, datetime
from zoneinfo import ZoneInfo

import time_machine

from support.schools_support import nl_parent, nl_schools, nl_session

LONDON = ZoneInfo("Europe/London")
HAMILTON_ROAD = "990200000001"  # Motherwell West's catchment (the demo's)
REQUEST = {"round": "2027-primary", "child": {"name": "Isla Campbell", "date_of_birth": "2022-06-14"},
           "home_uprn": HAMILTON_ROAD, "preferences": [{"school_id": "coursington-primary"}]}


def at(day):
    return time_machine.travel(datetime(day.year, day.month, day.day, 12, 0, tzinfo=LONDON), tick=False)


def placing_request(client, deps, parent, key):
    made = client.post("/v1/me/school-applications", REQUEST, {**nl_session(deps, parent), "Idempotency-Key": key})
    assert made.status_code == 201, made.body
    return f"/v1/me/school-applications/{made.json_body['id']}"


def seen(client, deps, parent, page):
    return client.get(page, nl_session(deps, parent)).json_body


def test_a_request_received_by_15_march_unanswered_on_30_april_is_deemed_refused_the_day_after(client, deps):
    nl_schools(deps)
    parent = nl_parent(deps)
    with at(date(2027, 3, 15)):
        page = placing_request(client, deps, parent, "placing-on-time")
        placing = seen(client, deps, parent, page)["placing"]
    assert placing["state"] == "waiting" and placing["decided_by"] == "2027-04-30"
    assert "Friday 30 April 2027" in placing["text"] and "1982" in placing["source"]
    with at(date(2027, 4, 30)):
        assert seen(client, deps, parent, page)["placing"]["state"] == "waiting"
        other = nl_parent(deps, 2)
        assert client.get(page, nl_session(deps, other)).status_code == 404  # not theirs
    with at(date(2027, 5, 1)):
        found = seen(client, deps, parent, page)
        assert found["placing"]["state"] == "deemed_refused" and found["appealable"] == ["coursington-primary"]
        assert "treats it as refused" in found["placing"]["text"]
        appealed = client.post(f"{page}/appeals", {"school_id": "coursington-primary",
                                                  "grounds": "Her childminder is in Coursington."},
                               nl_session(deps, parent))
    assert appealed.status_code == 200, appealed.body
    assert [a["school_id"] for a in appealed.json_body["appeals"]] == ["coursington-primary"]


def test_a_request_received_after_15_march_is_deemed_refused_two_months_after_its_receipt(client, deps):
    nl_schools(deps)
    parent = nl_parent(deps)
    with at(date(2027, 5, 10)):
        page = placing_request(client, deps, parent, "placing-late")
        assert seen(client, deps, parent, page)["placing"]["decided_by"] == "2027-07-10"
    with at(date(2027, 7, 10)):
        assert seen(client, deps, parent, page)["placing"]["state"] == "waiting"
    with at(date(2027, 7, 11)):
        assert seen(client, deps, parent, page)["placing"]["state"] == "deemed_refused"
