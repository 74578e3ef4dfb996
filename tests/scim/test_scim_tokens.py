"""Only the council's own SCIM token provisions its directory: none, a wrong one, another council's, or a
person's own access token is 401 in SCIM's shape, and nothing is read or written."""
import pytest

from support.scim_support import NL_HOST, NL_TOKEN, TOKEN, Scim, at, councils_with_scim, log


@pytest.mark.parametrize("token", [None, "", "not-the-token", NL_TOKEN, TOKEN + "x", TOKEN[:-1]])
def test_a_call_without_york_s_own_token_is_401_at_york(client, deps, monkeypatch, token):
    councils_with_scim(deps, monkeypatch)
    answer = Scim(client, token=token).call("POST", "/Users", {"userName": "intruder@york.gov.uk"})
    assert answer.status_code == 401 and answer.json_body["status"] == "401"
    assert {k.lower() for k in answer.headers} >= {"www-authenticate"}
    assert Scim(client).call("GET", '/Users?filter=userName eq "intruder@york.gov.uk"').json_body["totalResults"] == 0
    assert log(deps) == []


def test_york_s_token_is_refused_at_north_lanarkshire_and_each_council_sees_only_its_own(client, deps, monkeypatch):
    councils_with_scim(deps, monkeypatch)
    Scim(client).make_user("ada@york.gov.uk")
    assert Scim(client, token=TOKEN, host=NL_HOST).call("GET", "/Users").status_code == 401
    theirs = Scim(client, token=NL_TOKEN, host=NL_HOST)
    assert theirs.call("GET", "/Users").json_body["totalResults"] == 0
    theirs.make_user("ada@york.gov.uk")  # the same address at two councils' directories: two officers
    assert Scim(client).call("GET", "/Users").json_body["totalResults"] == 1


def test_a_council_without_scim_in_its_settings_refuses_every_token(client, deps, monkeypatch):
    from support.councils_support import add, york
    monkeypatch.setenv("DOORSTEP_SECRET_YORK_SCIM_TOKEN", TOKEN)
    document = york()
    document.get("staff_sign_in", {}).pop("scim", None)  # the demo's York takes SCIM; this one does not
    add(deps, document)
    refused = Scim(client).call("GET", "/Users")
    assert refused.status_code == 401 and "scim" in refused.json_body["detail"].lower()


def test_a_persons_own_access_token_is_no_scim_token(client, deps, monkeypatch, people):
    councils_with_scim(deps, monkeypatch)
    admin = people("admin")
    answer = client.raw.http.request("GET", "/scim/v2/Users", headers=at("york.localhost", admin.auth))
    assert answer.status_code == 401 and answer.json_body["schemas"] == ["urn:ietf:params:scim:api:messages:2.0:Error"]


def test_the_token_named_but_not_held_is_refused_not_a_500(client, deps, monkeypatch):
    councils_with_scim(deps, monkeypatch)
    monkeypatch.delenv("DOORSTEP_SECRET_YORK_SCIM_TOKEN")
    assert Scim(client).call("GET", "/Users").status_code == 401
