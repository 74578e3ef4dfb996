"""What a hire booking does when its payment finishes (payments' hook, told
from the `payment_finished` event's effect, never from the return URL), and
the job that lets holds go when a payment never comes back (payments'
held.py, which container requests share). The backstop for refunds left
owed is cancelling.py's `refunds_due`."""
from ..payments import core as payments
from ..payments import held
from . import wording


def page(deps, payment):
    """Where the payer lands back from the provider: the hirer on their booking's page; an
    officer who keyed a caller's card in (MOTO) on the desk's, where its deposit is checked later."""
    booking = deps.hire.get(payment.subject_id)
    if booking is not None and booking.taken_by:
        return f"/staff/hire/bookings/{booking.id}"
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

