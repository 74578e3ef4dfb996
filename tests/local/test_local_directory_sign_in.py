"""The local directory of Entra ID's shape signs officers in as Entra does, over real HTTP: its discovery
document has the fields of a real tenant's (tests/local/entra_answers.py), its ID token Entra's claims
(tid, oid, preferred_username, groups, amr), and it refuses what Entra refuses: an unregistered redirect
URI, a wrong PKCE verifier, a code used twice, a wrong client secret, a disabled account."""
import base64
import hashlib
import secrets
import time
import uuid
from urllib.parse import parse_qs, urlsplit

import jwt
import pytest
import requests

from doorstep_cli.local.directory import LocalDirectory
from doorstep_cli.local.directory_demo import CLIENT_ID, TENANT, seed
from tests.local.entra_answers import AUTHORITY, DISCOVERY, TENANT as RECORDED_TENANT

RETURN, SIGNED_OUT, SECRET = "http://localhost:8000/sign-in/staff/return", "http://localhost:8000/signed-out", "s~3cret"
ASHA, LIAM, NINA = "bc9c6416-6ab8-40a8-bf6c-681143c121b3", "2b825a4b-b0fb-4154-a0ce-2296bd70cf26", \
    "c4d2d4e9-b536-4c5d-a052-75df4fce7618"


@pytest.fixture
def directory(tmp_path):
    with LocalDirectory(tmp_path / "directory.json", TENANT, seed=seed, tenant_name="City of York Council") as served:
        served.register(CLIENT_ID, [RETURN], [SIGNED_OUT], secret=SECRET)
        yield served


def pkce():
    verifier = secrets.token_urlsafe(48)
    return verifier, base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()


def request_for(challenge, **changes):
    return {"client_id": CLIENT_ID, "redirect_uri": RETURN, "response_type": "code", "scope": "openid profile email",
            "state": "st-1", "nonce": "n-1", "code_challenge": challenge, "code_challenge_method": "S256", **changes}


def signed_in(directory, person=ASHA, mfa=True, browser=None, **changes):
    """(code, verifier) after choosing `person` on the directory's page."""
    verifier, challenge = pkce()
    form = {**request_for(challenge, **changes), "person": person, **({"mfa": "yes"} if mfa else {})}
    sent = (browser or requests).post(f"{directory.sign_in.base}/oauth2/v2.0/authorize", data=form,
                                      allow_redirects=False, timeout=10)
    assert sent.status_code == 302, sent.text
    back = parse_qs(urlsplit(sent.headers["Location"]).query)
    assert back["state"] == ["st-1"]
    return back["code"][0], verifier


def exchange(directory, code, verifier, **changes):
    return requests.post(f"{directory.sign_in.base}/oauth2/v2.0/token", timeout=10, data={
        "grant_type": "authorization_code", "code": code, "redirect_uri": RETURN, "code_verifier": verifier,
        "client_id": CLIENT_ID, "client_secret": SECRET, **changes})


def test_the_discovery_document_has_every_field_of_a_real_tenants_at_entras_paths(directory):
    ours = requests.get(f"{directory.issuer}/.well-known/openid-configuration", timeout=10).json()
    not_served = {"device_authorization_endpoint", "kerberos_endpoint"}  # no device code flow, no Kerberos here
    assert set(DISCOVERY) - set(ours) == not_served
    real_tenant = f"{AUTHORITY}/{RECORDED_TENANT}"
    for field in ("issuer", "authorization_endpoint", "token_endpoint", "jwks_uri", "end_session_endpoint"):
        assert ours[field] == DISCOVERY[field].replace(real_tenant, f"{directory.origin}/{TENANT}"), field
    assert ours["issuer"] == f"{directory.origin}/{TENANT}/v2.0"
    for field in ("token_endpoint_auth_methods_supported", "subject_types_supported", "scopes_supported",
                  "id_token_signing_alg_values_supported", "claims_supported"):
        assert ours[field] == DISCOVERY[field], field
    keys = requests.get(ours["jwks_uri"], timeout=10).json()["keys"]
    assert [(k["kty"], k["use"], len(k["kid"])) for k in keys] == [("RSA", "sig", 27)]


