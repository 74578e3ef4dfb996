"""A transaction's feedback token: proof that a real transaction of this council
asks, without naming it. It seals (handlers/shared/signed_links.py) the council,
the service, the channel, the month the transaction is counted in, and a keyed
hash of its reference, so the same transaction always gets the same token (one
answer each) while neither the token nor the stored answer (which keeps only
the token's hash) says which transaction, or whose, it was."""
import hashlib

from ..shared import signed_links
from .services import CHANNELS, SERVICES

LABEL, NONCE = b"feedback", b"feedback-transaction"
MOST = 300


def nonce(council, reference):
    """A keyed hash of the transaction's reference: the same each time, and not the reference."""
    return signed_links.seal(NONCE, [council, reference]).split(".")[1]


def token_for(council, service, channel, month, reference):
    return signed_links.seal(LABEL, [council, service, channel, month, nonce(council, reference)])


def opened(token, council):
    """{service, channel, month} of a genuine token of `council`; None for anything else."""
    fields = signed_links.unseal(token, LABEL, MOST)
    if not fields or len(fields) != 5 or fields[0] != council:
        return None
    _, service, channel, month, _ = fields
    if service not in SERVICES or channel not in CHANNELS:
        return None
    return {"service": service, "channel": channel, "month": month}


def hashed(token):
    return hashlib.sha256(token.encode()).hexdigest()
