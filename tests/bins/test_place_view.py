"""A resident opens their home's page: bins, ward, band, nearest services."""
from datetime import timedelta

import pytest

from support.bins_support import HOME, next_after, store_home, store_rounds, today, weekly_round

REFUSE = weekly_round("refuse-tue", "refuse", 1, every_weeks=2)
FOOD = weekly_round("food-tue", "food", 1)


@pytest.fixture
def home(deps):
    store_rounds(deps, REFUSE, FOOD)
    store_home(deps, {"refuse": "refuse-tue", "food": "food-tue"})


def test_a_home_shows_its_next_four_collections_per_stream_and_its_band(client, home):
    response = client.get(f"/v1/places/{HOME}")
    assert response.status_code == 200
    body = response.json_body
    assert body["address"] == "5 Walmgate, York" and body["postcode"] == "YO1 9TX"
    assert body["council_tax_band"] == "C"
    assert [b["stream"] for b in body["bins"]] == ["refuse", "food"]
    refuse, food = body["bins"]
    assert refuse["round"] == "refuse-tue" and len(refuse["collections"]) == 4
    assert {c["weekday"] for c in refuse["collections"] + food["collections"]} == {"Tuesday"}
    gaps = {(b["date"] > a["date"]) for a, b in zip(refuse["collections"], refuse["collections"][1:])}
    assert gaps == {True} and refuse["collections"][0]["date"] >= today().isoformat()
    assert body["bins_calendar_url"].endswith(f"/v1/places/{HOME}/bins.ics")
    assert "dynamodb;" in response.headers["Server-Timing"]


def test_a_bank_holiday_shift_shows_in_the_next_collections(client, deps):
    moved_from = next_after(FOOD, today())
    store_rounds(deps, weekly_round("food-tue", "food", 1, exceptions={moved_from: moved_from + timedelta(days=1)}))
    store_home(deps, {"food": "food-tue"})
    food = client.get(f"/v1/places/{HOME}").json_body["bins"][0]["collections"]
    shifted = [c for c in food if "moved_from" in c]
    assert shifted == [{"date": (moved_from + timedelta(days=1)).isoformat(), "weekday": "Wednesday",
                        "moved_from": moved_from.isoformat()}]


def test_a_home_outside_every_stored_ward_shows_the_gazetteer_ward_with_no_councillors(client, home):
    body = client.get(f"/v1/places/{HOME}").json_body
    assert body["ward"] == {"id": None, "name": "Guildhall"} and body["councillors"] == []


def test_the_ward_boundary_at_the_home_gives_its_ward_and_councillors(client, deps, home):
    from chalicelib.storage.places.wards import Ward
    w, s = -1.0800, 53.9540  # a square around the home at (-1.0755, 53.9568)
    square = {"type": "Polygon", "coordinates": [[[w, s], [w + 0.01, s], [w + 0.01, s + 0.01], [w, s + 0.01], [w, s]]]}
    deps.wards.put_many([Ward("E05014321", "Guildhall", square,
                              [{"name": "Cllr Ada Example", "party": "Independent", "email": "ada@example.org"}])])
    body = client.get(f"/v1/places/{HOME}").json_body
    assert body["ward"] == {"id": "E05014321", "name": "Guildhall"}
    assert body["councillors"] == [{"name": "Cllr Ada Example", "party": "Independent", "email": "ada@example.org",
                                    "phone": None, "surgery": None}]


def test_the_nearest_facility_of_each_type_on_offer_is_listed_and_empty_types_skipped(client, deps, home):
    from chalicelib.storage.places.facilities import facility
    deps.facilities.put_many([
        facility("lib-near", "library", "York Explore", -1.0862, 53.9603),
        facility("lib-far", "library", "Acomb Explore", -1.1300, 53.9540),
        facility("hwrc", "household_waste_site", "Hazel Court", -1.0530, 53.9710),
        facility("wc-1", "toilet", "Toilets", -1.0756, 53.9569)])  # not a main type
    nearest = client.get(f"/v1/places/{HOME}").json_body["nearest"]
    assert [(n["type"], n["id"]) for n in nearest] == [("library", "lib-near"), ("household_waste_site", "hwrc")]
    assert 700 < nearest[0]["distance_m"] < 900


def test_a_home_with_no_rounds_or_band_still_has_a_page(client, deps):
    store_home(deps, rounds=None, band=None, ward=None)
    body = client.get(f"/v1/places/{HOME}").json_body
    assert body["bins"] == [] and body["council_tax_band"] is None and body["ward"] is None


def test_a_round_id_not_yet_imported_is_left_out(client, deps):
    store_rounds(deps, FOOD)
    store_home(deps, {"refuse": "refuse-not-loaded", "food": "food-tue"})
    assert [b["stream"] for b in client.get(f"/v1/places/{HOME}").json_body["bins"]] == ["food"]


def test_an_unknown_uprn_is_404_place_not_found(client, storage):
    response = client.get("/v1/places/990000000999")
    assert response.status_code == 404 and response.json_body["error"]["code"] == "place_not_found"


@pytest.mark.parametrize("uprn", ["abc", "1234567890123"])
def test_a_malformed_uprn_names_no_place_404_at_the_edge_as_its_route_declares(client, storage, uprn):
    for path in (f"/v1/places/{uprn}", f"/v1/places/{uprn}/bins.ics"):
        response = client.get(path)
        assert response.status_code == 404 and response.json_body["error"]["code"] == "not_found"


def test_a_uprn_with_a_character_no_path_segment_holds_names_nothing(client, storage):
    """The edge (api/edge.py) answers every route's path values outside a
    segment's alphabet alike, before any view: 404 not_found."""
    for path in ("/v1/places/12%2034", "/v1/places/12%2034/bins.ics"):
        response = client.get(path)
        assert response.status_code == 404 and response.json_body["error"]["code"] == "not_found"
