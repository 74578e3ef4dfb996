"""Payments' purpose hook for bills (payments/hooks.py), told from the
payment's `payment_finished` event (the payments.settle effect): the bill
notes how its payment finished (My Account's list reads it from the bill),
and a payment that succeeded gets its receipt, queued in the outbox under
the payment's own id so a second telling sends nothing more."""
from . import wording
from .funds import fund as find_fund
from .inputs import pounds
from .paying import bill_id_of
from .references import in_sentence

SERVICE = "bills"  # the service a bill paid by reference counts in (feedback/services.py)


def on_payment(deps, payment):
    bill = deps.bills.get(bill_id_of(payment.subject_id))
    if bill is None:
        return
    deps.bills.set_status(bill["id"], payment.status)
    if payment.status != "success" and bill.get("link"):
        deps.bills.release_link(bill["link"], bill["link_used_at"])  # the payer may try the link again
    elif bill.get("link"):  # no longer in progress: paid
        from ...stamps import stamp
        deps.bills.paid_link(bill["link"], bill["link_used_at"], stamp(payment.updated_at or deps.clock()))
    if payment.status != "success":
        return
    from ..feedback.counting import finished, link
    # A bill paid: counted once for the council's figures (feedback/), and its receipt asks how it went.
    asked = finished(deps, SERVICE, payment.id, "online", payment.created_at)
    if bill.get("email"):
        _receipt(deps, bill, payment, link(deps, asked))


def page(deps, payment):
    return f"/pay?paid={bill_id_of(payment.subject_id)}"


def _receipt(deps, bill, payment, feedback):
    from ...notify.email import queue_email
    chosen = find_fund(bill["fund"])
    name, label = (chosen.name, chosen.label) if chosen else (bill["fund"], "Reference")
    now = deps.clock()
    subject = wording.RECEIPT_SUBJECT.format(amount=pounds(bill["amount"]), fund=name)
    body = wording.RECEIPT_BODY.format(fund=name, label=label, reference=bill["reference"],
                                       amount=pounds(bill["amount"]), payment=bill.get("payment_reference") or payment.id,
                                       date=f"{now:%d %B %Y}", feedback=feedback)
    queue_email(bill["email"], subject, body, now, f"receipt:bill:{payment.id}")
