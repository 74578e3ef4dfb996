"""A repair to a shared part of a block (a stair light, the door entry) is the
block's: its other tenants see it on their repairs home, without the
reporter's name, contact or access notes, and can say "me too", counted once;
a tenant of another block sees nothing of it. Dev Patel (R0448105) and Sam
Okafor (R0448112) rent in 4 Hull Road; Carol Dobson (R0230117) in 6 Bootham.
The app's clock is Tuesday 24 November 2026, 10am."""
import re

from support.crew_support import Crew
from support.repairs_support import STAIR_LIGHT, neighbour, tenant, tenant_drs  # noqa: F401 (fixtures)
from support.revenues_support import BILLS, CAROL, civica, council_morning, linked  # noqa: F401 (fixtures)

PRIVATE = ("07700", "Dev Patel", "Key safe")


def blocks(client, person):
    answer = client.get("/v1/me/block-repairs", person.auth)
    assert answer.status_code == 200, answer.body
    assert not any(word in answer.body.decode() for word in PRIVATE)
    return answer


def test_a_neighbour_in_the_block_sees_a_shared_repair_and_says_me_too_once(client, tenant, neighbour, tenant_drs):
    reported = client.post("/v1/repairs", STAIR_LIGHT, tenant.auth)
    assert reported.status_code == 201, reported.body
    repair = reported.json_body
    assert (repair["block"], repair["address"]) == ("hull_road_4", "4 Hull Road, York, YO10 4EE")
    # The contractor's scheduler is sent to the block (data/repair_blocks.json), not the reporter's flat.
    assert tenant_drs.state["orders"][repair["id"]]["location"] == "hull_road_4"
    seen = blocks(client, neighbour)
    # Two Queries (their council tax links, the block's open communal repairs); session, account, link, the repair.
    assert 'desc="queries=2 items=4"' in seen.headers["Server-Timing"]
    [block] = seen.json_body["blocks"]
    assert (block["id"], block["name"]) == ("hull_road_4", "4 Hull Road")
    assert [(r["id"], r["issue"], r["me_too"], r["mine_too"]) for r in block["repairs"]] == \
        [(repair["id"], "stair_light", 0, False)]
    path = f"/v1/repairs/{repair['id']}/me-too"
    first, again = client.post(path, {}, neighbour.auth), client.post(path, {}, neighbour.auth)
    assert first.status_code == again.status_code == 201 and again.headers["Idempotent-Replayed"] == "true"
    assert first.json_body["me_too"] == again.json_body["me_too"] == 1
    [line] = blocks(client, neighbour).json_body["blocks"][0]["repairs"]
    assert (line["me_too"], line["mine_too"]) == (1, True)
    # The reporter: their repair is in their own list, not again among their block's, and not theirs to count.
    assert blocks(client, tenant).json_body["blocks"][0]["repairs"] == []
    own = client.post(path, {}, tenant.auth)
    assert own.status_code == 409 and own.json_body["error"]["code"] == "your_own_repair"


def test_a_tenant_of_the_next_block_neither_sees_nor_supports_it(client, people, tenant):
    repair = client.post("/v1/repairs", STAIR_LIGHT, tenant.auth).json_body
    carol = people()
    linked(client, carol, BILLS[CAROL])
    assert [(b["id"], b["repairs"]) for b in blocks(client, carol).json_body["blocks"]] == [("bootham_6", [])]
    refused = client.post(f"/v1/repairs/{repair['id']}/me-too", {}, carol.auth)
    assert refused.status_code == 404 and refused.json_body["error"]["code"] == "repair_not_found"


def test_a_shared_repairs_crew_job_carries_no_contact_and_once_closed_it_leaves_the_block(client, people, tenant,
                                                                                         neighbour, deps):
    from support.staff_support import load_staff_data
    load_staff_data(deps)
    repair = client.post("/v1/repairs", STAIR_LIGHT, tenant.auth).json_body
    officer, path = people("staff"), f"/v1/staff/repairs/{repair['id']}"
    etag = client.get(path, officer.auth).headers["ETag"]
    job_id = client.post(f"{path}/assign", {"team": "north"}, {**officer.auth, "If-Match": etag}).json_body["job"]
    job = Crew(client, people("crew", team="north")).job(job_id)
    assert job.json_body["address"] == "4 Hull Road, York, YO10 4EE"
    assert not re.search("07700|Dev Patel", job.body.decode())
    assert client.post(f"{path}/done", {"what": "New lamp fitted"}, officer.auth).status_code == 200
    assert blocks(client, neighbour).json_body["blocks"][0]["repairs"] == []
    late = client.post(f"/v1/repairs/{repair['id']}/me-too", {}, neighbour.auth)
    assert late.status_code == 409 and late.json_body["error"]["code"] == "repair_closed"