def test_an_id_token_carries_entras_claims_signed_by_the_published_key(directory):
    code, verifier = signed_in(directory)
    answer = exchange(directory, code, verifier)
    assert answer.status_code == 200, answer.text
    tokens = answer.json()
    assert {"token_type", "expires_in", "access_token", "id_token"} <= set(tokens)
    key = jwt.PyJWKClient(f"{directory.sign_in.base}/discovery/v2.0/keys").get_signing_key_from_jwt(tokens["id_token"])
    claims = jwt.decode(tokens["id_token"], key.key, algorithms=["RS256"], audience=CLIENT_ID, issuer=directory.issuer)
    assert claims["tid"] == TENANT and claims["oid"] == ASHA and claims["nonce"] == "n-1"
    assert (claims["preferred_username"], claims["email"], claims["name"]) == (
        "asha.patel@york.example", "asha.patel@york.example", "Asha Patel")
    assert sorted(claims["groups"]) == ["6533521a-cb36-4c90-8c67-5e3deb127354", "81bbd79d-05b9-4ee0-a629-3294d88ca4e7"]
    assert claims["amr"] == ["pwd", "mfa"] and claims["nbf"] <= time.time() < claims["exp"]
    assert claims["sub"] != ASHA and len(claims["sub"]) == 43  # pairwise, as Entra's
    assert jwt.get_unverified_header(tokens["id_token"])["kid"] == key.key_id


def test_without_the_second_factor_the_token_says_password_alone(directory):
    code, verifier = signed_in(directory, mfa=False)
    claims = jwt.decode(exchange(directory, code, verifier).json()["id_token"], options={"verify_signature": False})
    assert claims["amr"] == ["pwd"]


def test_a_code_works_once_and_only_with_its_verifier_and_redirect_uri(directory):
    code, verifier = signed_in(directory)
    wrong = exchange(directory, code, pkce()[0])
    assert wrong.status_code == 400 and wrong.json()["error"] == "invalid_grant"
    assert wrong.json()["error_codes"] == [50148] and "code_verifier" in wrong.json()["error_description"]
    code, verifier = signed_in(directory)
    elsewhere = exchange(directory, code, verifier, redirect_uri="http://localhost:8000/elsewhere")
    assert elsewhere.status_code == 400 and elsewhere.json()["error"] == "invalid_grant"
    code, verifier = signed_in(directory)
    assert exchange(directory, code, verifier).status_code == 200
    again = exchange(directory, code, verifier)
    assert again.status_code == 400 and again.json()["error"] == "invalid_grant"


def test_an_unregistered_redirect_uri_is_said_on_the_page_and_sent_nowhere(directory):
    verifier, challenge = pkce()
    asked = requests.get(f"{directory.sign_in.base}/oauth2/v2.0/authorize", timeout=10, allow_redirects=False,
                         params=request_for(challenge, redirect_uri="https://attacker.example/catch"))
    assert asked.status_code == 400 and "Location" not in asked.headers and "AADSTS50011" in asked.text


def test_a_request_without_pkce_goes_back_with_an_error_and_its_state(directory):
    asked = requests.get(f"{directory.sign_in.base}/oauth2/v2.0/authorize", timeout=10, allow_redirects=False,
                         params=request_for("", code_challenge_method="plain"))
    back = parse_qs(urlsplit(asked.headers["Location"]).query)
    assert asked.status_code == 302 and back["error"] == ["invalid_request"] and back["state"] == ["st-1"]


def test_a_wrong_client_secret_or_none_is_refused_in_oauths_shape(directory):
    code, verifier = signed_in(directory)
    wrong = exchange(directory, code, verifier, client_secret="guess")
    assert wrong.status_code == 401 and wrong.json()["error"] == "invalid_client"
    assert wrong.json()["error_codes"] == [7000215]
    none = exchange(directory, code, verifier, client_secret="")
    assert none.status_code == 401 and none.json()["error_codes"] == [7000218]
    assert exchange(directory, code, verifier).status_code == 200  # a refused client did not use up the code


