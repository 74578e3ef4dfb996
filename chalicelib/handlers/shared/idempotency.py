"""Idempotency-Key: clients on bad networks retry, and a retry must answer
what the first request did instead of creating a second thing."""
import hashlib
import json

from ... import ids
from ...errors import ValidationFailed


def request_key(value, user_id):
    """The stored key for a caller's Idempotency-Key header, or None.

    Scoped to the caller. Anonymous callers share one key space: a guessable
    key could replay someone else's report, tracking token included, so they
    need 16+ characters (a UUID has 36)."""
    if value is None:
        return None
    value = value.strip()
    low = 8 if user_id else 16
    if not low <= len(value) <= 255:
        raise ValidationFailed([("Idempotency-Key", f"Must be {low} to 255 characters (a UUID is ideal).")])
    return ids.digest(f"{user_id or 'anonymous'}\n{value}")


def fingerprint(body):
    """The request body's digest: the same key with another body is refused."""
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()
