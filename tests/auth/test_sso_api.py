"""Single sign-on through the API: a provider's token becomes a Doorstep session."""
import pytest

from test_oidc import AZURE, EC_KEY, claims, configure, fresh_jwks_cache, rs256, server  # noqa: F401


@pytest.fixture
def sso(server, monkeypatch):  # noqa: F811
    # before `client`: Chalice's test client snapshots the environment
    configure(monkeypatch, server.base)
    return server


def es256_staff_token(**overrides):
    import jwt
    payload = claims(iss=AZURE, aud="doorstep-staff", sub="azure-staff-1", email=None,
                     preferred_username="sam@council.example", **overrides)
    return jwt.encode(payload, EC_KEY, algorithm="ES256", headers={"kid": "ec-1"})


def test_first_sign_in_creates_the_resident_and_later_ones_find_them(sso, client):
    first = client.post("/v1/auth/oidc", {"token": rs256(claims())})
    assert first.status_code == 200
    me = client.get("/v1/me", headers={"Authorization": f"Bearer {first.json_body['access_token']}"}).json_body
    assert me["email"] == "ann@example.org" and me["email_verified"] is True and me["role"] == "resident"
    again = client.post("/v1/auth/oidc", {"token": rs256(claims())}).json_body
    assert again["user"]["id"] == first.json_body["user"]["id"]


def test_staff_issuer_gives_new_users_the_staff_role(sso, client):
    r = client.post("/v1/auth/oidc", {"token": es256_staff_token()})
    assert r.status_code == 200 and r.json_body["user"]["role"] == "staff"


def test_forged_provider_token_is_refused(sso, client):
    from cryptography.hazmat.primitives.asymmetric import rsa
    import jwt
    stranger = rsa.generate_private_key(65537, 2048)
    token = jwt.encode(claims(), stranger, algorithm="RS256", headers={"kid": "rsa-1"})
    r = client.post("/v1/auth/oidc", {"token": token})
    assert r.status_code == 401 and r.json_body["error"]["code"] == "invalid_token"


def test_provider_e_mail_already_registered_does_not_merge_two_people(sso, client, people):
    owner = people("resident", email="ann@example.org")
    r = client.post("/v1/auth/oidc", {"token": rs256(claims())})
    assert r.status_code == 200 and r.json_body["user"]["id"] != owner.user.id
    me = client.get("/v1/me", headers={"Authorization": f"Bearer {r.json_body['access_token']}"}).json_body
    assert me["email"] is None
