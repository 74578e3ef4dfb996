"""Issue 80's "Done means", through the local stack's own objects (the demo councils `make run` loads):
Staffordshire County is exported and removed; its addresses say the service has ended; the export's
manifest matches what was held; every table holds nothing of it while York's counts are unchanged."""
import json

from support.councils_support import COUNTY, COUNTY_HOST, DISTRICT_HOST, YORK_HOST, add, at, york
from support.offboarding_support import counts, exported_lines, held, index_entries

STAFFORD = (52.8000, -2.0000)  # lat, lon: the county's, no district of the deployment's
HIGH_STREET = (53.0118, -2.228)  # Newcastle-under-Lyme's: a pothole there is the county's road


def pothole_at(client, host, where, n, headers=None):
    from conftest import pothole
    made = client.post("/v1/reports", pothole(lat=where[0], lon=where[1], description=f"Pothole {n}."),
                       at(host, {"Idempotency-Key": f"staffordshire-leaves-{n:04d}", **(headers or {})}))
    assert made.status_code == 201, made.json_body
    return made.json_body


def test_staffordshire_county_is_exported_and_removed_and_york_is_as_it_was(client, deps, doorstep, tmp_path):
    from chalicelib.storage.blobs import BlobStore
    from chalicelib import tenancy
    from doorstep_cli.councils import demo_councils
    add(deps, york())
    assert demo_councils(deps) == 3  # North Lanarkshire, Newcastle-under-Lyme and Staffordshire County, as `make run`
    pothole_at(client, YORK_HOST, (53.9623, -1.0819), 1)
    pothole_at(client, COUNTY_HOST, STAFFORD, 2)
    held_by_county = pothole_at(client, DISTRICT_HOST, HIGH_STREET, 3)  # the district's site, the county's road
    with tenancy.acting_for(COUNTY):
        BlobStore().write("photos/stafford-pothole.jpg", b"a photo of the county's pothole", "image/jpeg")
    theirs = {c: n for c, n in counts().items() if c != COUNTY}
    york_before, county_before = held("york"), held(COUNTY)
    assert held_by_county["id"] in json.dumps(county_before[0]["reports"])  # the county holds the district's report

    assert doorstep("councils", "offboard", COUNTY, "--stop") == 0
    ended = client.get("/v1/council", at(COUNTY_HOST))
    assert (ended.status_code, ended.json_body["error"]["message"]) == (410, (
        "Staffordshire County Council's online service here has ended: this address no longer takes reports, "
        "sign-ins or requests. Contact the council directly."))

    assert doorstep("councils", "offboard", COUNTY, "--export", str(tmp_path / "staffordshire")) == 0
    manifest, lines = exported_lines(tmp_path / "staffordshire")  # every part's SHA-256 checked as it is read
    assert {name: kind["items"] for name, kind in manifest["kinds"].items() if kind["items"] and name in
            county_before[0]} == {name: len(items) for name, items in county_before[0].items()}
    assert all(len(lines.get(name, [])) == kind["items"] for name, kind in manifest["kinds"].items())
    assert manifest["files"]["photos"]["files"] == len(county_before[1]) == 1
    assert (tmp_path / "staffordshire" / "files" / "photos" / "stafford-pothole.jpg").read_bytes() == \
        b"a photo of the county's pothole"
    assert manifest["kinds"]["settings"]["items"] == 1 and lines["settings"][0]["document"]["id"] == COUNTY
    assert manifest["kinds"]["reports"]["declaration"]["basis"] == "public_task"  # the data map's own words
    assert manifest["council"] == {"id": COUNTY, "name": "Staffordshire County Council", "hosts": [COUNTY_HOST]}

    assert doorstep("councils", "offboard", COUNTY, "--delete", "--confirm", COUNTY,
                    "--report", str(tmp_path / "report.json")) == 0
    assert held(COUNTY) == ({}, {}) and index_entries(COUNTY) == {}
    assert COUNTY not in counts() and {c: n for c, n in counts().items() if c != COUNTY} == theirs
    assert held("york") == york_before
    report = json.loads((tmp_path / "report.json").read_text())["deletion"]["report"]
    assert report["zero_read_back"] and report["others"]["unchanged"] and report["deleted_not_exported"] == {}
    assert report["kinds"]["reports"] == {"exported": 2, "deleted": 2, "after": 0, "indexes": {
        "by_category_month": 0, "by_month": 0, "by_reporter_email": 0, "by_user": 0, "map": 0, "map_by_category": 0,
        "retention": 0}}
    assert client.get("/v1/reports", at(COUNTY_HOST)).status_code == 410  # its addresses still say so

    # The district goes on: a pothole on what was the county's road is its own to hold now.
    after = pothole_at(client, DISTRICT_HOST, HIGH_STREET, 4)
    assert "held_by" not in after and client.get(f"/v1/reports/{after['id']}", at(DISTRICT_HOST)).status_code == 200
    assert demo_councils(deps) == 0 and COUNTY not in counts()  # `make run` again adds nothing of it back
