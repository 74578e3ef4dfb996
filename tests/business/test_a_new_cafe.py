"""A new café told once, at Newcastle-under-Lyme: business rates at the premises with the relief they
may have, trade waste, the premises licence and planning's word, each with its state on one page."""
from support.business_support import (CORNER_CAFE, DISTRICT, DISTRICT_HOST, STARTS, at, newcastle,  # noqa: F401
                                      parts_of, resident_at, tell)
from support.effects_support import dies_after_commit, given_up, run_stream  # noqa: F401 (fixture)
from support.revenues_support import council_morning  # noqa: F401 (fixture)


def test_a_new_cafe_in_newcastle_is_offered_rates_relief_trade_waste_and_the_premises_licence_from_one_telling(
        client, deps, people, newcastle, council_morning):
    owner = resident_at(people, DISTRICT)
    told = tell(client, owner, {"uprn": CORNER_CAFE, "last_use": "shop", "trading_name": "The Corner Cafe"})
    assert told.status_code == 201, told.body
    parts = parts_of(told)
    assert set(parts) == {"business_rates", "trade_waste", "licence:premises-licence", "planning"}
    rates = parts["business_rates"]
    assert rates["state"] == "sent" and rates["facts"]["reference"] == "NR0000001"
    estimate = rates["facts"]["estimate"]
    # £13,500 is half way down England's taper; the café pays the small business RHL multiplier (38.2p).
    assert (estimate["rateable_value"], estimate["percent"], estimate["rates"]) == (13500, "50", 515_700)
    assert estimate["relief"] == 257_850 and estimate["to_pay"] == 257_850
    assert "Small business rate relief: 50% off" in rates["text"] and estimate["scheme"]["checked"] is False
    trade = parts["trade_waste"]
    assert trade["state"] == "offered" and trade["choices"] == ["request"]
    assert [p["id"] for p in trade["facts"]["prices"]] == ["240", "660", "1100"]
    # Its street's refuse round (every other Tuesday from 6 January): not the start day, the week after.
    assert trade["facts"]["first"] == {"date": "2026-12-08", "weekday": "Tuesday"}
    assert "the first on Tuesday 8 December 2026" in trade["text"]
    licence = parts["licence:premises-licence"]
    assert licence["state"] == "not_applied" and "Premises licence" in licence["text"]
    assert parts["planning"]["state"] == "no_permission" and "E(a)" in parts["planning"]["text"]
    # The business rates office took the café as ratepayer from the start day, once.
    assert newcastle.rates.kept[told.json_body["id"]]["form"]["occdate"] == "01-Dec-2026"

    page = client.get(f"/v1/me/businesses/{told.json_body['id']}", at(DISTRICT_HOST, owner.auth))
    assert page.status_code == 200 and parts_of(page) == parts


def test_a_business_told_says_its_services_are_still_being_told_until_the_stream_has_told_them(
        client, deps, people, newcastle, council_morning, dies_after_commit):
    owner = resident_at(people, DISTRICT)
    dies_after_commit()  # the request's own try never happens: the stream tells the services
    told = tell(client, owner, {"uprn": CORNER_CAFE, "last_use": "shop"})
    assert told.status_code == 201 and told.json_body["parts"] == [] and told.json_body["under_way"] is True
    from chalicelib import tenancy
    with tenancy.acting_for(DISTRICT):  # as the stream's reader runs: for the council whose event it is
        assert run_stream(deps, "business_started") == []
    page = client.get(f"/v1/me/businesses/{told.json_body['id']}", at(DISTRICT_HOST, owner.auth)).json_body
    assert page["under_way"] is False and page["held_up"] is False and len(page["parts"]) == 4


def test_a_business_whose_services_could_not_be_told_says_so_and_not_that_they_were(
        client, deps, people, newcastle, council_morning, dies_after_commit, monkeypatch):
    owner = resident_at(people, DISTRICT)
    dies_after_commit()
    told = tell(client, owner, {"uprn": CORNER_CAFE, "last_use": "shop"})
    assert told.json_body["held_up"] is False
    given_up(monkeypatch, "chalicelib.handlers.business.following", "on_start")
    from chalicelib import tenancy
    with tenancy.acting_for(DISTRICT):
        run_stream(deps, "business_started")
    page = client.get(f"/v1/me/businesses/{told.json_body['id']}", at(DISTRICT_HOST, owner.auth)).json_body
    assert (page["under_way"], page["held_up"], page["parts"]) == (False, True, [])


def test_what_follows_a_business_happens_once_however_often_its_effect_runs(
        client, deps, people, newcastle, council_morning):
    from chalicelib import tenancy
    from chalicelib.handlers.business.following import on_start
    owner = resident_at(people, DISTRICT)
    made = tell(client, owner, {"uprn": CORNER_CAFE}).json_body
    with tenancy.acting_for(DISTRICT):
        before = deps.businesses.parts(owner.user.id, made["id"])
        event = type("Event", (), {"payload": {"user_id": owner.user.id, "start_id": made["id"]}})()
        asked = len(newcastle.calls)
        on_start(deps, event, "again")
        on_start(deps, event, "and again")
        after = deps.businesses.parts(owner.user.id, made["id"])
    assert [(p["name"], p["state"], p["version"]) for p in after] == \
        [(p["name"], p["state"], p["version"]) for p in before]
    assert len(newcastle.calls) == asked and len(newcastle.rates.kept) == 1  # the back office not asked again


def test_a_resident_takes_their_businesses_with_their_data_and_erasing_the_account_erases_them(
        client, deps, people, newcastle, council_morning):
    from chalicelib import tenancy
    owner = resident_at(people, DISTRICT)
    made = tell(client, owner, {"uprn": CORNER_CAFE}).json_body
    export = client.get("/v1/me/export", at(DISTRICT_HOST, owner.auth))
    assert export.status_code == 200
    rows = {r["row"] for r in export.json_body["businesses"]}
    assert f"start#{made['id']}" in rows and f"part#{made['id']}#business_rates" in rows
    assert client.raw.http.delete("/v1/me", headers=at(DISTRICT_HOST, owner.auth)).status_code in (200, 204)
    with tenancy.acting_for(DISTRICT):
        assert deps.businesses.everything_of(owner.user.id) == []
