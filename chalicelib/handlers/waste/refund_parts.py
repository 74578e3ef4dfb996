"""A bulky booking's refund made part by part, each part once at the
provider: the machinery a cheaper change's refund (change_refunds.py), a
cancellation's (cancel_refunds.py), a hall session's or deposit's (hire) and
a container request's share, each carried out as the effect of its change's
own event.

What is owed is stored with the change that owes it: per payment, the part
and the refundable figure Doorstep's own records give for it. A part is
known by what it refunds (`by`), never by its amount: it takes the
payment's one place for asking (payments/asking.py, a conditional write),
so any refund the provider holds unrecorded is the holder's. Holding it, a
part recorded under `by` already (a retry, a racer of the same part, a
taker recording a dead holder's) is done; otherwise the part names its
stored figure as `refund_amount_available`, and one the provider refuses
(another refund came first: this one was not made) is made at the figure
the provider gives now. The refund is recorded under `by`, then the place
let go.
"""
import logging
from datetime import timedelta

from ..payments import core as payments

log = logging.getLogger(__name__)
# An effect's tries span ATTEMPTS x the alert queue's visibility timeout (5 x 12 minutes,
# the last starting 48 minutes on); the backstop job waits past them (a test keeps it so).
BACKSTOP_AFTER = timedelta(minutes=75)


def owed_parts(deps, booking, amount=None):
    """Where a refund of `amount` (None: everything left) comes from: the
    booking's payments, newest first (a paid change's difference, then the
    booking's own), each part with what Doorstep's records say is still
    refundable on it, which every attempt names to the provider."""
    from .paid_changes import payment_ids
    parts, left = [], amount
    for payment_id in reversed(payment_ids(booking)):
        if left is not None and left <= 0:
            break
        payment = deps.payments.get(payment_id)
        available = payment.amount - payment.refunded if payment and payment.status == "success" else 0
        if available > 0:
            part = available if left is None else min(left, available)
            parts.append({"payment_id": payment_id, "amount": part, "refund_amount_available": available,
                          "status": "due"})
            left = None if left is None else left - part
    return parts


def refund_parts(deps, parts, by, reason, made_at):
    """Each part still due refunded once and recorded on its payment under
    `by`: the parts as done ({amount, refund_id} each; 0 when nothing was
    left). made_at: the step boundary just after the provider's answer.
    ProviderError when the provider cannot be reached, or another refund of
    the payment is being asked for (RefundBusy): the parts done so far are
    recorded on their payments, so a retry finds them."""
    from ...stamps import stamp
    from ..payments import asking
    at, done = stamp(deps.clock()), []
    for part in parts:
        if part["status"] == "due":
            token, payment = asking.take(deps, part["payment_id"], by)
            made = asking.asked(deps, part["payment_id"], token,
                                lambda: _refund_part(deps, payment, part, by, made_at))
            if made is not None and made.get("new"):
                payments.record_refund(deps, part["payment_id"], {
                    "refund_id": made["refund_id"], "amount": made["amount"], "status": made["status"], "at": at,
                    "by": by, "reason": reason})
            asking.let_go(deps, part["payment_id"], token)
            part = {**part, "status": "done", "amount": made["amount"] if made else 0,
                    "refund_id": made["refund_id"] if made else None}
        done.append(part)
    return done


def settled(owed, parts, deps):
    """The refund entry once its parts are done."""
    from ...stamps import stamp
    return {**owed, "status": "done", "amount": sum(p["amount"] for p in parts), "parts": parts,
            "refund_id": next((p["refund_id"] for p in parts if p.get("refund_id")), None),
            "at": stamp(deps.clock())}


def backstop(deps, kind, settle):
    """The 5-minute job's part: each booking still owing a `kind` refund
    BACKSTOP_AFTER its change (the effect gave up, or never ran) settled by
    `settle`. Returns how many were settled."""
    count = 0
    for booking in deps.bulky.due(kind, deps.clock()):
        try:
            count += settle(deps, booking) is not None
        except (payments.ProviderError, payments.ServiceUnavailable) as e:
            log.warning("booking %s: %s refund left for the next run: %s", booking.id, kind, e)
    return count


def _refund_part(deps, payment, part, by, made_at):
    """One payment's share, made once, its place held: {refund_id, amount,
    status, new} (new: not yet in Doorstep's records), or None when nothing
    is left."""
    from ...faults import boundary
    from ..payments.asking import recorded
    ours = recorded(payment, by)
    if ours is not None:
        return {**ours, "new": False}
    chosen = payments.provider(deps)
    try:
        made = chosen.refund(payment.provider_id, part["amount"], part["refund_amount_available"])
    except (payments.RefundMismatch, payments.NotRefundable):
        made = _agreed_afresh(chosen, payment, part)
        if made is None:
            return None
    boundary(made_at)
    return _row(made)


def _agreed_afresh(chosen, payment, part):
    """Another refund (staff's, or another change's) came first, so ours was
    not made: agree the figure again (None when nothing is left)."""
    fresh = chosen.get(payment.provider_id).refund_available
    if fresh <= 0:
        return None
    return chosen.refund(payment.provider_id, min(part["amount"], fresh), fresh)


def _row(refund):
    return {"refund_id": refund.refund_id, "amount": refund.amount, "status": refund.status, "new": True}
