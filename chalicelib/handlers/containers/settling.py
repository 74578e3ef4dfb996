"""What a container request does when its payment finishes (payments' hook,
told from the `payment_finished` event's effect, never from the return URL),
and the job that lets holds go when a payment never comes back: payments'
held.py, which hall bookings share, with what is a request's own here."""
from ..payments import core as payments
from ..payments import held
from .catalogue import current, delivery_day
from .delivery import confirmed_event, job_for
from . import wording


def page(deps, payment):
    """Where the payer lands after paying: the resident on the request's page in the app; an officer who keyed
    a caller's card in (MOTO) back on the desk, on the request there."""
    request = deps.containers.get(payment.subject_id)
    if request is not None and request.taken_by:
        return f"/staff/containers/{payment.subject_id}"
    return f"/containers/{payment.subject_id}"


def on_payment(deps, payment):
    """Paid: the held request is confirmed with its crew's job and event (one
    conditional transaction: told twice, or by a retried effect, it confirms
    once). Not paid: the hold goes, and the container back on the shelf.
    Paid after its hold went: refunded in full (the provider's figure, so never twice)."""
    def confirm(request, now):
        settings = current(deps)
        address = deps.addresses.get(request.uprn)
        round_model = deps.bin_rounds.get_many([request.round_id]).get(request.round_id)
        day = delivery_day(deps, settings, round_model)
        event = confirmed_event(deps, request.id, now)
        return event if deps.containers.confirm(request, job_for(deps, request, address, settings, day), now,
                                                event) else None

    request = held.finished(deps, deps.containers, payment, confirm)

    def tell(amount):
        from .delivery import _send
        _send(deps, request, wording.REFUNDED_SUBJECT.format(id=request.id), wording.REFUNDED_BODY.format(
            name=request.name, amount=payments.pounds(amount)), "refunded")
    held.refund_if_released(deps, request, payment, "container request", tell)


def release_expired(deps):
    """Holds past their 30 minutes let go (payments' held.py). Returns how many."""
    return held.release_expired(deps, deps.containers)
