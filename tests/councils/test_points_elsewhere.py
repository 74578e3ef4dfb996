"""A point this council does not look after (issue 70, item 5): another council
of the deployment is named with its own address, a point no council serves is
refused with where to report it instead, and finding which costs a warm
function no read."""
from conftest import pothole
from support.councils_support import (NL_HOST, NOWHERE_SERVED, YORK_HOST, add, at, north_lanarkshire,
                                      with_categories, york)

MOTHERWELL = (55.7892, -3.9916)


def _key(n):
    return {"Idempotency-Key": f"b2c3d4e5-0000-4000-8000-00000000{n:04d}"}


def test_a_report_in_another_council_of_the_deployment_names_it_and_links_to_its_address(client, deps):
    add(deps, york(), north_lanarkshire())
    refused = client.post("/v1/reports", pothole(lat=MOTHERWELL[0], lon=MOTHERWELL[1]), at(YORK_HOST, _key(1)))
    assert refused.status_code == 422, refused.json_body
    error = refused.json_body["error"]
    assert error["code"] == "another_councils_area"
    assert error["report_at"] == {"council": "north-lanarkshire", "name": "North Lanarkshire Council",
                                  "url": "http://northlanarkshire.localhost:8000/report/category"}
    assert "North Lanarkshire Council" in error["message"] and error["report_at"]["url"] in error["message"]
    # and before the resident writes a word: the categories on offer there say the same
    offered = client.get(f"/v1/services?lat={MOTHERWELL[0]}&lon={MOTHERWELL[1]}", at(YORK_HOST))
    assert offered.status_code == 422 and offered.json_body["error"]["report_at"]["council"] == "north-lanarkshire"


def test_a_report_in_no_council_of_the_deployment_is_refused_with_where_to_report_it(client, deps):
    add(deps, york(), north_lanarkshire())
    with_categories("north-lanarkshire")
    lat, lon = NOWHERE_SERVED
    refused = client.post("/v1/reports", pothole(lat=lat, lon=lon), at(NL_HOST, _key(2)))
    assert refused.status_code == 422
    error = refused.json_body["error"]
    assert error["code"] == "outside_service_area"
    assert error["report_at"] == {"name": "FixMyStreet",
                                  "url": f"https://www.fixmystreet.com/around?latitude={lat}&longitude={lon}"}
    assert "North Lanarkshire Council" in error["message"] and "FixMyStreet" in error["message"]


def test_finding_the_council_of_a_point_among_forty_reads_one_small_query_then_nothing(deps):
    from chalicelib.councils import registry
    from chalicelib.councils.areas import holding
    from chalicelib.storage import metering
    others = []
    for n in range(39):  # a strip of squares down the country, each a council
        south = 50.0 + n * 0.1
        others.append(dict(north_lanarkshire(), id=f"council-{n:02d}", name=f"Council {n}", hosts=[f"c{n}.localhost"],
                           area={"type": "Polygon", "coordinates": [[[-3, south], [-2, south], [-2, south + 0.1],
                                                                     [-3, south + 0.1], [-3, south]]]}))
    add(deps, york(), *others)
    registry.forget()
    with metering.metered() as cold:
        assert holding(-2.5, 51.25) == ["council-12"]
    assert cold.operations == ["Query", "GetItem"]  # the extents, then the one council whose box holds it
    assert cold.items <= 41
    with metering.metered() as warm:
        assert holding(-2.5, 51.25) == ["council-12"] and holding(-1.0819, 53.9623) == ["york"]
    assert warm.operations == ["GetItem"]  # York's settings, first read here; council-12's kept
    with metering.metered() as warmer:
        holding(-2.5, 51.25), holding(-1.0819, 53.9623)
    assert warmer.calls == 0
