"""External OIDC tokens: keys made here, a real JWKS served over HTTP on 127.0.0.1."""
import base64
import hashlib
import hmac
import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from jwt.algorithms import ECAlgorithm, RSAAlgorithm

from chalicelib.auth import oidc
from chalicelib.auth.oidc import OidcConfigError, OidcRejected, verify_external_token

GOVUK, AZURE = "https://oidc.example.gov.uk/", "https://login.example.com/tenant/v2.0"
RSA_KEY, NEW_RSA_KEY, OTHER_RSA_KEY = (rsa.generate_private_key(65537, 2048) for _ in range(3))
EC_KEY = ec.generate_private_key(ec.SECP256R1())


def jwk(private_key, kid):
    algorithm = RSAAlgorithm if isinstance(private_key, rsa.RSAPrivateKey) else ECAlgorithm
    return {**algorithm.to_jwk(private_key.public_key(), as_dict=True), "kid": kid, "use": "sig"}


@pytest.fixture
def server():
    """Serves {path: [jwk, ...]} from `.sets` and counts fetches in `.hits`."""
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            httpd.hits += 1
            body = json.dumps({"keys": httpd.sets.get(self.path, [])}).encode()
            self.send_response(200)
            self.end_headers()  # HTTP/1.0: the body ends when the connection closes
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.hits = 0
    httpd.sets = {"/govuk": [jwk(RSA_KEY, "rsa-1")], "/azure": [jwk(EC_KEY, "ec-1")]}
    httpd.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    # A short poll interval, or every shutdown() waits half a second.
    threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True).start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def configure(monkeypatch, base, **govuk_overrides):
    monkeypatch.setenv("DOORSTEP_OIDC_ISSUERS", json.dumps([
        {"name": "govuk", "issuer": GOVUK, "jwks_url": f"{base}/govuk", "audience": "doorstep-app",
         **govuk_overrides},
        {"name": "azure", "issuer": AZURE, "jwks_url": f"{base}/azure",
         "audience": ["api://doorstep", "doorstep-staff"], "algorithms": ["ES256"],
         "role": "staff", "email_claim": "preferred_username"},
    ]))


@pytest.fixture(autouse=True)
def fresh_jwks_cache():
    oidc.clear_jwks_cache()  # clients are cached per URL for the life of the process
    yield
    oidc.clear_jwks_cache()


@pytest.fixture
def issuers(server, monkeypatch):
    configure(monkeypatch, server.base)
    return server


def claims(**overrides):
    now = int(time.time())
    base = {"iss": GOVUK, "sub": "urn:fdc:gov.uk:resident-1", "aud": "doorstep-app",
            "iat": now, "exp": now + 300, "email": "ann@example.org", "email_verified": True}
    return {k: v for k, v in {**base, **overrides}.items() if v is not None}


def rs256(payload, key=RSA_KEY, kid="rsa-1"):
    return jwt.encode(payload, key, algorithm="RS256", headers={"kid": kid})


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def hand_made(header, payload, sign=lambda signing_input: b""):
    """What an attacker builds without PyJWT's help (it refuses to sign some of these)."""
    signing_input = f"{b64(json.dumps(header).encode())}.{b64(json.dumps(payload).encode())}"
    return f"{signing_input}.{b64(sign(signing_input.encode()))}"


def rejected(token, code="invalid_token"):
    with pytest.raises(OidcRejected) as caught:
        verify_external_token(token)
    assert caught.value.code == code, caught.value.message


def test_valid_rs256_token_gives_the_resident_identity(issuers):
    assert verify_external_token(rs256(claims(name="Ann"))) == oidc.ExternalIdentity(
        issuer_name="govuk", iss=GOVUK, sub="urn:fdc:gov.uk:resident-1", email="ann@example.org",
        email_verified=True, name="Ann", role="resident")


def test_valid_es256_token_gives_staff_identity_with_configured_email_claim(issuers):
    payload = claims(iss=AZURE, aud="doorstep-staff", sub="oid-42", email=None,
                     email_verified=None, preferred_username="bob@council.example")
    identity = verify_external_token(jwt.encode(payload, EC_KEY, "ES256", headers={"kid": "ec-1"}))
    assert (identity.issuer_name, identity.sub, identity.role) == ("azure", "oid-42", "staff")
    assert identity.email == "bob@council.example" and identity.email_verified is False


def test_expired_token_is_rejected_as_expired(issuers):
    rejected(rs256(claims(exp=int(time.time()) - 120)), "expired_token")


def test_token_expired_within_clock_skew_leeway_still_verifies(issuers):
    assert verify_external_token(rs256(claims(exp=int(time.time()) - 10))).sub


def test_wrong_audience_is_rejected(issuers):
    rejected(rs256(claims(aud="someone-elses-app")))


def test_token_signed_by_one_issuer_cannot_claim_to_be_another(issuers):
    rejected(rs256(claims(iss=AZURE, aud="doorstep-staff")))  # an alg azure is not allowed
    rejected(jwt.encode(claims(iss=AZURE, aud="doorstep-staff"), EC_KEY, "ES256",
                        headers={"kid": "rsa-1"}))  # azure's JWKS has no rsa-1


def test_unknown_or_missing_issuer_is_rejected_without_fetching_keys(issuers):
    rejected(rs256(claims(iss="https://evil.example/")), "unknown_issuer")
    rejected(rs256(claims(iss=None)), "unknown_issuer")
    assert issuers.hits == 0


