"""The cancel and move links in an appointment's messages: single-purpose
signed tokens. Each names the appointment, what it may do (cancel or move)
and when it stops working (the appointment's start), signed as every message
link is (shared/signed_links.py) under a label of its own.
A cancel link cannot move and a move link cannot cancel; both stop working
once the appointment is no longer booked (moved, cancelled, seen), whatever
their expiry says. Links are built on the configured base (config.links_base)."""
from datetime import datetime, timezone

from ...errors import ApiError
from ..shared.signed_links import seal, unseal
from ...validation import digits
from . import wording

LABEL = b"appointment-link"
PURPOSES = ("cancel", "move")
LEAVE = "leave"  # a waiting-list place's link: names the service and the resident, ends at their `before`
TOKEN_MAX = 200


def token_for(appointment, purpose):
    return _token(appointment.id, purpose, appointment.start)


def place_token(service_id, user_id, until):
    """The leave link's token for a resident's place on a service's list (read_token gives "service~user")."""
    return _token(f"{service_id}~{user_id}", LEAVE, until)


def _token(subject, purpose, until):
    return seal(LABEL, [subject, purpose, str(int(until.timestamp()))])


def link_base(deps):
    return f"{deps.base_url}/appointments/manage"


def link(deps, appointment, purpose):
    """The absolute link a message carries: the web page that asks before it acts."""
    return f"{link_base(deps)}?{purpose}={token_for(appointment, purpose)}"


def read_token(token, purpose, now):
    """The appointment id a genuine, live token for `purpose` names; 404 for
    anything else (no hint whether it exists), 403 once past its time."""
    refused = ApiError(wording.LINK_NOT_VALID, status=404, code="link_not_valid")
    parts = unseal(token, LABEL, TOKEN_MAX)
    if parts is None or len(parts) != 3 or parts[1] != purpose or not digits(parts[2]):
        raise refused
    if now >= datetime.fromtimestamp(int(parts[2]), timezone.utc):
        raise ApiError(wording.LINK_EXPIRED, status=403, code="link_expired")
    return parts[0]
