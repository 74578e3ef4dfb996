"""The withdraw link in a speaker's messages: a single-purpose signed token
(shared/signed_links.py, under a label of its own) naming the meeting, the
registration and what it may do (withdraw), ending with the meeting's day.
It cannot decide, read or do anything else, and says nothing of whose it is."""
from datetime import datetime, timezone

from ...errors import ApiError
from ..shared.signed_links import seal, unseal
from ...validation import digits
from . import limits, wording

LABEL = b"speaking-link"
WITHDRAW = "withdraw"


def token_for(registration, purpose=WITHDRAW):
    until = registration["meeting_ends"]
    return seal(LABEL, [registration["meeting_id"], registration["id"], purpose, str(int(until.timestamp()))])


def link(deps, registration):
    """The web page that asks before it withdraws."""
    return f"{deps.base_url}/meetings/speaking/withdraw?token={token_for(registration)}"


def read_token(token, now, purpose=WITHDRAW):
    """(meeting id, registration id) a genuine, live token names; 404 for
    anything else (no hint whether it exists), 403 once the meeting is over."""
    refused = ApiError(wording.LINK_NOT_VALID, status=404, code="link_not_valid")
    parts = unseal(token, LABEL, limits.TOKEN_MAX)
    if parts is None or len(parts) != 4 or parts[2] != purpose or not digits(parts[3]):
        raise refused
    if now >= datetime.fromtimestamp(int(parts[3]), timezone.utc):
        raise ApiError(wording.LINK_EXPIRED, status=403, code="link_expired")
    return parts[0], parts[1]
