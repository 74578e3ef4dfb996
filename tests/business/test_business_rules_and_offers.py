"""Telling us about a business: its rules in words, one business per Idempotency-Key whatever races,
the same rateable value relieved in Scotland and not in England, the edge of full relief, trade waste
asked for once and seen on the containers desk, the back office away and then back."""
from datetime import timedelta

from support.business_support import (BRANDON_PARADE, CORNER_CAFE, DISTRICT, DISTRICT_HOST, EDGE_CAFE,  # noqa: F401
                                      IRONMARKET, NL, NL_HOST, NOT_RATED, at, lanarkshire, newcastle, parts_of,
                                      resident_at, tell)
from chalicelib import tenancy
from support.racing import at_once
from support.revenues_support import council_morning  # noqa: F401 (fixture)


def test_the_same_rateable_value_has_relief_in_scotland_and_none_in_england(
        client, deps, people, newcastle, lanarkshire, council_morning):
    english = tell(client, resident_at(people, DISTRICT), {"uprn": IRONMARKET})
    scottish = tell(client, resident_at(people, NL), {"uprn": BRANDON_PARADE}, host=NL_HOST)
    assert english.status_code == scottish.status_code == 201, (english.body, scottish.body)
    england = parts_of(english)["business_rates"]["facts"]["estimate"]
    scotland = parts_of(scottish)["business_rates"]["facts"]["estimate"]
    assert england["rateable_value"] == scotland["rateable_value"] == 16000
    assert (england["percent"], england["relief"], england["why"]) == ("0", 0, "over")
    # Scotland's bonus tapers from 25% at £15,000 to nothing at £20,000: £16,000 is 20% of 48.1p x 16,000.
    assert (scotland["percent"], scotland["rates"], scotland["relief"]) == ("20", 769_600, 153_920)
    assert "Small Business Bonus Scheme" in parts_of(scottish)["business_rates"]["text"]
    # And Scotland's planning: a shop to a café crosses from Class 1A to Class 3, permitted within limits.
    assert parts_of(tell(client, resident_at(people, NL), {"uprn": BRANDON_PARADE, "last_use": "shop"},
                         host=NL_HOST, key="business-again"))["planning"]["state"] == "permitted_if"


def test_twelve_thousand_pounds_is_the_last_of_full_relief_in_england(client, deps, people, newcastle,
                                                                      council_morning):
    found = parts_of(tell(client, resident_at(people, DISTRICT), {"uprn": EDGE_CAFE}))["business_rates"]
    assert found["facts"]["estimate"]["percent"] == "100" and found["facts"]["estimate"]["to_pay"] == 0


def test_a_business_is_told_once_whatever_the_same_key_races(client, deps, people, newcastle, council_morning):
    owner = resident_at(people, DISTRICT)
    answers = at_once(lambda _: tell(client, owner, {"uprn": CORNER_CAFE}), range(4))
    assert sorted(a.status_code for a in answers) in ([200, 200, 200, 201], [200, 200, 201, 201])
    assert len({a.json_body["id"] for a in answers}) == 1
    with tenancy.acting_for(DISTRICT):
        assert len(deps.businesses.of_user(owner.user.id)) == 1 and len(newcastle.rates.kept) == 1
    other = tell(client, owner, {"uprn": EDGE_CAFE})  # the same key, another business
    assert (other.status_code, other.json_body["error"]["code"]) == (422, "idempotency_key_reused")


def test_bad_tellings_are_refused_in_words_never_a_500(client, deps, people, newcastle, council_morning):
    owner = resident_at(people, DISTRICT)
    cases = [({"uprn": "990000000003"}, 422, "uprn"),  # a York address: not in Newcastle's list
             ({"uprn": CORNER_CAFE, "activity": "casino"}, 400, "activity"),
             ({"uprn": CORNER_CAFE, "starts": "2026-02-30"}, 400, "starts"),
             ({"uprn": CORNER_CAFE, "ratepayer": {"name": "X Ltd", "kind": "company"}}, 422,
              "ratepayer.company_number"),
             ({"uprn": CORNER_CAFE, "other_premises_rv": [0]}, 400, "other_premises_rv"),
             ({"uprn": CORNER_CAFE, "colour": "red"}, 400, "colour")]
    for n, (body, status, field) in enumerate(cases):
        answer = tell(client, owner, body, key=f"bad-telling-{n}")
        assert answer.status_code == status, (body, answer.body)
        assert field in [f["field"] for f in answer.json_body["error"]["fields"]], answer.body
    late = tell(client, owner, {"uprn": CORNER_CAFE, "starts": "2027-06-01"}, key="late-telling")
    assert (late.status_code, late.json_body["error"]["code"]) == (422, "start_too_far_ahead")
    assert "on or after 30 November 2026" in late.json_body["error"]["message"]
    assert client.post("/v1/me/businesses", "not json", at(DISTRICT_HOST, owner.auth)).status_code == 400


