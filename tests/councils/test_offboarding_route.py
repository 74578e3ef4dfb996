"""The operator's route through a council's leaving (issue 80, item 5): each step a call, one with more to
do answered 202 with where it got to, its export in the bucket and the manifest linked; bad input a 4xx."""
import json

import pytest

from support.councils_support import YORK_HOST, at, signed_in
from support.offboarding_support import NORTH, NORTH_HOST, held, north, two_councils_sharing_a_prefix
from tests.councils.test_operator import an_operator, send

PATH = f"/v1/operator/councils/{NORTH}/offboarding"


# Two councils and a signed-in operator took each of the 17 tests 0.3 to 0.4 CPU-seconds (1 to 2 s of a busy
# machine) to make: made once per worker, then moto's tables put back and the bucket's files written again.
# Made again after FRESH_S, before the operator's 15-minute access token could run out mid-module.
_WORLD = {}
FRESH_S = 8 * 60


def _files():
    """{key: (body, content type, cache control)} of every file in the bucket."""
    from chalicelib.storage.blobs import BlobStore
    store = BlobStore()
    out = {}
    for page in store.client.get_paginator("list_objects_v2").paginate(Bucket=store.bucket):
        for item in page.get("Contents", []):
            got = store.client.get_object(Bucket=store.bucket, Key=item["Key"])
            out[item["Key"]] = (got["Body"].read(), got["ContentType"], got.get("CacheControl"))
    return out


@pytest.fixture
def ops(client, deps, doorstep):
    import time
    from chalicelib.storage.blobs import BlobStore
    from support import moto_snapshot
    if _WORLD and time.monotonic() - _WORLD["at"] < FRESH_S:
        moto_snapshot.restore(_WORLD["tables"])
        store = BlobStore()
        for key, (body, content_type, cache_control) in _WORLD["files"].items():
            store.client.put_object(Bucket=store.bucket, Key=key, Body=body, ContentType=content_type,
                                    **({"CacheControl": cache_control} if cache_control else {}))
    else:
        two_councils_sharing_a_prefix(client, deps)
        _, bearer = signed_in(client, an_operator(doorstep, deps), YORK_HOST)
        _WORLD.update(at=time.monotonic(), tables=moto_snapshot.taken(), files=_files(), bearer=bearer)
    return at(YORK_HOST, _WORLD["bearer"])


def step(client, ops, body, path=PATH):
    return send(client, "POST", path, ops, body)


def test_the_operator_steps_a_council_out_a_call_at_a_time_and_hands_over_its_export_by_link(
        client, deps, ops, monkeypatch):
    from chalicelib.storage.blobs import BlobStore
    from chalicelib.storage.offboarding import exporting, paging
    monkeypatch.setenv("DOORSTEP_OFFBOARD_STEP_S", "0")  # a page a call: the route goes on from where it got to
    monkeypatch.setattr(exporting, "PART_ITEMS", 1)
    monkeypatch.setattr(paging, "SCAN_PAGE", 2)
    theirs = held("north-lanarkshire")
    assert client.get(PATH, ops).json_body["state"] == "serving"
    stopped = step(client, ops, {"step": "stop"})
    assert (stopped.status_code, stopped.json_body["state"]) == (200, "stopped")
    assert client.get("/v1/council", at(NORTH_HOST)).status_code == 410
    assert step(client, ops, {"step": "stop"}).json_body["stopped_at"] == stopped.json_body["stopped_at"]  # as it is

    calls, answer = 0, None
    while answer is None or answer.status_code == 202:
        answer, calls = step(client, ops, {"step": "export"}), calls + 1
        assert answer.status_code in (200, 202), answer.json_body
        assert calls < 500
    assert calls > 100  # a part a call, in each of the kinds: never all at once
    assert answer.json_body["state"] == "exported"
    store = BlobStore()
    manifest = json.loads(store.client.get_object(Bucket=store.bucket, Key=f"offboarding/{NORTH}/manifest.json")
                          ["Body"].read())
    assert manifest["kinds"]["reports"]["items"] == 3 and len(manifest["kinds"]["reports"]["parts"]) == 2
    assert manifest["files"]["photos"]["files"] == 3
    shown = client.get(PATH, ops).json_body
    assert shown["export"]["counts"]["reports"] == 3 and "offboarding/north/manifest.json" in shown["manifest_url"]

    calls, answer = 0, None
    while answer is None or answer.status_code == 202:
        answer, calls = step(client, ops, {"step": "delete", "confirm": NORTH}), calls + 1
        assert answer.status_code in (200, 202), answer.json_body
    report = answer.json_body["deletion"]["report"]
    assert answer.json_body["state"] == "deleted" and report["zero_read_back"] and report["others"]["unchanged"]
    assert report["files"]["offboarding"]["deleted"] > 0  # its export in the bucket went with the rest
    assert held(NORTH) == ({}, {}) and held("north-lanarkshire") == theirs
    assert "manifest_url" not in client.get(PATH, ops).json_body
    again = send(client, "POST", "/v1/operator/councils", ops, north())
    assert (again.status_code, again.json_body["error"]["code"]) == (409, "council_left")


@pytest.mark.parametrize("body, field", [
    ("not json", None), ([], "body"), ({}, "step"), ({"step": "leave"}, "step"), ({"step": 1}, "step"),
    ({"step": ["stop"]}, "step"), ({"step": "stop", "also": True}, "also"),
])
def test_a_step_that_is_no_step_is_refused_naming_the_field(client, ops, body, field):
    if body == "not json":
        answer = client.raw.http.request("POST", PATH, body=b"not json", headers={"Content-Type": "application/json",
                                                                                    **ops})
    else:
        answer = step(client, ops, body)
    assert answer.status_code == 400, answer.json_body
    assert [f["field"] for f in answer.json_body["error"].get("fields", [])] == ([field] if field else [])
    assert client.get(PATH, ops).json_body["state"] == "serving"  # nothing was done


@pytest.mark.parametrize("confirm", [None, "", "york", "north-lanarkshire", "NORTH", 7, ["north"], "x" * 41])
def test_a_deletion_not_naming_the_council_is_refused_and_deletes_nothing(client, ops, confirm):
    assert step(client, ops, {"step": "stop"}).status_code == 200
    body = {"step": "delete"} if confirm is None else {"step": "delete", "confirm": confirm}
    answer = step(client, ops, body)
    assert answer.status_code == 400, answer.json_body
    assert answer.json_body["error"]["fields"][0]["field"] == "confirm"
    assert held(NORTH)[0]["reports"]


def test_steps_out_of_order_and_councils_that_are_not_are_refused_with_a_4xx(client, ops):
    for body, status, code in (({"step": "export"}, 409, "offboarding_out_of_order"),
                               ({"step": "delete", "confirm": NORTH}, 409, "offboarding_out_of_order")):
        answer = step(client, ops, body)
        assert (answer.status_code, answer.json_body["error"]["code"]) == (status, code)
    assert step(client, ops, {"step": "stop"}, "/v1/operator/councils/york/offboarding").status_code == 409
    for path in ("/v1/operator/councils/nowhere/offboarding", "/v1/operator/councils/NOT%20A%20COUNCIL/offboarding",
                 "/v1/operator/councils/" + "a" * 301 + "/offboarding"):
        assert step(client, ops, {"step": "stop"}, path).status_code == 404
        assert client.get(path, ops).status_code == 404
