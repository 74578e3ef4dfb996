"""Doorstep reads ScotAccount's answers as its documentation shows them (scotaccount_answers.py):
the discovery document, the levels of assurance in the attributes' claims token in both its
documented shapes, and a client assertion of the documented claims."""
from urllib.parse import parse_qs, urlsplit

import jwt

from chalicelib.auth import assurance, code_flow
from chalicelib.auth.providers import Provider, new_private_key
from tests.auth.scotaccount_answers import CLAIMS_TOKEN_LIST, CLIENT_ASSERTION_CLAIMS, DISCOVERY, NOT_VERIFIED, VERIFIED


def provider(monkeypatch, level="gpg45-medium"):
    monkeypatch.setenv("DOORSTEP_SECRET_NORTH_LANARKSHIRE_SCOTACCOUNT_KEY", new_private_key())
    return Provider(id="scotaccount", name="ScotAccount", issuer=DISCOVERY["issuer"], client_id="5yhygksctwpqg",
                    client_key="scotaccount-key", level=level, council="north-lanarkshire")


def test_a_verified_identity_in_scotaccounts_own_shape_reaches_gpg45_medium():
    assert assurance.reached(VERIFIED) == assurance.VERIFIED


def test_not_verified_names_the_level_yet_reaches_sign_in_alone():
    assert NOT_VERIFIED["verified_claims"]["verification"]["assurance_level"] == "GPG45-MEDIUM"
    assert assurance.reached(NOT_VERIFIED) == assurance.SIGNED_IN


def test_the_newer_guides_list_of_verified_claims_reaches_gpg45_medium():
    assert assurance.reached(CLAIMS_TOKEN_LIST) == assurance.VERIFIED
    failed = {**CLAIMS_TOKEN_LIST, "verified_claims": [
        {**e, "verification": {**e["verification"], "outcome": "VERIFICATION_FAILED"}}
        for e in CLAIMS_TOKEN_LIST["verified_claims"]]}
    assert assurance.reached(failed) == assurance.SIGNED_IN


def test_no_claims_token_is_sign_in_alone():
    assert assurance.reached(None) == assurance.SIGNED_IN
    assert not assurance.at_least(assurance.SIGNED_IN, assurance.VERIFIED)


def test_the_authorize_address_is_built_from_the_discovery_document(monkeypatch):
    made = code_flow.authorize_url(provider(monkeypatch), DISCOVERY, "https://nl.example/sign-in/return",
                                   "state-1", "nonce-1", "v" * 43, assurance.scopes_for("gpg45-medium"))
    url = urlsplit(made)
    assert f"{url.scheme}://{url.netloc}{url.path}" == DISCOVERY["authorization_endpoint"]
    asked = {k: v[0] for k, v in parse_qs(url.query).items()}
    assert asked["scope"] == "openid scotaccount.gpg45.medium"
    assert asked["scope"].split()[1] in DISCOVERY["scopes_supported"]
    assert asked["code_challenge"] == code_flow.challenge("v" * 43) and asked["code_challenge_method"] == "S256"
    assert asked["response_type"] in DISCOVERY["response_types_supported"]


def test_the_client_assertion_has_the_documented_claims_for_the_token_endpoint(monkeypatch):
    made = code_flow.client_assertion(provider(monkeypatch), DISCOVERY["token_endpoint"])
    header, claims = jwt.get_unverified_header(made), jwt.decode(made, options={"verify_signature": False})
    assert set(claims) == set(CLIENT_ASSERTION_CLAIMS)
    assert claims["iss"] == claims["sub"] == "5yhygksctwpqg" and claims["aud"] == DISCOVERY["token_endpoint"]
    assert header["alg"] in DISCOVERY["token_endpoint_auth_signing_alg_values_supported"]
    assert "private_key_jwt" in DISCOVERY["token_endpoint_auth_methods_supported"]

