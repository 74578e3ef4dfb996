"""Slowing password guessing without giving anyone a way to lock a resident
out, after OWASP's Authentication Cheat Sheet and its "Slow Down Online
Guessing Attacks with Device Cookies".

Every successful sign-in (and password reset) hands the client a device
token: an HMAC, bound to the account, that the app keeps and sends back when
it next signs in. Failures are then counted three ways:

- a client holding a valid device token for the account counts against that
  token only: guessing from it locks it, and nothing else;
- clients without one count together, per account: past the limit, untrusted
  clients wait for the window's end, while the resident still signs in from
  any device they used before, and a password reset (proof of the mailbox)
  gives a new device its token;
- untrusted failures per address, across accounts, catch credential
  stuffing; the limit is high, and residents behind that address (an office's
  NAT) who sign in from their usual devices are not counted or stopped.

Every attempt is counted before the password is checked, so parallel guesses
cannot slip past; a success gives its count back.
"""
import hashlib
import hmac
import secrets
from datetime import timedelta

from . import throttle
from . import wording as words
from .keys import signing_key

WINDOW = timedelta(minutes=15)
PER_DEVICE = (10, WINDOW)  # one trusted device, one account
PER_ACCOUNT_UNTRUSTED = (10, WINDOW)  # every client without a device token, one account
PER_ADDRESS_UNTRUSTED = (100, WINDOW)  # one address, every account
DEVICE_TTL = timedelta(days=365)
PREFIX = "dv1"
WAIT = words.TOO_MANY_SIGN_INS


def issue(user_id, now):
    """A new device token for this account."""
    expires = int((now + DEVICE_TTL).timestamp())
    nonce = secrets.token_urlsafe(16)
    return f"{PREFIX}.{expires}.{nonce}.{_mac(user_id, expires, nonce)}"


def device_of(token, user_id, now):
    """The token's nonce when it is this account's and unexpired, else None."""
    if not isinstance(token, str) or user_id is None or len(token) > 200:
        return None
    parts = token.split(".")
    if len(parts) != 4 or parts[0] != PREFIX or not parts[1].isascii() or not parts[1].isdigit():
        return None
    _, expires, nonce, mac = parts
    if int(expires) < now.timestamp() or not hmac.compare_digest(
            _mac(user_id, int(expires), nonce).encode(), mac.encode("utf-8", "replace")):
        return None
    return nonce


def attempt(store, account, device, client, now):
    """Count one sign-in attempt; 429 with Retry-After if this client may not
    try this account now. Returns the counters to give back on success."""
    if device is not None:
        counted = [("login-device", device, PER_DEVICE)]
    else:
        counted = [("login-untrusted", account, PER_ACCOUNT_UNTRUSTED),
                   ("login-address", client, PER_ADDRESS_UNTRUSTED)]
    for name, subject, rule in counted:
        throttle.spend(store, name, subject, rule, now, message=WAIT)
    return counted


def succeeded(store, counted, now):
    for name, subject, rule in counted:
        throttle.give_back(store, name, subject, rule, now)


def _mac(user_id, expires, nonce):
    message = f"device:{user_id}:{expires}:{nonce}".encode()
    return hmac.new(signing_key(), message, hashlib.sha256).hexdigest()[:32]
