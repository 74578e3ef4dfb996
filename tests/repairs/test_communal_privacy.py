"""A tenant's "me too" on a shared repair is their personal data: it is in
their account's export, and erased with their account, one off the repair's
count, while their neighbours' stay as they were. Dev Patel (R0448105) and
Sam Okafor (R0448112) rent in 4 Hull Road. The app's clock is Tuesday 24
November 2026, 10am."""
from support.repairs_support import STAIR_LIGHT, neighbour, tenant, tenant_drs  # noqa: F401 (fixtures)
from support.revenues_support import civica, council_morning  # noqa: F401 (fixtures)

ENTRY_PHONE = {**STAIR_LIGHT, "home": "R0448112", "problem": "door_entry", "issue": "entry_phone",
               "description": "The entry phone buzzes but the door does not open.", "contact": {"phone": "07700 900510"}}


def said(client, person, repair):
    answer = client.post(f"/v1/repairs/{repair['id']}/me-too", {}, person.auth)
    assert answer.status_code == 201, answer.body
    return answer.json_body


def test_an_erased_tenants_me_too_is_in_their_export_then_gone_with_its_count_and_a_neighbours_kept(
        client, tenant, neighbour, deps):
    stair = client.post("/v1/repairs", STAIR_LIGHT, tenant.auth).json_body  # Dev's: Sam says "me too"
    door = client.post("/v1/repairs", ENTRY_PHONE, neighbour.auth).json_body  # Sam's: Dev says "me too"
    said(client, neighbour, stair)
    said(client, tenant, door)
    deps.communal.me_too(stair["id"], "a-third-tenant", deps.clock())  # another of the block's on the same repair
    exported = client.get("/v1/me/export", neighbour.auth).json_body["repair_me_too"]
    assert [(m["repair_id"], m["block"], m["issue"], m["status"]) for m in exported] == \
        [(stair["id"], "hull_road_4", "stair_light", "reported")]
    assert exported[0]["said_at"].startswith("2026-11-24T10:") and "description" not in exported[0]

    assert client.raw.http.delete("/v1/me", headers=neighbour.auth).status_code in (200, 204)
    assert deps.communal.said_by(neighbour.user.id) == []
    assert deps.communal.get(stair["id"]).me_too == 1  # Sam's gone, the third tenant's counted still
    assert deps.communal.supported([stair["id"]], neighbour.user.id) == set()
    assert deps.communal.supported([stair["id"]], "a-third-tenant") == {stair["id"]}
    # Dev's "me too" on the repair Sam reported is Dev's: untouched, counted and in his export.
    assert deps.communal.get(door["id"]).me_too == 1 and deps.communal.get(door["id"]).reporter is None
    mine = client.get("/v1/me/export", tenant.auth).json_body["repair_me_too"]
    assert [m["repair_id"] for m in mine] == [door["id"]]
    [line] = client.get("/v1/me/block-repairs", tenant.auth).json_body["blocks"][0]["repairs"]
    assert (line["id"], line["me_too"], line["mine_too"]) == (door["id"], 1, True)


def test_a_tenants_me_toos_are_read_and_erased_at_the_cost_of_theirs_alone(client, tenant, deps):
    from chalicelib.storage import metering
    stair = client.post("/v1/repairs", STAIR_LIGHT, tenant.auth).json_body
    door = client.post("/v1/repairs", {**STAIR_LIGHT, "problem": "door_entry", "issue": "main_door"},
                       tenant.auth).json_body
    for n in range(30):  # the block's other tenants
        deps.communal.me_too(stair["id"], f"neighbour-{n}", deps.clock())
    for repair in (stair, door):
        deps.communal.me_too(repair["id"], "sam", deps.clock())
    with metering.metered() as reading:
        found = deps.communal.said_by("sam")
    assert sorted(r.repair_id for r in found) == sorted([stair["id"], door["id"]])
    assert (reading.queries, reading.items) == (1, 4)  # their two index rows, then the two repairs by key
    with metering.metered() as erasing:
        assert deps.communal.forget_tenant("sam") == 2
    assert (erasing.queries, erasing.items, erasing.writes) == (1, 2, 4)  # each row deleted with its count
    assert (deps.communal.get(stair["id"]).me_too, deps.communal.get(door["id"]).me_too) == (30, 0)
    assert deps.communal.forget_tenant("sam") == 0  # erased twice: nothing more taken off
    assert deps.communal.get(stair["id"]).me_too == 30


def test_me_toos_said_before_the_index_are_given_their_tenant_when_it_is_added(client, tenant, deps):
    from chalicelib.storage.repairs.repair_communal import CommunalModel
    stair = client.post("/v1/repairs", STAIR_LIGHT, tenant.auth).json_body
    CommunalModel(stair["id"], "tenant#before", created_at=deps.clock()).save()  # as the rows before `tenant`
    assert deps.communal.said_by("before") == []
    assert deps.communal.add_missing_keys() == 1 and deps.communal.add_missing_keys() == 0
    assert [r.repair_id for r in deps.communal.said_by("before")] == [stair["id"]]
