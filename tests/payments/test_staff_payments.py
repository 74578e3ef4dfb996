"""Council staff see the money: each day's payments and refunds with totals,
finance's CSV of them, one payment with its refunds (who, when, why), and a
refund by hand that a second press or a second officer cannot double."""
import csv
import io

from support.pay_support import SUCCESS, home_with_round, pay, pay_with  # noqa: F401


def paid_booking(client, deps, people):
    uprn, resident = home_with_round(deps), people()
    day = client.get(f"/v1/places/{uprn}/bulky/dates").json_body["dates"][0]["date"]
    made = client.post("/v1/waste/bulky/bookings", {"uprn": uprn, "date": day, "items": ["sofa", "fridge"]},
                       resident.auth).json_body
    back = pay_with(made["payment"]["next_url"], SUCCESS)
    assert client.get(back[back.index("/v1/"):]).status_code == 302  # the resident comes back
    return made, resident


def refund(client, officer, payment_id, amount, seen, reason="Collected only the sofa"):
    return client.post(f"/v1/staff/payments/{payment_id}/refunds",
                       {"amount": amount, "refund_amount_available": seen, "reason": reason}, officer.auth)


def test_staff_see_the_day_s_payments_and_refunds_with_totals_and_finance_gets_them_as_csv(client, deps, people,
                                                                                           pay):
    made, _ = paid_booking(client, deps, people)
    officer = people("staff")
    payment_id = made["payment"]["id"]
    assert refund(client, officer, payment_id, 2000, 3500).status_code == 201
    today = client.get("/v1/staff/payments", officer.auth).json_body
    assert [(e["kind"], e["amount"], e["reference"]) for e in today["entries"]] == [
        ("payment", 3500, made["id"]), ("refund", -2000, made["id"])]
    assert today["totals"] == {"payments": 3500, "refunds": 2000, "net": 1500, "count": 2}
    sheet = client.get(f"/v1/staff/payments.csv?date={today['date']}", officer.auth)
    assert sheet.headers["Content-Type"].startswith("text/csv")
    assert f'payments-{today["date"]}.csv' in sheet.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(sheet.body.decode())))
    assert [(r["kind"], r["amount_pence"], r["amount"], r["reason"]) for r in rows] == [
        ("payment", "3500", "35.00", ""), ("refund", "-2000", "-20.00", "Collected only the sofa")]
    assert client.get("/v1/staff/payments?date=2020-01-01", officer.auth).json_body["entries"] == []
    bad = client.get("/v1/staff/payments?date=yesterday", officer.auth)
    assert bad.status_code == 400 and bad.json_body["error"]["fields"][0]["field"] == "date"


def test_a_refund_by_hand_is_kept_with_who_and_why_and_a_second_press_refunds_nothing(client, deps, people, pay):
    made, _ = paid_booking(client, deps, people)
    officer = people("staff", email="officer@example.org")
    payment_id = made["payment"]["id"]
    seen = client.get(f"/v1/staff/payments/{payment_id}", officer.auth).json_body
    assert (seen["status"], seen["amount"], seen["refund_amount_available"]) == ("success", 3500, 3500)
    first = refund(client, officer, payment_id, 1500, 3500)
    again = refund(client, officer, payment_id, 1500, 3500)  # the same press, retried
    assert first.status_code == 201 and first.json_body["refund_amount_available"] == 2000
    assert again.status_code == 409 and again.json_body["error"]["code"] == "refund_amount_available_mismatch"
    [kept] = first.json_body["refunds"]
    assert (kept["amount"], kept["by"], kept["reason"]) == (1500, "officer@example.org", "Collected only the sofa")
    provider_id = deps.payments.get(payment_id).provider_id
    assert [r["amount"] for r in pay.payments[provider_id]["refunds"]] == [1500]


def test_a_refund_beyond_what_is_left_or_of_an_unpaid_payment_is_refused_clearly(client, deps, people, pay):
    made, _ = paid_booking(client, deps, people)
    officer = people("staff")
    payment_id = made["payment"]["id"]
    too_much = refund(client, officer, payment_id, 3501, 3500)
    assert too_much.status_code == 422 and too_much.json_body["error"]["code"] == "refund_too_large"
    for body, field in (({"amount": 12.5}, "amount"), ({"amount": "100"}, "amount"), ({"reason": ""}, "reason"),
                        ({"refund_amount_available": None}, "refund_amount_available")):
        answer = client.post(f"/v1/staff/payments/{payment_id}/refunds",
                             {"amount": 100, "refund_amount_available": 3500, "reason": "x", **body}, officer.auth)
        assert answer.status_code == 400 and field in [f["field"] for f in answer.json_body["error"]["fields"]]
    other = client.post("/v1/waste/bulky/bookings", {"uprn": made["uprn"], "date": made["date"], "items": ["sofa"]},
                        people().auth).json_body
    unpaid = refund(client, officer, other["payment"]["id"], 100, 0)
    assert unpaid.status_code == 422 and unpaid.json_body["error"]["code"] == "not_refundable"
    assert sum(len(p["refunds"]) for p in pay.payments.values()) == 0
