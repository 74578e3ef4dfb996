"""Access tokens (short-lived JWTs) and refresh tokens (opaque, rotated).

Access tokens: HS256 with the configured key, algorithm pinned, and exp, iat,
iss, aud, sub and typ required; a refresh token is never a JWT, so the two
cannot be confused. They are made and checked here with hmac and json, not
PyJWT: importing PyJWT loads cryptography (about 95 ms), which every signed-in
route's cold start would pay for one HMAC; tests check both ways against PyJWT
(tests/auth/test_access_tokens.py), and sign-in with another provider (OIDC,
RS256) still uses it. Refresh tokens are stored hashed in a session (a token
family); each use rotates it, and a second use of a rotated token revokes the
whole session, since only a thief replays an old one.
"""
from datetime import timedelta

from .. import ids
from ..config import settings
from . import wording as words
from .keys import signing_key

ACCESS_TTL = timedelta(minutes=15)
REFRESH_TTL = timedelta(days=30)
AUDIENCE = "doorstep-api"
ALGORITHM = "HS256"


class TokenRejected(Exception):
    def __init__(self, code, message):
        super().__init__(message)
        self.code = code
        self.message = message


def issuer():
    import os
    return os.environ.get("DOORSTEP_TOKEN_ISSUER") or f"doorstep:{settings().stage}"


def issue_access(user, session_id, now):
    claims = {
        "iss": issuer(), "aud": AUDIENCE, "sub": user.id, "typ": "access",
        "iat": int(now.timestamp()), "exp": int((now + ACCESS_TTL).timestamp()),
        "sid": session_id, "epoch": int(user.session_epoch or 0), "jti": ids.new_opaque_id(),
    }
    return _encode(claims, signing_key())


def verify_access(token):
    """The claims of a valid access token, or TokenRejected (-> 401)."""
    claims = _decode(token, signing_key())
    if claims.get("typ") != "access":
        raise TokenRejected("invalid_token", words.NOT_ACCESS_TOKEN)
    return claims


LEEWAY_S = 10  # clocks of the machines that issue and check a token may differ this much
_HEADER = {"alg": ALGORITHM, "typ": "JWT"}
_REQUIRED = ("exp", "iat", "iss", "aud", "sub", "typ")


def _b64(raw):
    import base64
    return base64.urlsafe_b64encode(raw).rstrip(b"=")


def _unb64(text):
    import base64
    import binascii
    if not text or len(text) % 4 == 1 or not text.replace("-", "").replace("_", "").isalnum():
        raise ValueError("not base64url")
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except binascii.Error as e:
        raise ValueError("not base64url") from e


def _json(value):
    import json
    return json.dumps(value, separators=(",", ":"), sort_keys=True).encode()


def _sign(signing_input, key):
    import hashlib
    import hmac
    return hmac.new(key, signing_input, hashlib.sha256).digest()


def _encode(claims, key):
    signing_input = _b64(_json(_HEADER)) + b"." + _b64(_json(claims))
    return (signing_input + b"." + _b64(_sign(signing_input, key))).decode()


def _decode(token, key):
    """RFC 7519's checks for our one algorithm: the header must name HS256
    (never "none", never another algorithm), the signature must match in
    constant time, and the registered claims must hold (as PyJWT checks them)."""
    import hmac
    import json
    import time
    invalid = TokenRejected("invalid_token", words.TOKEN_INVALID)
    if not isinstance(token, str) or not token.isascii() or token.count(".") != 2:
        raise invalid
    header_b64, payload_b64, signature_b64 = token.split(".")
    try:
        header = json.loads(_unb64(header_b64))
        signature = _unb64(signature_b64)
    except ValueError:
        raise invalid
    if not isinstance(header, dict) or header.get("alg") != ALGORITHM or "crit" in header:
        raise invalid
    if not hmac.compare_digest(signature, _sign(f"{header_b64}.{payload_b64}".encode(), key)):
        raise invalid
    try:
        claims = json.loads(_unb64(payload_b64))
    except ValueError:
        raise invalid
    if not isinstance(claims, dict) or any(name not in claims for name in _REQUIRED):
        raise invalid
    now = time.time()
    try:
        exp, iat = _integer(claims["exp"]), _integer(claims["iat"])
        nbf = _integer(claims["nbf"]) if "nbf" in claims else None
    except ValueError:
        raise invalid
    if exp <= now - LEEWAY_S:
        raise TokenRejected("token_expired", words.TOKEN_EXPIRED)
    audience = claims["aud"] if isinstance(claims["aud"], list) else [claims["aud"]]
    if (iat > now + LEEWAY_S or (nbf is not None and nbf > now + LEEWAY_S) or AUDIENCE not in audience
            or claims["iss"] != issuer() or not isinstance(claims["sub"], str)
            or not isinstance(claims.get("jti", ""), str)):
        raise invalid
    return claims


def _integer(value):
    """A NumericDate as PyJWT reads it: int() of a JSON number, nothing else."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError("not a NumericDate")
    try:
        return int(value)
    except (OverflowError, ValueError) as e:
        raise ValueError("not a NumericDate") from e


def new_refresh_token():
    return "rt_" + ids.new_token() + ids.new_token()
