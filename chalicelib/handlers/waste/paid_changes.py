"""A change to a bulky booking that costs more: the resident pays the
difference as a second payment through the same provider.

- The change is held on the booking (`pending`), with the new day's place
  taken under its capacity when the day moves, in one conditional
  transaction with the request's Idempotency-Key: two changes at once, one
  wins; a retry answers the same pending change and its payment.
- The booking itself is untouched until the provider says the difference is
  paid (the return, a webhook or the reconciliation job: payments' hook,
  purpose CHANGE_PURPOSE); then the change is applied in one transaction that
  gives the old day's place back. Declined, cancelled, or unpaid when its hold
  runs out (HOLD_MINUTES): the change is let go, its new place given back,
  the booking as it was.
- Paid after it was let go (the card went through as the hold ran out): the
  difference is refunded in full and the resident told; never applied late
  over whatever the booking became meanwhile.
"""
import dataclasses
import logging
from datetime import timedelta

from ...errors import ApiError, Conflict
from ...stamps import parse, stamp
from ...storage.waste.bulky_pending import CHANGE_HOLD
from ..payments import core as payments
from ..payments.in_full import refund_in_full
from . import receipts
from .receipts import pounds
from .limits import CHANGE_PURPOSE, HOLD_MINUTES
from .steps import next_step
from .wording import CHANGE_PAYMENT, CHANGE_PAYMENT_BEING_TAKEN

log = logging.getLogger(__name__)
KEPT = ("date", "items", "amount", "location", "notes")


def hold(deps, booking, after, difference, capacity, record):
    """Hold the change and start the difference's payment. SlotFull,
    EditConflict and AlreadyExists from the store are the caller's to answer;
    PaymentsUnavailable lets the change go at once (nothing is owed)."""
    now = deps.clock()
    until = now + timedelta(minutes=HOLD_MINUTES)
    pending = {"seq": booking.change_seq + 1, "at": stamp(now), "hold_until": stamp(until),
               "difference": difference, "before": {k: getattr(booking, k) for k in KEPT},
               "after": {**{k: after[k] for k in KEPT}, "band": after.get("band")},
               "step": [booking.due, stamp(booking.due_at)] if booking.due else None}
    deps.bulky.hold_change(booking, pending, until, now, capacity, record)
    held = dataclasses.replace(booking, pending=pending)
    try:
        payment = payments.start(
            deps, purpose=CHANGE_PURPOSE, subject_id=booking.id, amount=difference,
            reference=f"{booking.id}-C{pending['seq']}",
            description=CHANGE_PAYMENT.format(reference=booking.id, amount=pounds(difference)),
            user_id=booking.user_id, email=booking.email)
    except ApiError:
        deps.bulky.let_change_go(held, None, saved_step(pending))
        raise
    deps.bulky.pending_paid_by(booking.id, payment.id)


def saved_step(pending):
    """The booking's own next step from before the change was held: (kind, when) or None."""
    step = pending.get("step")
    return (step[0], parse(step[1])) if step else None


def view(deps, booking, with_payment=True):
    """The pending change as the booking's page shows it, with its pay link
    while it can be paid (with_payment: one read of the payment)."""
    pending = booking.pending
    if not pending:
        return None
    payment = deps.payments.get(booking.pending_payment) if booking.pending_payment and with_payment else None
    return {"seq": pending["seq"], "after": pending["after"], "difference": pending["difference"],
            "difference_text": pounds(pending["difference"]), "hold_until": pending["hold_until"],
            "payment": None if payment is None else {
                "id": payment.id, "status": payment.status, "finished": payment.finished,
                "amount": payment.amount, "next_url": None if payment.finished else payment.next_url}}


def page(deps, payment):
    """Where the resident lands after paying the difference: the booking's page."""
    return f"/bulky/bookings/{payment.subject_id}"


def on_payment(deps, payment):
    """The provider says the difference's payment finished. Paid: the change
    is applied (once: the conditional write names the payment). Not paid:
    the change is let go. Paid for a change already let go: refunded."""
    booking = deps.bulky.get(payment.subject_id)
    if booking is None:
        log.error("change payment %s finished for booking %s, which does not exist", payment.id, payment.subject_id)
        return
    if booking.pending_payment == payment.id:
        if payment.status != "success":
            deps.bulky.let_change_go(booking, payment.id, saved_step(booking.pending))
            return
        if _apply(deps, booking, payment):
            return
        booking = deps.bulky.get(booking.id)
    applied = any((c.get("payment") or {}).get("id") == payment.id for c in booking.changes)
    if applied and payment.status == "success" and (booking.changes[-1].get("payment") or {}).get("id") == payment.id:
        # Applied (and still the last change) by a telling that may have stopped
        # before its receipt: the outbox keeps one per change.
        receipts.changed(deps, booking, 0, paid=payment.amount)
    if payment.status != "success" or applied:
        return
    made = refund_in_full(deps, payment.id, by=f"booking {booking.id} change not made")
    if made is not None:
        receipts.change_not_made(deps, booking, payment, made["amount"])


def _apply(deps, booking, payment):
    pending, now = booking.pending, deps.clock()
    entry = {"seq": pending["seq"], "at": stamp(now), "before": pending["before"], "after": pending["after"],
             "refund": None, "payment": {"id": payment.id, "amount": payment.amount}}
    moved = dataclasses.replace(booking, date=pending["after"]["date"])
    if not deps.bulky.apply_change(booking, payment.id, [*booking.changes, entry], next_step(moved, now), now):
        return False
    receipts.changed(deps, deps.bulky.get(booking.id), 0, paid=payment.amount)
    return True


def stop(deps, booking):
    """Let a pending change go before the booking is cancelled: its payment
    stopped at the provider, or, paid already, the change applied. Returns
    the booking as it now is; Conflict while the card is being charged."""
    if not booking.pending:
        return booking
    payment = deps.payments.get(booking.pending_payment) if booking.pending_payment else None
    if not payments.stopped(deps, payment):
        raise Conflict(CHANGE_PAYMENT_BEING_TAKEN, code="change_in_progress")
    now = deps.bulky.get(booking.id)
    if now.pending and now.pending_payment == booking.pending_payment:
        deps.bulky.let_change_go(now, now.pending_payment, saved_step(now.pending))
    return deps.bulky.get(booking.id)


def let_go_expired(deps):
    """Pending changes past their hold: paid ones applied, others stopped at
    the provider and let go (by its hook when the provider says so, else
    here). Returns how many were let go."""
    gone = 0
    for booking in deps.bulky.due(CHANGE_HOLD, deps.clock()):
        payment_id = booking.pending_payment
        if not payments.stopped(deps, deps.payments.get(payment_id) if payment_id else None):
            continue  # the card is being charged this moment: next run
        now = deps.bulky.get(booking.id)
        if now.pending and now.pending_payment == payment_id:
            deps.bulky.let_change_go(now, payment_id, saved_step(now.pending))
            now = deps.bulky.get(booking.id)
        gone += now.pending_payment != payment_id and payment_id not in payment_ids(now)
    return gone


def payment_ids(booking):
    """Every payment the booking was paid with: its own, then each paid change's."""
    return [p for p in [booking.payment_id, *((c.get("payment") or {}).get("id") for c in booking.changes)] if p]
