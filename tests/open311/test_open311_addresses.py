"""A partner system that knows the address, not the point: address_id (a
UPRN) or address_string places the request at that home."""
import pytest

from conftest import store_addresses
from support.open311_support import API_KEY, ERRORS, REQUESTS, graffiti, post_form, read_back, read_json


@pytest.fixture(autouse=True)
def setup(monkeypatch, deps):
    monkeypatch.setenv("OPEN311_API_KEYS", API_KEY)
    store_addresses(deps)


def post_and_read_back(client, fields):
    return read_back(client, post_form(client, "/open311/v2/requests.json", fields))


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
    from chalicelib.storage.reports.reports import ReportModel
    assert ReportModel.count() == 0


def test_the_matched_address_is_the_requests_address_by_id_and_in_the_listing(client):
    request = post_and_read_back(client, graffiti(address_id="990000000103", email="ada@example.org",
                                                  first_name="Ada", phone="01904 000000"))
    assert request["address"] == "12 Micklegate, York"
    listed = read_json(client.get("/open311/v2/requests.json"), REQUESTS)  # the by_month index
    assert [r["address"] for r in listed if r["service_request_id"] == request["service_request_id"]] == \
        ["12 Micklegate, York"]
    # the problem's street address, never the reporter's details
    for body in (str(request), str(listed)):
        assert "ada@example.org" not in body and "Ada" not in body and "01904" not in body


def test_the_matched_address_by_string_is_the_tables_line_not_the_text_sent(client):
    request = post_and_read_back(client, graffiti(address_string="12 micklegate york yo17hh"))
    assert request["address"] == "12 Micklegate, York"


def test_a_request_placed_by_lat_and_long_has_an_empty_address(client):
    request = post_and_read_back(client, graffiti(lat="53.9623", long="-1.0819", address_id="990000000103"))
    assert request["address"] == ""


def test_v1_public_view_shows_the_address_only_when_there_is_one(client):
    request = post_and_read_back(client, graffiti(address_id="990000000103"))
    view = client.get(f"/v1/reports/{request['service_request_id']}").json_body
    assert view["address"] == "12 Micklegate, York" and "contact" not in view
    plain = post_and_read_back(client, graffiti(lat="53.9623", long="-1.0819"))
    assert "address" not in client.get(f"/v1/reports/{plain['service_request_id']}").json_body


def test_a_private_category_shows_no_address(client, deps):
    from chalicelib.handlers.reports import create as reports
    view, _ = reports.create_report(deps, {
        "service_code": "complaint", "description": "Shouting at number 12.",
        "fields": {"service_area": "Bins"}, "contact": {"email": "ada@example.org"}}, address="12 Micklegate, York")
    [request] = read_json(client.get(f"/open311/v2/requests/{view['id']}.json"), REQUESTS)
    assert request["address"] == ""
    assert "address" not in client.get(f"/v1/reports/{view['id']}").json_body
