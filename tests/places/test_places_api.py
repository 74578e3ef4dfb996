"""A resident types their postcode and picks their home from the list."""
import pytest

from conftest import store_addresses


@pytest.fixture
def addresses(deps):
    store_addresses(deps)


@pytest.mark.parametrize("typed", ["YO1 7HH", "yo17hh", " Yo1  7hH "])
def test_a_postcode_lists_its_addresses_however_it_is_typed(client, addresses, typed):
    from urllib.parse import quote
    response = client.get(f"/v1/places?postcode={quote(typed)}")
    assert response.status_code == 200
    body = response.json_body
    assert body["postcode"] == "YO1 7HH"
    assert [a["address"] for a in body["addresses"]] == [
        "1 Micklegate, York", "2 Micklegate, York", "12 Micklegate, York", "12 Priory Street, York"]
    first = body["addresses"][0]
    assert first == {"uprn": "990000000101", "address": "1 Micklegate, York", "lat": 53.9558,
                     "lon": -1.0884, "ward": "Micklegate"}


def test_a_postcode_with_no_addresses_is_404_postcode_not_found(client, addresses):
    response = client.get("/v1/places?postcode=YO10%205DD")
    assert response.status_code == 404
    assert response.json_body["error"]["code"] == "postcode_not_found"
    assert "YO10 5DD" in response.json_body["error"]["message"]


@pytest.mark.parametrize("query", ["", "?postcode=", "?postcode=not-a-postcode", "?postcode=YO1%207CC"])
def test_a_missing_or_malformed_postcode_is_a_400_naming_the_field(client, query):
    response = client.get(f"/v1/places{query}")
    assert response.status_code == 400
    error = response.json_body["error"]
    assert error["code"] == "validation_failed"
    assert [f["field"] for f in error["fields"]] == ["postcode"]


def test_postcode_lookups_query_the_index_and_never_scan(deps, addresses, monkeypatch):
    from chalicelib.storage.addresses import AddressModel
    monkeypatch.setattr(AddressModel, "scan", lambda *a, **k: pytest.fail("scanned the address table"))
    assert len(deps.addresses.by_postcode("YO17HH")) == 4
