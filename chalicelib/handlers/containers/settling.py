"""What a container request does when its payment finishes (payments' hook,
told from the `payment_finished` event's effect, never from the return URL),
and the job that lets holds go when a payment never comes back. The same
pattern as bulky bookings (waste/settling.py)."""
import logging

from ..payments import core as payments
from .catalogue import current, delivery_day
from .delivery import confirmed_event, job_for
from . import wording

log = logging.getLogger(__name__)


def page(deps, payment):
    """Where the resident lands after paying: the request's page in the app."""
    return f"/containers/{payment.subject_id}"


def on_payment(deps, payment):
    """Paid: the held request is confirmed with its crew's job and event (one
    conditional transaction: told twice, or by a retried effect, it confirms
    once). Not paid: the hold goes, and the container back on the shelf.
    Paid after its hold went: refunded in full (the provider's figure, so never twice)."""
    request = deps.containers.get(payment.subject_id)
    if request is None or request.payment_id not in (None, payment.id):
        log.error("payment %s finished for container request %s, which does not wait for it", payment.id,
                  payment.subject_id)
        return
    now = deps.clock()
    if payment.status != "success":
        if request.status == "held":
            deps.containers.release(request, f"payment_{payment.status}", now)
        return
    if request.status == "held":
        settings = current(deps)
        address = deps.addresses.get(request.uprn)
        round_model = deps.bin_rounds.get_many([request.round_id]).get(request.round_id)
        day = delivery_day(deps, settings, round_model)
        event = confirmed_event(deps, request.id, now)
        if deps.containers.confirm(request, job_for(deps, request, address, settings, day), now, event):
            from ..shared.effects import first_try
            first_try(deps, [event])
            return
        request = deps.containers.get(request.id)
    if request.status == "released":
        made = payments.refund_in_full(deps, payment.id, by=f"container request {request.id}")
        if made and made.get("amount"):
            from .delivery import _send
            _send(deps, request, wording.REFUNDED_SUBJECT.format(id=request.id), wording.REFUNDED_BODY.format(
                name=request.name, amount=payments.pounds(made["amount"])), "refunded")


def release_expired(deps):
    """Holds past their 30 minutes: the payment asked about first (a paid one
    is confirmed by its hook), an unfinished one cancelled at the provider,
    then the hold let go. Returns how many were let go."""
    released = 0
    for request in deps.containers.due(deps.clock()):
        payment = deps.payments.get(request.payment_id) if request.payment_id else None
        if not payments.stopped(deps, payment):
            continue  # being charged this moment: the next run sees how it ended
        request = deps.containers.get(request.id)  # a cancelled payment's hook may have let it go already
        if request.status == "held":
            deps.containers.release(request, "hold_expired", deps.clock())
            request = deps.containers.get(request.id)
        released += request.status == "released"
    return released
