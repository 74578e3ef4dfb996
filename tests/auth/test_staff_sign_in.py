"""An officer signs in at York's address with York's directory (issue 79), over real HTTP against the
local directory of Entra ID's shape (doorstep_cli/local/directory.py): the authorization code flow with
PKCE and a client secret, the desks of their groups, a group removed there removing its desk at the
next sign-in, a second factor asked for, and a state begun at another council's address refused."""
import copy
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from chalicelib import config
from chalicelib.councils.council import Council
from doorstep_cli.local.directory import LocalDirectory
from doorstep_cli.local.directory_demo import CLIENT_ID, GROUPS, TENANT, seed
from support.councils_support import NL_HOST, add, at, north_lanarkshire, york

YORK_HOST = "localhost"
ASHA, NINA = "bc9c6416-6ab8-40a8-bf6c-681143c121b3", "c4d2d4e9-b536-4c5d-a052-75df4fce7618"
STREET_SCENE = next(oid for oid, name, _ in GROUPS if name == "Street Scene")
SECRET = "york~client~secret"


@pytest.fixture
def directory(tmp_path, deps, monkeypatch):
    """York's settings naming a local directory of the test's own; North Lanarkshire with none."""
    from chalicelib.auth import code_flow
    with LocalDirectory(tmp_path / "directory.json", TENANT, seed=seed) as served:
        document = copy.deepcopy(york())
        document["staff_sign_in"]["providers"][0]["issuer"] = served.issuer
        base = config.links_base(config.settings(), Council.of_document(document, 1))
        served.register(CLIENT_ID, [base + "/sign-in/staff/return"], [base + "/signed-out"], secret=SECRET)
        monkeypatch.setenv("DOORSTEP_SECRET_YORK_ENTRA_CLIENT", SECRET)
        add(deps, document, north_lanarkshire())
        yield served
        code_flow.forget_discovery()


def begin(client, host=YORK_HOST):
    made = client.post("/v1/auth/staff-providers/entra/start", {"next": "/staff"}, at(host))
    assert made.status_code == 201, made.json_body
    return made.json_body["authorize_url"]


def choose(authorize_url, person, mfa=True):
    """The officer's choice on the directory's page, its redirect not followed: {code, state}."""
    url = urlsplit(authorize_url)
    asked = {k: v[0] for k, v in parse_qs(url.query).items()}
    answer = requests.post(f"{url.scheme}://{url.netloc}{url.path}", allow_redirects=False, timeout=10,
                           data={**asked, "person": person, **({"mfa": "yes"} if mfa else {})})
    assert answer.status_code == 302, answer.text
    return {k: v[0] for k, v in parse_qs(urlsplit(answer.headers["Location"]).query).items()}


def finish(client, back, host=YORK_HOST):
    return client.post("/v1/auth/staff-providers/finish", {"code": back["code"], "state": back["state"]}, at(host))


def desks(client, signed):
    mine = client.get("/v1/staff/desks", at(YORK_HOST, {"Authorization": f"Bearer {signed['access_token']}"}))
    assert mine.status_code == 200, mine.json_body
    return [d["id"] for d in mine.json_body["desks"]]


def test_york_offers_its_directory_on_the_staff_sign_in_and_north_lanarkshire_does_not(directory, client):
    assert client.get("/v1/auth/staff-providers", at(YORK_HOST)).json_body["providers"] == [
        {"id": "entra", "name": "City of York Council account"}]
    assert client.get("/v1/auth/staff-providers", at(NL_HOST)).json_body["providers"] == []


def test_an_officer_signs_in_with_the_directory_and_opens_the_desks_of_their_group(directory, client):
    signed = finish(client, choose(begin(client), ASHA))
    assert signed.status_code == 200, signed.json_body
    assert (signed.json_body["user"]["role"], signed.json_body["next"], signed.json_body["provider"]) == (
        "staff", "/staff", "entra")
    assert "reports" in desks(client, signed.json_body) and "council_tax" not in desks(client, signed.json_body)


def test_a_group_removed_in_the_directory_removes_its_desk_at_the_next_sign_in(directory, client):
    first = finish(client, choose(begin(client), ASHA)).json_body
    directory.people.remove_member(STREET_SCENE, ASHA)
    again = finish(client, choose(begin(client), ASHA))
    assert again.status_code == 403 and again.json_body["error"]["code"] == "no_desk_here"
    me = client.get("/v1/staff/desks", at(YORK_HOST, {"Authorization": f"Bearer {first['access_token']}"}))
    assert me.status_code == 401  # the session begun with the old desks ended with them


def test_an_officer_in_no_mapped_group_is_told_they_have_no_desk(directory, client):
    refused = finish(client, choose(begin(client), NINA))
    assert refused.status_code == 403, refused.json_body
    assert "none of its groups gives you a desk" in refused.json_body["error"]["message"]


def test_a_sign_in_without_the_second_factor_york_asks_is_refused(directory, client):
    refused = finish(client, choose(begin(client), ASHA, mfa=False))
    assert refused.status_code == 403 and refused.json_body["error"]["code"] == "mfa_required"


def test_a_return_to_north_lanarkshires_address_of_a_sign_in_begun_at_yorks_is_refused(directory, client):
    back = choose(begin(client), ASHA)
    crossed = finish(client, back, NL_HOST)
    assert crossed.status_code == 403 and crossed.json_body["error"]["code"] == "sign_in_not_begun_here"
    assert finish(client, back).status_code == 200  # where it was begun, it works


def test_a_wrong_client_secret_signs_no_one_in(directory, client, monkeypatch):
    back = choose(begin(client), ASHA)
    monkeypatch.setenv("DOORSTEP_SECRET_YORK_ENTRA_CLIENT", "not-the-secret")
    refused = finish(client, back)
    assert refused.status_code == 401, refused.json_body
    assert refused.json_body["error"]["code"] == "sign_in_refused"


def test_signing_out_sends_the_officer_to_the_directorys_own_sign_out(directory, client):
    out = client.get("/v1/auth/staff-providers/entra/sign-out", at(YORK_HOST)).json_body["url"]
    assert out.startswith(f"{urlsplit(directory.issuer).scheme}://{urlsplit(directory.issuer).netloc}/{TENANT}/oauth2/v2.0/logout?")
    assert parse_qs(urlsplit(out).query)["post_logout_redirect_uri"][0].endswith("/signed-out")
