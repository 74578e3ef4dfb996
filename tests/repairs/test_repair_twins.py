"""A repair reported twice at once with one Idempotency-Key (a phone retrying
on a bad signal) is one repair, one to a block's shared part as much as one
inside the home: the twin's is this one (issue 78). Nothing is read before the
repair's transaction, so the twins' writes meet (support/twins.py): the
twin's repair has an id of its own and its block's row no condition, so the
first condition to fail is the twin's key."""
import pytest

from support import twins
from support.racing import at_once
from support.repairs_support import DRIPPING_TAP, STAIR_LIGHT, tenant, tenant_drs  # noqa: F401 (fixtures)
from support.revenues_support import civica, council_morning  # noqa: F401 (fixtures)


@pytest.mark.parametrize("body", [STAIR_LIGHT, DRIPPING_TAP], ids=["communal", "in_the_home"])
def test_a_repair_sent_twice_at_once_with_one_key_is_one_repair(client, deps, tenant, monkeypatch, body):
    from chalicelib.storage.repairs.repairs import RepairStore
    twins.hold_to(monkeypatch, twins.SEEN_BY_THE_CHECK, check=(RepairStore, "create"), write=(RepairStore, "create"))
    headers = {**tenant.auth, "Idempotency-Key": "repair-key-0001"}
    raced = at_once(lambda _: client.post("/v1/repairs", body, headers), range(2))
    again = client.post("/v1/repairs", body, headers)
    assert [r.status_code for r in raced] == [201, 201] == [again.status_code] * 2, [r.body for r in raced]
    assert [r.json_body["id"] for r in raced] == [again.json_body["id"]] * 2
    assert sorted(r.headers.get("Idempotent-Replayed", "") for r in raced) == ["", "true"]
    assert [r.id for r in deps.repairs.of_home(body["home"])] == [again.json_body["id"]]
    shared = [again.json_body["id"]] if body is STAIR_LIGHT else []  # the block's row: one, or none
    assert [r.repair_id for r in deps.communal.open_in("hull_road_4")] == shared
