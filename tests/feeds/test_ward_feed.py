"""The ward feed: new reports inside one ward's boundary."""
from conftest import YORK_MINSTER, pothole
from support.feeds_support import FEED, assert_json_error, public_url, read_feed  # noqa: F401

LAT, LON = YORK_MINSTER


def square(ward_id, name, w, s, size=0.01):
    from chalicelib.storage.places.wards import Ward
    ring = [[w, s], [w + size, s], [w + size, s + size], [w, s + size], [w, s]]
    return Ward(ward_id, name, {"type": "Polygon", "coordinates": [ring]}, [])


def wards(deps):
    # Two squares side by side; the Minster is in the western one.
    deps.wards.put_many([square("minster", "Minster", LON - 0.005, LAT - 0.005),
                         square("east", "East", LON + 0.005, LAT - 0.005)])


def test_ward_feed_lists_reports_inside_the_ward_only(client, deps, public_url):
    wards(deps)
    inside = client.post("/v1/reports", pothole()).json_body["id"]
    client.post("/v1/reports", pothole(lon=LON + 0.008))  # in the eastern ward

    feed = read_feed(client.get(f"{FEED}?ward=minster"))

    assert [e.id for e in feed.entries] == [inside]
    assert "Minster ward" in feed.feed.title
    assert any(link.rel == "self" and link.href.endswith(f"{FEED}?ward=minster") for link in feed.feed.links)


def test_unknown_ward_feed_is_404_and_ward_with_a_point_is_422(client, deps):
    wards(deps)
    assert_json_error(client.get(f"{FEED}?ward=nowhere"), 404, "ward_not_found")
    assert_json_error(client.get(f"{FEED}?ward=minster&lat={LAT}&lon={LON}"), 422, "validation_failed", "ward")
