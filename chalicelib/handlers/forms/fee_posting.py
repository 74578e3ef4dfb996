"""Where a form's fee is posted to finance: the fund its form names. Bills'
one posting effect (bills/posting.py) asks this through the payment's
purpose (`fees.ledger`), so a fee is posted, and its refund reversed, as a
bill's payment is: once, from the payment's own events, under the payment's
(or the refund's) id, to where the fee's `posting` says (a signed webhook to
the council's finance system), and listed in finance's day with the rest."""
from types import SimpleNamespace


def fund_and_reference(deps, payment):
    """(fund, reference) for bills' posting: the fee's fund code and the payment's own reference."""
    from ..bills.posting import PostingFailed
    fee = _fee(deps, payment)
    if not fee.get("posting") or not fee.get("fund_code"):
        raise PostingFailed(f"form fee {payment.id}: its form names no finance posting")
    return SimpleNamespace(id=fee["fund"], fund_code=fee["fund_code"], posting=fee["posting"]), payment.reference


def _fee(deps, payment):
    """The fee of the form version the payment paid for."""
    submission = deps.form_submissions.get(payment.subject_id)
    if submission is None:
        return {}
    return deps.forms.definition(submission.form_id, submission.form_version).get("fee") or {}
