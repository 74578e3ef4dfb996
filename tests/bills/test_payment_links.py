"""Payment links for staff: made with the fund, reference and amount, sent to
a payer who pays through it once; expired or used, it pays nothing."""
from datetime import timedelta

from support.bills_support import PCN_20_DAYS, bill_office, pay_bill  # noqa: F401
from support.effects_support import dies_after_commit  # noqa: F401
from support.pay_support import DECLINED, SUCCESS, pay, pay_with  # noqa: F401
from support.racing import at_once

RACERS = 5  # payers opening the one link at the same moment


def make_link(client, officer, body):
    answer = client.post("/v1/staff/pay/links", body, {**officer.auth, "Idempotency-Key": "link-key-0001"})
    assert answer.status_code == 201, answer.body
    return answer.json_body


def test_an_officers_link_prefills_the_pay_screen_and_pays_once(client, people, pay):
    officer = people("staff")
    link = make_link(client, officer, {"fund": "sundry-invoice", "reference": "2003 4567 2", "amount": 7_250})
    assert link["url"].endswith(f"/pay?link={link['id']}") and link["reference"] == "200345672"
    shown = client.get(f"/v1/pay/links/{link['id']}").json_body
    assert (shown["fund"], shown["reference"], shown["amount"], shown["used"]) == \
        ("sundry-invoice", "200345672", 7_250, False)
    made = pay_bill(client, {"link": link["id"]}).json_body
    assert (made["fund"], made["reference"], made["amount"]) == ("sundry-invoice", "200345672", 7_250)
    again = pay_bill(client, {"link": link["id"]})  # its payment under way: in progress, not used
    assert again.status_code == 409 and again.json_body["error"]["code"] == "link_in_progress"
    assert client.get(f"/v1/pay/links/{link['id']}").status_code == 409
    assert len(pay.payments) == 1


def test_payers_racing_through_one_link_make_one_payment(client, people, pay):
    link = make_link(client, people("staff"), {"fund": "sundry-invoice", "reference": "200345672", "amount": 7_250})
    answers = at_once(lambda n: pay_bill(client, {"link": link["id"]}), range(RACERS))
    made = [a for a in answers if a.status_code == 201]
    gone = [a for a in answers if a.status_code == 409 and a.json_body["error"]["code"] == "link_in_progress"]
    assert (len(made), len(gone)) == (1, RACERS - 1), [a.status_code for a in answers]
    assert len(pay.payments) == 1 and made[0].json_body["amount"] == 7_250


def test_a_declined_card_gives_the_link_back_for_another_try(client, people, pay):
    link = make_link(client, people("staff"), {"fund": "fixed-penalty", "reference": "FP004217", "amount": 10_000})
    first = pay_bill(client, {"link": link["id"]}).json_body
    back = pay_with(first["payment"]["next_url"], DECLINED)
    client.get(back[back.index("/v1/"):])
    assert client.get(f"/v1/pay/payments/{first['id']}").json_body["status"] == "failed"
    second = pay_bill(client, {"link": link["id"]})
    assert second.status_code == 201 and second.json_body["id"] != first["id"]


def test_a_link_past_its_expiry_pays_nothing(client, people, pay, deps):
    import time_machine
    link = make_link(client, people("staff"), {"fund": "parking-pcn", "reference": PCN_20_DAYS, "expires_days": 2})
    assert link["amount"] is None  # the parking system says what is due on the day
    with time_machine.travel(deps.clock() + timedelta(days=2, minutes=1), tick=True):
        gone = pay_bill(client, {"link": link["id"]})
    assert gone.status_code == 404 and gone.json_body["error"]["code"] == "link_gone" and pay.payments == {}


def test_only_staff_make_links_and_a_mistyped_reference_is_refused_at_once(client, people):
    body = {"fund": "council-tax", "reference": "400123454", "amount": 1000}
    assert client.post("/v1/staff/pay/links", body, people().auth).status_code == 403
    refused = client.post("/v1/staff/pay/links", body, people("staff").auth)
    assert refused.status_code == 422 and refused.json_body["error"]["code"] == "reference_invalid"


def test_a_link_sent_by_email_and_text_goes_once_from_its_own_event_even_when_the_stream_runs_it_again(
        client, people, deps, dies_after_commit):
    from support.alert_support import outbox_to
    from support.effects_support import run_stream
    dies_after_commit()  # the request's own try never happens: the stream sends it
    link = make_link(client, people("staff"), {"fund": "sundry-invoice", "reference": "200345672", "amount": 7_250,
                                               "email": " payer@example.org ", "phone": "07700 900123"})
    assert link["sending"] == ["email", "phone"] and "payer@example.org" not in str(link)
    assert outbox_to("payer@example.org") == [] and outbox_to("+447700900123") == []
    assert run_stream(deps, "pay_link_made") == []
    assert run_stream(deps, "pay_link_made") == []  # delivered again: each claimed once
    (mail,), (text,) = outbox_to("payer@example.org"), outbox_to("+447700900123")
    path = f"/pay?link={link['id']}"  # after the configured base, whichever function sends it
    assert path in mail.body and "£72.50" in mail.body and "An invoice from the council" in mail.subject
    assert path in text.body and "200345672" in text.body
    public = client.get(f"/v1/pay/links/{link['id']}").json_body
    assert "payer@example.org" not in str(public) and "900123" not in str(public)


def test_a_link_to_a_phone_that_is_no_number_is_refused_and_nothing_is_made(client, people):
    answer = client.post("/v1/staff/pay/links", {"fund": "fixed-penalty", "reference": "FP004217", "amount": 10_000,
                                                 "phone": "call me"},
                         {**people("staff").auth, "Idempotency-Key": "link-key-0002"})
    assert answer.status_code == 400 and answer.json_body["error"]["fields"][0]["field"] == "phone"


def test_a_payment_through_a_link_whose_transaction_another_cancelled_is_tried_again(client, people, pay,
                                                                                     monkeypatch):
    """On DynamoDB racing transactions on one item may cancel one another (TransactionConflict): the
    link is taken in the bill's transaction, which is then tried again rather than answered busy."""
    from chalicelib.storage.revenues.bills import BillStore
    from chalicelib.storage.errors import Throttled
    link = make_link(client, people("staff"), {"fund": "sundry-invoice", "reference": "200345672", "amount": 7_250})
    real, cancelled = BillStore.create, []

    def cancelled_once(store, *args, **kwargs):
        if not cancelled:
            cancelled.append(True)
            raise Throttled()
        return real(store, *args, **kwargs)
    monkeypatch.setattr(BillStore, "create", cancelled_once)
    made = pay_bill(client, {"link": link["id"]})
    assert made.status_code == 201 and cancelled == [True] and len(pay.payments) == 1, made.body
