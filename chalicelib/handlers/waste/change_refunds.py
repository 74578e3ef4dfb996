"""The refund a cheaper change owes, as an effect of the change's own event.

The change writes, in its one transaction, what it owes (the last entry of
the booking's `changes`: the amount, and per payment the part and the
refundable figure Doorstep's own records give for it) and a
`bulky_change_refund` event; the request answers without asking the
provider anything. The event's effect (`on_change_refund`, claimed once per
event by shared/effects.py) is carried out by the alert worker from the
events stream, with the queue's retries; the request does not try it first,
so a slow or absent provider never holds a resident's answer.

Exactly once with the provider: every attempt at a part sends the figure
the change stored as `refund_amount_available`, so an attempt after one
that worked is refused (GOV.UK Pay's P0604), never paid. A refused attempt
looks for our refund first, at the provider (one whose answer was lost: a
crash, a timeout) and then in Doorstep's records (one a racer recorded);
only when neither holds it (staff refunded meanwhile, or the stored figure
was stale) is a fresh figure agreed.

The 5-minute job (`changes_due`) is a backstop only: the booking's step is
due BACKSTOP_AFTER the change, past the effect's last try, so the job finds
only refunds the effect gave up on (a provider away for longer than its
tries) or whose event the stream lost.
"""
import logging
from datetime import timedelta

from ...stamps import stamp
from ...storage.bulky import CHANGE_REFUND
from ..payments import core as payments

log = logging.getLogger(__name__)
KIND = "bulky_change_refund"
# The effect's tries span ATTEMPTS x the alert queue's visibility timeout (5 x 12 minutes,
# the last starting 48 minutes on); a test keeps this past them.
BACKSTOP_AFTER = timedelta(minutes=75)


def refund_event(deps, booking_id, seq, amount, now):
    """The event a cheaper change is written with; its id is the change's own,
    so the change has one, whoever asks."""
    from ..shared.events import new_event
    return new_event(deps, KIND, now, event_id=f"bulky.{booking_id}.change.{seq}.refund", booking_id=booking_id,
                     seq=seq, amount=amount)


def owed_parts(deps, booking, amount):
    """Where a cheaper change's refund comes from: the booking's payments,
    newest first (a paid change's difference, then the booking's own), each
    part with what Doorstep's records say is still refundable on it (paid,
    less the refunds recorded), which every attempt names to the provider."""
    from .paid_changes import payment_ids
    parts, left = [], amount
    for payment_id in reversed(payment_ids(booking)):
        if left <= 0:
            break
        payment = deps.payments.get(payment_id)
        available = payment.amount - payment.refunded if payment and payment.status == "success" else 0
        if available > 0:
            parts.append({"payment_id": payment_id, "amount": min(left, available),
                          "refund_amount_available": available, "status": "due"})
            left -= min(left, available)
    return parts


def on_change_refund(deps, event, key):
    """The effect of `bulky_change_refund`: the refund the change owes, made.
    A provider that cannot be reached raises, and the queue brings it back."""
    payload = event.payload or {}
    booking = deps.bulky.get(payload.get("booking_id"))
    if booking is not None and booking.change_seq == payload.get("seq"):
        refund_owed(deps, booking)


def refund_owed(deps, booking):
    """Refund what the last change owes, once per part, then settle it on
    the booking (its next step follows). The refund entry, or None when
    nothing is owed (settled already, or the booking was cancelled meanwhile:
    its cancellation refunds everything left). ProviderError when the
    provider cannot be reached (the parts done so far stay recorded)."""
    entry = booking.changes[-1] if booking.changes else None
    owed = (entry or {}).get("refund") or {}
    if booking.due != CHANGE_REFUND or owed.get("status") != "due":
        return None
    parts = owed["parts"] if "parts" in owed else [{"payment_id": booking.payment_id, "amount": owed["amount"], "status": "due",
                                   "refund_amount_available": owed["refund_amount_available"]}]
    by, at = f"booking {booking.id} change {entry['seq']}", stamp(deps.clock())
    for i, part in enumerate(parts):
        if part["status"] == "due":
            made = _refund_part(deps, part, by)
            if made is not None and made.get("new"):
                payments.record_refund(deps, part["payment_id"], {
                    "refund_id": made["refund_id"], "amount": made["amount"], "status": made["status"], "at": at,
                    "by": by, "reason": "cheaper change"})
            parts[i] = {**part, "status": "done", "amount": made["amount"] if made else 0,
                        "refund_id": made["refund_id"] if made else None}
    done = {**owed, "status": "done", "amount": sum(p["amount"] for p in parts), "parts": parts,
            "refund_id": next((p["refund_id"] for p in parts if p.get("refund_id")), None), "at": at}
    from .steps import next_step
    changes = [*booking.changes[:-1], {**entry, "refund": done}]
    deps.bulky.change_refunded(booking.id, entry["seq"], changes, next_step(booking, deps.clock()))
    return done


def _refund_part(deps, part, by):
    """One payment's share of a change's refund, made once: {refund_id,
    amount, status, new} (new: not yet in Doorstep's records), or None when
    nothing is left to refund."""
    from ...faults import boundary
    payment, chosen = deps.payments.get(part["payment_id"]), payments.provider(deps)
    try:
        made = chosen.refund(payment.provider_id, part["amount"], part["refund_amount_available"])
    except (payments.RefundMismatch, payments.NotRefundable):
        return _ours_already(deps, chosen, payment, part["amount"], by) or _agreed_afresh(chosen, payment, part)
    boundary("change_refund.made")
    return _row(made)


def _ours_already(deps, chosen, payment, amount, by):
    """Our refund, when the provider refused because it was made: one of
    `amount` the provider holds that Doorstep never recorded (its answer was
    lost), else one Doorstep recorded for this change (a racer's). The
    provider is asked first: a racer recording between the two looks is
    then seen in Doorstep's records."""
    known = {r.get("refund_id") for r in deps.payments.get(payment.id).refunds or []}
    lost = next((r for r in chosen.refunds(payment.provider_id)
                 if r.refund_id not in known and r.amount == amount and r.status != "error"), None)
    if lost is not None:
        return _row(lost)
    recorded = next((r for r in deps.payments.get(payment.id).refunds or [] if r.get("by") == by), None)
    return None if recorded is None else {**recorded, "new": False}


def _agreed_afresh(chosen, payment, part):
    """Another refund (staff's) came first, so ours was not made: agree the figure again."""
    fresh = chosen.get(payment.provider_id).refund_available
    if fresh <= 0:
        return None
    return _row(chosen.refund(payment.provider_id, min(part["amount"], fresh), fresh))


def _row(refund):
    return {"refund_id": refund.refund_id, "amount": refund.amount, "status": refund.status, "new": True}


def changes_due(deps):
    """The backstop: change refunds still owed BACKSTOP_AFTER their change
    (the effect gave up, or never ran). Returns how many were settled."""
    settled = 0
    for booking in deps.bulky.due(CHANGE_REFUND, deps.clock()):
        try:
            settled += refund_owed(deps, booking) is not None
        except (payments.ProviderError, payments.ServiceUnavailable) as e:
            log.warning("booking %s: change refund left for the next run: %s", booking.id, e)
    return settled
