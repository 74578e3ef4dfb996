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


def refunds_due(deps):
    """The backstop for refunds a cancellation or a deposit check owes and
    its event's effect never made (the process died after the commit and the
    stream's tries ran out, or the provider was away for them all): each
    looked at BACKSTOP_AFTER its change, made once (the refundable figure
    stored with the change is what every attempt names, so the provider
    refuses one after another that worked). Returns how many were made."""
    from ...storage.hire import REFUND
    from .cancelling import owed_since, settle_refund
    from ..waste.refund_parts import BACKSTOP_AFTER
    settled, now = 0, deps.clock()
    for booking in deps.hire.due(now, kind=REFUND):
        for payload in owed_since(booking, now - BACKSTOP_AFTER):
            booking = deps.hire.get(booking.id)  # the effect, or the last payload, may have settled it meanwhile
            if payload not in owed_since(booking, now - BACKSTOP_AFTER):
                continue
            try:
                settle_refund(deps, booking, payload)
                settled += 1
            except (payments.ProviderError, payments.ServiceUnavailable) as e:
                log.warning("hire booking %s: refund left for the next run: %s", booking.id, e)
    return settled
