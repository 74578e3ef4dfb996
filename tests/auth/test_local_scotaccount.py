"""The local provider of ScotAccount's shape refuses what ScotAccount refuses: a code_verifier
that is not the challenge's, a client assertion signed with a key not registered for the client,
a code used twice, an unregistered redirect URI. Called over real HTTP as a relying party would."""
import time
import uuid

import jwt
import pytest
import requests

from chalicelib.auth import code_flow
from chalicelib.auth.providers import new_private_key
from doorstep_cli.local.scotaccount import LocalScotAccount
from doorstep_cli.local.scotaccount_tokens import JWT_BEARER
from tests.auth.scotaccount_support import choose

CLIENT, RETURN = "doorstep-test", "http://northlanarkshire.localhost:8000/sign-in/return"


@pytest.fixture
def provider():
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.serialization import load_pem_private_key
    key = new_private_key()
    with LocalScotAccount() as served:
        public = load_pem_private_key(key.encode(), None).public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()
        served.register(CLIENT, public, [RETURN])
        served.client_key = key
        yield served


def assertion(key, audience, **changes):
    now = int(time.time())
    claims = {"iss": CLIENT, "sub": CLIENT, "aud": audience, "iat": now, "exp": now + 60, "jti": str(uuid.uuid4()),
              **changes}
    return jwt.encode(claims, key, algorithm="ES256")


def authorized(provider, verifier, person="morag", scope="openid"):
    from urllib.parse import urlencode
    query = urlencode({"client_id": CLIENT, "redirect_uri": RETURN, "response_type": "code", "scope": scope,
                       "state": "s-1", "nonce": "n-1", "code_challenge": code_flow.challenge(verifier),
                       "code_challenge_method": "S256"})
    return choose(f"{provider.origin}/authorize?{query}", person)["code"]


def token(provider, code, verifier, client_assertion):
    return requests.post(f"{provider.origin}/token", timeout=10, data={
        "grant_type": "authorization_code", "code": code, "redirect_uri": RETURN, "code_verifier": verifier,
        "client_assertion_type": JWT_BEARER, "client_assertion": client_assertion})


def test_a_wrong_code_verifier_is_refused(provider):
    verifier = code_flow.new_attempt()[2]
    code = authorized(provider, verifier)
    refused = token(provider, code, code_flow.new_attempt()[2], assertion(provider.client_key, f"{provider.origin}/token"))
    assert refused.status_code == 400 and refused.json()["error"] == "invalid_grant"
    assert "code_verifier" in refused.json()["error_description"]


def test_the_right_code_verifier_gets_an_id_token_with_the_nonce(provider):
    verifier = code_flow.new_attempt()[2]
    answer = token(provider, authorized(provider, verifier), verifier,
                   assertion(provider.client_key, f"{provider.origin}/token"))
    assert answer.status_code == 200, answer.text
    assert set(answer.json()) == {"access_token", "refresh_token", "scope", "id_token", "token_type", "expires_in"}
    claims = jwt.decode(answer.json()["id_token"], options={"verify_signature": False})
    assert claims["nonce"] == "n-1" and claims["aud"] == CLIENT and claims["iss"] == provider.issuer


def test_a_client_assertion_signed_with_another_key_is_refused(provider):
    verifier = code_flow.new_attempt()[2]
    refused = token(provider, authorized(provider, verifier), verifier,
                    assertion(new_private_key(), f"{provider.origin}/token"))
    assert refused.status_code == 401 and refused.json()["error"] == "invalid_client"


def test_a_client_assertion_for_another_audience_is_refused(provider):
    verifier = code_flow.new_attempt()[2]
    refused = token(provider, authorized(provider, verifier), verifier,
                    assertion(provider.client_key, "https://authz.scotaccount.service.gov.scot/token"))
    assert refused.status_code == 401 and refused.json()["error"] == "invalid_client"


def test_a_code_works_once(provider):
    verifier = code_flow.new_attempt()[2]
    code = authorized(provider, verifier)
    audience = f"{provider.origin}/token"
    assert token(provider, code, verifier, assertion(provider.client_key, audience)).status_code == 200
    again = token(provider, code, verifier, assertion(provider.client_key, audience))
    assert again.status_code == 400 and again.json()["error"] == "invalid_grant"


def test_an_unregistered_redirect_uri_is_refused_without_going_there(provider):
    from urllib.parse import urlencode
    query = urlencode({"client_id": CLIENT, "redirect_uri": "https://evil.example/steal", "response_type": "code",
                       "scope": "openid", "state": "s", "nonce": "n",
                       "code_challenge": code_flow.challenge("v" * 43), "code_challenge_method": "S256"})
    answer = requests.get(f"{provider.origin}/authorize?{query}", allow_redirects=False, timeout=10)
    assert answer.status_code == 400 and "Location" not in answer.headers


def test_an_authorization_request_without_pkce_goes_back_with_an_error(provider):
    from urllib.parse import parse_qs, urlencode, urlsplit
    query = urlencode({"client_id": CLIENT, "redirect_uri": RETURN, "response_type": "code", "scope": "openid",
                       "state": "s-2", "nonce": "n"})
    answer = requests.get(f"{provider.origin}/authorize?{query}", allow_redirects=False, timeout=10)
    assert answer.status_code == 302
    back = parse_qs(urlsplit(answer.headers["Location"]).query)
    assert back["error"] == ["invalid_request"] and back["state"] == ["s-2"]
