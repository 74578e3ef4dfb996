"""A council added from one folder of its settings and data (`doorstep councils add --dir`):
every file checked against the council's own area before anything is written, a clear
report of what was loaded or refused, and the site working at its address at once."""
import json
import shutil

import pytest

from support.councils_support import DEMO, add, at, york

from chalicelib import tenancy
from chalicelib.storage.councils import CouncilStore
from doorstep_cli.council_pack import add as add_folder

NEWCASTLE, STAFFORDSHIRE = DEMO / "newcastle-under-lyme", DEMO / "staffordshire-county"


@pytest.fixture(autouse=True)
def demo_secrets(monkeypatch, tmp_path):
    """The borough's local back offices' logins, put where this stage keeps a council's secrets (as
    `make run` puts them): without them its settings, which name them, are refused."""
    from doorstep_cli.local.council_offices import put_demo_secrets
    monkeypatch.setenv("DOORSTEP_DATA_DIR", str(tmp_path / "data"))
    put_demo_secrets(json.loads((NEWCASTLE / "council.json").read_text()))


def test_the_demo_borough_and_its_county_load_from_their_folders_and_answer_at_their_addresses(client, deps):
    add(deps, york())
    said = []
    assert add_folder(STAFFORDSHIRE, CouncilStore(), deps, say=said.append) == 0
    assert add_folder(NEWCASTLE, CouncilStore(), deps, say=said.append) == 0
    assert "categories.json: 8 loaded" in said and "addresses.csv: 5 loaded" in said and "wards.geojson: 4 loaded" in said
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
        fh.write("990100000009,1 Micklegate,,York,YO1 6JX,53.9558,-1.0884,town,refuse-tue-a,,,,A\n")
    bodies = json.loads((folder / "bodies.json").read_text())
    bodies[0]["categories"].append("gritting")  # a category the borough has not
    (folder / "bodies.json").write_text(json.dumps(bodies))
    said = []
    assert add_folder(folder, CouncilStore(), deps, say=said.append) == 1
    assert "addresses.csv line 7: 53.9558, -1.0884 is outside the service area" in said
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
