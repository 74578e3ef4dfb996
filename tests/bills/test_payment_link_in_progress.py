"""A payment link says what is true of it: in progress (with when its payment
started) while the card page is open or left, given back when that payment
expires at the provider, paid once paid. And an officer is stopped before
sending a second link for a fund and reference while one is live or in
progress, unless they confirm."""
import uuid
from datetime import timedelta

from chalicelib.stamps import parse
from support.bills_support import pay_bill, paid_through
from support.pay_support import pay  # noqa: F401 (a fixture)
from support.racing import at_once

INVOICE = {"fund": "sundry-invoice", "reference": "200345672", "amount": 7_250}


def make(client, officer, body):
    return client.post("/v1/staff/pay/links", body, {**officer.auth, "Idempotency-Key": str(uuid.uuid4())})


def made(client, officer, body=INVOICE):
    answer = make(client, officer, body)
    assert answer.status_code == 201, answer.body
    return answer.json_body


def test_a_link_whose_payment_has_started_says_it_is_in_progress_and_since_when(client, people, pay):
    link = made(client, people("staff"))
    started = pay_bill(client, {"link": link["id"]}).json_body  # "Continue to payment": the card page opens
    for answer in (client.get(f"/v1/pay/links/{link['id']}"), pay_bill(client, {"link": link["id"]})):
        assert answer.status_code == 409, answer.body
        error = answer.json_body["error"]
        assert error["code"] == "link_in_progress"
        assert error["message"].startswith("A payment with this link is in progress: it started at ")
        assert "used or has expired" not in error["message"]
        assert abs(parse(answer.json_body["started_at"]) - parse(started["created_at"])) <= timedelta(seconds=2)
    paid_through(client, started)
    gone = client.get(f"/v1/pay/links/{link['id']}")
    assert gone.status_code == 404 and "the payment was made at" in gone.json_body["error"]["message"]
    assert len(pay.payments) == 1


def test_a_link_whose_payment_expires_at_the_provider_is_given_back(client, people, pay, deps):
    import time_machine
    from chalicelib.handlers.payments.reconcile import reconcile
    link = made(client, people("staff"))
    pay_bill(client, {"link": link["id"]})  # the card page left open, never filled in
    with time_machine.travel(deps.clock() + timedelta(minutes=91), tick=True):
        assert reconcile(deps)["settled"] == 1  # the provider says: failed, P0020 (expired)
        again = client.get(f"/v1/pay/links/{link['id']}")
        assert again.status_code == 200 and again.json_body["state"] == "live"
        assert pay_bill(client, {"link": link["id"]}).status_code == 201
    assert len(pay.payments) == 2


def test_a_second_link_for_one_reference_is_refused_while_one_is_live_or_in_progress_unless_confirmed(
        client, people, pay):
    officer = people("staff")
    first = made(client, officer)
    refused = make(client, officer, {**INVOICE, "amount": 5_000})
    assert refused.status_code == 409 and refused.json_body["error"]["code"] == "link_exists"
    assert [(l["id"], l["state"]) for l in refused.json_body["links"]] == [(first["id"], "live")]
    assert "paid twice" in refused.json_body["error"]["message"]
    second = made(client, officer, {**INVOICE, "confirm": True})  # the officer confirms
    pay_bill(client, {"link": second["id"]})
    again = make(client, officer, INVOICE)
    assert again.status_code == 409
    assert sorted((l["id"], l["state"]) for l in again.json_body["links"]) == \
        sorted([(first["id"], "live"), (second["id"], "in_progress")])
    assert "a payment with it is in progress, started at" in again.json_body["error"]["message"]
    assert made(client, officer, {**INVOICE, "reference": "200345680"})["state"] == "live"  # another reference


def test_two_officers_making_the_first_link_for_one_reference_at_once_make_one(client, people):
    officers = [people("staff") for _ in range(2)]
    answers = at_once(lambda officer: make(client, officer, INVOICE), officers)
    assert sorted(a.status_code for a in answers) == [201, 409], [a.body for a in answers]
