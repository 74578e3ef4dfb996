"""The signed link in a body's e-mail: the body's officer opens it, with no
account, to say a report is in progress, fixed, or not theirs (and whose it
is). The link names the report, the body and the moment it stops working,
and is signed with a key the deployment keeps (DOORSTEP_BODY_LINK_SECRET,
chalicelib/keystore.py). It works for LIFETIME after the e-mail went (each
send again carries a fresh one), and only while the report is with that body
and open (officer_actions.py)."""

from datetime import datetime, timedelta, timezone

from ...errors import ApiError
from ..shared.signed_links import seal, unseal
from ...validation import digits
from . import wording

LABEL = b"body-link"
LIFETIME = timedelta(days=30)  # docs/decisions/: "A body's link expires"
TOKEN_MAX = 300


def expiry(sent):
    """When a link made at `sent` stops working (whole seconds, as the claim holds it)."""
    return (sent + LIFETIME).replace(microsecond=0)


def token_for(report_id, body_id, sent):
    return seal(LABEL, [report_id, body_id, str(int(expiry(sent).timestamp()))])


def read_token(token, now):
    """(report_id, body_id, expires) a genuine token names; a 404 for anything
    else (no hint whether a report exists), a 403 once it has expired.
    expires is None for a link made before links expired: its send's own
    sent_at says when (officer_actions)."""
    refused = ApiError(wording.LINK_NOT_VALID, status=404, code="link_not_valid")
    parts = unseal(token, LABEL, TOKEN_MAX)
    if parts is None:
        raise refused
    if len(parts) == 2:
        return parts[0], parts[1], None
    if len(parts) != 3 or not digits(parts[2]):
        raise refused
    report_id, body_id, until = parts
    expires = datetime.fromtimestamp(int(until), timezone.utc)
    refuse_if_expired(expires, now)
    return report_id, body_id, expires


def refuse_if_expired(expires, now):
    if now >= expires:
        raise ApiError(wording.link_expired(expires), status=403, code="link_expired")


def link(base, report_id, body_id, sent):
    # In the fragment: the token never reaches a server's or a proxy's log.
    return f"{base}/body#{token_for(report_id, body_id, sent)}"
