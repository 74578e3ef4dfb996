"""A North Lanarkshire tenant's repair at northlanarkshire.localhost, under
Scotland's Right to Repair: its last day in Scottish working days, the other
contractor offered once the usual one is late, compensation owed without a
claim growing £3 a working day to £100, and fixed once however the close is
raced; York's compensation once too. The repair is stored as the report stores
it (its home is the back office's); everything after is the API's."""
from datetime import datetime

import pytest
import time_machine

from chalicelib import tenancy
from chalicelib.handlers.repairs.clocks import LONDON
from chalicelib.storage.records import Repair
from support.councils_support import NL, NL_HOST, YORK_HOST, add, at, north_lanarkshire, york
from support.racing import at_once

SUNDAY_EVENING = datetime(2026, 11, 29, 20, 30, tzinfo=LONDON)  # Monday 30 November: St Andrew's Day


@pytest.fixture
def councils(deps):
    add(deps, york(), north_lanarkshire())


def person(deps, council, role, n):
    from chalicelib.handlers.accounts import users
    from support.officers import every_role
    with tenancy.acting_for(council):
        return users.create_user(deps.for_council(), f"{role}{n}@{council}.example.org", role,
                                 name=f"{role.title()} {n}", **every_role(role, {}))


def signed_in(deps, council, user):
    """A session started now (the clock travels days: an older one has lapsed), at the council's address."""
    from chalicelib.handlers.accounts import auth
    with tenancy.acting_for(council):
        tokens = auth.start_session(deps.for_council(), user, deps.clock())
    return at(NL_HOST if council == NL else YORK_HOST, {"Authorization": f"Bearer {tokens['access_token']}"})


def stored(deps, council, user, aware, days, n=1, **extra):
    """A blocked sink as reported at `aware`: a qualifying repair of `days` working days."""
    with tenancy.acting_for(council):
        repair = Repair(id=f"RP-SC{n:04d}", home="NL0001" if council == NL else "R0448105", address="1 Main Street",
                        user_id=user.id, location="kitchen", problem="sink", issue="sink_blocked",
                        repair="sink_blocked", code="CFG-PLB-SNK", trade="plumber", priority="urgent",
                        right_to_repair_days=days, aware_at=aware, created_at=aware, updated_at=aware,
                        description="The kitchen sink will not drain.", board="open", at_risk_at=aware, **extra)
        deps.for_council().repairs.create(repair)
    return repair


def test_a_north_lanarkshire_tenant_sees_the_last_day_in_scottish_working_days(client, deps, councils):
    tenant = person(deps, NL, "resident", 1)
    with time_machine.travel(datetime(2026, 11, 30, 9, 0, tzinfo=LONDON), tick=False):
        repair = stored(deps, NL, tenant, SUNDAY_EVENING, 1)
        seen = client.get(f"/v1/repairs/{repair.id}", signed_in(deps, NL, tenant))
    assert seen.status_code == 200, seen.body
    due, = seen.json_body["dates"]
    assert due["text"] == "Your repair is due by Tuesday 1 December 2026."  # St Andrew's Day is not counted
    assert due["by"] == "1 working day under the Right to Repair (Scotland)"
    assert "Clyde Valley Property Repairs (demo) (01632 960101)" in seen.json_body["contractors_text"]
    assert "Monklands Building Services (demo) on 01632 960202" in seen.json_body["contractors_text"]
    assert seen.json_body["other_contractor"] is None and seen.json_body["compensation_so_far"] is None


@pytest.mark.parametrize("now, owed", [
    (datetime(2026, 12, 2, 10, 0), 1_800),  # Wednesday: one working day late
    (datetime(2026, 12, 3, 10, 0), 2_100),  # Thursday: £3 more
    (datetime(2026, 12, 5, 10, 0), 2_400),  # Saturday: Friday was the third working day; Saturday adds nothing
    (datetime(2027, 2, 1, 10, 0), 10_000),  # weeks on: £100, the most
])
def test_a_late_qualifying_repair_offers_the_other_contractor_and_its_compensation_grows_three_pounds_a_day(
        client, deps, councils, now, owed):
    tenant = person(deps, NL, "resident", 2)
    repair = stored(deps, NL, tenant, SUNDAY_EVENING, 1)
    with time_machine.travel(now.replace(tzinfo=LONDON), tick=False):
        seen = client.get(f"/v1/repairs/{repair.id}", signed_in(deps, NL, tenant)).json_body
    assert seen["other_contractor"]["name"] == "Monklands Building Services (demo)"
    assert seen["other_contractor"]["text"].startswith("Our contractor is late. You may ask Monklands Building "
                                                       "Services (demo) on 01632 960202")
    assert seen["compensation_so_far"] == owed
    assert "£3.00 more for each working day until it is done, up to £100.00" in seen["compensation_so_far_text"]


