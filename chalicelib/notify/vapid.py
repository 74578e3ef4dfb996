"""VAPID (RFC 8292): the key pair that names Doorstep to push services.

Browsers bind each subscription to the public key the page subscribed with,
so the pair must outlive every deployment and cold start: it is a secret kept
like the token signing key (chalicelib/keystore.py), DOORSTEP_VAPID_PRIVATE_KEY
(PEM, or the 32-byte private scalar in base64url as `web-push
generate-vapid-keys` prints it), DOORSTEP_VAPID_PRIVATE_KEY_ARN, or a PEM file
generated once in DOORSTEP_DATA_DIR on the local and test stages.
"""
import base64
import os
import threading
import time

from ..keystore import SecretMissing, secret

KEY_ENV = "DOORSTEP_VAPID_PRIVATE_KEY"
KEY_FILE = "vapid-private-key.pem"
# RFC 8292 allows at most 24 hours; 12 leaves room for clock skew.
CLAIMS_LIFETIME_S = 12 * 3600

_parsed = {}
_lock = threading.Lock()


class VapidNotConfigured(Exception):
    pass


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def public_key():
    """The applicationServerKey for PushManager.subscribe(): the uncompressed
    P-256 point (65 bytes), base64url without padding."""
    from cryptography.hazmat.primitives import serialization
    point = private_key().public_key().public_bytes(serialization.Encoding.X962,
                                                    serialization.PublicFormat.UncompressedPoint)
    return b64url(point)


def authorization(origin):
    """The `Authorization: vapid t=...,k=...` value for one push service."""
    from py_vapid import Vapid02, VapidException
    # exp is the push service's clock, not the domain clock: real time.
    claims = {"aud": origin, "exp": int(time.time()) + CLAIMS_LIFETIME_S, "sub": subject()}
    try:
        return Vapid02(private_key=private_key()).sign(claims)["Authorization"]
    except VapidException as e:  # a `sub` that is neither mailto: nor https:
        raise VapidNotConfigured(f"DOORSTEP_VAPID_SUBJECT: {e}") from e


def subject():
    """Who the push service may contact about our traffic (RFC 8292 `sub`)."""
    explicit = os.environ.get("DOORSTEP_VAPID_SUBJECT")
    if explicit:
        return explicit
    from email.utils import parseaddr
    sender = parseaddr(os.environ.get("DOORSTEP_EMAIL_FROM") or "")[1]  # "Name <a@b>" -> a@b
    if sender:
        return f"mailto:{sender}"
    public_url = os.environ.get("DOORSTEP_PUBLIC_URL", "")
    if public_url.startswith("https://"):
        return public_url.rstrip("/")
    return "mailto:doorstep@localhost"


def private_key():
    try:
        text = secret(KEY_ENV, KEY_FILE, _new_pem)
    except SecretMissing as e:
        raise VapidNotConfigured(str(e)) from e
    with _lock:
        if text not in _parsed:
            try:
                _parsed[text] = _load(text)
            except (ValueError, TypeError) as e:  # a malformed secret: not set up, not a 500
                raise VapidNotConfigured(f"{KEY_ENV} is not a usable P-256 private key.") from e
        return _parsed[text]


def _load(text):
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    if "BEGIN" in text:
        key = serialization.load_pem_private_key(text.encode(), password=None)
    else:
        raw = base64.urlsafe_b64decode(text.strip() + "=" * (-len(text.strip()) % 4))
        if len(raw) != 32:
            raise VapidNotConfigured(f"{KEY_ENV} is neither PEM nor a 32-byte base64url private key.")
        key = ec.derive_private_key(int.from_bytes(raw, "big"), ec.SECP256R1())
    if not isinstance(key, ec.EllipticCurvePrivateKey) or key.curve.name != "secp256r1":
        raise VapidNotConfigured(f"{KEY_ENV} must be a P-256 (prime256v1) key.")
    return key


def _new_pem():
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    key = ec.generate_private_key(ec.SECP256R1())
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption()).decode("ascii")
