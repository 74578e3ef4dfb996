"""What a hire booking does when its payment finishes (payments' hook, told
from the `payment_finished` event's effect, never from the return URL), and
the job that lets holds go when a payment never comes back. As bulky
bookings do (waste/settling.py)."""
import logging

from ..payments import core as payments
from . import wording

log = logging.getLogger(__name__)


def page(deps, payment):
    return f"/hire/bookings/{payment.subject_id}"


def confirmed_event(deps, booking_id, now):
    from ..shared.events import new_event
    return new_event(deps, "hire_confirmed", now, event_id=f"hire.{booking_id}.confirmed", booking_id=booking_id)


def on_payment(deps, payment):
    """Paid: the held booking confirmed with every hour still its own (one
    conditional transaction, so told twice it confirms once); paid after its
    hold ran out and an hour was taken since: released and refunded in full.
    Not paid: its hours given back."""
    booking = deps.hire.get(payment.subject_id)
    if booking is None or booking.payment_id not in (None, payment.id):
        log.error("payment %s finished for hire booking %s, which does not wait for it", payment.id,
                  payment.subject_id)
        return
    now = deps.clock()
    if payment.status != "success":
        if booking.status == "held":
            deps.hire.release(booking, f"payment_{payment.status}", now)
        return
    if booking.status == "held":
        event = confirmed_event(deps, booking.id, now)
        if deps.hire.confirm(booking, now, event):
            from ..shared.effects import first_try
            first_try(deps, [event])
            return
        booking = deps.hire.get(booking.id)
        if booking.status == "held":  # an hour was taken over once its hold ran out
            deps.hire.release(booking, "paid_after_hold_hours_taken", now)
            booking = deps.hire.get(booking.id)
    if booking.status == "released":
        made = payments.refund_in_full(deps, payment.id, by=f"hire booking {booking.id}")
        if made and made.get("amount"):
            from .telling import send
            send(deps, booking, wording.REFUNDED_LATE_SUBJECT.format(id=booking.id),
                 wording.REFUNDED_LATE_BODY.format(id=booking.id, amount=payments.pounds(made["amount"])), "late")


def release_expired(deps):
    """Holds past their 30 minutes: the payment asked first (paid is
    confirmed by its hook), an unfinished one cancelled at the provider,
    then the hours given back. Returns how many were let go."""
    released = 0
    for booking in deps.hire.due(deps.clock()):
        payment = deps.payments.get(booking.payment_id) if booking.payment_id else None
        if not payments.stopped(deps, payment):
            continue
        booking = deps.hire.get(booking.id)
        if booking.status == "held":
            deps.hire.release(booking, "hold_expired", deps.clock())
            booking = deps.hire.get(booking.id)
        released += booking.status == "released"
    return released
