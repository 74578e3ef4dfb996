"""A council added from one folder of its settings and data (`doorstep councils add --dir`):
every file checked against the council's own area before anything is written, a clear
report of what was loaded or refused, and the site working at its address at once."""
import json
import shutil

import pytest

from support.councils_support import DEMO, add, at, demo_secrets_in, york

from chalicelib import tenancy
from chalicelib.storage.councils import CouncilStore
from doorstep_cli.council_pack import add as add_folder

NEWCASTLE, STAFFORDSHIRE = DEMO / "newcastle-under-lyme", DEMO / "staffordshire-county"
NL_FOLDER = DEMO / "north-lanarkshire"


@pytest.fixture(autouse=True)
def demo_secrets(monkeypatch, tmp_path):
    demo_secrets_in(monkeypatch, tmp_path, NEWCASTLE, NL_FOLDER)


def test_the_demo_borough_and_its_county_load_from_their_folders_and_answer_at_their_addresses(client, deps):
    add(deps, york())
    said = []
    assert add_folder(STAFFORDSHIRE, CouncilStore(), deps, say=said.append) == 0
    assert add_folder(NEWCASTLE, CouncilStore(), deps, say=said.append) == 0
    assert "categories.json: 8 loaded" in said and "addresses.csv: 40 loaded" in said
    assert "wards.geojson: 15 loaded" in said and "bin_rounds.json: 15 loaded" in said
    assert "bodies.json: 1 loaded" in said
    offered = client.get("/v1/services?lat=53.0118&lon=-2.2280", at("newcastle.localhost")).json_body["services"]
    sent_to = {s["service_code"]: s.get("sent_to_text") for s in offered}
    assert set(sent_to) == {"pothole", "street_light", "fly_tipping", "litter", "litter_bin", "graffiti",
                            "dog_fouling", "abandoned_vehicle"}
    assert sent_to["pothole"] == "This will be sent to Staffordshire County Council"  # the county's road, on the borough's site
    assert sent_to["fly_tipping"] == "This will be sent to Newcastle-under-Lyme Borough Council"  # its own inbox
    place = client.get("/v1/places/990100000001", at("newcastle.localhost"))
    assert place.status_code == 200 and place.json_body["ward"]["name"] == "Town"
    assert client.get("/v1/places/990100000001", at("york.localhost")).status_code == 404  # the borough's alone
    assert client.get("/v1/council", at("staffordshire.localhost")).json_body["services"]["garden"] is False


def test_a_folder_with_one_bad_row_writes_nothing_and_says_each_file_row_and_reason(deps, tmp_path):
    add(deps, york())
    assert add_folder(STAFFORDSHIRE, CouncilStore(), deps, say=lambda line: None) == 0
    folder = tmp_path / "newcastle"
    shutil.copytree(NEWCASTLE, folder)
    with open(folder / "addresses.csv", "a") as fh:  # a York street: inside the deployment's file, not the borough
        fh.write("990100000099,1 Micklegate,,York,YO1 6JX,53.9558,-1.0884,town,refuse-tue-a,,,,A\n")
    bodies = json.loads((folder / "bodies.json").read_text())
    bodies[0]["categories"].append("gritting")  # a category the borough has not
    (folder / "bodies.json").write_text(json.dumps(bodies))
    said = []
    assert add_folder(folder, CouncilStore(), deps, say=said.append) == 1
    assert "addresses.csv line 42: 53.9558, -1.0884 is outside the service area" in said  # after its 40 rows
    assert any(line.startswith("bodies.json body 1 categories:") for line in said)
    assert said[-1] == "2 problem(s): nothing written"
    assert CouncilStore().get("newcastle-under-lyme", consistent=True) is None
    with tenancy.acting_for("newcastle-under-lyme"):
        assert deps.for_council().wards.get("town") is None and deps.for_council().addresses.get("990100000001") is None


def test_a_folder_for_a_council_that_exists_is_refused_before_anything_is_read(deps):
    add(deps, york())
    said = []
    assert add_folder(STAFFORDSHIRE, CouncilStore(), deps, say=said.append) == 0
    assert add_folder(STAFFORDSHIRE, CouncilStore(), deps, say=said.append) == 2
    assert said[-1] == "council staffordshire-county exists already: use change"


