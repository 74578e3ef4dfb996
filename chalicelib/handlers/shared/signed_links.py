"""Signed tokens for the links messages carry (a body's officer link, an
appointment's cancel, move and leave links): the claim's fields joined by
"|", and its HMAC under a label of the link's own, so no other link's
signature is one here. Signed with the key the deployment keeps for message
links (DOORSTEP_BODY_LINK_SECRET, chalicelib/keystore.py).

A token is two parts in URL-safe base64 without padding, each exactly as
this module writes it: padding, a second dot or stray characters would be
other spellings of one token, and a link is one string."""
import base64
import binascii
import hashlib
import hmac
import re
import secrets

KEY_ENV, KEY_FILE = "DOORSTEP_BODY_LINK_SECRET", "body-link-key"
PART = re.compile(r"[A-Za-z0-9_-]+")


def seal(label, fields):
    """The token for `fields` (strings without "|") under `label` (bytes)."""
    claim = "|".join(fields).encode()
    return f"{_b64(claim)}.{_b64(_sign(label, claim))}"


def unseal(token, label, most):
    """The fields of a genuine token under `label`, at most `most` characters
    long; None for anything else (a forgery, another spelling, another label)."""
    if not isinstance(token, str) or len(token) > most or token.count(".") != 1:
        return None
    claim_text, signature_text = token.split(".")
    claim, signature = _unb64(claim_text), _unb64(signature_text)
    if claim is None or signature is None or not hmac.compare_digest(signature, _sign(label, claim)):
        return None
    return claim.decode("utf-8", "replace").split("|")


def _key():
    from ...keystore import secret
    return secret(KEY_ENV, KEY_FILE, lambda: secrets.token_urlsafe(48)).encode()


def _sign(label, claim):
    return hmac.new(_key(), label + b"\n" + claim, hashlib.sha256).digest()[:18]


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
