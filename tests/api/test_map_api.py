import re

import pytest

"""The map and duplicate suggestions read the geo index, never the table."""
from conftest import pothole

CENTRE_BBOX = "-1.10,53.95,-1.07,53.97"


def test_new_report_appears_on_the_map_inside_its_bbox_only(client):
    inside = client.post("/v1/reports", pothole(lat=53.9600, lon=-1.0800)).json_body["id"]
    outside = client.post("/v1/reports", pothole(lat=53.9900, lon=-1.1200)).json_body["id"]
    r = client.get(f"/v1/reports?bbox={CENTRE_BBOX}")
    assert r.status_code == 200
    fc = r.json_body
    assert fc["type"] == "FeatureCollection" and fc["truncated"] is False
    ids = [f["id"] for f in fc["features"]]
    assert inside in ids and outside not in ids
    feature = next(f for f in fc["features"] if f["id"] == inside)
    assert feature["geometry"] == {"type": "Point", "coordinates": [-1.08, 53.96]}
    assert feature["properties"]["service_code"] == "pothole"


def test_map_never_shows_contact_details(client):
    client.post("/v1/reports", pothole(lat=53.9600, lon=-1.0800))
    body = client.get(f"/v1/reports?bbox={CENTRE_BBOX}").body.decode()
    assert "ada@example.org" not in body and "Ada Resident" not in body and "07700" not in body


def test_map_response_states_its_dynamodb_cost(client):
    for i in range(3):
        client.post("/v1/reports", pothole(lat=53.9600 + i * 0.001, lon=-1.0800))
    r = client.get(f"/v1/reports?bbox={CENTRE_BBOX}")
    timing = r.headers["Server-Timing"]
    assert timing.startswith("dynamodb;dur=")
    queries = int(timing.split("queries=")[1].split()[0])
    items = _items(r)
    assert items == 3 and 1 <= queries <= 40


def test_closed_reports_leave_the_default_open_map(client, deps):
    from chalicelib.handlers.reports import create as reports
    from chalicelib.handlers.reports.changes import change_state
    rid = client.post("/v1/reports", pothole(lat=53.9600, lon=-1.0800)).json_body["id"]
    change_state(deps, rid, "fixed", "Filled in.")
    open_ids = [f["id"] for f in client.get(f"/v1/reports?bbox={CENTRE_BBOX}").json_body["features"]]
    closed = client.get(f"/v1/reports?bbox={CENTRE_BBOX}&status=closed")
    assert rid not in open_ids
    assert [f["id"] for f in closed.json_body["features"]] == [rid]
    assert "items=1" in closed.headers["Server-Timing"]


def test_map_filters_by_category_and_since(client):
    client.post("/v1/reports", pothole(lat=53.9600, lon=-1.0800))
    client.post("/v1/reports", {"service_code": "graffiti", "lat": 53.961, "lon": -1.081,
                                "description": "Tags on the wall", "fields": {"offensive": "no"}})
    fc = client.get(f"/v1/reports?bbox={CENTRE_BBOX}&service_code=graffiti").json_body
    assert [f["properties"]["service_code"] for f in fc["features"]] == ["graffiti"]
    assert client.get(f"/v1/reports?bbox={CENTRE_BBOX}&since=2999-01-01").json_body["features"] == []


@pytest.fixture
def small_map_cap(monkeypatch):
    # before `client`: Chalice's test client snapshots the environment
    monkeypatch.setenv("DOORSTEP_MAP_FEATURE_CAP", "4")


def test_city_wide_map_is_capped_and_shows_the_pins_nearest_its_centre(small_map_cap, client):
    from chalicelib.geo.distance import haversine_m
    from chalicelib.handlers.reports.map import READ_SLACK
    points = [(-1.10 + i * 0.01, 53.93 + i * 0.01) for i in range(6)]
    for lon, lat in points:
        client.post("/v1/reports", pothole(lat=lat, lon=lon))
    r = client.get("/v1/reports?bbox=-1.25,53.87,-0.90,54.07")
    fc = r.json_body
    assert fc["truncated"] is True and len(fc["features"]) == 4, (fc["limit"], len(fc["features"]), r.headers)
    nearest = sorted(points, key=lambda p: haversine_m(-1.075, 53.97, *p))[:4]
    shown = [tuple(round(c, 5) for c in f["geometry"]["coordinates"]) for f in fc["features"]]
    assert sorted(shown) == sorted((round(lon, 5), round(lat, 5)) for lon, lat in nearest)
    assert _items(r) <= 1.5 * 4 + READ_SLACK


def test_bad_bbox_gets_field_errors(client):
    # Malformed (the document's pattern) is 400; west east of east is a rule it states (422).
    for bbox, status in (("", 400), ("1,2,3", 400), ("a,b,c,d", 400), ("-1,54,-2,53", 422), ("-1,95,0,96", 400)):
        r = client.get(f"/v1/reports?bbox={bbox}")
        assert r.status_code == status, bbox
        assert r.json_body["error"]["fields"][0]["field"] == "bbox"


def test_continent_sized_bbox_is_refused_not_scanned(client):
    r = client.get("/v1/reports?bbox=-180,-90,180,90")
    assert r.status_code == 422 and r.json_body["error"]["code"] == "bbox_too_large"


