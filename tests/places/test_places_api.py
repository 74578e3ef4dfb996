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


@pytest.mark.parametrize("query, status", [("", 422), ("?postcode=", 422), ("?postcode=not-a-postcode", 400),
                                           ("?postcode=YO1%207CC", 400)])
def test_a_missing_or_malformed_postcode_is_refused_naming_the_field(client, query, status):
    # Malformed breaks the document's pattern (400); neither postcode nor street breaks a rule it states (422).
    response = client.get(f"/v1/places{query}")
    assert response.status_code == status
    error = response.json_body["error"]
    assert error["code"] == "validation_failed"
    assert [f["field"] for f in error["fields"]] == ["postcode"]


def test_postcode_lookups_query_the_index_and_never_scan(deps, addresses, monkeypatch):
    from chalicelib.storage.places.addresses import AddressModel
    monkeypatch.setattr(AddressModel, "scan", lambda *a, **k: pytest.fail("scanned the address table"))
    assert len(deps.addresses.by_postcode("YO17HH")) == 4


@pytest.mark.parametrize("typed,expected", [
    ("Micklegate", ["1 Micklegate, York", "2 Micklegate, York", "12 Micklegate, York"]),
    ("mickle", ["1 Micklegate, York", "2 Micklegate, York", "12 Micklegate, York"]),
    ("12 Micklegate, York", ["12 Micklegate, York"]),
    ("priory st", ["12 Priory Street, York"]),
])
def test_a_resident_who_knows_their_street_but_not_their_postcode_finds_their_home(client, addresses, typed,
                                                                                  expected):
    from urllib.parse import quote
    response = client.get(f"/v1/places?street={quote(typed)}")
    assert response.status_code == 200, response.body
    assert [a["address"] for a in response.json_body["addresses"]] == expected
    assert response.json_body["street"] == typed.strip()


def test_a_street_search_reads_one_index_range_whatever_the_gazetteers_size(client, deps, addresses):
    from chalicelib.storage.metering import metered
    from chalicelib.storage.records import Address
    deps.addresses.put_many(Address(f"99000001{n:04d}", [f"{n} Other Road", "York"], "YO10 5AA", 53.95, -1.05)
                            for n in range(1, 301))
    with metered() as meter:
        found = deps.addresses.on_street("MICKLEGATE", limit=100)
    assert len(found) == 3 and meter.queries == 1 and meter.items == 3


@pytest.mark.parametrize("query,field,status", [
    ("?street=mi", "street", 422), ("?street=" + "x" * 101, "street", 400),
    ("?street=Micklegate&postcode=YO1%207HH", "street", 422)])
def test_a_street_too_short_too_long_or_beside_a_postcode_is_refused(client, addresses, query, field, status):
    response = client.get(f"/v1/places{query}")
    assert response.status_code == status
    assert [f["field"] for f in response.json_body["error"]["fields"]] == [field]


def test_an_unknown_street_is_404_street_not_found(client, addresses):
    response = client.get("/v1/places?street=Nowhere%20Lane")
    assert response.status_code == 404 and response.json_body["error"]["code"] == "street_not_found"


def test_a_postcode_over_the_border_says_it_is_outside_the_council_area(client, addresses):
    # LS1 is Leeds's: none of the districts the service area lists.
    response = client.get("/v1/places?postcode=LS1%204AP")
    assert response.status_code == 422
    error = response.json_body["error"]
    assert error["code"] == "outside_service_area"
    assert "LS1 4AP" in error["message"] and "outside the area" in error["message"]
    assert error["fields"][0]["field"] == "postcode"
