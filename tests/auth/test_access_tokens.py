"""Our access tokens are JWTs (RFC 7519, HS256) made without PyJWT: PyJWT, the
reference here, reads every token we issue, and we accept exactly what PyJWT
would accept under our rules and refuse the rest."""
import base64
import json
import time
from datetime import datetime, timezone
from types import SimpleNamespace

import jwt
import pytest

from chalicelib.auth import tokens

KEY = b"a-signing-key-for-these-tests-" + b"k" * 40  # 64+ bytes: PyJWT warns below that for HS512


@pytest.fixture(autouse=True)
def fixed_key(monkeypatch):
    monkeypatch.setattr(tokens, "signing_key", lambda: KEY)
    monkeypatch.setenv("DOORSTEP_TOKEN_ISSUER", "doorstep:tokens-test")


def claims(**changes):
    now = int(time.time())
    base = {"iss": "doorstep:tokens-test", "aud": tokens.AUDIENCE, "sub": "u_1", "typ": "access",
            "iat": now, "exp": now + 900, "sid": "s_1", "epoch": 0, "jti": "j_1"}
    return {k: v for k, v in {**base, **changes}.items() if v is not None}


def pyjwt_decode(token):
    return jwt.decode(token, KEY, algorithms=["HS256"], audience=tokens.AUDIENCE,
                      issuer="doorstep:tokens-test", leeway=10,
                      options={"require": ["exp", "iat", "iss", "aud", "sub", "typ"]})


def test_pyjwt_reads_the_tokens_we_issue():
    user = SimpleNamespace(id="u_42", session_epoch=3)
    token = tokens.issue_access(user, "s_9", datetime.now(timezone.utc))
    read = pyjwt_decode(token)
    assert (read["sub"], read["sid"], read["epoch"], read["typ"]) == ("u_42", "s_9", 3, "access")
    assert read["exp"] - read["iat"] == 900
    assert jwt.get_unverified_header(token) == {"alg": "HS256", "typ": "JWT"}
    assert tokens.verify_access(token) == read


def test_we_read_the_tokens_pyjwt_makes():
    made = claims(aud=["another-api", tokens.AUDIENCE])
    assert tokens.verify_access(jwt.encode(made, KEY, algorithm="HS256")) == made


def b64(raw):
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def unsigned(header, body):
    return f"{b64(json.dumps(header).encode())}.{b64(json.dumps(body).encode())}"


@pytest.mark.parametrize("made", [
    lambda: unsigned({"alg": "none", "typ": "JWT"}, claims()) + ".",
    lambda: jwt.encode(claims(), KEY, algorithm="HS512"),
    lambda: jwt.encode(claims(), b"another-key-" + b"x" * 32, algorithm="HS256"),
    lambda: jwt.encode(claims(), KEY, algorithm="HS256") + "x",
    lambda: jwt.encode(claims(), KEY, algorithm="HS256") + ".extra",
    lambda: jwt.encode(claims(), KEY, algorithm="HS256", headers={"crit": ["b64"]}),
    lambda: jwt.encode(claims(aud="someone-else"), KEY, algorithm="HS256"),
    lambda: jwt.encode(claims(iss="doorstep:prod"), KEY, algorithm="HS256"),
    lambda: jwt.encode(claims(typ="refresh"), KEY, algorithm="HS256"),
    lambda: jwt.encode(claims(iat=int(time.time()) + 3600), KEY, algorithm="HS256"),
    lambda: jwt.encode(claims(nbf=int(time.time()) + 3600), KEY, algorithm="HS256"),
    lambda: jwt.encode(claims(exp="soon"), KEY, algorithm="HS256"),
    lambda: jwt.encode(claims(exp=True), KEY, algorithm="HS256"),
    lambda: jwt.encode(claims(sub=42), KEY, algorithm="HS256"),
    lambda: jwt.encode(claims(sub=None), KEY, algorithm="HS256"),
    lambda: jwt.encode(claims(iat=None), KEY, algorithm="HS256"),
    lambda: "a.b.c", lambda: "..", lambda: "", lambda: "é.é.é", lambda: "x" * 5000,
], ids=["alg none", "HS512", "other key", "altered signature", "four parts", "crit header", "audience",
        "issuer", "refresh typ", "issued in the future", "not yet valid", "exp not a number", "exp a boolean",
        "sub not a string", "no sub", "no iat", "junk", "dots", "empty", "not ascii", "long"])
def test_every_token_pyjwt_or_our_rules_refuse_is_refused(made):
    token = made()  # made as the test runs: one made at collection has expired after 15 minutes of a busy run
    with pytest.raises(tokens.TokenRejected) as refused:
        tokens.verify_access(token)
    assert refused.value.code == "invalid_token"


def test_an_expired_token_is_refused_as_expired_after_the_leeway():
    now = int(time.time())
    within = jwt.encode(claims(iat=now - 905, exp=now - 5), KEY, algorithm="HS256")
    assert tokens.verify_access(within)["sub"] == "u_1"
    expired = jwt.encode(claims(iat=now - 920, exp=now - 20), KEY, algorithm="HS256")
    with pytest.raises(tokens.TokenRejected) as refused:
        tokens.verify_access(expired)
    assert refused.value.code == "token_expired"
    with pytest.raises(jwt.ExpiredSignatureError):
        pyjwt_decode(expired)


def test_altered_claims_under_the_old_signature_are_refused():
    header, _, signature = jwt.encode(claims(), KEY, algorithm="HS256").split(".")
    forged = f"{header}.{b64(json.dumps(claims(sub='u_admin')).encode())}.{signature}"
    with pytest.raises(tokens.TokenRejected):
        tokens.verify_access(forged)
