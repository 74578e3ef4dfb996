"""What bulky bookings do when a payment finishes (payments' hook), and the
jobs that keep them honest: holds that ran out, refunds still to make."""
import logging

from ...storage.errors import SlotFull
from ..payments import core as payments
from ..payments.in_full import refund_in_full
from . import receipts
from .catalogue import current
from .steps import next_step

log = logging.getLogger(__name__)


def page(deps, payment):
    """Where the resident lands after paying: the booking's page in the app."""
    return f"/bulky/bookings/{payment.subject_id}"


def on_payment(deps, payment):
    """The provider says `payment` finished. Paid: the held booking is
    confirmed (paid after its hold ran out: its place is taken again if one is
    left, else it is refunded in full). Not paid: the held booking lets its
    place go. Told twice, it changes nothing the second time."""
    booking = deps.bulky.get(payment.subject_id)
    if booking is None or (booking.payment_id not in (None, payment.id)):
        log.error("payment %s finished for booking %s, which does not wait for it", payment.id, payment.subject_id)
        return
    now = deps.clock()
    if payment.status != "success":
        if booking.status == "held":
            deps.bulky.release(booking, f"payment_{payment.status}", now)
        return
    if booking.status == "held" and deps.bulky.confirm(booking.id, now, next_step(booking, now)):
        from ...faults import boundary
        boundary("booking.confirmed")
        receipts.paid(deps, booking, payment)
        return
    booking = deps.bulky.get(booking.id)
    if booking.status == "confirmed" and booking.payment_id == payment.id:
        # Confirmed by a telling that may have stopped before its receipt
        # (payments/core.settle runs again after a crash): the outbox keeps one.
        receipts.paid(deps, booking, payment)
        return
    if booking.status == "cancelled" and booking.reason == "paid_after_hold_no_place" \
            and (booking.refund or {}).get("status") == "due":
        refund(deps, booking)  # cancelled by a telling that stopped before refunding
        return
    if booking.status == "released":
        settings, _ = current(deps)
        try:
            if deps.bulky.reclaim(booking, settings["capacity_per_day"], now, next_step(booking, now)):
                receipts.paid(deps, booking, payment)
                return
        except SlotFull:
            pass
        # Paid too late for a place: the money goes back, all of it.
        if deps.bulky.cancel(booking, "released", "paid_after_hold_no_place", now, refund_due=True):
            refund(deps, deps.bulky.get(booking.id))


def refund(deps, booking, tell=True):
    """Refund a cancelled booking's payments in full (its own and each paid
    change's) and mark it done; left due (the refund job tries again) when
    the provider cannot be reached. The amount told is every refund these
    payments carry for the cancellation, so a retry after a partial run
    counts what the first run made."""
    from .paid_changes import payment_ids
    by = f"booking {booking.id}"
    made = []
    try:
        for payment_id in payment_ids(booking):
            made.append(refund_in_full(deps, payment_id, by=by))
    except (payments.ProviderError, payments.ServiceUnavailable) as e:
        log.warning("booking %s: refund left for the job: %s", booking.id, e)
        return None
    amount = sum(r["amount"] for p in payment_ids(booking) for r in (deps.payments.get(p).refunds or [])
                 if r.get("by") == by)
    first = next((r for r in made if r), None)
    done = {"status": "done", "amount": amount, "refund_id": first["refund_id"] if first else None,
            "at": deps.clock().strftime("%Y-%m-%dT%H:%M:%SZ")}
    event = receipts.receipt_event(deps, booking.id, "refunded", deps.clock(), amount=amount) if tell else None
    if deps.bulky.refund_done(booking.id, done, event) and event is not None:
        from ..shared.effects import first_try
        first_try(deps, [event])  # word of the refund, from the event written with it
    return done


def release_expired_holds(deps):
    """Holds past their 30 minutes: paid ones are confirmed, others stopped at
    the provider and released. Returns how many were released."""
    released = 0
    for booking in deps.bulky.due("hold", deps.clock()):
        payment = deps.payments.get(booking.payment_id) if booking.payment_id else None
        if not payments.stopped(deps, payment):
            continue  # the card is being charged this moment: next run
        now = deps.bulky.get(booking.id)
        if now.status == "held":
            deps.bulky.release(now, "hold_expired", deps.clock())
        released += deps.bulky.get(booking.id).status == "released"
    return released


def refunds_due(deps):
    """Refunds a cancellation could not finish (the provider was away): a
    resident's cancellation (its refund stored in parts) only BACKSTOP_AFTER
    it, past its effect's last try. Returns how many were settled."""
    from .cancel_refunds import refund_cancelled
    from .refund_parts import backstop
    return backstop(deps, "refund", lambda deps, booking: (
        refund_cancelled if "parts" in (booking.refund or {}) else refund)(deps, booking))


def send_reminders(deps):
    """Reminders due now (each once: the conditional write decides who sends). Returns how many went."""
    from ..shared.effects import first_try
    sent = 0
    for booking in deps.bulky.due("remind", deps.clock()):
        event = receipts.receipt_event(deps, booking.id, "reminder", deps.clock(),
                                       due_at=booking.due_at.isoformat())
        if deps.bulky.reminded(booking.id, booking.due_at, next_step(booking, booking.due_at), event):
            first_try(deps, [event])  # the e-mail, from the event written with the step
            sent += 1
    return sent
