"""Every forged, altered or expired access token is refused with 401."""
import base64
import json
from datetime import timedelta

import pytest

SECRET = None


def b64(data):
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


def forge(claims, key, alg="HS256"):
    import jwt
    return jwt.encode(claims, key, algorithm=alg)


@pytest.fixture
def resident(people):
    return people("resident")


def claims_of(token):
    import jwt
    return jwt.decode(token, options={"verify_signature": False})


def attempt(client, token):
    return client.get("/v1/me", headers={"Authorization": f"Bearer {token}"})


def test_a_genuine_token_works(client, resident):
    assert attempt(client, resident.tokens["access_token"]).status_code == 200


def test_alg_none_is_refused(client, resident):
    claims = claims_of(resident.tokens["access_token"])
    token = f"{b64({'alg': 'none', 'typ': 'JWT'})}.{b64(claims)}."
    r = attempt(client, token)
    assert r.status_code == 401 and r.json_body["error"]["code"] == "invalid_token"
    assert "Bearer" in r.headers["WWW-Authenticate"]


def test_tampered_signature_is_refused(client, resident):
    head, body, sig = resident.tokens["access_token"].split(".")
    flipped = sig[:-2] + ("A" if sig[-2] != "A" else "B") + sig[-1]
    assert attempt(client, f"{head}.{body}.{flipped}").status_code == 401


def test_altered_claims_under_the_old_signature_are_refused(client, resident, people):
    head, body, sig = resident.tokens["access_token"].split(".")
    claims = claims_of(resident.tokens["access_token"])
    claims["sub"] = people("admin").user.id
    assert attempt(client, f"{head}.{b64(claims)}.{sig}").status_code == 401


def test_token_signed_with_another_key_is_refused(client, resident):
    claims = claims_of(resident.tokens["access_token"])
    assert attempt(client, forge(claims, "some-other-key-" + "y" * 32)).status_code == 401


def test_expired_token_is_refused_as_expired(client, resident):
    import os
    claims = claims_of(resident.tokens["access_token"])
    claims["iat"] -= 3600
    claims["exp"] = claims["iat"] + 900
    r = attempt(client, forge(claims, os.environ["DOORSTEP_JWT_SECRET"]))
    assert r.status_code == 401 and r.json_body["error"]["code"] == "token_expired"


@pytest.mark.parametrize("change", [
    {"aud": "someone-else"}, {"iss": "doorstep:prod"}, {"typ": "refresh"}, {"typ": None},
    {"exp": None}, {"iat": None}, {"sub": None},
])
def test_wrong_or_missing_claims_are_refused(client, resident, change):
    import os
    claims = {**claims_of(resident.tokens["access_token"]), **change}
    claims = {k: v for k, v in claims.items() if v is not None}
    assert attempt(client, forge(claims, os.environ["DOORSTEP_JWT_SECRET"])).status_code == 401


def test_refresh_token_is_not_an_access_token(client, resident):
    assert attempt(client, resident.tokens["refresh_token"]).status_code == 401


@pytest.mark.parametrize("header", ["Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "token-without-scheme",
                                    "Bearer a.b.c", "Bearer " + "x" * 5000])
def test_malformed_authorization_headers_get_401_not_500(client, header):
    r = client.get("/v1/me", headers={"Authorization": header})
    assert r.status_code == 401 and "error" in r.json_body


def test_role_change_ends_sessions_issued_under_the_old_role(client, deps, people):
    from chalicelib.handlers.accounts import users
    staff = people("staff")
    users.set_role(deps, staff.user.email, "resident")
    assert attempt(client, staff.tokens["access_token"]).status_code == 401


def test_access_token_lifetime_is_fifteen_minutes(resident):
    claims = claims_of(resident.tokens["access_token"])
    assert timedelta(seconds=claims["exp"] - claims["iat"]) == timedelta(minutes=15)
