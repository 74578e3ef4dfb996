"""A resident whose council tax account is linked is offered its balance and
next instalment, amounts filled in; nobody else learns anything of it."""
from datetime import timedelta

from support.bills_support import paid_through, pay_bill
from support.pay_support import pay  # noqa: F401
from support.revenues_support import ARREARS, BILLS, DEV, civica, council_morning, linked  # noqa: F401


def test_a_linked_account_offers_the_balance_and_the_next_instalment_with_their_amounts(
        client, people, civica, council_morning, pay):
    dev = people()
    linked(client, dev, BILLS[DEV])
    own = client.post("/v1/pay/check", {"fund": "council-tax", "reference": ARREARS}, dev.auth).json_body
    assert [(o["kind"], o["amount"], o.get("due")) for o in own["offers"]] == \
        [("balance", 48_034, None), ("next_instalment", 22_321, "2026-12-01")]
    someone_else = client.post("/v1/pay/check", {"fund": "council-tax", "reference": ARREARS},
                               people().auth).json_body
    anonymous = client.post("/v1/pay/check", {"fund": "council-tax", "reference": ARREARS}).json_body
    assert someone_else == anonymous and anonymous["offers"] == []
    paid = pay_bill(client, {"fund": "council-tax", "reference": ARREARS, "amount": own["offers"][1]["amount"]},
                    dev.auth)
    assert paid.status_code == 201 and paid.json_body["amount"] == 22_321


TUESDAY = "2026-11-24"  # MORNING's day, when the instalment is paid


def test_straight_after_paying_the_next_instalment_it_is_offered_as_paid_not_again(
        client, people, civica, council_morning, pay):
    dev = people()
    linked(client, dev, BILLS[DEV])
    check = {"fund": "council-tax", "reference": ARREARS}
    before = client.post("/v1/pay/check", check, dev.auth).json_body  # the council's copy, kept five minutes
    made = pay_bill(client, {**check, "amount": before["offers"][1]["amount"]}, dev.auth).json_body
    assert paid_through(client, made)["status"] == "success"
    after = client.post("/v1/pay/check", check, dev.auth).json_body
    assert [(o["kind"], o["amount"], o.get("paid_on")) for o in after["offers"]] == \
        [("balance", 48_034 - 22_321, None), ("next_instalment", 22_321, TUESDAY)]
    assert after["offers"][1]["label"].startswith(f"Next instalment paid on {TUESDAY}")



def offered(client, person, check):
    return [(o["kind"], o["amount"], o.get("due"), o.get("paid_on"))
            for o in client.post("/v1/pay/check", check, person.auth).json_body["offers"]]


def test_a_copy_read_again_before_the_posting_reaches_the_back_office_still_shows_the_instalment_paid(
        client, people, civica, council_morning, pay, deps):
    from support.effects_support import run_stream
    dev = people()
    linked(client, dev, BILLS[DEV])
    check = {"fund": "council-tax", "reference": ARREARS}
    civica.postings_closed = True  # the posting waits on the stream's queue, to be tried again
    made = pay_bill(client, {**check, "amount": 22_321}, dev.auth).json_body
    assert paid_through(client, made)["status"] == "success" and civica.payments.posted() == []
    council_morning.shift(timedelta(minutes=6))  # past the five minutes the copy is kept: read again
    read = len(civica.calls)
    assert offered(client, dev, check) == [("balance", 48_034 - 22_321, None, None),
                                           ("next_instalment", 22_321, "2026-12-01", TUESDAY)]
    assert "ctxtrn" in civica.calls[read:]  # a new copy, made after the payment, which does not show it
    civica.postings_closed = False
    assert run_stream(deps, "payment_finished") == [] and len(civica.payments.posted()) == 1
    council_morning.shift(timedelta(minutes=6))
    # The back office shows it now (December's instalment paid ahead): nothing taken off twice.
    assert offered(client, dev, check) == [("balance", 48_034 - 22_321, None, None),
                                           ("next_instalment", 22_321, "2027-01-01", None)]


def test_a_payment_made_for_the_account_by_someone_else_counts_until_the_back_office_shows_it(
        client, people, civica, council_morning, pay):
    dev = people()
    linked(client, dev, BILLS[DEV])
    check = {"fund": "council-tax", "reference": ARREARS}
    client.post("/v1/pay/check", check, dev.auth)  # the council's copy, read before the payment
    civica.postings_closed = True
    made = pay_bill(client, {**check, "amount": 10_000}).json_body  # a relative pays, not signed in
    assert paid_through(client, made)["status"] == "success"
    assert offered(client, dev, check) == [("balance", 48_034 - 10_000, None, None),
                                           ("next_instalment", 22_321, "2026-12-01", None)]
