"""Each bill paid is posted to its fund's back office once: finance's and the
parking system's signed webhooks, Civica's posting for council tax, whatever
races (the payer's return, the provider's webhooks, the reconciliation job)."""
import dataclasses
from datetime import timedelta

from chalicelib.stamps import london_today

from support.bills_support import PCN_10_DAYS, bill_office, pay_bill  # noqa: F401
from support.pay_support import SUCCESS, pay, pay_with  # noqa: F401
from support.racing import at_once
from support.revenues_support import ARREARS, civica, council_morning  # noqa: F401

RACERS = 4  # the return, two webhooks, the reconciliation job


def later(deps, minutes):
    moment = deps.clock() + timedelta(minutes=minutes)
    return dataclasses.replace(deps, clock=lambda: moment)


def paid_at_provider(client, body):
    """A bill paid on the card page, the payer not yet back: (bill, return path)."""
    made = pay_bill(client, body).json_body
    back = pay_with(made["payment"]["next_url"], SUCCESS)
    return made, back[back.index("/v1/"):]


def webhook(client, pay, deps, made):
    payment = deps.payments.get(made["payment"]["id"])
    body = ('{"resource_id": "%s", "resource_type": "payment", "event_type": "card_payment_succeeded", '
            '"resource": {"metadata": {"doorstep_payment": "%s"}}}' % (payment.provider_id, payment.id))
    return client.post("/v1/payments/webhook", body, {"Pay-Signature": pay.signature(body.encode())})


def test_a_paid_invoice_is_posted_to_finance_once_by_a_signed_webhook(client, deps, pay, bill_office):
    from chalicelib.handlers.payments.reconcile import reconcile
    made, back = paid_at_provider(client, {"fund": "sundry-invoice", "reference": "200345672", "amount": 4321})
    assert client.get(back).status_code == 302
    assert webhook(client, pay, deps, made).status_code == 200
    reconcile(later(deps, 20))
    (posted,) = bill_office.posted("finance")
    assert len(bill_office.calls) == 1
    assert (posted["fund_code"], posted["reference"], posted["amount"], posted["card_brand"], posted["kind"]) == \
        ("SUND", "200345672", 4321, "Visa", "payment")
    day = london_today(deps.clock()).isoformat()
    (row,) = deps.bills.postings(day)
    assert row["receipt"] == posted["receipt"] and row["payment_id"] == made["payment"]["id"]


def test_a_posting_with_a_wrong_signature_is_refused_by_the_receiver(bill_office):
    import requests
    answer = requests.post(bill_office.url + "/finance/postings", data=b'{"posting_id": "x", "amount": 1}',
                           headers={"Doorstep-Signature": "0" * 64}, timeout=5)
    assert answer.status_code == 403 and bill_office.postings == {}


def test_a_paid_pcn_is_posted_to_the_parking_system_and_is_then_paid_there(client, deps, pay, bill_office):
    made, back = paid_at_provider(client, {"fund": "parking-pcn", "reference": PCN_10_DAYS})
    client.get(back)
    (posted,) = bill_office.posted("parking")
    assert (posted["reference"], posted["amount"]) == (PCN_10_DAYS, 3500)
    again = client.post("/v1/pay/check", {"fund": "parking-pcn", "reference": PCN_10_DAYS})
    assert again.status_code == 422 and again.json_body["error"]["code"] == "bill_not_payable"


def test_a_council_tax_payment_is_posted_to_civica_once_under_its_payment_key(client, deps, pay, civica,
                                                                           council_morning):
    made, back = paid_at_provider(client, {"fund": "council-tax", "reference": ARREARS, "amount": 22_321})
    client.get(back)
    webhook(client, pay, deps, made)
    (posted,) = civica.payments.posted()
    assert civica.payments.calls == 1
    assert posted["form"]["actref"] == ARREARS and posted["form"]["amount"] == "223.21"
    assert posted["form"]["payref"] == made["payment"]["id"] and posted["form"]["module"] == "C"


def test_a_posting_the_back_office_could_not_take_is_posted_when_it_is_back(client, deps, pay, bill_office):
    from chalicelib.handlers.shared import effects
    bill_office.down = True
    made, back = paid_at_provider(client, {"fund": "fixed-penalty", "reference": "FP004217", "amount": 10000})
    client.get(back)
    assert bill_office.postings == {}
    bill_office.down = False
    from chalicelib.storage.records import Event
    event = Event(id=f"payment.{made['payment']['id']}.success", kind="payment_finished", report_id=None,
                           payload={"payment_id": made["payment"]["id"], "status": "success"},
                           created_at=deps.clock())
    # The stream's job for the event's posting effect (the first try, in the return, failed).
    (job,) = [j for j in effects.jobs_of([event]) if j["effect"] == "bills.post"]
    assert effects.run_job(deps, job) == (effects.DONE, True)
    assert effects.run_job(deps, job) == (effects.ALREADY, True)
    assert len(bill_office.posted("finance")) == 1


def test_return_webhooks_and_reconciliation_at_once_post_a_payment_once(client, deps, pay, bill_office):
    from chalicelib.handlers.payments.reconcile import reconcile
    import time_machine
    made, back = paid_at_provider(client, {"fund": "sundry-invoice", "reference": "200345672", "amount": 9999})
    # All arrive 20 minutes on, when the job looks at the payment too: each racer's clock the same.
    with time_machine.travel(deps.clock() + timedelta(minutes=20), tick=True):
        racers = [lambda: client.get(back).status_code, lambda: webhook(client, pay, deps, made).status_code,
                  lambda: webhook(client, pay, deps, made).status_code, lambda: reconcile(deps)["checked"]]
        outcomes = at_once(lambda racer: racer(), racers[:RACERS])
    assert len(bill_office.calls) == 1 and len(bill_office.posted("finance")) == 1, (outcomes, bill_office.calls)
    assert len(deps.bills.postings(london_today(deps.clock()).isoformat())) == 1
