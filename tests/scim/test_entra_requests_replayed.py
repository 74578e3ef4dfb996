"""Microsoft Entra ID's own SCIM requests, as Microsoft publishes them (tests/scim/entra/README.md names the
pages), replayed against York's endpoint: each answered with the status and the parts of the answer Microsoft
says Entra ID expects."""
import json

import pytest

from support.scim_support import ENTRA, Scim, councils_with_scim

CASES = sorted(p.stem for p in ENTRA.glob("*.json"))
REMOVING = ("remove_members", "remove_member_without_flag", "remove_member_with_flag")


def _case(name):
    return json.loads((ENTRA / f"{name}.json").read_text())


def _holds(found, expected, where=""):
    """Every part of `expected` is in `found` (objects compared part by part; lists and values exactly)."""
    if isinstance(expected, dict):
        assert isinstance(found, dict), where
        for key, value in expected.items():
            assert key in found, f"{where}.{key} missing"
            _holds(found[key], value, f"{where}.{key}")
    else:
        assert found == expected, f"{where}: {found!r} is not {expected!r}"


@pytest.mark.parametrize("name", CASES)
def test_entra_ids_published_request_gets_the_answer_it_expects(client, deps, monkeypatch, name):
    councils_with_scim(deps, monkeypatch)
    scim, case = Scim(client), _case(name)
    ids = {}
    if name != "create_user":
        made = scim.call("POST", "/Users", _case("create_user")["request"]["body"])
        ids["user"] = made.json_body["id"]
    if name != "create_group":
        ids["group"] = scim.call("POST", "/Groups", _case("create_group")["request"]["body"]).json_body["id"]
    if name in REMOVING:
        scim.members(ids["group"], "Add", ids["user"])
    request = case["request"]
    path, body = request["path"], json.dumps(request["body"]) if "body" in request else None
    for key, value in ids.items():
        path, body = path.replace("{%s}" % key, value), body.replace("{%s}" % key, value) if body else body
    answer = scim.call(request["method"], path, body)
    assert answer.status_code == case["response"]["status"], answer.body
    if answer.status_code != 204:
        assert {k.lower(): v for k, v in answer.headers.items()}["content-type"] == "application/scim+json"
        _holds(answer.json_body, case["response"].get("expect", {}))
        for absent in case["response"].get("absent", []):
            assert absent not in answer.json_body
    if name in REMOVING:
        group = scim.call("GET", f"/Groups/{ids['group']}").json_body
        assert group["members"] == []
