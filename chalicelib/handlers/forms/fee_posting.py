"""A form's fee posted to finance as a bill's payment is (bills/posting.py),
once, from the payment's own events: `payment_finished` (a success) posts
the payment, `payment_refunded` posts its reversal. The posting names the
fee's `fund_code` and the form's FM- reference and goes where the fee's
`posting` says (a signed webhook to the council's finance system, as the
bills' funds do); the day's posting row is the bills table's, so finance's
reconciliation lists it with the rest. Run again after a crash it posts under
the same key (the payment's id, the refund's id), which the back office keeps
one posting per."""
from types import SimpleNamespace

from ...stamps import london_today, stamp
from .fees import PURPOSE


def on_finished(deps, event, key):
    payment = deps.payments.get((event.payload or {}).get("payment_id"))
    if payment is None or payment.purpose != PURPOSE or payment.status != "success":
        return
    at = payment.created_at or deps.clock()  # stable: a run again posts under the same day
    _post(deps, payment, f"posted#{payment.id}", at, kind="payment", posting_id=payment.id, amount=payment.amount)


def on_refunded(deps, event, key):
    payload = event.payload or {}
    payment = deps.payments.get(payload.get("payment_id"))
    if payment is None or payment.purpose != PURPOSE:
        return
    _post(deps, payment, f"reversed#{payload['refund_id']}", event.created_at or deps.clock(), kind="reversal",
          posting_id=payload["refund_id"], original_id=payment.id, amount=int(payload.get("amount") or 0))


def _post(deps, payment, entry, at, **posting):
    from ..bills.posting import PostingFailed, send
    fee = _fee(deps, payment)
    if not fee.get("posting") or not fee.get("fund_code"):
        raise PostingFailed(f"form fee {payment.id}: its form names no finance posting")
    day = london_today(at).isoformat()
    row = {**posting, "payment_id": payment.id, "fund": fee["fund"], "fund_code": fee["fund_code"],
           "reference": payment.reference, "paid_on": day, "paid_at": stamp(at), "card_brand": payment.card_brand}
    receipt = send(deps, SimpleNamespace(posting=fee["posting"]), row)
    deps.bills.add_posting(day, entry, {**row, "receipt": receipt, "posted_at": stamp(deps.clock())})


def _fee(deps, payment):
    """The fee of the form version the payment paid for."""
    submission = deps.form_submissions.get(payment.subject_id)
    if submission is None:
        return {}
    return deps.forms.definition(submission.form_id, submission.form_version).get("fee") or {}
