"""A council's area is its settings' (issue 70): the file the deployment names
is only for a council that has none stored yet."""
from chalicelib import tenancy
from conftest import pothole
from support.councils_support import NL_HOST, YORK_HOST, add, at, north_lanarkshire, with_categories, york

MOTHERWELL = (55.7892, -3.9916)  # lat, lon


def _key(n):
    return {"Idempotency-Key": f"a1b2c3d4-0000-4000-8000-00000000{n:04d}"}


def test_a_report_at_a_councils_address_is_held_to_its_own_area_not_the_deployments_file(client, deps):
    add(deps, york(), north_lanarkshire())
    with_categories("north-lanarkshire")
    made = client.post("/v1/reports", pothole(lat=MOTHERWELL[0], lon=MOTHERWELL[1]), at(NL_HOST, _key(1)))
    assert made.status_code == 201, made.json_body
    refused = client.post("/v1/reports", pothole(lat=MOTHERWELL[0], lon=MOTHERWELL[1]), at(YORK_HOST, _key(2)))
    assert refused.status_code == 422, refused.json_body


def test_a_councils_categories_are_its_own_even_in_a_process_that_just_read_anothers(client, deps):
    add(deps, york(), north_lanarkshire())
    assert client.get("/v1/services", at(YORK_HOST)).json_body["services"]  # York's, now kept by the process
    listed = client.get("/v1/services", at(NL_HOST)).json_body["services"]
    assert listed == []  # North Lanarkshire has loaded none


def test_an_area_is_read_once_per_settings_version(deps):
    from chalicelib.councils import settings
    from chalicelib.deps import Deps
    store = add(deps, york(), north_lanarkshire())
    with tenancy.acting_for("north-lanarkshire"):
        first, again = Deps().area, Deps().area
        assert first is again and first.contains(MOTHERWELL[1], MOTHERWELL[0])
        assert first.name == "North Lanarkshire Council"
        moved = dict(north_lanarkshire(), area={"type": "Polygon", "coordinates": [
            [[-4.0, 55.7], [-3.9, 55.7], [-3.9, 55.8], [-4.0, 55.8], [-4.0, 55.7]]]})
        settings.write(store, moved, 1, deps.clock(), "test")
        changed = Deps().area
        assert changed is not first and changed.contains(-3.95, 55.75) and not changed.contains(-4.15, 55.9)


def test_a_council_with_no_area_stored_keeps_the_deployments_file(deps):
    from chalicelib.deps import Deps
    with tenancy.acting_for("york"):
        area = Deps().area  # York has no settings stored in this test: the file's City of York
    assert area.name == "City of York" and area.contains(-1.0819, 53.9623)


def test_a_postcode_over_a_councils_border_is_told_so_by_its_settings_districts(client, deps):
    add(deps, york(), dict(north_lanarkshire(), postcode_districts=["ML1", "ML2"]))
    over = client.get("/v1/places?postcode=YO1 7HH", at(NL_HOST))
    assert over.status_code == 422 and over.json_body["error"]["code"] == "outside_service_area"
    assert "North Lanarkshire Council" in over.json_body["error"]["message"]
    assert client.get("/v1/places?postcode=ML1 1AA", at(NL_HOST)).status_code == 404  # theirs, not yet known


def test_a_council_added_again_with_another_area_at_the_same_version_is_held_to_the_new_one(deps):
    """A test's stack (or an operator) removes a council and adds it again: its versions start again at 1,
    so an area kept by (council, version) alone would be the old one."""
    from support.councils_support import remove
    from chalicelib.deps import Deps
    add(deps, york(), north_lanarkshire())
    with tenancy.acting_for("north-lanarkshire"):
        assert Deps().area.contains(MOTHERWELL[1], MOTHERWELL[0])
    remove("north-lanarkshire")
    elsewhere = {"type": "Polygon", "coordinates": [[[-3.0, 56.0], [-2.9, 56.0], [-2.9, 56.1], [-3.0, 56.1],
                                                     [-3.0, 56.0]]]}
    add(deps, dict(north_lanarkshire(), area=elsewhere))
    with tenancy.acting_for("north-lanarkshire"):
        area = Deps().area
    assert area.contains(-2.95, 56.05) and not area.contains(MOTHERWELL[1], MOTHERWELL[0])