def test_each_demo_councils_officers_are_its_own_and_residents_elsewhere(client, deps):
    from doorstep_cli.councils import demo_councils
    add(deps, york())
    assert demo_councils(deps) == 3 and demo_councils(deps) == 0  # each added once
    admin = deps.accounts.user_by_identity("email#admin@newcastle.example")
    with tenancy.acting_for("newcastle-under-lyme"):
        assert deps.for_council().grants.get(admin.id).role == "admin"
    for elsewhere in ("york", "staffordshire-county", "north-lanarkshire"):
        with tenancy.acting_for(elsewhere):
            assert deps.for_council().grants.get(admin.id) is None  # a resident there


def test_north_lanarkshires_folder_loads_its_streets_wards_and_rounds_round_motherwell_airdrie_and_coatbridge(
        client, deps):
    import csv
    add(deps, york())
    said = []
    assert add_folder(NL_FOLDER, CouncilStore(), deps, say=said.append) == 0, said
    assert "addresses.csv: 66 loaded" in said and "wards.geojson: 10 loaded" in said  # 30 of them its homes, 1 a shop
    assert "bin_rounds.json: 15 loaded" in said
    rows = list(csv.DictReader((NL_FOLDER / "addresses.csv").open()))
    assert {"Motherwell", "Wishaw", "Airdrie", "Coatbridge"} <= {r["address_3"] for r in rows}
    assert {r["postcode"].split()[0] for r in rows} == {"ML1", "ML2", "ML5", "ML6"}
    place = client.get("/v1/places/990200000022", at("northlanarkshire.localhost")).json_body
    assert place["address"].startswith("Municipal Buildings, Kildonan Street, Coatbridge")
    assert place["ward"]["name"] == "Coatbridge South"
    assert {b["stream"] for b in place["bins"]} == {"refuse", "recycling"}  # a flat: no brown bin
    assert client.get("/v1/places/990200000022", at("york.localhost")).status_code == 404


def test_each_demo_councils_streets_lie_in_the_ward_they_name_and_no_other():
    import csv
    from chalicelib.geo.polygon import Area
    for folder, districts in ((NEWCASTLE, {"ST5", "ST7", "CW3"}), (NL_FOLDER, {"ML1", "ML2", "ML5", "ML6"})):
        features = json.loads((folder / "wards.geojson").read_text())["features"]
        wards = {f["id"]: Area(f["geometry"], f["properties"]["name"]) for f in features}
        rows = list(csv.DictReader((folder / "addresses.csv").open()))
        assert {r["postcode"].split()[0] for r in rows} == districts
        holding = {r["uprn"]: [w for w, area in wards.items() if area.contains(float(r["lon"]), float(r["lat"]))]
                   for r in rows}
        assert [u for u, r in zip(holding, rows) if holding[u] != [r["ward"]]] == [], folder.name
    assert sum(r["address_3"] == "Kidsgrove" for r in csv.DictReader((NEWCASTLE / "addresses.csv").open())) >= 4


def test_a_street_light_reported_on_the_boroughs_site_lands_in_the_countys_inbox_and_fly_tipping_stays(client, deps):
    from conftest import pothole
    from support.councils_support import COUNTY, DISTRICT, signed_in_at
    add(deps, york())
    for folder in (STAFFORDSHIRE, NEWCASTLE):
        assert add_folder(folder, CouncilStore(), deps, say=lambda line: None) == 0
    county, borough = signed_in_at(deps, COUNTY), signed_in_at(deps, DISTRICT)
    the_avenue = (53.0890, -2.2420)  # 25 The Avenue, Kidsgrove

    def report(code, fields, n):
        made = client.post("/v1/reports", pothole(service_code=code, lat=the_avenue[0], lon=the_avenue[1],
                                                  fields=fields), at("newcastle.localhost", {
            "Idempotency-Key": f"d4e5f6a7-0000-4000-8000-{n:012d}"}))
        assert made.status_code == 201, made.json_body
        return made.json_body

    light = report("street_light", {"fault": "out"}, 1)
    assert light["held_by"]["name"] == "Staffordshire County Council"
    assert light["sent_to"][0]["summary"].startswith("Sent to Staffordshire County Council at ")
    inbox = client.get("/v1/staff/reports", at("staffordshire.localhost", county)).json_body["reports"]
    assert [r["id"] for r in inbox] == [light["id"]]
    assert client.get(f"/v1/staff/reports/{light['id']}", at("newcastle.localhost", borough)).status_code == 404
    tipped = report("fly_tipping", {"waste_types": ["household"], "amount": "car_boot"}, 2)
    assert "held_by" not in tipped and tipped["sent_to"][0]["body"] == "Newcastle-under-Lyme Borough Council"