def test_tampered_payload_or_another_key_under_a_known_kid_fails_the_signature_check(issuers):
    header, _, signature = rs256(claims()).split(".")
    rejected(f"{header}.{b64(json.dumps(claims(sub='someone-else')).encode())}.{signature}")
    rejected(rs256(claims(), key=OTHER_RSA_KEY))


def test_alg_none_is_rejected_without_fetching_keys(issuers):
    rejected(hand_made({"alg": "none", "kid": "rsa-1"}, claims()))
    assert issuers.hits == 0


def test_hs256_signed_with_the_public_key_pem_as_secret_is_rejected(issuers):
    pem = RSA_KEY.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    rejected(hand_made({"alg": "HS256", "typ": "JWT", "kid": "rsa-1"}, claims(),
                       lambda data: hmac.new(pem, data, hashlib.sha256).digest()))


@pytest.mark.parametrize("missing", [{"sub": None}, {"sub": ""}, {"exp": None}, {"iat": None},
                                     {"aud": None}], ids=["sub", "empty-sub", "exp", "iat", "aud"])
def test_token_without_a_required_claim_is_rejected(issuers, missing):
    rejected(rs256(claims(**missing)))


# Made as each test runs: claims made at collection run out 5 minutes into a busy run.
MALFORMED = {
    "empty": lambda: "", "one-part": lambda: "not-a-jwt", "junk-parts": lambda: "a.b.c", "two-parts": lambda: "a.b",
    "dots": lambda: "....", "none": lambda: None, "int": lambda: 42, "huge": lambda: "x" * 40_000,
    "payload-list": lambda: hand_made({"alg": "RS256", "kid": "rsa-1"}, ["not", "an", "object"]),
    "kid-int": lambda: hand_made({"alg": "RS256", "kid": 7}, claims()),
    "no-kid": lambda: hand_made({"alg": "RS256"}, claims()),
    "alg-list": lambda: hand_made({"alg": ["RS256"], "kid": "rsa-1"}, claims())}


@pytest.mark.parametrize("made", MALFORMED.values(), ids=MALFORMED.keys())
def test_malformed_token_is_rejected_as_invalid(issuers, made):
    rejected(made())


def test_new_kid_after_key_rotation_triggers_one_jwks_refetch(issuers, monkeypatch):
    monkeypatch.setattr(oidc, "JWKS_REFRESH_COOLDOWN_SECONDS", 0)
    verify_external_token(rs256(claims()))
    issuers.sets["/govuk"] = [jwk(NEW_RSA_KEY, "rsa-2")]
    for _ in range(2):
        assert verify_external_token(rs256(claims(), key=NEW_RSA_KEY, kid="rsa-2")).sub
    assert issuers.hits == 2  # the first fetch, one refetch, then the cached set


def test_made_up_kids_do_not_make_us_hammer_the_issuer(issuers):
    verify_external_token(rs256(claims()))
    for n in range(5):
        rejected(rs256(claims(), kid=f"made-up-{n}"))
    assert issuers.hits == 1  # refetches wait out the cooldown


def test_unreachable_jwks_is_reported_as_unavailable(monkeypatch):
    from support.ports import refused_port
    with refused_port() as closed_port:
        configure(monkeypatch, f"http://127.0.0.1:{closed_port}")
        rejected(rs256(claims()), "jwks_unavailable")


def test_stalled_jwks_times_out_as_unavailable(monkeypatch):
    monkeypatch.setattr(oidc, "JWKS_TIMEOUT_SECONDS", 0.5)
    with socket.socket() as s:  # the kernel accepts connections; nobody ever answers
        s.bind(("127.0.0.1", 0))
        s.listen(1)
        configure(monkeypatch, f"http://127.0.0.1:{s.getsockname()[1]}")
        started = time.monotonic()
        rejected(rs256(claims()), "jwks_unavailable")
        assert time.monotonic() - started < 3


def test_no_configured_issuers_means_every_issuer_is_unknown(monkeypatch):
    monkeypatch.delenv("DOORSTEP_OIDC_ISSUERS", raising=False)
    rejected(rs256(claims()), "unknown_issuer")


GOOD = {"name": "govuk", "issuer": GOVUK, "jwks_url": "https://idp.example/jwks", "audience": "a"}


def one(**overrides):
    return json.dumps([{k: v for k, v in {**GOOD, **overrides}.items() if v is not None}])


BAD_CONFIG = {
    "not-json": "not json", "not-a-list": json.dumps(GOOD), "duplicate-issuer":
    json.dumps([GOOD, GOOD]), "entry-not-object": json.dumps(["govuk"]),
    "no-jwks-url": one(jwks_url=None), "empty-audience": one(audience=[]),
    "hs256": one(algorithms=["HS256"]), "alg-none": one(algorithms=["none"]),
    "no-algorithms": one(algorithms=[]), "file-url": one(jwks_url="file:///etc/passwd"),
    "plain-http": one(jwks_url="http://idp.example/"), "admin-role": one(role="admin"),
    "typo-key": one(algorithm=["RS256"]), "empty-name": one(name="")}


@pytest.mark.parametrize("config", BAD_CONFIG.values(), ids=BAD_CONFIG.keys())
def test_malformed_config_raises_config_error(monkeypatch, config):
    monkeypatch.setenv("DOORSTEP_OIDC_ISSUERS", config)
    with pytest.raises(OidcConfigError):
        verify_external_token(rs256(claims()))