def test_nearby_suggests_open_reports_of_the_same_category_by_distance(client):
    near = client.post("/v1/reports", pothole(lat=53.96000, lon=-1.08000)).json_body["id"]
    nearer = client.post("/v1/reports", pothole(lat=53.96010, lon=-1.08010)).json_body["id"]
    far = client.post("/v1/reports", pothole(lat=53.96500, lon=-1.08000)).json_body["id"]
    r = client.get("/v1/reports/nearby?lat=53.96012&lon=-1.08012&service_code=pothole")
    assert r.status_code == 200
    ids = [f["id"] for f in r.json_body["features"]]
    assert ids == [nearer, near] and far not in ids
    assert r.json_body["radius_m"] == 50
    assert "Server-Timing" in r.headers


def test_nearby_requires_a_point(client):
    r = client.get("/v1/reports/nearby")
    assert r.status_code == 400
    assert {f["field"] for f in r.json_body["error"]["fields"]} == {"lat", "lon"}


def test_nearby_on_a_busy_street_stops_once_the_nearest_are_proven(deps):
    from chalicelib.handlers.reports import create as reports
    from chalicelib.handlers.reports.nearby import nearby
    from chalicelib.storage.metering import metered
    for i in range(25):
        reports.create_report(deps, pothole(lat=53.96000 + i * 0.00002, lon=-1.08000))
    for i in range(25):
        reports.create_report(deps, pothole(lat=53.96300 + i * 0.00002, lon=-1.08000))  # ~330 m north
    with metered() as meter:
        fc = nearby(deps, {"lat": "53.96", "lon": "-1.08", "radius_m": "500"})
    assert len(fc["features"]) == 20
    assert all(f["properties"]["distance_m"] < 60 for f in fc["features"])
    assert meter.items < 50  # the far group lies in rings never read


def test_truncated_map_fills_its_cap_with_pins_in_view(small_map_cap, client, deps):
    """Pins in a straddling cover cell but outside the view don't use up the cap."""
    from chalicelib.handlers.reports import create as reports
    from chalicelib.handlers.reports.changes import change_state
    for i in range(6):
        reports.create_report(deps, pothole(lat=53.96000 + i * 0.0001, lon=-1.08000))
    for i in range(6):
        reports.create_report(deps, pothole(lat=53.96000 + i * 0.0001, lon=-1.07990))  # just east
    fc = client.get("/v1/reports?bbox=-1.0802,53.9599,-1.07995,53.9607").json_body
    assert len(fc["features"]) == 4 and fc["truncated"] is True
    assert all(f["geometry"]["coordinates"][0] < -1.07995 for f in fc["features"])


def _queries(response):
    timing = response.headers["Server-Timing"]
    return int(timing.split("queries=")[1].split()[0])


def _items(response):
    """The items DynamoDB read for the answer (Server-Timing's dynamodb entry)."""
    return int(re.search(r"items=(\d+)", response.headers["Server-Timing"]).group(1))


def test_the_readmes_map_request_costs_its_12_queries_and_a_process_first_two_more(client):
    answer = client.get("/v1/reports?bbox=-1.10,53.95,-1.07,53.97")
    # a process's first also reads the categories and the councils' extents (kept for a minute and 5 minutes)
    assert answer.status_code == 200 and _queries(answer) <= 14
    assert _queries(client.get("/v1/reports?bbox=-1.10,53.95,-1.07,53.97")) <= 12


def test_a_map_request_naming_many_categories_and_every_state_stays_within_its_query_budget(client):
    from chalicelib.storage.reports.services import ServiceStore
    budget = 64  # map.QUERY_BUDGET
    codes = sorted(ServiceStore().by_code())[:20]
    answer = client.get(f"/v1/reports?bbox={CENTRE_BBOX}&status=all&service_code={','.join(codes)}")
    assert answer.status_code == 200, answer.body
    wide = client.get(f"/v1/reports?bbox=-1.20,53.90,-0.95,54.02&status=all&service_code={','.join(codes)}")
    assert _queries(answer) <= budget
    assert wide.status_code == 200 and _queries(wide) <= budget


def test_a_category_the_council_does_not_have_is_refused_on_the_map(client):
    answer = client.get(f"/v1/reports?bbox={CENTRE_BBOX}&service_code=pothole,no_such_thing")
    assert answer.status_code == 422
    [problem] = answer.json_body["error"]["fields"]
    assert problem["field"] == "service_code" and "no_such_thing" in problem["message"]


def test_a_dense_view_shows_exactly_the_pins_nearest_its_centre_reading_little_more(deps):
    import dataclasses
    import random
    from chalicelib.geo.distance import haversine_m
    from chalicelib.handlers.reports import create as reports
    from chalicelib.handlers.reports.map import READ_SLACK, map_reports
    from chalicelib.storage.metering import metered
    rng = random.Random(7)
    bbox = (-1.0823, 53.9587, -1.0777, 53.9613)  # a busy street, ~300 m
    centre = ((bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2)
    made = []
    for _ in range(150):
        lat, lon = round(53.9587 + rng.random() * 0.0026, 6), round(-1.0823 + rng.random() * 0.0046, 6)
        reports.create_report(deps, pothole(lat=lat, lon=lon))
        made.append(haversine_m(*centre, lon, lat))
    capped = deps.replace(settings=dataclasses.replace(deps.settings, map_feature_cap=20))
    with metered() as meter:
        fc = map_reports(capped, {"bbox": ",".join(map(str, bbox))})
    shown = sorted(haversine_m(*centre, *f["geometry"]["coordinates"]) for f in fc["features"])
    assert fc["truncated"] is True and len(shown) == 20
    assert [round(d, 3) for d in shown] == [round(d, 3) for d in sorted(made)[:20]], (meter.items, meter.queries)
    assert meter.items <= 1.5 * 20 + READ_SLACK
