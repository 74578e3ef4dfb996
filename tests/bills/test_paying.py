"""Paying a bill by its reference, signed in or not: the rule checked before
the card page, a PCN's amount from its issuer (over HTTP, its own clock), the
payment made through the payments core with the fund in its metadata, a
receipt, and the bill in My Account."""
from support.bills_support import (PCN_10_DAYS, PCN_14_DAYS, PCN_15_DAYS, PCN_20_DAYS, PCN_PAID,  # noqa: F401
                                   PCN_UNKNOWN, bill_office, paid_through, pay_bill)
from support.pay_support import pay  # noqa: F401


def test_anyone_sees_the_funds_with_each_references_rule(client):
    answer = client.get("/v1/pay/funds")
    assert answer.status_code == 200
    council_tax = next(f for f in answer.json_body["funds"] if f["id"] == "council-tax")
    assert council_tax["reference_rule"] == "A council tax account number has 9 digits and starts with 5"
    assert council_tax["amount_fixed"] is False and council_tax["least"] == 100


def test_a_mistyped_council_tax_reference_is_refused_before_any_payment_is_made(client, pay):
    for typed in ("400123454", "5001234"):
        answer = pay_bill(client, {"fund": "council-tax", "reference": typed, "amount": 5000})
        assert answer.status_code == 422, answer.body
        assert answer.json_body["error"] == {
            "code": "reference_invalid", "message": "A council tax account number has 9 digits and starts with 5.",
            "fields": [{"field": "reference",
                        "message": "A council tax account number has 9 digits and starts with 5."}]}
    swapped = client.post("/v1/pay/check", {"fund": "council-tax", "reference": "501023454"})
    assert swapped.status_code == 422 and "two are swapped" in swapped.json_body["error"]["message"]
    assert pay.payments == {}


def test_a_pcn_is_due_at_half_within_fourteen_days_of_issue_and_in_full_after(client, bill_office):
    ten = client.post("/v1/pay/check", {"fund": "parking-pcn", "reference": "cq 1234 5679"}).json_body
    twenty = client.post("/v1/pay/check", {"fund": "parking-pcn", "reference": PCN_20_DAYS}).json_body
    assert (ten["reference"], ten["amount_fixed"], ten["amount_due"], ten["discount_ends"]) == \
        (PCN_10_DAYS, True, 3500, "2026-11-28")
    assert (twenty["amount_due"], twenty["discount_ends"]) == (7000, None)


def test_a_pcn_is_still_at_half_on_the_fourteenth_day_and_in_full_on_the_fifteenth(client, bill_office):
    last = client.post("/v1/pay/check", {"fund": "parking-pcn", "reference": PCN_14_DAYS}).json_body
    after = client.post("/v1/pay/check", {"fund": "parking-pcn", "reference": PCN_15_DAYS}).json_body
    assert (last["amount_due"], last["discount_ends"]) == (5500, "2026-11-24")  # today, London time
    assert (after["amount_due"], after["discount_ends"]) == (11000, None)


def test_a_pcn_its_issuer_does_not_hold_or_has_closed_is_refused(client, bill_office):
    unknown = client.post("/v1/pay/check", {"fund": "parking-pcn", "reference": PCN_UNKNOWN})
    paid = client.post("/v1/pay/check", {"fund": "parking-pcn", "reference": PCN_PAID})
    assert (unknown.status_code, unknown.json_body["error"]["code"]) == (422, "bill_not_found")
    assert (paid.status_code, paid.json_body["error"]["code"]) == (422, "bill_not_payable")
    bill_office.down = True
    down = client.post("/v1/pay/check", {"fund": "parking-pcn", "reference": PCN_10_DAYS})
    assert (down.status_code, down.json_body["error"]["code"]) == (503, "issuer_unavailable")


