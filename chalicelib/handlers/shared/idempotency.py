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


def replay(deps, key, fingerprint, answer, reused):
    """The answer an earlier request with this key gave, or None when there was
    none: no key, no record, or a record past its expiry (the key is then new
    again; the store lets a write replace an expired record).

    `answer(record)` rebuilds that answer from the stored record (None when
    what it made is gone); `reused` is the error raised for the same key sent
    with another body. Every idempotent write asks this before it commits and
    again when its commit meets a twin's (AlreadyExists, a failed condition)."""
    if key is None:
        return None
    record = deps.reports.idempotency_record(key)
    if record is None or (record.expires is not None and record.expires < deps.clock()):
        return None
    if record.fingerprint != fingerprint:
        raise reused
    return answer(record)
