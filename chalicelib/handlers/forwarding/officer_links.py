"""The signed link in a body's e-mail: the body's officer opens it, with no
account, to say a report is in progress, fixed, or not theirs (and whose it
is). The link names the report, the body and the moment it stops working,
and is signed with a key the deployment keeps (DOORSTEP_BODY_LINK_SECRET,
chalicelib/keystore.py). It works for LIFETIME after the e-mail went (each
send again carries a fresh one), and only while the report is with that body
and open (officer_actions.py).

A token is two parts in URL-safe base64 without padding, each exactly as
this module writes it: padding, a second dot or stray characters would be
other spellings of one token, and a link is one string."""
import base64
import binascii
import hashlib
import hmac
import re
import secrets
from datetime import datetime, timedelta, timezone

from ...errors import ApiError
from . import wording

KEY_ENV, KEY_FILE = "DOORSTEP_BODY_LINK_SECRET", "body-link-key"
LIFETIME = timedelta(days=30)  # docs/decisions.md: "A body's link expires"
TOKEN_MAX = 300
PART = re.compile(r"[A-Za-z0-9_-]+")


def _key():
    from ...keystore import secret
    return secret(KEY_ENV, KEY_FILE, lambda: secrets.token_urlsafe(48)).encode()


def _b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text):
    """The bytes of a canonical unpadded part; None for any other spelling."""
    if not PART.fullmatch(text) or len(text) % 4 == 1:
        return None
    try:
        data = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        return None
    return data if _b64(data) == text else None  # unused low bits set: another spelling


def _sign(claim):
    return hmac.new(_key(), b"body-link\n" + claim, hashlib.sha256).digest()[:18]


def expiry(sent):
    """When a link made at `sent` stops working (whole seconds, as the claim holds it)."""
    return (sent + LIFETIME).replace(microsecond=0)


def token_for(report_id, body_id, sent):
    claim = f"{report_id}|{body_id}|{int(expiry(sent).timestamp())}".encode()
    return f"{_b64(claim)}.{_b64(_sign(claim))}"


def read_token(token, now):
    """(report_id, body_id, expires) a genuine token names; a 404 for anything
    else (no hint whether a report exists), a 403 once it has expired.
    expires is None for a link made before links expired: its send's own
    sent_at says when (officer_actions)."""
    refused = ApiError(wording.LINK_NOT_VALID, status=404, code="link_not_valid")
    if not isinstance(token, str) or len(token) > TOKEN_MAX or token.count(".") != 1:
        raise refused
    claim_text, signature_text = token.split(".")
    claim, signature = _unb64(claim_text), _unb64(signature_text)
    if claim is None or signature is None or not hmac.compare_digest(signature, _sign(claim)):
        raise refused
    parts = claim.decode("utf-8", "replace").split("|")
    if len(parts) == 2:
        return parts[0], parts[1], None
    if len(parts) != 3 or not parts[2].isdigit():
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