def test_a_pcn_pays_the_amount_its_issuer_says_is_due_whatever_is_typed(client, bill_office, pay):
    answer = pay_bill(client, {"fund": "parking-pcn", "reference": PCN_10_DAYS, "amount": 1})
    assert answer.status_code == 201, answer.body
    made = answer.json_body
    assert made["amount"] == 3500
    at_provider = next(iter(pay.payments.values()))
    assert at_provider["amount"] == 3500 and at_provider["reference"] == PCN_10_DAYS
    assert at_provider["metadata"]["fund"] == "parking-pcn" and at_provider["metadata"]["fund_code"] == "PCN"
    assert len(at_provider["metadata"]) <= 10
    assert at_provider["description"] == \
        f"Parking penalty charge notice (PCN): PCN number CQ12345679, payment {made['payment_reference']}"


def test_an_anonymous_payer_learns_nothing_of_whose_account_a_reference_is(client, pay):
    from support.revenues_support import JOINT
    from chalicelib.handlers.bills.schemes import complete
    never_issued = complete("mod11", "59999999")
    one = client.post("/v1/pay/check", {"fund": "council-tax", "reference": JOINT}).json_body
    other = client.post("/v1/pay/check", {"fund": "council-tax", "reference": never_issued}).json_body
    assert {**one, "reference": None} == {**other, "reference": None}
    assert one["offers"] == [] and one["amount_due"] is None


def test_an_amount_outside_the_funds_limits_is_refused_in_pounds(client, pay):
    answer = pay_bill(client, {"fund": "fixed-penalty", "reference": "FP004217", "amount": 4999})
    assert answer.status_code == 422 and answer.json_body["error"]["code"] == "amount_outside_limits"
    assert answer.json_body["error"]["fields"] == [{"field": "amount",
                                                    "message": "Enter an amount from £50.00 to £1,000.00."}]


def test_the_same_idempotency_key_makes_one_payment(client, pay):
    body, key = {"fund": "sundry-invoice", "reference": "200345672", "amount": 12345}, {"Idempotency-Key": "k" * 20}
    first, again = (client.post("/v1/pay/payments", body, key) for _ in range(2))
    assert first.status_code == again.status_code == 201
    assert first.json_body["id"] == again.json_body["id"] and len(pay.payments) == 1
    other = client.post("/v1/pay/payments", {**body, "amount": 999}, key)
    assert other.status_code == 422 and other.json_body["error"]["code"] == "idempotency_key_reused"


def test_a_signed_in_resident_is_sent_a_receipt_and_sees_the_bill_in_my_account(client, people, pay):
    from support.questionnaire_support import mails_to
    resident = people()
    made = pay_bill(client, {"fund": "business-rates", "reference": "100123457", "amount": 25000},
                    resident.auth).json_body
    shown = paid_through(client, made)
    assert shown["payment"]["status"] == "success" and shown["status"] == "success"
    mine = client.get("/v1/me/bills", resident.auth).json_body["bills"]
    assert [(b["id"], b["status"], b["amount_text"]) for b in mine] == [(made["id"], "success", "£250.00")]
    receipts = [m for m in mails_to(resident.user.email) if "Business rates" in m.subject]
    assert len(receipts) == 1 and "100123457" in receipts[0].body and "£250.00" in receipts[0].body
    assert client.get("/v1/me/bills", people().auth).json_body["bills"] == []


def test_my_bills_are_in_my_export_and_leave_my_account_with_it(client, people, pay):
    resident = people()
    made = pay_bill(client, {"fund": "sundry-invoice", "reference": "200345672", "amount": 1_000},
                    resident.auth).json_body
    exported = client.get("/v1/me/export", resident.auth).json_body
    assert [b["id"] for b in exported["bills"]] == [made["id"]]
    assert client.raw.http.delete("/v1/me", headers=resident.auth).status_code in (200, 204)
    from chalicelib.storage.revenues.bills import BillStore
    kept = BillStore().get(made["id"])
    assert kept["user_id"] is None and kept["email"] is None and kept["amount"] == 1_000
    assert BillStore().of_user(resident.user.id) == []
