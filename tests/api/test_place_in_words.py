"""A report placed by GPS or on the map reads as a place, not a pair of
numbers: the nearest address from the gazetteer ("Near 2 Micklegate"),
found through the address geo index and stored with the report."""
from conftest import pothole, store_addresses
from support.feeds_support import public_url  # noqa: F401


def test_a_report_placed_by_a_point_is_named_by_its_nearest_address(client, deps):
    store_addresses(deps)
    # 25 m or so north-east of 2 Micklegate; 12 Micklegate is farther.
    created = client.post("/v1/reports", pothole(lat=53.95615, lon=-1.08830))
    assert created.status_code == 201, created.body
    view = client.get(f"/v1/reports/{created.json_body['id']}").json_body
    assert view["near"] == "Near 2 Micklegate" and view["place_text"] == "Near 2 Micklegate"
    assert "address" not in view
    assert view["location"] == {"lat": 53.95615, "lon": -1.0883}  # the point stays, as the second detail


def test_a_point_on_the_doorstep_is_outside_the_address(client, deps):
    store_addresses(deps)
    created = client.post("/v1/reports", pothole(lat=53.95621, lon=-1.08791))
    view = client.get(f"/v1/reports/{created.json_body['id']}").json_body
    assert view["place_text"] == "Outside 12 Micklegate"


def test_a_report_placed_by_an_address_keeps_that_address_and_no_near(client, deps):
    store_addresses(deps)
    created = client.post("/v1/reports", pothole(uprn="990000000101", lat=53.95580, lon=-1.08840))
    view = client.get(f"/v1/reports/{created.json_body['id']}").json_body
    assert view["place_text"] == "1 Micklegate, York" and "near" not in view


def test_a_point_with_no_address_near_has_no_words(client, deps):
    store_addresses(deps)
    created = client.post("/v1/reports", pothole(lat=53.9400, lon=-1.1200))  # fields, a kilometre from any
    view = client.get(f"/v1/reports/{created.json_body['id']}").json_body
    assert "near" not in view and "place_text" not in view


def test_finding_the_nearest_address_reads_the_few_addresses_around_the_point(deps):
    from chalicelib.storage.records import Address
    from chalicelib.handlers.shared.placement import nearest_address
    # A street of 400 houses 10 m apart (4 km), then the point beside house 200.
    street = [Address(uprn=f"9900001{n:05d}", lines=[f"{n} Long Street", "York"], postcode="YO1 7HH",
                      lat=53.95 + n * 0.00009, lon=-1.08, ward=None) for n in range(1, 401)]
    deps.addresses.put_many(street)
    read = []
    real = deps.addresses.in_cell_range

    def counted(*args):
        found = real(*args)
        read.extend(found)
        return found

    deps.addresses.in_cell_range = counted
    address, metres = nearest_address(deps, -1.07995, 53.95 + 200 * 0.00009)
    assert address.lines[0] == "200 Long Street" and metres < 5
    assert len(read) <= 12, f"{len(read)} addresses read to find one of 400"


def test_a_place_in_a_sentence_is_at_its_address_or_near_the_nearest():
    from types import SimpleNamespace
    from chalicelib.handlers.shared.placement import place_phrase, place_text
    near = SimpleNamespace(address=None, near="Near 2 Micklegate")
    assert place_text(near) == "Near 2 Micklegate" and place_phrase(near) == "near 2 Micklegate"
    placed = SimpleNamespace(address="1 Micklegate, York", near=None)
    assert place_text(placed) == "1 Micklegate, York" and place_phrase(placed) == "at 1 Micklegate, York"
    nowhere = SimpleNamespace(address=None, near=None)
    assert place_text(nowhere) is None and place_phrase(nowhere) is None


def test_the_area_feed_says_where_in_words(client, deps, public_url):
    from support.feeds_support import FEED, read_feed
    store_addresses(deps)
    client.post("/v1/reports", pothole(lat=53.95615, lon=-1.08830))
    [item] = read_feed(client.get(f"{FEED}?lat=53.95615&lon=-1.08830")).entries
    assert "Where: Near 2 Micklegate" in item.description
