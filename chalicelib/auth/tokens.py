"""Access tokens (short-lived JWTs) and refresh tokens (opaque, rotated).

Access tokens: HS256 with the configured key, algorithm pinned, and exp, iat,
iss, aud, sub and typ required; a refresh token is never a JWT, so the two
cannot be confused. Refresh tokens are stored hashed in a session (a token
family); each use rotates it, and a second use of a rotated token revokes the
whole session, since only a thief replays an old one.
"""
from datetime import timedelta

from .. import ids
from ..config import settings
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
    import jwt
    claims = {
        "iss": issuer(), "aud": AUDIENCE, "sub": user.id, "typ": "access",
        "iat": int(now.timestamp()), "exp": int((now + ACCESS_TTL).timestamp()),
        "sid": session_id, "epoch": int(user.session_epoch or 0), "jti": ids.new_opaque_id(),
    }
    return jwt.encode(claims, signing_key(), algorithm=ALGORITHM)


def verify_access(token):
    """The claims of a valid access token, or TokenRejected (-> 401)."""
    import jwt
    if not token.isascii():  # a JWT is base64url; anything else is not one of ours
        raise TokenRejected("invalid_token", "The access token is not valid.")
    try:
        claims = jwt.decode(
            token, signing_key(), algorithms=[ALGORITHM], audience=AUDIENCE, issuer=issuer(),
            options={"require": ["exp", "iat", "iss", "aud", "sub", "typ"]}, leeway=10)
    except jwt.ExpiredSignatureError:
        raise TokenRejected("token_expired", "The access token has expired; refresh it.")
    except jwt.PyJWTError:
        raise TokenRejected("invalid_token", "The access token is not valid.")
    if claims.get("typ") != "access":
        raise TokenRejected("invalid_token", "That is not an access token.")
    return claims


def new_refresh_token():
    return "rt_" + ids.new_token() + ids.new_token()
