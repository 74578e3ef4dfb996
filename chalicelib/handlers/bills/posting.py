"""Each successful bill payment posted to its fund's back office, once; a
service fund's payments too (a container ordered, a hall hired: funds.py's
`services`, named by the payment's purpose, posted under the payment's own
reference), a form's fee (its purpose's `ledger`: forms/fee_posting.py), and
every refund of any of them as a reversal: one effect, whatever was paid for.

The effect `bills.post` of the payment's `payment_finished` event (routes.py;
shared/effects.py claims it once per event, whichever of the return, the
webhook and the reconciliation job wrote the event first, and runs it again
after a crash). A run again is harmless on both sides: the posting carries
the payment's id as its key, which the back office keeps one posting per
(Civica's `payref`; the webhook's `posting_id`), and the day's posting row is
a conditional put. So "posted" means posted once, whatever races.

Where: the fund's `posting.method`: `revenues` (council tax and business
rates through the Revenues port: revenues/civica/payments.py) or `webhook`
(a JSON POST signed with `Doorstep-Signature`, the hex HMAC-SHA256 of the
raw body with DOORSTEP_BILL_OFFICE_SECRET, as GOV.UK Pay signs its own).
A back office that cannot be reached raises: the effect is tried again."""
import hashlib
import hmac
import json

from ...stamps import london_today, stamp
from .funds import address, fund as find_fund, fund_of_payment, ledger_fund
from .limits import ISSUER_TIMEOUT_S, PURPOSE
from .paying import bill_id_of


class PostingFailed(Exception):
    """The back office did not take the posting (tried again by the effect)."""


def _fund_and_reference(deps, payment):
    """(fund, reference) a payment is posted under; None for a purpose no fund takes."""
    if payment.purpose != PURPOSE:
        from ..payments.hooks import purpose
        told = purpose(payment.purpose)
        if told is not None and hasattr(told, "ledger"):  # a purpose that names its own fund (a form's fee)
            return told.ledger(deps, payment)
        chosen = ledger_fund(fund_of_payment(payment.purpose, payment.subject_id))
        return (chosen, payment.reference) if chosen else None
    bill = deps.bills.get(bill_id_of(payment.subject_id))
    chosen = find_fund(bill["fund"]) if bill else None
    if chosen is None:
        raise PostingFailed(f"payment {payment.id}: no bill or fund to post it to")
    return chosen, bill["reference"]


def on_finished(deps, event, key):
    payment = deps.payments.get((event.payload or {}).get("payment_id"))
    found = _fund_and_reference(deps, payment) if payment is not None and payment.status == "success" else None
    if found is None:
        return
    chosen, reference = found
    at = payment.created_at or deps.clock()  # stable: a run again posts under the same day
    day = london_today(at).isoformat()
    posting = {"kind": "payment", "posting_id": payment.id, "payment_id": payment.id, "fund": chosen.id,
               "fund_code": chosen.fund_code, "reference": reference, "amount": payment.amount,
               "paid_on": day, "paid_at": stamp(at), "card_brand": payment.card_brand}
    receipt = send(deps, chosen, posting)
    deps.bills.add_posting(day, f"posted#{payment.id}", {**posting, "receipt": receipt,
                                                         "posted_at": stamp(deps.clock())})


def send(deps, chosen, posting):
    """The back office's receipt for `posting` (raises when not taken)."""
    if chosen.posting["method"] == "revenues":
        from ..revenues.backoffice import configured
        return configured(deps).post_payment({
            "kind": posting["kind"], "account_ref": posting["reference"], "module": chosen.posting.get("module", "C"),
            "amount": posting["amount"], "paid_on": posting["paid_on"], "key": posting["posting_id"],
            "original_key": posting.get("original_id"), "card_brand": posting.get("card_brand")})
    return _webhook(address(chosen.posting["url"]), posting)


def _webhook(url, posting):
    from urllib.error import HTTPError, URLError
    from urllib.request import Request, urlopen
    from .funds import office
    raw = json.dumps(posting, sort_keys=True).encode()
    mark = hmac.new((office().get("secret") or "").encode(), raw, hashlib.sha256).hexdigest()
    request = Request(url, data=raw, method="POST", headers={"Content-Type": "application/json",
                                                            "Doorstep-Signature": mark})
    try:
        with urlopen(request, timeout=ISSUER_TIMEOUT_S) as answer:
            return json.loads(answer.read(64 * 1024))["receipt"]
    except HTTPError as e:
        raise PostingFailed(f"the back office answered {e.code}") from None
    except (URLError, OSError, TimeoutError, ValueError, KeyError, TypeError) as e:
        raise PostingFailed(f"the back office could not be reached: {type(e).__name__}") from None


def on_refunded(deps, event, key):
    """The effect of `payment_refunded`: a bill's refund posted back to its
    fund's back office as a reversal, under the refund's own key, once."""
    payload = event.payload or {}
    payment = deps.payments.get(payload.get("payment_id"))
    found = _fund_and_reference(deps, payment) if payment is not None else None
    if found is None:
        return
    chosen, reference = found
    at = event.created_at or deps.clock()
    day = london_today(at).isoformat()
    posting = {"kind": "reversal", "posting_id": payload["refund_id"], "original_id": payment.id,
               "payment_id": payment.id, "fund": chosen.id, "fund_code": chosen.fund_code,
               "reference": reference, "amount": int(payload.get("amount") or 0), "paid_on": day,
               "paid_at": stamp(at), "card_brand": payment.card_brand}
    receipt = send(deps, chosen, posting)
    deps.bills.add_posting(day, f"reversed#{payload['refund_id']}", {**posting, "receipt": receipt,
                                                                     "posted_at": stamp(deps.clock())})
