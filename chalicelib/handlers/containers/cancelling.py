"""A container request cancelled (POST /v1/waste/containers/requests/{id}/cancel),
by its resident or by staff for a caller, until the crew has delivered it.

The cancellation is one conditional transaction on the request as read:
held or confirmed -> cancelled, its open claim gone, its container back on
the depot's shelf, the crew's delivery job withdrawn as read (the job's
version refuses a job the crew has ended meanwhile, so a delivered container
is never also cancelled), what it owes and a `container_cancelled` event.
The refund is that event's effect (`on_cancelled`), made once: the part
owed is stored with the cancellation with the refundable figure Doorstep's
records give (waste/refund_parts.py), so a retry, a second worker or the
backstop naming the same figure is refused by the provider, never paid
twice. A held request (not yet paid) is released, as a hold let go is, and
owes nothing; its event's effect cancels its payment at the provider (GOV.UK
Pay's cancel), so the card page still open elsewhere takes nothing; a payment
the provider says went through first is settled by the payment's hook
(settling.py): refunded in full, as a late payment is.
"""
from ... import validation
from ...errors import Conflict
from ...stamps import stamp
from ...storage.errors import EditConflict
from ..crews.assigning import end
from ..payments import core as payments
from ..waste.refund_parts import BACKSTOP_AFTER, refund_parts
from . import wording
from .limits import CANCEL_REASON_MAX
from .requesting import read, request_or_404

KIND = "container_cancelled"
TRIES = 5  # the crew's job changed meanwhile (accepted, on its way): read again
DONE = "done"


def cancel(deps, request_id, body):
    """Cancel the request (its resident, or the containers desk with a reason); pressed twice, the first stands."""
    request = request_or_404(deps, request_id)  # not theirs: 404 whatever they sent
    problems = validation.Problems()
    body = body if isinstance(body, dict) else {}
    for key in body:
        if key != "reason":
            problems.add(key, wording.NOT_CANCELLATION_FIELD)
    caller = deps.principal
    officer = caller.user_id != request.user_id  # request_or_404 let in its resident and the desk's officers
    reason = validation.text(body.get("reason"), "reason", problems, 1 if officer else 0, CANCEL_REASON_MAX,
                             required=officer) or None
    problems.raise_if_any()
    from ..shared.effects import first_try
    from ..shared.events import new_event
    for attempt in range(TRIES):
        if attempt:
            request = request_or_404(deps, request_id)
        if request.status == "cancelled" or request.status == "released" and request.cancelled_by:
            return read(deps, request_id)
        if request.status not in ("held", "confirmed"):
            raise Conflict(wording.NOT_CANCELLABLE.format(id=request.id), code="request_ended")
        job = deps.jobs.get(request.job_id) if request.job_id else None
        if job is not None and job.status == DONE:  # done, its delivery's effect not yet run
            raise Conflict(wording.NOT_CANCELLABLE.format(id=request.id), code="request_ended")
        now = deps.clock()
        if job is not None and job.open:
            end(job, "withdrawn", "request cancelled", now)
        elif job is not None:
            job = None  # unable: ended already, nothing for the crew to do
        owed = _owed(deps, request)
        # An officer is named (the audit); a resident is not: their request already is theirs, and erasure
        # then has nothing more to take from it.
        who = {"by": caller.email or caller.user_id, "by_user_id": caller.user_id, "at": stamp(now), "staff": True,
               "reason": reason} if officer else {"by": "resident", "at": stamp(now), "staff": False}
        event = new_event(deps, KIND, now, event_id=f"container.{request.id}.cancelled", request_id=request.id)
        try:
            if deps.containers.cancel(request, now, who, event, refund=owed, job=job,
                                      refund_due_at=now + BACKSTOP_AFTER):
                first_try(deps, [event])
                return read(deps, request_id)
        except EditConflict:
            pass  # the crew's job moved meanwhile: read both again
    raise Conflict(wording.REQUEST_BEING_CHANGED, code="request_changed")


def _owed(deps, request):
    """What a cancelled request owes back: everything left on a paid request's
    payment, with the refundable figure our records give it; None when nothing was paid."""
    if request.status != "confirmed" or not request.payment_id:
        return None
    payment = deps.payments.get(request.payment_id)
    available = payment.amount - payment.refunded if payment and payment.status == "success" else 0
    if available <= 0:
        return None
    return {"status": "due", "amount": available, "part": {
        "payment_id": payment.id, "amount": available, "refund_amount_available": available, "status": "due"}}


def on_cancelled(deps, event, key):
    """The effect of `container_cancelled`: a paid request's refund made once
    and settled on the request, then the resident told (the outbox keeps one);
    an unpaid one's payment cancelled at the provider. A provider that cannot
    be reached raises: the queue brings it back."""
    request = deps.containers.get((event.payload or {}).get("request_id"))
    if request is not None and request.status == "released" and request.cancelled_by:
        return stop_payment(deps, request)
    if request is None or request.status != "cancelled":
        return
    made = settle(deps, request)
    owed = request.refund or {}
    from .delivery import _send
    amount = made["made"] if made else owed.get("made", 0)
    line = wording.CANCEL_REFUND.format(amount=payments.pounds(amount)) if amount else wording.CANCEL_NOTHING
    _send(deps, request, wording.CANCELLED_SUBJECT.format(id=request.id),
          wording.CANCELLED_BODY.format(name=request.name, address=request.address, id=request.id, refund=line),
          "cancelled")


def stop_payment(deps, request):
    """An unpaid request cancelled: its payment ended at the provider (asked
    first: one paid meanwhile settles through its hook, refunded in full as a
    payment after its hold). Told again, a finished payment is left as it is."""
    payment = deps.payments.get(request.payment_id) if request.payment_id else None
    if payment is None or payment.finished:
        return
    if not payments.stopped(deps, payment, quiet=False):
        raise payments.ProviderError(wording.PAYMENT_BEING_TAKEN)  # the queue brings the effect back


def settle(deps, request):
    """The refund the cancellation owes, made part by part once and settled
    on the request: the refund entry, or None when none is owed (or settled already)."""
    owed = request.refund or {}
    if owed.get("status") != "due" or request.due != "refund":
        return None
    (part,) = refund_parts(deps, [owed["part"]], f"container request {request.id}", "cancelled",
                           "container_refund.made")
    done = {**owed, "status": DONE, "part": part, "made": part["amount"], "refund_id": part.get("refund_id"),
            "at": stamp(deps.clock())}
    deps.containers.refund_done(request.id, done)
    return done


def refunds_due(deps):
    """The 5-minute job's backstop: cancellations still owing their refund
    BACKSTOP_AFTER they were made (the effect gave up, or never ran). Returns how many were settled."""
    count = 0
    for request in deps.containers.refunds_due(deps.clock()):
        try:
            count += settle(deps, request) is not None
        except (payments.ProviderError, payments.ServiceUnavailable):
            continue  # the next run tries again
    return count
