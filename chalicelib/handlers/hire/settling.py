"""What a hire booking does when its payment finishes (payments' hook, told
from the `payment_finished` event's effect, never from the return URL), the
job that lets holds go when a payment never comes back (payments' held.py,
which container requests share), and the backstop for refunds left due."""
import logging

from ..payments import core as payments
from ..payments import held
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
    def confirm(booking, now):
        event = confirmed_event(deps, booking.id, now)
        return event if deps.hire.confirm(booking, now, event) else None

    booking = held.finished(deps, deps.hire, payment, confirm)
    if booking is not None and booking.status == "held":  # an hour was taken over once its hold ran out
        deps.hire.release(booking, "paid_after_hold_hours_taken", deps.clock())
        booking = deps.hire.get(booking.id)

    def tell(amount):
        from .telling import send
        send(deps, booking, wording.REFUNDED_LATE_SUBJECT.format(id=booking.id),
             wording.REFUNDED_LATE_BODY.format(id=booking.id, amount=payments.pounds(amount)), "late")
    held.refund_if_released(deps, booking, payment, "hire booking", tell)


def release_expired(deps):
    """Holds past their 30 minutes let go (payments' held.py). Returns how many."""
    return held.release_expired(deps, deps.hire)