def test_a_client_registered_with_a_certificate_signs_in_by_its_assertion(directory):
    from chalicelib.auth.providers import new_private_key
    from doorstep_cli.local.directory_stack import _public_pem
    from doorstep_cli.local.scotaccount_tokens import JWT_BEARER
    key, other = new_private_key(), "1d3b7a52-0000-4000-8000-000000000001"
    directory.register(other, [RETURN], public_pem=_public_pem(key))
    code, verifier = signed_in(directory, client_id=other)
    endpoint, now = f"{directory.sign_in.base}/oauth2/v2.0/token", int(time.time())
    assertion = jwt.encode({"iss": other, "sub": other, "aud": endpoint, "iat": now, "exp": now + 60,
                            "jti": str(uuid.uuid4())}, key, algorithm="ES256")
    answer = exchange(directory, code, verifier, client_id=other, client_secret="",
                      client_assertion_type=JWT_BEARER, client_assertion=assertion)
    assert answer.status_code == 200, answer.text
    assert jwt.decode(answer.json()["id_token"], options={"verify_signature": False})["aud"] == other


def test_a_disabled_account_is_refused_at_the_page_with_no_code(directory):
    directory.people.update_user("nina.berg@york.example", {"accountEnabled": False})
    verifier, challenge = pkce()
    tried = requests.post(f"{directory.sign_in.base}/oauth2/v2.0/authorize", timeout=10, allow_redirects=False,
                          data={**request_for(challenge), "person": NINA, "mfa": "yes"})
    assert tried.status_code == 400 and "Location" not in tried.headers
    assert "AADSTS50057" in tried.text and "Nina Berg" in tried.text


def test_a_second_sign_in_from_the_same_browser_is_silent_until_logout_ends_it(directory):
    browser = requests.Session()
    signed_in(directory, person=LIAM, browser=browser)
    verifier, challenge = pkce()
    authorize = f"{directory.sign_in.base}/oauth2/v2.0/authorize"
    again = browser.get(authorize, params=request_for(challenge), allow_redirects=False, timeout=10)
    assert again.status_code == 302 and "code=" in again.headers["Location"]  # no page: Entra's single sign-on
    code = parse_qs(urlsplit(again.headers["Location"]).query)["code"][0]
    id_token = exchange(directory, code, verifier).json()["id_token"]
    assert jwt.decode(id_token, options={"verify_signature": False})["oid"] == LIAM
    out = browser.get(f"{directory.sign_in.base}/oauth2/v2.0/logout", allow_redirects=False, timeout=10,
                      params={"post_logout_redirect_uri": SIGNED_OUT, "id_token_hint": id_token, "state": "bye"})
    assert out.status_code == 302 and out.headers["Location"] == f"{SIGNED_OUT}?state=bye"
    after = browser.get(authorize, params=request_for(challenge), allow_redirects=False, timeout=10)
    assert after.status_code == 200 and "Sign in as" in after.text  # the page again: signed out here
    stranger = browser.get(f"{directory.sign_in.base}/oauth2/v2.0/logout", allow_redirects=False, timeout=10,
                           params={"post_logout_redirect_uri": "https://attacker.example/", "client_id": CLIENT_ID})
    assert stranger.status_code == 200 and "Location" not in stranger.headers


def test_a_person_turned_off_after_signing_in_is_not_signed_in_silently(directory):
    browser = requests.Session()
    signed_in(directory, person=LIAM, browser=browser)
    directory.people.update_user(LIAM, {"accountEnabled": False})
    verifier, challenge = pkce()
    again = browser.get(f"{directory.sign_in.base}/oauth2/v2.0/authorize", params=request_for(challenge),
                        allow_redirects=False, timeout=10)
    assert again.status_code == 200 and "account disabled" in again.text
