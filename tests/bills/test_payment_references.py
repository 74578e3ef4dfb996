"""The payer's own reference for a payment: short, in letters and digits
nobody mishears, on "Payment received", in the receipt and in My Account,
never the provider's long id; no two payments share one."""
import re

from support.bills_support import paid_through, pay_bill
from support.pay_support import pay  # noqa: F401

SPOKEN = re.compile(r"PY-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{8}")


def test_a_payer_reads_one_short_payment_reference_on_the_return_the_receipt_and_my_account(client, people, pay):
    from support.questionnaire_support import mails_to
    resident = people()
    made = pay_bill(client, {"fund": "business-rates", "reference": "100123457", "amount": 25_000},
                    resident.auth).json_body
    number, provider_id = made["payment_reference"], made["payment"]["id"]
    assert SPOKEN.fullmatch(number), number
    assert paid_through(client, made)["payment_reference"] == number  # what "Payment received" shows
    (receipt,) = [m for m in mails_to(resident.user.email) if "Business rates" in m.subject]
    assert f"Payment reference: {number}" in receipt.body and provider_id not in receipt.body
    mine = client.get("/v1/me/bills", resident.auth).json_body["bills"]
    assert [b["payment_reference"] for b in mine] == [number]
    (at_provider,) = pay.payments.values()
    assert at_provider["metadata"]["payment_reference"] == number  # finance finds it at the provider too
    assert at_provider["description"].endswith(f", payment {number}")  # the card page's, the ledger's


def test_a_payment_reference_another_payment_has_is_drawn_again(deps, pay):
    from chalicelib.handlers.bills import paying
    drawn = iter(["DS-AAAAAA", "DS-BBBBAA", "DS-AAAAAA", "DS-BBBBAA", "DS-CCCCCC", "DS-DDDDCC"])
    deps.new_report_id = lambda: next(drawn)
    first, _ = paying.create(deps, {"fund": "sundry-invoice", "reference": "200345672", "amount": 1_000}, None)
    second, _ = paying.create(deps, {"fund": "sundry-invoice", "reference": "200345672", "amount": 1_000}, None)
    assert (first["payment_reference"], second["payment_reference"]) == ("PY-AAAAAAAA", "PY-CCCCCCCC")
    assert deps.bills.get(second["id"])["payment_reference"] == "PY-CCCCCCCC"
    assert second["description"].endswith(", payment PY-CCCCCCCC")
