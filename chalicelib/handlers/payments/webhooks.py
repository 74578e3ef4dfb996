"""Webhooks from the provider: signed, sent at least once, in any order.

A webhook is only a nudge. Its signature (Pay-Signature: the lower-case hex
HMAC-SHA256 of the raw body with the signing secret) is checked first; then
the payment it names is checked with the provider, exactly as on a return, so
a duplicate, a late one or one overtaken by another changes nothing.
"""
import hashlib
import hmac
import json
import logging

from ...errors import ServiceUnavailable, ValidationFailed
from .core import BadSignature, check
from .limits import WEBHOOK_MAX_BYTES
from .provider import ProviderError
from .wording import NOT_A_WEBHOOK, PROVIDER_UNCHECKED, WEBHOOK_SIGNATURE

log = logging.getLogger(__name__)


def signature(secret, raw):
    return hmac.new(secret.encode(), raw, hashlib.sha256).hexdigest()


def verify(raw, given, secret=None):
    """True when `given` is the body's signature with `secret` (None: the environment's, the
    default council's before councils; receive() gives the council's own)."""
    if secret is None:
        from ...keystore import optional
        secret = optional("DOORSTEP_PAY_WEBHOOK_SECRET")
    if not secret or not given:
        return False
    return hmac.compare_digest(signature(secret, raw).encode(), given.strip().lower().encode())


def receive(deps, raw, given_signature, client="unknown"):
    raw = raw or b""
    if isinstance(raw, str):
        raw = raw.encode()
    # The council is the address the webhook arrived at (each council's account posts to its own).
    from .govuk_pay import webhook_secret
    secret = webhook_secret(deps.council) or ""
    if len(raw) > WEBHOOK_MAX_BYTES or not verify(raw, given_signature, secret):
        log.warning("payment webhook refused from %s: bad or missing Pay-Signature (%d bytes)", client, len(raw))
        raise BadSignature(WEBHOOK_SIGNATURE)
    try:
        message = json.loads(raw)
        resource = message["resource"]
        provider_id = str(message["resource_id"])
        payment_id = (resource.get("metadata") or {}).get("doorstep_payment")
    except (ValueError, KeyError, TypeError, AttributeError):
        raise ValidationFailed([("body", NOT_A_WEBHOOK)])
    if message.get("resource_type", "payment") != "payment" or not isinstance(payment_id, str):
        return {"received": True, "payment": None}  # not ours to act on; the provider need not resend
    payment = deps.payments.get(payment_id)
    if payment is None or payment.provider_id != provider_id:
        log.warning("payment webhook %s names payment %s (provider %s) which Doorstep does not hold",
                    message.get("webhook_message_id"), payment_id, provider_id)
        return {"received": True, "payment": None}
    try:
        payment = check(deps, payment)
    except ProviderError as e:
        # The provider sends it again later; by then it may answer.
        raise ServiceUnavailable(PROVIDER_UNCHECKED.format(problem=e),
                                 code="provider_unreachable", headers={"Retry-After": "60"})
    return {"received": True, "payment": {"status": payment.status, "finished": payment.finished}}
