"""A form's fee, paid through the payments core before the form is sent.

Check your answers, then "pay": the submission names its payment first (in
progress -> paying, one conditional write), then the payment is made with
the provider for the submission's reference, with the form and reference in
its metadata. While it is live, "pay" again answers the same payment: one
charge however often it is pressed. Answers cannot change while paying.

The form is sent only when the provider says the payment succeeded: the
payments core checks it (on return, by webhook, by its reconciliation job,
and here when the resident's page asks how it stands) and writes its
`payment_finished` event with the state; that event's effect tells this
module (`on_payment`, payments' purpose hook), which sends the submission
with its own `form_submitted` event in one transaction conditional on it
still paying for that payment: however many tell it at once, one is sent
and one case opened. A payment that failed or was cancelled puts the form
back in progress, to pay again."""
import logging

from ...errors import Conflict, ServiceUnavailable
from ..payments import core as payments
from ..payments.in_full import refund_in_full
from ..payments.provider import ProviderError
from . import wording

log = logging.getLogger(__name__)
PURPOSE = "form_fee"


def pay(deps, submission_id, body, token, again=True):
    """POST .../pay: (the submission with its payment's next_url, made now)."""
    from ...storage.errors import EditConflict
    from .completing import opened
    from .sending import follow_email, ready
    submission, definition = opened(deps, submission_id, token)
    fee = definition.get("fee")
    if not fee or submission.preview:
        raise Conflict(wording.NO_FEE, code="form_has_no_fee")
    if submission.state == "paying":
        submission, payment = settled(deps, submission)
        if submission.state == "paying":
            return _under_way(deps, submission, definition, fee, payment), False
    if submission.state == "submitted":
        return paying_view(deps, submission, definition), False
    ready(definition, submission, body)
    expected = submission.seq
    submission.state, submission.payment_id, submission.payment_status = "paying", deps.new_opaque_id(), None
    submission.follow_email, submission.updated_at = follow_email(deps, submission), deps.clock()
    try:
        deps.form_submissions.save(submission, expected)
    except EditConflict:
        if not again:
            raise Conflict(wording.PAYMENT_STARTING, code="payment_starting") from None
        return pay(deps, submission_id, body, token, again=False)  # a twin named its payment first: that one
    return _made(deps, submission, definition, fee), True


def _under_way(deps, submission, definition, fee, payment):
    if payment is None:  # named, but the request making it stopped first: made now, under that id
        return _made(deps, submission, definition, fee)
    if payment.finished or not payment.next_url:
        raise Conflict(wording.PAYMENT_STARTING, code="payment_starting")  # a twin is making it, or settling it
    return paying_view(deps, submission, definition, payment)


def _made(deps, submission, definition, fee):
    from ...storage.errors import AlreadyExists
    from .cases import contact_of
    try:
        payment = payments.start(
            deps, purpose=PURPOSE, subject_id=submission.id, amount=fee["amount_pence"], reference=submission.id,
            description=fee["description"], user_id=submission.user_id,
            email=contact_of(definition, submission.answers).get("email"), payment_id=submission.payment_id,
            metadata={"form": submission.form_id, "form_reference": submission.id, "fund": fee["fund"]})
    except AlreadyExists:
        raise Conflict(wording.PAYMENT_STARTING, code="payment_starting") from None
    except payments.PaymentsUnavailable:
        reopen(deps, submission.id, submission.payment_id, "error")  # nothing was taken: pay again later
        raise
    return paying_view(deps, submission, definition, payment)


def paying_view(deps, submission, definition, payment=None):
    from .completing import view
    out = view(deps, submission, definition)
    if payment is not None:
        out["payment"] = {"id": payment.id, "status": payment.status, "amount": payment.amount,
                          "next_url": None if payment.finished else payment.next_url}
    return out


def settled(deps, submission):
    """A paying submission once its payment has been checked with the
    provider (a success sends it, a failure reopens it, both from the
    payment's event): (the submission as now stored, its payment)."""
    payment = deps.payments.get(submission.payment_id) if submission.payment_id else None
    if payment is None:
        return submission, None
    try:
        payment = payments.check(deps, payment)
        if not payment.finished:
            return submission, payment  # nothing has moved
        if payment.settled_status != payment.status:
            payments.settle(deps, payment)  # its effect has not told us yet (failed, or still to run): told now
    except (ProviderError, ServiceUnavailable) as e:
        log.warning("form %s: payment %s not checked: %s", submission.id, payment.id, e)
        return submission, payment
    return deps.form_submissions.get(submission.id), payment


def read(deps, submission_id, token):
    """GET a submission: one paying for its fee is checked with the provider
    first (the paid page asks this until it is sent or back in progress)."""
    from .completing import opened, view
    submission, _ = opened(deps, submission_id, token)
    if submission.state == "paying":
        submission, _ = settled(deps, submission)
    return view(deps, submission)


def on_payment(deps, payment):
    """Payments' hook: the payment finished. Told again (a return, webhooks,
    the job), it changes nothing: only a submission still paying for this
    very payment moves."""
    from .sending import send
    submission = deps.form_submissions.get(payment.subject_id)
    if submission is None or submission.payment_id != payment.id:
        if payment.status == "success":
            # Cannot happen while one payment is live at a time; were it to, the money goes back.
            log.error("payment %s succeeded for form %s, which does not wait for it: refunded", payment.id,
                      payment.subject_id)
            refund_in_full(deps, payment.id, by=f"form {payment.subject_id}")
        return
    if submission.state != "paying":
        return
    if payment.status != "success":
        reopen(deps, submission.id, payment.id, payment.status)
        return
    definition = deps.forms.definition(submission.form_id, submission.form_version)
    fee = definition.get("fee") or {}
    send(deps, submission, definition, was="paying",
         paid={"amount": payment.amount, "description": payment.description, "fund": fee.get("fund"),
               "payment_id": payment.id})


def reopen(deps, submission_id, payment_id, status):
    """Back in progress after `payment_id` ended unpaid, if it is still the one the submission waits for."""
    from ..payments.unpaid import back_from_paying
    back_from_paying(deps.form_submissions, submission_id, payment_id, status, "in_progress", deps.clock(),
                     wording.CHANGED_AS_PAYMENT_ENDED)


def page(deps, payment):
    """Where the payer lands: the form's paid page, which asks how it stands."""
    submission = deps.form_submissions.get(payment.subject_id)
    if submission is None:
        return "/forms"
    return f"/forms/{submission.form_id}/{submission.id}?step=paid"


def ledger(deps, payment):
    """Where bills' one posting effect posts a fee and reverses its refunds (fee_posting.py)."""
    from .fee_posting import fund_and_reference
    return fund_and_reference(deps, payment)