def test_trade_waste_is_asked_for_once_priced_by_the_week_and_seen_on_the_containers_desk(
        client, deps, people, newcastle, council_morning):
    owner = resident_at(people, DISTRICT)
    made = tell(client, owner, {"uprn": CORNER_CAFE, "trading_name": "The Corner Cafe"}).json_body
    path = f"/v1/me/businesses/{made['id']}/parts/trade_waste/choice"
    wanted = {"choice": "request", "bins": [{"container": "1100", "count": 1}, {"container": "240", "count": 2}]}
    taps = at_once(lambda _: client.post(path, wanted, at(DISTRICT_HOST, owner.auth)), range(2))
    assert [t.status_code for t in taps] == [200, 200]
    trade = parts_of(taps[0])["trade_waste"]
    assert trade["state"] == "requested" and trade["facts"]["weekly"] == 1450 + 2 * 450  # pence a week
    assert "£23.50 a week" in trade["text"]
    other = client.post(path, {"choice": "request", "bins": [{"container": "660", "count": 1}]},
                        at(DISTRICT_HOST, owner.auth))
    assert (other.status_code, other.json_body["error"]["code"]) == (409, "chosen_already")
    bad = client.post(path, {"choice": "request", "bins": [{"container": "skip", "count": 1}]},
                      at(DISTRICT_HOST, owner.auth))
    assert bad.status_code == 422
    with tenancy.acting_for(DISTRICT):
        officer = people("staff", roles=["street_scene"])
        resident = people()
    desk = client.get("/v1/staff/waste/trade/requests", at(DISTRICT_HOST, officer.auth))
    assert desk.status_code == 200, desk.body
    [listed] = desk.json_body["requests"]
    assert (listed["business_id"], listed["trading_name"], listed["weekly"]) == (made["id"], "The Corner Cafe", 2350)
    assert client.get("/v1/staff/waste/trade/requests", at(DISTRICT_HOST, resident.auth)).status_code == 403


def test_a_council_without_trade_waste_says_who_collects_it(client, deps, people, newcastle, council_morning):
    from chalicelib.councils import registry, settings
    from chalicelib.storage.councils import CouncilStore
    store = CouncilStore()
    document, version = registry.settings_of(DISTRICT, store)
    where = {"name": "Staffs Trade Waste Ltd", "phone": "01782 000000"}
    settings.write(store, {**document, "services": {**document.get("services", {}), "trade_waste": False},
                           "instead": {**document.get("instead", {}), "trade_waste": where}},
                   version, deps.clock(), "test")
    registry.forget()
    owner = resident_at(people, DISTRICT)
    made = tell(client, owner, {"uprn": CORNER_CAFE})
    trade = parts_of(made)["trade_waste"]
    assert trade["state"] == "elsewhere" and "Staffs Trade Waste Ltd" in trade["text"]
    assert trade["facts"]["instead"]["phone"] == "01782 000000"
    refused = client.post(f"/v1/me/businesses/{made.json_body['id']}/parts/trade_waste/choice",
                          {"choice": "request", "bins": [{"container": "240", "count": 1}]}, at(DISTRICT_HOST, owner.auth))
    assert refused.status_code == 404
    assert client.get("/v1/waste/trade/prices", at(DISTRICT_HOST)).status_code == 404


def test_the_back_office_away_leaves_rates_waiting_and_they_go_once_when_it_is_back(
        client, deps, people, newcastle, council_morning):
    owner = resident_at(people, DISTRICT)
    newcastle.down = True
    made = tell(client, owner, {"uprn": CORNER_CAFE})
    assert made.status_code == 201 and parts_of(made)["business_rates"]["state"] == "waiting"
    assert parts_of(made)["trade_waste"]["state"] == "offered"  # the rest did not wait for it
    newcastle.down = False
    page = f"/v1/me/businesses/{made.json_body['id']}"
    assert parts_of(client.get(page, at(DISTRICT_HOST, owner.auth)))["business_rates"]["state"] == "waiting"
    council_morning.shift(timedelta(minutes=6))  # past the part's five minutes: tried again on reading
    from support.moving_support import signed_in_again
    with tenancy.acting_for(DISTRICT):
        auth = signed_in_again(deps, owner)
    again = parts_of(client.get(page, at(DISTRICT_HOST, auth)))["business_rates"]
    assert again["state"] == "sent" and again["facts"]["reference"] == "NR0000001"
    parts_of(client.get(page, at(DISTRICT_HOST, auth)))
    assert len(newcastle.rates.kept) == 1


def test_premises_the_back_office_does_not_rate_are_said_to_be_valued_first(
        client, deps, people, newcastle, council_morning):
    found = parts_of(tell(client, resident_at(people, DISTRICT), {"uprn": NOT_RATED}))["business_rates"]
    assert found["state"] == "not_rated" and "valuation office" in found["text"]
