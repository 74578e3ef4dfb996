"""The access-token signing key: configuration, never a constant in code.

In AWS it is a Secrets Manager secret (DOORSTEP_JWT_SECRET_ARN); locally it
is generated once and kept in DOORSTEP_DATA_DIR; DOORSTEP_JWT_SECRET
overrides both (tests, or a deployment that injects it another way). The
lookup itself is chalicelib/keystore.py, shared with the Web Push key.
"""
import secrets

from ..keystore import SecretMissing, secret

MIN_KEY_BYTES = 32


class SigningKeyMissing(Exception):
    pass


def signing_key():
    try:
        key = secret("DOORSTEP_JWT_SECRET", "jwt-signing-key", lambda: secrets.token_urlsafe(48)).encode()
    except SecretMissing as e:
        raise SigningKeyMissing(str(e)) from e
    if len(key) < MIN_KEY_BYTES:
        raise SigningKeyMissing(f"The token signing key must be at least {MIN_KEY_BYTES} bytes.")
    return key
