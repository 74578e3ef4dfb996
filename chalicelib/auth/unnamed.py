"""A client counted for a limit without keeping who it is (issue 78): a start of a transaction is counted
with nothing kept of who started it, and so is its rate limit. The throttle table keeps a keyed hash of the
client (its account or its address) under a key drawn for the clock hour from the deployment's link secret,
never stored: rows of one hour count one client together, an hour's rows and the next's share nothing, and
no row says whose it was without the secret, and then only by trying every guess at that hour's key."""
import hashlib
import hmac
import secrets

LABEL = b"throttle-unnamed"
HOUR_S = 3600  # the longest window these limits count (rate_limits.HOUR): each window lies in one hour


def subject(client, now):
    """`client` ("user:<id>" or "address:<ip>") as a name that holds for `now`'s clock hour alone."""
    hour = int(now.timestamp()) // HOUR_S * HOUR_S
    hour_key = hmac.new(_secret(), LABEL + b"|%d" % hour, hashlib.sha256).digest()
    return "unnamed:" + hmac.new(hour_key, client.encode(), hashlib.sha256).hexdigest()[:32]


def _secret():
    # The deployment's key for message links (handlers/shared/signed_links.py): a secret it keeps already,
    # in Secrets Manager when deployed, so no new secret is needed to deploy this.
    from ..handlers.shared.signed_links import KEY_ENV, KEY_FILE
    from ..keystore import secret
    return secret(KEY_ENV, KEY_FILE, lambda: secrets.token_urlsafe(48)).encode()
