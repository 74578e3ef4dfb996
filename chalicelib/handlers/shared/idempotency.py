"""Idempotency-Key: clients on bad networks retry, and a retry must answer
what the first request did instead of creating a second thing."""
import hashlib
import json

from ... import ids
from ...api.openapi import KEY_MAX, KEY_MIN_ANONYMOUS, KEY_MIN_SIGNED_IN
from ...errors import ValidationFailed
from .wording import KEY_LENGTH, KEY_REUSED


def request_key(value, user_id):
    """The stored key for a caller's Idempotency-Key header, or None.

    Scoped to the caller. Anonymous callers share one key space: a guessable
    key could replay someone else's report, tracking token included, so they
    need 16+ characters (a UUID has 36)."""
    if value is None:
        return None
    value = value.strip()
    low = KEY_MIN_SIGNED_IN if user_id else KEY_MIN_ANONYMOUS  # as every Idempotency-Key's document says
    if not low <= len(value) <= KEY_MAX:
        raise ValidationFailed([("Idempotency-Key", KEY_LENGTH.format(least=low))])
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


class Claim:
    """One idempotent write's Idempotency-Key: what an earlier request with it
    answered, and the record with which this write claims the key.

        claim = Claim(deps, header, scope, body, answer, "another booking")
        earlier = claim.earlier()          # a retry answers what the first request did
        if no_room_left(...):              # the room may be the twin's own, taken since
            return claim.refused(Conflict(...))
        try:
            store.create(thing, claim.record(thing.id, now, hours))
        except AlreadyExists:              # a twin with the same key committed first
            return claim.twin()

    `answer(record)` rebuilds the earlier answer from the stored record (None
    when what it made is gone); `what` ends the error for the key sent again
    with another body ("That Idempotency-Key was used for another booking.")."""

    def __init__(self, deps, header, scope, body, answer, what):
        self.deps, self.answer, self.what = deps, answer, what
        self.key = request_key(header, scope)
        self.fingerprint = fingerprint(body)

    def earlier(self):
        from ...errors import Unacceptable
        return replay(self.deps, self.key, self.fingerprint, self.answer, Unacceptable(
            KEY_REUSED.format(what=self.what), code="idempotency_key_reused"))

    def record(self, resource_id, now, hours, secret=None):
        """The record the write stores with what it makes (None: no key sent)."""
        if self.key is None:
            return None
        from datetime import timedelta
        from ...storage.records import IdempotencyRecord
        return IdempotencyRecord(key=self.key, fingerprint=self.fingerprint, resource_id=resource_id,
                                 created_at=now, expires=now + timedelta(hours=hours), secret=secret)

    def twin(self):
        """Called inside `except AlreadyExists`: the twin's answer; without
        one (no key, or its record already expired) the error goes on up."""
        earlier = self.earlier()
        if earlier is None:
            raise  # the AlreadyExists being handled by the caller
        return earlier

    def refused(self, error):
        """This write is refused for want of room (its hours taken, the day
        full, a hold already running): the twin's answer when a twin with the
        same key took that room since `earlier()` found nothing, else `error`
        raised. A twin commits its record in the transaction that holds the
        room, so a check or a write that met the twin's hold finds the record."""
        earlier = self.earlier()
        if earlier is None:
            raise error from None
        return earlier
