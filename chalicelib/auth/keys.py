"""The access-token signing key: configuration, never a constant in code.

In AWS it is a Secrets Manager secret (DOORSTEP_JWT_SECRET_ARN); locally it
is generated once and kept in DOORSTEP_DATA_DIR; DOORSTEP_JWT_SECRET
overrides both (tests, or a deployment that injects it another way).
"""
import os
import secrets
import threading

from ..config import data_dir, settings

_cache = {}
_lock = threading.Lock()
MIN_KEY_BYTES = 32


class SigningKeyMissing(Exception):
    pass


def signing_key():
    explicit = os.environ.get("DOORSTEP_JWT_SECRET")
    if explicit:
        return _checked(explicit.encode())
    arn = os.environ.get("DOORSTEP_JWT_SECRET_ARN")
    source = ("secret", arn) if arn else ("file", str(data_dir() / "secrets" / "jwt-signing-key"))
    with _lock:
        if source not in _cache:
            _cache[source] = _from_secrets_manager(arn) if arn else _from_local_file(source[1])
        return _cache[source]


def _checked(key):
    if len(key) < MIN_KEY_BYTES:
        raise SigningKeyMissing(f"The token signing key must be at least {MIN_KEY_BYTES} bytes.")
    return key


def _from_local_file(path):
    if settings().stage not in ("local", "test"):
        raise SigningKeyMissing("No signing key configured: set DOORSTEP_JWT_SECRET_ARN.")
    os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
    try:
        # O_EXCL: two processes starting at once cannot write two keys.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(secrets.token_urlsafe(48))
    except FileExistsError:
        pass
    with open(path) as f:
        return _checked(f.read().strip().encode())


def _from_secrets_manager(arn):
    import botocore.session
    s = settings()
    client = botocore.session.get_session().create_client(
        "secretsmanager", region_name=s.region, endpoint_url=s.aws_endpoint)
    return _checked(client.get_secret_value(SecretId=arn)["SecretString"].encode())
