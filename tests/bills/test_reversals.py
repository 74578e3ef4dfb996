"""A bill refunded by finance (the staff payments screens) is posted back to
its fund's back office as a reversal, once, from the refund's own event."""
from support.bills_support import bill_office, pay_bill  # noqa: F401
from support.pay_support import SUCCESS, pay, pay_with  # noqa: F401
from support.revenues_support import ARREARS, civica, council_morning  # noqa: F401


def paid(client, body):
    made = pay_bill(client, body).json_body
    back = pay_with(made["payment"]["next_url"], SUCCESS)
    client.get(back[back.index("/v1/"):])
    return made


def refund(client, officer, payment_id, amount, seen):
    return client.post(f"/v1/staff/payments/{payment_id}/refunds",
                       {"amount": amount, "refund_amount_available": seen, "reason": "Paid twice"}, officer.auth)


def test_a_part_refund_of_an_invoice_is_posted_to_finance_as_a_reversal_once(client, deps, people, pay, bill_office):
    made = paid(client, {"fund": "sundry-invoice", "reference": "200345672", "amount": 10_000})
    officer = people("staff")
    assert refund(client, officer, made["payment"]["id"], 2500, 10_000).status_code == 201
    assert refund(client, officer, made["payment"]["id"], 2500, 10_000).status_code == 409  # pressed again
    reversals = [p for p in bill_office.posted("finance") if p["kind"] == "reversal"]
    assert [(r["amount"], r["original_id"], r["reference"]) for r in reversals] == \
        [(2500, made["payment"]["id"], "200345672")]
    assert len([c for c in bill_office.calls if c["kind"] == "reversal"]) == 1


def test_a_council_tax_refund_is_reversed_in_civica_against_its_payment(client, deps, people, pay, civica,
                                                                       council_morning):
    made = paid(client, {"fund": "council-tax", "reference": ARREARS, "amount": 22_321})
    assert refund(client, people("staff"), made["payment"]["id"], 22_321, 22_321).status_code == 201
    (reversal,) = civica.payments.posted("ctxrev")
    assert reversal["form"]["origref"] == made["payment"]["id"] and reversal["form"]["amount"] == "223.21"
