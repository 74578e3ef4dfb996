"""The refund a cancelled bulky booking owes, as an effect of the
cancellation's own event.

The cancellation writes, in its one transaction (storage/bulky.cancel), the
booking cancelled with what it owes (everything left on each payment, each
part with the refundable figure Doorstep's own records give for it), a
`bulky_cancel_refund` event, and its e-mail's `bulky_receipt` event. The
request tries the e-mail only ("is being refunded") and answers without
asking the provider anything: the refund is the alert worker's, from the
events stream with the queue's retries (`on_cancel_refund`, claimed once per
event by shared/effects.py), made part by part once each (refund_parts.py,
as a cheaper change's is).

A cancellation while a cheaper change's refund is still owed owes
everything left (the change's part with it): the change's effect then finds
the booking no longer owing it and does nothing; one already at the provider
is found there (P0604, then a fresh figure for what is left).

The 5-minute job (`refunds_due`) is a backstop only: the booking is due
BACKSTOP_AFTER the cancellation, past the effect's last try.
"""
from ...storage.waste.bulky import REFUND
from .refund_parts import BACKSTOP_AFTER, owed_parts, refund_parts, settled

KIND = "bulky_cancel_refund"


def cancel_paid(deps, booking, reason):
    """Cancel a confirmed booking with its refund owed and its events, in one
    transaction; the e-mail tried at once, the refund left to the stream.
    False when it was not confirmed (someone cancelled first: theirs refunds)."""
    from ..shared.effects import first_try
    from ..shared.events import new_event
    from .receipts import receipt_event
    now = deps.clock()
    parts = owed_parts(deps, booking)
    owed = {"status": "due", "amount": sum(p["amount"] for p in parts), "parts": parts}
    told = receipt_event(deps, booking.id, "refunded", now, amount=owed["amount"])
    refund = new_event(deps, KIND, now, event_id=f"bulky.{booking.id}.cancel.refund", booking_id=booking.id,
                       amount=owed["amount"])
    if not deps.bulky.cancel(booking, "confirmed", reason, now, refund_due=True, owed=(owed, now + BACKSTOP_AFTER),
                             event=[told, refund]):
        return False
    first_try(deps, [told])  # the e-mail, tried here (the stream sends it if this stops); never the refund
    return True


def on_cancel_refund(deps, event, key):
    """The effect of `bulky_cancel_refund`: the refund the cancellation owes,
    made. A provider that cannot be reached raises, and the queue brings it back."""
    booking = deps.bulky.get((event.payload or {}).get("booking_id"))
    if booking is not None:
        refund_cancelled(deps, booking)


def refund_cancelled(deps, booking):
    """Refund what the cancellation owes, once per part, and settle it on the
    booking. The refund entry, or None when nothing is owed (settled already)."""
    owed = booking.refund or {}
    if booking.status != "cancelled" or booking.due != REFUND or owed.get("status") != "due" or "parts" not in owed:
        return None
    done = settled(owed, refund_parts(deps, owed["parts"], f"booking {booking.id}", "cancelled",
                                      "cancel_refund.made"), deps)
    deps.bulky.refund_done(booking.id, done)
    return done
