"""Facilities: "where's my nearest" against a brute-force search, its cost,
its validation, and `doorstep import facilities`."""
import json
import random

import pytest

from chalicelib.geo.distance import haversine_m
from conftest import geojson_file

TYPES = ("library", "recycling_centre", "toilet")
# Points in York: the centre (dense), the suburbs and the edge (sparse).
POINTS = [(53.9590, -1.0815), (53.9623, -1.0819), (53.9850, -1.1200), (53.9300, -1.0400),
          (53.9000, -1.2000), (54.0300, -0.9700)]


def york_facilities(seed=7, count=300):
    """Seeded: most near the centre (dense), the rest spread over the city."""
    from chalicelib.storage.places.facilities import facility
    rng = random.Random(seed)
    rows = []
    for i in range(count):
        if i % 3:
            lat, lon = rng.gauss(53.9600, 0.008), rng.gauss(-1.0820, 0.012)
        else:
            lat, lon = rng.uniform(53.90, 54.02), rng.uniform(-1.20, -0.96)
        rows.append(facility(f"F{i:04d}", TYPES[i % 7 % 3], f"Facility {i}", lon, lat))
    return rows


@pytest.fixture
def york(deps):
    rows = york_facilities()
    deps.facilities.put_many(rows)
    return rows


def brute_force(rows, type_, lat, lon, k, max_m=None):
    pairs = sorted((haversine_m(lon, lat, f.lon, f.lat), f.id) for f in rows if f.type == type_)
    return [fid for d, fid in pairs if max_m is None or d <= max_m][:k]


def cost(response):
    timing = response.headers["Server-Timing"]
    assert timing.startswith("dynamodb;dur=")
    return int(timing.split("queries=")[1].split()[0]), int(timing.split("items=")[1].rstrip('"'))


def test_nearest_k_equals_brute_force_with_bounded_cost(client, york):
    for lat, lon in POINTS:
        for type_ in TYPES:
            for k in (1, 5, 12, 50):
                r = client.get(f"/v1/nearest?lat={lat}&lon={lon}&type={type_}&k={k}")
                assert r.status_code == 200, r.json_body
                fc = r.json_body
                assert fc["type"] == "FeatureCollection" and fc["truncated"] is False
                assert [f["id"] for f in fc["features"]] == brute_force(york, type_, lat, lon, k), (lat, lon, k)
                distances = [f["properties"]["distance_m"] for f in fc["features"]]
                assert distances == sorted(distances)
                queries, items = cost(r)
                assert items <= 4 * k + 100, (lat, lon, type_, k, queries, items)
                assert queries <= 100, (lat, lon, type_, k, queries, items)


def test_max_distance_limits_the_answer(client, york):
    lat, lon = POINTS[0]
    for max_m in (50, 400, 1500):
        r = client.get(f"/v1/nearest?lat={lat}&lon={lon}&type=library&k=50&max_distance_m={max_m}")
        fc = r.json_body
        assert [f["id"] for f in fc["features"]] == brute_force(york, "library", lat, lon, 50, max_m)
        assert fc["max_distance_m"] == max_m
        assert all(f["properties"]["distance_m"] <= max_m for f in fc["features"])


def test_features_are_geojson_with_the_facility_details(client, deps):
    from chalicelib.storage.places.facilities import facility
    deps.facilities.put_many([facility("lib-1", "library", "York Explore", -1.0862, 53.9603,
                                       address="Museum Street, York YO1 7DS", opening_hours="Mo-Sa 09:00-17:00",
                                       url="https://www.exploreyork.org.uk/")])
    r = client.get("/v1/nearest?lat=53.9590&lon=-1.0815&type=library")
    assert r.headers["Content-Type"].startswith("application/geo+json")
    (f,) = r.json_body["features"]
    assert f["id"] == "lib-1" and f["geometry"] == {"type": "Point", "coordinates": [-1.0862, 53.9603]}
    assert f["properties"]["name"] == "York Explore" and f["properties"]["opening_hours"] == "Mo-Sa 09:00-17:00"
    assert 300 < f["properties"]["distance_m"] < 400 and "phone" not in f["properties"]
    assert r.json_body["k"] == 5


def test_unknown_type_is_an_empty_answer(client, york):
    r = client.get("/v1/nearest?lat=53.96&lon=-1.08&type=swimming_pool")
    assert r.status_code == 200 and r.json_body["features"] == []
    assert "Server-Timing" in r.headers


@pytest.mark.parametrize("query, field", [
    ("lon=-1.08&type=library", "lat"), ("lat=53.96&type=library", "lon"), ("lat=95&lon=-1.08&type=library", "lat"),
    ("lat=53.96&lon=-181&type=library", "lon"), ("lat=north&lon=-1.08&type=library", "lat"),
    ("lat=53.96&lon=-1.08", "type"), ("lat=53.96&lon=-1.08&type=Lib%23rary", "type"),
    ("lat=53.96&lon=-1.08&type=library&k=0", "k"), ("lat=53.96&lon=-1.08&type=library&k=51", "k"),
    ("lat=53.96&lon=-1.08&type=library&k=2.5", "k"), ("lat=53.96&lon=-1.08&type=library&k=five", "k"),
    ("lat=53.96&lon=-1.08&type=library&max_distance_m=0", "max_distance_m"),
    ("lat=53.96&lon=-1.08&type=library&max_distance_m=nan", "max_distance_m"),
])
def test_bad_input_is_refused_naming_the_field(client, query, field):
    r = client.get(f"/v1/nearest?{query}")
    # A missing half of the point breaks a rule the document states in words (422).
    assert r.status_code == (422 if query in ("lon=-1.08&type=library", "lat=53.96&type=library") else 400)
    assert field in [f["field"] for f in r.json_body["error"]["fields"]]


