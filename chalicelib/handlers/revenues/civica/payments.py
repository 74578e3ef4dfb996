"""Civica's payment postings: money taken by card posted to an account.

Stockport's adapter reads accounts and never posts, so these calls are ours,
in Civica's style, to be confirmed against a council's Civica documentation
(docs/decisions/, "Paying any bill"): on a service session (crmlogin, no
person: the payer may be anyone), a form POST of `docid=ctxpay` carrying the
account (`actref`), the module (`module`: C council tax, N business rates),
the amount in pounds as Civica writes money (`amount=123.45`), the day paid
(`paydate=24-Nov-2026`), how (`method=CARD`, `cardtype`) and our posting key
(`payref`, the payment's id) the back office keeps one posting per; a refund
is `docid=ctxrev` with the refund's own key and the payment's (`origref`).
The answer:

    <PaymentPosting><ErrorCode Description="Payment Posted">0</ErrorCode>
      <PostingReference>CP0000123</PostingReference></PaymentPosting>

A resend with the same key answers the same reference ("Payment Already
Posted"); a reference Civica does not hold goes to its suspense account
("Payment Posted To Suspense"), as cash-receipting systems do. Only this
module and doorstep_cli/local/civica_payments.py know these names."""
from . import answers as xml
from .requests import civica_date
from ..port import BackOfficeError

POSTED = {"Payment Posted", "Payment Already Posted", "Payment Posted To Suspense",
          "Reversal Posted", "Reversal Already Posted"}


def post(civica, posting):
    """The back office's reference for `posting` ({kind: payment or reversal,
    account_ref, module, amount (pence), paid_on (ISO), key, original_key,
    card_brand}); raises BackOfficeError."""
    sid = civica.login()
    form = {"actref": posting["account_ref"], "module": posting["module"],
            "amount": f"{posting['amount'] // 100}.{posting['amount'] % 100:02d}",
            "paydate": civica_date(posting["paid_on"]), "method": "CARD", "cardtype": posting.get("card_brand") or "",
            "payref": posting["key"]}
    docid = "ctxpay"
    if posting["kind"] == "reversal":
        docid, form["origref"] = "ctxrev", posting["original_key"]
    node = xml.expect(civica.answer([("sessionId", sid), ("docid", docid)], form), "PaymentPosting")
    code, description = xml.error_code(node)
    reference = (node.findtext("PostingReference") or "").strip()
    if description not in POSTED or not reference:
        raise BackOfficeError("refused", description or "posting not taken", code)
    return reference
