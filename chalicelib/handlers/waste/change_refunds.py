"""The refund a cheaper change owes, as an effect of the change's own event.

The change writes, in its one transaction, what it owes (the last entry of
the booking's `changes`: the amount, and per payment the part and the
refundable figure Doorstep's own records give for it) and a
`bulky_change_refund` event; the request answers without asking the
provider anything. The event's effect (`on_change_refund`, claimed once per
event by shared/effects.py) is carried out by the alert worker from the
events stream, with the queue's retries; the request does not try it first,
so a slow or absent provider never holds a resident's answer.

Exactly once with the provider: refund_parts.py (shared with a
cancellation's refund) sends the figure the change stored as
`refund_amount_available`, so an attempt after one that worked is refused
(P0604), never paid, and looks for the refund already made.

The 5-minute job (`changes_due`) is a backstop only: the booking's step is
due BACKSTOP_AFTER the change, past the effect's last try, so the job finds
only refunds the effect gave up on (a provider away for longer than its
tries) or whose event the stream lost.
"""
from ...storage.waste.bulky import CHANGE_REFUND
from .refund_parts import BACKSTOP_AFTER, backstop, owed_parts, refund_parts, settled  # noqa: F401 (changes.py's)

KIND = "bulky_change_refund"


def refund_event(deps, booking_id, seq, amount, now):
    """The event a cheaper change is written with; its id is the change's own,
    so the change has one, whoever asks."""
    from ..shared.events import new_event
    return new_event(deps, KIND, now, event_id=f"bulky.{booking_id}.change.{seq}.refund", booking_id=booking_id,
                     seq=seq, amount=amount)


def on_change_refund(deps, event, key):
    """The effect of `bulky_change_refund`: the refund the change owes, made.
    A provider that cannot be reached raises, and the queue brings it back."""
    payload = event.payload or {}
    booking = deps.bulky.get(payload.get("booking_id"))
    if booking is not None and booking.change_seq == payload.get("seq") and refund_owed(deps, booking) is None:
        from ..payments.asking import give_up
        from .paid_changes import payment_ids
        for payment_id in payment_ids(booking):  # owed no more: a try that went unanswered lets go of its payment
            give_up(deps, payment_id, by(booking.id, payload.get("seq")))


def by(booking_id, seq):
    """What a change's refund is recorded as (payments/asking.py knows a refund by it)."""
    return f"booking {booking_id} change {seq}"


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
    parts = refund_parts(deps, parts, by(booking.id, entry["seq"]), "cheaper change",
                         "change_refund.made")
    done = settled(owed, parts, deps)
    from .steps import next_step
    changes = [*booking.changes[:-1], {**entry, "refund": done}]
    deps.bulky.change_refunded(booking.id, entry["seq"], changes, next_step(booking, deps.clock()))
    return done


def changes_due(deps):
    """The backstop: change refunds still owed BACKSTOP_AFTER their change
    (the effect gave up, or never ran). Returns how many were settled."""
    return backstop(deps, CHANGE_REFUND, refund_owed)
