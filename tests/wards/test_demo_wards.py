"""The demo council's wards: York's ward names on fictional boundaries that
tile the council area, loaded once by `doorstep seed` and `make run`."""
import csv
import json

from chalicelib.geo.polygon import contains
from doorstep_cli.demo_wards import GEOJSON_PATH, check_addresses, generate
from doorstep_cli.seed import DEMO_DIR


def demo():
    return json.loads(GEOJSON_PATH.read_text())


def york():
    from chalicelib.config import settings
    from chalicelib.deps import service_area
    return service_area(settings().service_area_file)


def test_the_demo_wards_file_is_what_the_generator_writes():
    from chalicelib.config import settings
    with open(settings().service_area_file, encoding="utf-8") as fh:
        outline = json.load(fh)["features"][0]["geometry"]["coordinates"][0]
    assert generate(outline) == demo()


def test_demo_wards_tile_the_council_area_without_gaps_or_overlaps():
    wards = demo()["features"]
    assert 12 <= len(wards) <= 21
    area = york()
    w, s, e, n = area.bbox
    steps = 60
    inside = 0
    for i in range(1, steps):
        for j in range(1, steps):
            lon, lat = w + (e - w) * i / steps + 1e-7, s + (n - s) * j / steps + 1e-7
            holding = [f["id"] for f in wards if contains(f["geometry"], lon, lat)]
            if area.contains(lon, lat):
                inside += 1
                assert len(holding) == 1, (lon, lat, holding)
            else:
                assert holding == [], (lon, lat, holding)
    assert inside > 1000


def test_every_demo_address_lies_in_the_ward_its_row_names():
    with open(DEMO_DIR / "addresses.csv", newline="", encoding="utf-8") as fh:
        assert check_addresses(demo(), list(csv.DictReader(fh))) == []


def test_every_demo_ward_has_one_to_three_fictional_councillors():
    for ward in demo()["features"]:
        councillors = ward["properties"]["councillors"]
        assert 1 <= len(councillors) <= 3
        assert all(c["email"].endswith("@example.org") for c in councillors)


def test_seeding_wards_twice_loads_them_once_and_the_api_finds_them(deps, client):
    from conftest import store_addresses
    from doorstep_cli.seed import demo_wards
    assert demo_wards(deps) == len(demo()["features"])
    assert demo_wards(deps) == 0
    store_addresses(deps)  # conftest's Micklegate and Bishopthorpe addresses
    for postcode, ward in [("YO1 7HH", "Micklegate"), ("YO23 1AA", "Bishopthorpe")]:
        body = client.get(f"/v1/councillors?postcode={postcode.replace(' ', '+')}").json_body
        assert body["ward"]["name"] == ward and body["councillors"]
