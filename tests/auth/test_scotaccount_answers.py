"""Doorstep reads ScotAccount's answers as its documentation shows them (scotaccount_answers.py):
the discovery document, the levels of assurance in the attributes' claims token in both its
documented shapes, the e-mail ScotAccount verified (and what is not one), and a client assertion
of the documented claims."""
from urllib.parse import parse_qs, urlsplit

import jwt

from chalicelib.auth import assurance, code_flow
from chalicelib.auth.providers import Provider, new_private_key
from tests.auth.scotaccount_answers import (CLAIMS_TOKEN_LIST, CLAIMS_TOKEN_THREE_SCOPES, CLIENT_ASSERTION_CLAIMS,
                                           DISCOVERY, NOT_VERIFIED, SCOPES, VALIDATION_METHODS,
                                           VERIFICATION_OUTCOMES, VERIFIED)


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
                                   "state-1", "nonce-1", "v" * 43, assurance.scopes_for(provider(monkeypatch)))
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



def test_the_email_scotaccount_verified_by_its_loop_is_read_from_its_entry():
    assert assurance.verified_email(CLAIMS_TOKEN_THREE_SCOPES) == "david@aiapplied.uk"
    assert assurance.reached(CLAIMS_TOKEN_THREE_SCOPES) == assurance.VERIFIED  # the level beside it still counts


def _email_entry_changed(**verification):
    return {**CLAIMS_TOKEN_THREE_SCOPES, "verified_claims": [
        {**e, "verification": {**e["verification"], **verification}} if e["scope"] == "scotaccount.email" else e
        for e in CLAIMS_TOKEN_THREE_SCOPES["verified_claims"]]}


def test_an_email_not_verified_successfully_or_only_self_certified_is_not_read():
    for outcome in set(VERIFICATION_OUTCOMES) - {"VERIFIED_SUCCESSFULLY"}:
        assert assurance.verified_email(_email_entry_changed(outcome=outcome)) is None, outcome
    for method in set(VALIDATION_METHODS) - {"email_loop"}:
        assert assurance.verified_email(_email_entry_changed(validation_method=method)) is None, method


def test_an_email_in_another_scopes_entry_or_none_shared_gives_no_email():
    moved = {**CLAIMS_TOKEN_THREE_SCOPES, "verified_claims": [
        {**e, "claims": {**e["claims"], "email": "someone@example.org"}}
        for e in CLAIMS_TOKEN_THREE_SCOPES["verified_claims"] if e["scope"] != "scotaccount.email"]}
    assert assurance.verified_email(moved) is None  # only the e-mail scope's entry says it was verified
    assert assurance.verified_email({**CLAIMS_TOKEN_THREE_SCOPES, "verified_claims": []}) is None
    assert assurance.verified_email(VERIFIED) is None and assurance.verified_email(None) is None


def test_a_council_asking_the_email_asks_scotaccounts_own_scope_for_it(monkeypatch):
    asking = provider(monkeypatch, level="gpg44-medium")
    assert assurance.scopes_for(asking) == ["openid"]
    asking = Provider(**{**asking.__dict__, "verified_attributes": ("email",)})
    assert assurance.scopes_for(asking) == ["openid", "scotaccount.email"]
    assert set(assurance.scopes_for(asking)) <= set(SCOPES) | {"openid"}
    assert set(SCOPES) <= set(DISCOVERY["scopes_supported"])
