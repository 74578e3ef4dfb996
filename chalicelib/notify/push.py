"""Web Push (RFC 8030): a VAPID-signed (RFC 8292), aes128gcm-encrypted
(RFC 8291) POST to the push service behind a browser's subscription.

Encryption is http_ece and the VAPID token py_vapid, the two libraries
pywebpush is built on; the POST is the standard library's, to the address
endpoints.target() checked, with no redirects followed (see
docs/decisions/ for why not pywebpush itself).
"""
import base64
import hashlib
import json
import logging
import re

from . import FAILED, GONE, RETRY, SENT
from .endpoints import EndpointRefused, EndpointUnresolved, endpoint_problem, target  # noqa: F401

TIMEOUT_S = 5.0  # connect and each read: a slow push service must not hold the dispatcher
URGENCIES = ("very-low", "low", "normal", "high")
# One 4096-byte aes128gcm record less its header (86), tag (16) and delimiter (1).
MAX_PAYLOAD_BYTES = 3993
TOPIC = re.compile(r"^[A-Za-z0-9_-]{1,32}$")  # RFC 8030 section 5.4
B64URL = re.compile(r"[A-Za-z0-9_-]+=*")
log = logging.getLogger("doorstep.notify.push")


def send(subscription, payload, ttl, urgency="normal", topic=None, stage="local"):
    """POST one JSON payload to a subscription; returns an outcome (notify.SENT...)."""
    if urgency not in URGENCIES or not isinstance(ttl, int) or ttl <= 0:
        raise ValueError("push needs a TTL > 0 and an RFC 8030 urgency")
    try:
        p256dh, auth = subscription_keys(subscription)
        where = target(subscription.get("endpoint"), stage)
    except (ValueError, EndpointRefused) as e:
        log.warning("push not sent, unusable subscription: %s", e)
        return FAILED
    except EndpointUnresolved:
        return RETRY
    data = json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode()
    if len(data) > MAX_PAYLOAD_BYTES:
        raise ValueError(f"push payload of {len(data)} bytes is over {MAX_PAYLOAD_BYTES}")
    from . import vapid
    try:
        authorization = vapid.authorization(where.origin)
    except vapid.VapidNotConfigured as e:
        # The operator's to fix; the message waits rather than being lost.
        log.error("push not sent: %s", e)
        return RETRY
    headers = {"TTL": str(ttl), "Urgency": urgency, "Content-Encoding": "aes128gcm",
               "Content-Type": "application/octet-stream", "Authorization": authorization}
    if topic:
        headers["Topic"] = topic_header(topic)
    status = _post(where, headers, encrypt(data, p256dh, auth))
    outcome = outcome_of(status)
    log.info("push to %s: %s -> %s", where.host, status, outcome)
    return outcome


def outcome_of(status):
    if status is None:  # timeout or connection error
        return RETRY
    if status in (200, 201, 202):
        return SENT
    if status in (404, 410):
        return GONE
    if status == 429 or status >= 500:
        return RETRY
    return FAILED  # other 4xx, and redirects: never followed


def subscription_keys(subscription):
    """The browser's p256dh point (65 bytes) and auth secret (16 bytes)."""
    if not isinstance(subscription, dict) or not isinstance(subscription.get("keys"), dict):
        raise ValueError("a subscription has an endpoint and keys")
    p256dh, auth, bad = decode_keys(subscription["keys"])
    if "p256dh" in bad:
        raise ValueError("keys.p256dh must be an uncompressed P-256 point")
    if "auth" in bad:
        raise ValueError("keys.auth must be 16 bytes")
    return p256dh, auth


def decode_keys(keys):
    """(p256dh, auth, names of the keys RFC 8291 cannot use): p256dh must be
    an uncompressed P-256 point (65 bytes from 0x04), auth 16 bytes."""
    p256dh, auth = unb64url(keys.get("p256dh")), unb64url(keys.get("auth"))
    bad = [name for name, ok in (("p256dh", p256dh is not None and len(p256dh) == 65 and p256dh[0] == 4),
                                 ("auth", auth is not None and len(auth) == 16)) if not ok]
    return p256dh, auth, bad


def unb64url(value):
    """Bytes from base64url text (padding optional), else None: other
    characters are refused, not skipped as base64's decoder would."""
    if not isinstance(value, str) or not B64URL.fullmatch(value):
        return None
    bare = value.rstrip("=")
    try:
        return base64.urlsafe_b64decode(bare + "=" * (-len(bare) % 4))
    except ValueError:
        return None


def encrypt(data, p256dh, auth):
    import http_ece
    from cryptography.hazmat.primitives.asymmetric import ec
    # A fresh sender key per message (RFC 8291 section 3.1); http_ece draws the salt.
    return http_ece.encrypt(data, private_key=ec.generate_private_key(ec.SECP256R1()), dh=p256dh,
                            auth_secret=auth, version="aes128gcm")


def topic_header(topic):
    """RFC 8030 topics are at most 32 base64url characters: others are hashed."""
    if TOPIC.match(topic):
        return topic
    return base64.urlsafe_b64encode(hashlib.sha256(topic.encode()).digest()).decode()[:32]


def _post(where, headers, body):
    """The push service's status, or None when it could not be reached in time."""
    import http.client
    from .pinned import connection
    conn = connection(where, TIMEOUT_S)
    try:
        conn.request("POST", where.path, body=body, headers=headers)
        response = conn.getresponse()
        response.read(4096)  # a short reason at most; never wait on a long body
        return response.status
    except (OSError, http.client.HTTPException) as e:  # timeouts are OSErrors
        log.info("push to %s not delivered: %s", where.host, type(e).__name__)
        return None
    finally:
        conn.close()
