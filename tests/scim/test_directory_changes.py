"""The council's administrator reads its provisioning log: who was provisioned, changed, turned off and
removed, what changed, when and by which token, newest first, a page at a time; no one else does, and no other
council's administrator sees it."""
from support.councils_support import signed_in_at
from support.scim_support import NL, NL_HOST, NL_TOKEN, YORK_HOST, Scim, at, councils_with_scim


def _provisioned(client, deps, monkeypatch):
    councils_with_scim(deps, monkeypatch)
    scim = Scim(client)
    user = scim.make_user("ada@york.gov.uk")
    scim.patch(user["id"], {"op": "Replace", "path": "active", "value": "False"})
    scim.call("DELETE", f"/Users/{user['id']}")
    return user


def test_the_administrator_reads_who_was_provisioned_turned_off_and_removed_newest_first(client, deps, monkeypatch):
    user = _provisioned(client, deps, monkeypatch)
    admin = at(YORK_HOST, signed_in_at(deps, "york", "admin"))
    found = client.get("/v1/staff/directory/changes", admin)
    assert found.status_code == 200 and found.headers["Cache-Control"] == "no-store"
    lines = found.json_body["changes"]
    assert [(c["action"], c["who"], c["id"]) for c in lines] == [
        ("removed", "ada@york.gov.uk", user["id"]), ("deactivated", "ada@york.gov.uk", user["id"]),
        ("provisioned", "ada@york.gov.uk", user["id"])]
    assert lines[1]["changes"] == {"active": [True, False]} and lines[0]["by"].startswith("scim-token:")
    assert lines[0]["at"] >= lines[2]["at"] and found.json_body["next_cursor"] is None


def test_the_log_is_read_a_page_at_a_time(client, deps, monkeypatch):
    _provisioned(client, deps, monkeypatch)
    admin = at(YORK_HOST, signed_in_at(deps, "york", "admin"))
    first = client.get("/v1/staff/directory/changes?limit=2", admin).json_body
    rest = client.get(f"/v1/staff/directory/changes?limit=2&cursor={first['next_cursor']}", admin).json_body
    assert [c["action"] for c in first["changes"] + rest["changes"]] == ["removed", "deactivated", "provisioned"]
    bad = client.get("/v1/staff/directory/changes?cursor=bm90LWEtY3Vyc29y", admin)
    assert bad.status_code == 400 and bad.json_body["error"]["fields"][0]["field"] == "cursor"


def test_only_the_councils_own_administrators_read_it(client, deps, monkeypatch):
    _provisioned(client, deps, monkeypatch)
    assert client.get("/v1/staff/directory/changes", at(YORK_HOST, signed_in_at(deps, "york"))).status_code == 403
    assert client.get("/v1/staff/directory/changes", at(YORK_HOST)).status_code == 401
    theirs = client.get("/v1/staff/directory/changes", at(NL_HOST, signed_in_at(deps, NL, "admin")))
    assert theirs.status_code == 200 and theirs.json_body["changes"] == []
    Scim(client, token=NL_TOKEN, host=NL_HOST).make_user("grace@northlan.gov.uk")
    theirs = client.get("/v1/staff/directory/changes", at(NL_HOST, signed_in_at(deps, NL, "admin"))).json_body
    assert [c["who"] for c in theirs["changes"]] == ["grace@northlan.gov.uk"]
