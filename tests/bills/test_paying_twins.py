"""A payment through a staff link sent twice at once with one
Idempotency-Key (Continue to payment pressed twice on a slow line) is one
payment: the link its twin took is this payment's, not a payment in progress
(issue 78). Both orders forced (support/twins.py)."""
import uuid

import pytest

from support import twins
from support.bills_support import pay_bill
from support.pay_support import pay  # noqa: F401 (a fixture)
from support.racing import at_once

INVOICE = {"fund": "sundry-invoice", "reference": "200345672", "amount": 7_250}


@pytest.mark.parametrize("order", twins.ORDERS)
def test_a_payment_through_a_link_sent_twice_at_once_with_one_key_is_one_payment(client, people, pay, monkeypatch,
                                                                                  order):
    from chalicelib.storage.revenues.bills import BillStore
    officer = people("staff")
    link = client.post("/v1/staff/pay/links", INVOICE, {**officer.auth, "Idempotency-Key": str(uuid.uuid4())})
    assert link.status_code == 201, link.body
    body, headers = {"link": link.json_body["id"]}, {"Idempotency-Key": str(uuid.uuid4())}
    twins.hold_to(monkeypatch, order, check=(BillStore, "link"), write=(BillStore, "create"))
    raced = at_once(lambda _: pay_bill(client, body, headers), range(2))
    again = pay_bill(client, body, headers)
    assert [r.status_code for r in raced] == [201, 201], [r.json_body for r in raced]
    assert sorted(r.headers.get("Idempotent-Replayed", "") for r in raced) == ["", "true"]
    assert [r.json_body["id"] for r in raced] == [again.json_body["id"]] * 2 and len(pay.payments) == 1
