"""Nearest by postcode, for residents who will not share their location."""
import pytest

from conftest import store_addresses


@pytest.fixture
def york(client, deps):
    from chalicelib.storage.places.facilities import facility
    store_addresses(deps)
    deps.facilities.put_many([
        facility("lib-1", "library", "Explore York", -1.0870, 53.9590),
        facility("lib-2", "library", "Acomb Explore", -1.1260, 53.9560),
    ])
    return client


def test_resident_finds_nearest_library_by_postcode_without_sharing_location(york):
    body = york.get("/v1/nearest?postcode=yo17hh&type=library&k=1").json_body
    assert [f["id"] for f in body["features"]] == ["lib-1"]


def test_unknown_postcode_for_nearest_is_a_404(york):
    r = york.get("/v1/nearest?postcode=YO1 9ZZ&type=library")  # in the council's districts, unknown
    assert r.status_code == 404 and r.json_body["error"]["code"] == "postcode_not_found"


def test_nearest_refuses_postcode_and_point_together(york):
    r = york.get("/v1/nearest?postcode=YO1 7HH&lat=53.96&lon=-1.08&type=library")
    assert r.status_code == 422 and r.json_body["error"]["fields"][0]["field"] == "postcode"


def test_nearest_without_point_or_postcode_names_lat_and_lon(york):
    r = york.get("/v1/nearest?type=library")
    assert r.status_code == 422
    assert {f["field"] for f in r.json_body["error"]["fields"]} >= {"lat", "lon"}
