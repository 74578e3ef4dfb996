"""A payment's whole refundable amount given back (a hold let go after it
was paid, a booking's change that could not be made, a garden subscription
or a form's fee refused), by the provider's own figure, holding the
payment's place for asking (asking.py) so nothing else of ours is in flight."""
from ...errors import ServiceUnavailable
from . import asking, core
from .provider import NotRefundable, RefundMismatch
from .wording import REFUND_NOT_AGREED


def refund_in_full(deps, payment_id, by="doorstep"):
    """Refund whatever the provider says is still refundable, sending that very
    amount as refund_amount_available: a second refund (a retry, a race) finds
    nothing left or is refused (P0604), never pays out twice. It holds the
    payment's place for asking (asking.py), so a refund the provider holds
    that we never recorded (made just before a process died) is the former
    holder's, recorded as theirs on taking it (ours, when we died holding
    it). One made outside Doorstep (the provider's own console) is recorded
    under `by` too: with the place held, no other refund of ours is in
    flight to be mistaken for it. Returns the refunds made or found
    ({refund_id, amount, status, at, by}, several summed under the first's
    id) or None when there were none."""
    payment = deps.payments.get(payment_id)
    if payment is None or payment.provider_id is None:
        return None
    known = {r.get("refund_id") for r in payment.refunds}
    token, payment = asking.take(deps, payment_id, by)
    return asking.asked(deps, payment_id, token, lambda: _ask(deps, payment, token, by, known))


def _ask(deps, payment, token, by, known):
    """The refund asked for with the place held (token), read again until agreed."""
    payment_id = payment.id
    chosen = core.provider(deps)
    got = [r for r in payment.refunds if r.get("by") == by and r.get("refund_id") not in known]
    for _ in range(3):
        found = chosen.get(payment.provider_id)
        if found.refund_submitted > deps.payments.get(payment_id).refunded:
            got += core.record_unrecorded(deps, payment, chosen, by)  # the provider knows more than we do
        if found.status != "success" or found.refund_available <= 0:
            asking.let_go(deps, payment_id, token)
            return _together(got)
        try:
            made = chosen.refund(payment.provider_id, found.refund_available, found.refund_available)
        except RefundMismatch:
            continue  # refunded outside Doorstep meanwhile: read again
        except NotRefundable:
            asking.let_go(deps, payment_id, token)
            return _together(got)
        from ...faults import boundary
        boundary("refund.made")
        refund = core.refund_row(deps, made, by)
        core.record_refund(deps, payment_id, refund)
        asking.let_go(deps, payment_id, token)
        return _together(got + [refund])
    asking.let_go(deps, payment_id, token)  # refused each time: none of ours was made
    raise ServiceUnavailable(REFUND_NOT_AGREED, code="refund_pending")


def _together(refunds):
    if not refunds:
        return None
    return {**refunds[0], "amount": sum(r["amount"] for r in refunds)}