def test_facility_types_are_counted_by_the_import_not_a_scan(client, deps):
    from chalicelib.storage.places.facilities import facility
    assert client.get("/v1/facility-types").json_body == {"facility_types": []}
    deps.facilities.put_many([facility("a", "library", "A", -1.08, 53.96), facility("b", "library", "B", -1.07, 53.96),
                              facility("c", "toilet", "C", -1.06, 53.96)])
    # Upserts: same id again changes nothing; a changed type moves the count.
    deps.facilities.put_many([facility("a", "library", "A2", -1.08, 53.96), facility("b", "toilet", "B", -1.07, 53.96)])
    assert client.get("/v1/facility-types").json_body == {"facility_types": [
        {"type": "library", "count": 1}, {"type": "toilet", "count": 2}]}
    assert deps.facilities.get("a").name == "A2" and deps.facilities.get("zzz") is None


# --- doorstep import facilities ---------------------------------------------

def feature(fid, type_="library", name="York Explore", lon=-1.0862, lat=53.9603, **props):
    return {"type": "Feature", "id": fid, "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": {"type": type_, "name": name, **props}}


def stored():
    from chalicelib.storage.places.facilities import FacilityModel
    return {f.id: f for f in FacilityModel.scan()}


GOOD = [feature("lib-1", opening_hours="Mo-Sa 09:00-17:00"), feature(42, "recycling_centre", "Hazel Court",
                                                                      -1.0537, 53.9587)]
BAD = [feature("x1", type_="Library"), feature("x2", name=""), feature("x3", lon=-0.1419, lat=51.5014),
       {"type": "Feature", "id": "x4", "geometry": {"type": "LineString", "coordinates": [[0, 0], [1, 1]]},
        "properties": {"type": "library", "name": "L"}}, feature(None), feature("lib-1")]


def test_a_good_file_is_imported_and_typed(doorstep, tmp_path, capsys, deps):
    assert doorstep("import", "facilities", geojson_file(tmp_path, GOOD)) == 0
    assert "2 facilities imported" in capsys.readouterr().out
    rows = stored()
    assert rows["42"].type == "recycling_centre" and rows["lib-1"].opening_hours == "Mo-Sa 09:00-17:00"
    assert rows["lib-1"].nearby_pk == f"library#{rows['lib-1'].geohash[:5]}"
    assert deps.facilities.types() == [("library", 1), ("recycling_centre", 1)]
    # Again, renamed: an upsert by id, the counts unchanged.
    renamed = [feature("lib-1", name="Explore York"), GOOD[1]]
    assert doorstep("import", "facilities", geojson_file(tmp_path, renamed)) == 0
    assert len(stored()) == 2 and stored()["lib-1"].name == "Explore York"
    assert deps.facilities.types() == [("library", 1), ("recycling_centre", 1)]


def test_a_bad_feature_stops_the_import_and_every_one_is_listed(doorstep, tmp_path, capsys):
    assert doorstep("import", "facilities", geojson_file(tmp_path, GOOD + BAD)) == 1
    out = capsys.readouterr().out
    assert "feature 3 (id 'x1'): type 'Library' is not a lower-case type" in out
    assert "feature 4 (id 'x2'): name is missing" in out
    assert "feature 5 (id 'x3'): -0.1419, 51.5014 (lon, lat) is outside the service area" in out
    assert "feature 6 (id 'x4'): geometry must be a Point" in out
    assert "feature 7: id is missing" in out
    assert "feature 8 (id 'lib-1'): id 'lib-1' repeats feature 1" in out
    assert "6 bad feature(s): nothing imported" in out
    assert stored() == {}


def test_skip_invalid_imports_the_good_features(doorstep, tmp_path, capsys):
    assert doorstep("import", "facilities", "--skip-invalid", geojson_file(tmp_path, GOOD + BAD)) == 0
    out = capsys.readouterr().out
    assert "2 facilities imported; 6 bad feature(s) skipped" in out
    assert set(stored()) == {"lib-1", "42"}


def test_a_file_that_is_not_a_feature_collection_is_refused(doorstep, tmp_path, capsys):
    path = tmp_path / "nope.geojson"
    path.write_text("{not json")
    assert doorstep("import", "facilities", str(path)) == 1
    assert "cannot read" in capsys.readouterr().err
    path.write_text(json.dumps({"type": "Feature"}))
    assert doorstep("import", "facilities", str(path)) == 1
    assert "not a GeoJSON FeatureCollection" in capsys.readouterr().err
    assert doorstep("import", "facilities", str(tmp_path / "missing.geojson")) == 1
