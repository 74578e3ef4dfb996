"""A resident who places a report by an address (the app's postcode or
street search) sees that address on the report, and so does everyone else."""
import pytest

from conftest import pothole, store_addresses

MICKLEGATE_1 = {"uprn": "990000000101", "lat": 53.95580, "lon": -1.08840}


def test_a_report_placed_by_an_address_shows_it_publicly_and_in_open311(client, deps):
    store_addresses(deps)
    created = client.post("/v1/reports", pothole(**MICKLEGATE_1))
    assert created.status_code == 201, created.body
    report_id = created.json_body["id"]
    assert client.get(f"/v1/reports/{report_id}").json_body["address"] == "1 Micklegate, York"
    [request] = client.get(f"/open311/v2/requests/{report_id}.json").json_body
    assert request["address"] == "1 Micklegate, York"


@pytest.mark.parametrize("overrides, status, why", [
    ({**MICKLEGATE_1, "uprn": "not a uprn"}, 400, "Must be a UPRN"),
    ({**MICKLEGATE_1, "uprn": 990000000101}, 400, "Must be a UPRN"),
    ({**MICKLEGATE_1, "uprn": "990000009999"}, 422, "Is not an address"),
    ({**MICKLEGATE_1, "lat": 53.9623, "lon": -1.0819}, 422, "m from lat/lon"),  # the pin moved to the Minster
])
def test_an_address_that_does_not_name_the_reports_place_is_refused_on_its_field(client, deps, overrides, status,
                                                                                 why):
    store_addresses(deps)
    response = client.post("/v1/reports", pothole(**overrides))
    assert response.status_code == status, response.body
    [problem] = response.json_body["error"]["fields"]
    assert problem["field"] == "uprn" and why in problem["message"]

