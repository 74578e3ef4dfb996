"""A crew on a garden round reads the day's list: the properties subscribed
that day with their number of bins, in address order, and nothing of who
subscribed; only the team that empties garden bins may, and a day the round
does not go out lists no one."""
import uuid
from datetime import timedelta

import pytest

from chalicelib.stamps import london_today
from support.bins_support import store_home
from support.crew_support import Crew
from support.pay_support import DECLINED, GARDEN_ROUND, ROUND, SUCCESS, home_with_round, pay, pay_with  # noqa: F401
from support.staff_support import load_staff_data

NEIGHBOUR = "990000000502"


def subscribe_and_pay(client, person, uprn, bins, card=SUCCESS):
    made = client.post("/v1/waste/garden/subscriptions", {"uprn": uprn, "bins": bins},
                       {**person.auth, "Idempotency-Key": str(uuid.uuid4())})
    assert made.status_code == 201, made.body
    back = pay_with(made.json_body["payment"]["next_url"], card)
    client.get(back[back.index("/v1/"):])
    return made.json_body


def next_weekday(deps, weekday):
    today = london_today(deps.clock())
    return today + timedelta(days=(weekday - today.weekday()) % 7)


@pytest.fixture
def garden_crew(client, deps, people):
    load_staff_data(deps)
    return Crew(client, people("crew", team="waste")), Crew(client, people("crew", team="north"))


def round_list(crew, round_id, day=None):
    return crew.client.get(f"/v1/crew/garden/rounds/{round_id}" + (f"?date={day}" if day else ""), crew.person.auth)


def test_the_crew_sees_the_day_s_subscribed_properties_with_their_bins_and_never_who(
        client, deps, people, pay, garden_crew):
    crew, _ = garden_crew
    home = home_with_round(deps)
    store_home(deps, {"refuse": ROUND, "garden": GARDEN_ROUND}, uprn=NEIGHBOUR)
    payer, decliner = people(name="Gina Gardener"), people()
    subscribe_and_pay(client, payer, home, 2)
    subscribe_and_pay(client, decliner, NEIGHBOUR, 3, card=DECLINED)  # failed: not on the list
    tuesday = next_weekday(deps, 1)  # the garden round goes out on Tuesdays (pay_support)
    answer = round_list(crew, GARDEN_ROUND, tuesday.isoformat())
    assert answer.status_code == 200, answer.body
    body = answer.json_body
    assert (body["collects"], body["properties"], body["bins"]) == (True, 1, 2)
    assert body["stops"] == [{"uprn": home, "address": "5 Walmgate, York", "bins": 2}]
    for secret in (payer.user.email, "Gina Gardener", payer.user.id):
        assert secret not in answer.body.decode()
    monday = round_list(crew, GARDEN_ROUND, next_weekday(deps, 0).isoformat()).json_body
    assert (monday["collects"], monday["stops"]) == (False, [])


def test_only_the_garden_crew_reads_a_garden_round_and_bad_asks_are_told_why(client, deps, people, garden_crew):
    crew, other = garden_crew
    home_with_round(deps)
    refused = round_list(other, GARDEN_ROUND)
    assert refused.status_code == 403 and refused.json_body["error"]["code"] == "not_garden_crew"
    assert client.get(f"/v1/crew/garden/rounds/{GARDEN_ROUND}", people().auth).status_code == 403
    assert round_list(crew, ROUND).json_body["error"]["code"] == "round_not_found"  # a refuse round
    far = (london_today(deps.clock()) + timedelta(days=30)).isoformat()
    for bad in (far, "2026-02-30", "tuesday"):
        answer = round_list(crew, GARDEN_ROUND, bad)
        assert answer.status_code == 400 and answer.json_body["error"]["fields"][0]["field"] == "date"


def test_a_garden_round_list_costs_a_few_key_reads_and_one_query_of_the_round(client, deps, people, pay,
                                                                              garden_crew):
    import dataclasses
    from chalicelib.auth.principal import Principal
    from chalicelib.handlers.waste.rounds import crew_round
    from chalicelib.storage.metering import metered
    crew, _ = garden_crew
    subscribe_and_pay(client, people(), home_with_round(deps), 1)
    as_crew = dataclasses.replace(deps, principal=Principal(user_id=crew.person.user.id, role="crew", team="waste"))
    with metered() as on_its_day:
        crew_round(as_crew, GARDEN_ROUND, {"date": next_weekday(deps, 1).isoformat()})
    assert on_its_day.operations == ["GetItem", "GetItem", "Query"]  # the rules, the round, its subscriptions
    assert on_its_day.items == 2  # the round and the one subscription (no rules saved: the defaults)
    with metered() as off_day:
        crew_round(as_crew, GARDEN_ROUND, {"date": next_weekday(deps, 0).isoformat()})
    assert off_day.operations == ["GetItem", "GetItem"]


def test_which_team_empties_garden_bins_is_a_garden_rule(client, deps, people, garden_crew):
    import json
    crew, other = garden_crew
    home_with_round(deps)
    admin = people("admin")
    rules = {k: v for k, v in client.get("/v1/waste/garden").json_body.items() if k not in ("currency", "version")}
    assert rules.pop("crew_team") == "waste"

    def put(body, version):
        return client.raw.http.request("PUT", "/v1/waste/garden", body=json.dumps(body).encode(), headers={
            **admin.auth, "Content-Type": "application/json", "If-Match": version})
    assert put({**rules, "crew_team": "nobody"}, '"0"').status_code == 400
    assert put({**rules, "crew_team": "north"}, '"0"').status_code == 200
    assert round_list(other, GARDEN_ROUND).status_code == 200 and round_list(crew, GARDEN_ROUND).status_code == 403
    assert put(rules, '"1"').json_body["crew_team"] == "north"
