"""A partner system that knows the address, not the point: address_id (a
UPRN) or address_string places the request at that home."""
import pytest

from conftest import store_addresses
from open311_support import API_KEY, CREATED, ERRORS, REQUESTS, post_form, read_json


@pytest.fixture(autouse=True)
def setup(monkeypatch, deps):
    monkeypatch.setenv("OPEN311_API_KEYS", API_KEY)
    store_addresses(deps)


def graffiti(**place):
    return {"api_key": API_KEY, "service_code": "graffiti", "description": "Tags on the shop shutter.",
            "attribute[offensive]": "no", "attribute[surface]": "wall", **place}


def post_and_read_back(client, fields):
    response = post_form(client, "/open311/v2/requests.json", fields)
    assert response.status_code == 200, response.body
    [created] = read_json(response, CREATED)
    [request] = read_json(client.get(f"/open311/v2/requests/{created['service_request_id']}.json"), REQUESTS)
    return request


def test_a_request_by_address_id_is_placed_at_that_uprn(client):
    request = post_and_read_back(client, graffiti(address_id="990000000103"))
    assert (request["lat"], request["long"]) == (53.9562, -1.0879)


@pytest.mark.parametrize("address_string", ["12 Micklegate, York YO1 7HH", "12 micklegate york yo17hh"])
def test_a_request_by_address_string_is_placed_at_the_matching_home(client, address_string):
    request = post_and_read_back(client, graffiti(address_string=address_string))
    assert (request["lat"], request["long"]) == (53.9562, -1.0879)


def test_lat_and_long_win_over_an_address(client):
    request = post_and_read_back(client, graffiti(lat="53.9623", long="-1.0819", address_id="990000000103"))
    assert (request["lat"], request["long"]) == (53.9623, -1.0819)


@pytest.mark.parametrize("place,words", [
    ({"address_id": "990000009999"}, "unknown address_id"),
    ({"address_id": "not-a-uprn"}, "unknown address_id"),
    ({"address_string": "12 Micklegate, York"}, "no UK postcode"),
    ({"address_string": "99 Micklegate, YO1 7HH"}, "no known address at YO1 7HH"),
    ({"address_string": "1 Low Street, YO10 5DD"}, "no known address at YO10 5DD"),
])
def test_an_address_that_cannot_be_placed_is_a_spec_400_asking_for_lat_and_long(client, deps, place, words):
    response = post_form(client, "/open311/v2/requests.json", graffiti(**place))
    assert response.status_code == 400
    [error] = read_json(response, ERRORS)
    assert error["code"] == 400
    assert words in error["description"] and "send lat and long" in error["description"]
    from chalicelib.storage.reports import ReportModel
    assert ReportModel.count() == 0