def test_two_officers_closing_a_late_north_lanarkshire_repair_together_fix_its_compensation_once(
        client, deps, councils):
    tenant, officers = person(deps, NL, "resident", 3), [person(deps, NL, "staff", n) for n in (4, 5)]
    repair = stored(deps, NL, tenant, SUNDAY_EVENING, 1)
    with time_machine.travel(datetime(2026, 12, 4, 15, 0, tzinfo=LONDON), tick=False):  # Friday: 3 working days
        auths = [signed_in(deps, NL, officer) for officer in officers]
        answers = at_once(lambda auth: client.post(f"/v1/staff/repairs/{repair.id}/done",
                                                   {"what": "Trap cleared"}, auth), auths)
        seen = client.get(f"/v1/repairs/{repair.id}", signed_in(deps, NL, tenant)).json_body
        again = client.post(f"/v1/staff/repairs/{repair.id}/done", {"what": "Trap cleared"}, auths[0])
    assert sorted(a.status_code for a in answers) == [200, 409]
    assert again.status_code == 409 and again.json_body["error"]["code"] == "repair_closed"
    assert seen["compensation"] == 2_400 and seen["status"] == "done"
    assert seen["compensation_text"] == ("Your repair was late under the Right to Repair (Scotland), so you are owed "
                                         "£24.00 in compensation. We will pay it to your rent account: you do not "
                                         "need to claim it.")


def test_two_officers_closing_a_york_repair_late_twice_together_fix_its_compensation_once(client, deps, councils):
    tenant, officers = person(deps, "york", "resident", 6), [person(deps, "york", "staff", n) for n in (7, 8)]
    # A blocked sink reported on Monday 30 November: 3 days; the second contractor sent on Friday 4 December.
    repair = stored(deps, "york", tenant, datetime(2026, 11, 30, 10, 0, tzinfo=LONDON), 3,
                    second_contractor_at=datetime(2026, 12, 4, 9, 0, tzinfo=LONDON))
    with time_machine.travel(datetime(2026, 12, 14, 15, 0, tzinfo=LONDON), tick=False):  # 5 days after the 9th
        auths = [signed_in(deps, "york", officer) for officer in officers]
        answers = at_once(lambda auth: client.post(f"/v1/staff/repairs/{repair.id}/done",
                                                   {"what": "Trap cleared"}, auth), auths)
        seen = client.get(f"/v1/repairs/{repair.id}", signed_in(deps, "york", tenant)).json_body
    assert sorted(a.status_code for a in answers) == [200, 409]
    assert seen["compensation"] == 2_000 and seen["other_contractor"] is None  # £10 and 5 calendar days at £2


def test_a_north_lanarkshire_tenant_is_told_to_call_north_lanarkshire_in_an_emergency_not_york(
        client, deps, councils):
    tenant = person(deps, NL, "resident", 9)
    asked = client.get("/v1/repairs/questions", signed_in(deps, NL, tenant)).json_body
    phones = {e["id"]: e["phone"] for e in asked["emergencies"]}
    assert phones["no_heating"] == "01698 403200" and phones["gas"] == "0800 111 999"
    york_tenant = person(deps, "york", "resident", 10)
    at_york = client.get("/v1/repairs/questions", signed_in(deps, "york", york_tenant)).json_body
    assert {e["id"]: e["phone"] for e in at_york["emergencies"]}["no_heating"] == "01904 551550"


def test_the_board_shows_a_late_north_lanarkshire_repair_as_the_tenants_to_give_another_contractor(
        client, deps, councils):
    """Scotland's tenant calls the listed other contractor themselves (SSI 2002/316): the board does not
    ask the officer to send a second one, as England's does."""
    tenant, officer = person(deps, NL, "resident", 6), person(deps, NL, "staff", 7)
    stored(deps, NL, tenant, SUNDAY_EVENING, 1)
    with time_machine.travel(datetime(2026, 12, 2, 10, 0, tzinfo=LONDON), tick=False):
        board = client.get("/v1/staff/repairs/board", signed_in(deps, NL, officer))
    assert board.status_code == 200, board.body
    late, = board.json_body["late"]
    assert late["proposal"] == "tenant_may_call_another"
