"""The signed link in a body's e-mail: the body's officer opens it, with no
account, to say a report is in progress, fixed, or not theirs (and whose it
is). The link names the report and the body and is signed with a key the
deployment keeps (DOORSTEP_BODY_LINK_SECRET, chalicelib/keystore.py); it
stops working when the report is no longer with that body."""
import base64
import hashlib
import hmac
import secrets

from ...errors import ApiError

KEY_ENV, KEY_FILE = "DOORSTEP_BODY_LINK_SECRET", "body-link-key"


def _key():
    from ...keystore import secret
    return secret(KEY_ENV, KEY_FILE, lambda: secrets.token_urlsafe(48)).encode()


def _b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def token_for(report_id, body_id):
    claim = f"{report_id}|{body_id}".encode()
    signature = hmac.new(_key(), b"body-link\n" + claim, hashlib.sha256).digest()[:18]
    return f"{_b64(claim)}.{_b64(signature)}"


def read_token(token):
    """(report_id, body_id) a genuine token names; a 404 for anything else
    (no hint whether a report exists)."""
    refused = ApiError("This link is not valid: open the one in the e-mail.", status=404, code="link_not_valid")
    try:
        claim_text, _, signature_text = str(token).partition(".")
        claim = base64.urlsafe_b64decode(claim_text + "=" * (-len(claim_text) % 4))
        signature = base64.urlsafe_b64decode(signature_text + "=" * (-len(signature_text) % 4))
    except (ValueError, TypeError):
        raise refused
    expected = hmac.new(_key(), b"body-link\n" + claim, hashlib.sha256).digest()[:18]
    if len(token) > 300 or not hmac.compare_digest(signature, expected):
        raise refused
    report_id, _, body_id = claim.decode("utf-8", "replace").partition("|")
    return report_id, body_id


def link(base, report_id, body_id):
    # In the fragment: the token never reaches a server's or a proxy's log.
    return f"{base}/body#{token_for(report_id, body_id)}"
