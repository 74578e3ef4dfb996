"""A form with a fee is paid through the payments core before it is sent:
never sent unpaid, sent only once the provider says the payment succeeded
(whoever learns it first: the payer's return, a webhook, the page asking,
the reconciliation job), one payment however often "pay" is pressed, and a
payment that failed leaves the form to change and pay again."""
import dataclasses
from datetime import timedelta

from support.bills_support import bill_office  # noqa: F401
from support.bins_support import HOME, store_home
from support.effects_support import dies_after_commit  # noqa: F401
from support.forms_support import Filler, published
from support.pay_support import DECLINED, SUCCESS, pay, pay_with  # noqa: F401
from support.racing import at_once

CONTACT = {"name": {"full": "Ada Lovelace"}, "email": "ada@example.org", "phone": "07700 900123"}


def filled(client, deps):
    """The pest control form answered up to check your answers."""
    if deps.forms.head("pest-control") is None:
        published(deps, "pest-control")
    if deps.addresses.get(HOME) is None:
        store_home(deps)
    filler = Filler(client, "pest-control")
    for page_id, answers in (("pest", {"pest": "wasps"}),
                             ("where", {"property": {"uprn": HOME}, "seen": "Under the eaves above the back door"}),
                             ("contact", CONTACT)):
        saved = filler.answer(page_id, **answers)
        assert saved.status_code == 200, saved.json_body
    return filler


def pay_form(client, filler, declaration=True):
    return client.post(f"/v1/form-submissions/{filler.id}/pay", {"declaration": declaration}, filler.auth)


def back_path(url):
    return url[url.index("/v1/"):]


def sent_events():
    from support.effects_support import events_of_kind
    return events_of_kind("form_submitted")


def cases_of(deps, reference):
    from chalicelib.storage.reports.reports import ReportModel
    return [r for r in ReportModel.scan() if (r.fields or {}).get("form_reference") == reference]


def copies_to(address):
    from support.questionnaire_support import mails_to
    return [m for m in mails_to(address) if "Book a pest control treatment" in m.subject]


def webhook(client, pay, deps, payment_id):
    payment = deps.payments.get(payment_id)
    body = ('{"resource_id": "%s", "resource_type": "payment", "event_type": "card_payment_succeeded", '
            '"resource": {"metadata": {"doorstep_payment": "%s"}}}' % (payment.provider_id, payment.id))
    return client.post("/v1/payments/webhook", body, {"Pay-Signature": pay.signature(body.encode())})


def test_a_form_with_a_fee_cannot_be_sent_unpaid(client, deps, pay):
    filler = filled(client, deps)
    refused = filler.submit(declaration=True)
    assert refused.status_code == 409 and refused.json_body["error"]["code"] == "fee_unpaid"
    assert refused.json_body["error"]["message"] == ("This form has a fee: pay it, and the form is sent once the "
                                                     "payment is taken.")
    assert filler.read().json_body["state"] == "in_progress" and sent_events() == [] and pay.payments == {}
    check = filler.check().json_body
    assert check["fee"] == {"fund": "pest-control", "amount_pence": 5500,
                            "description": "Pest control treatment (up to three visits)", "fund_code": "PEST",
                            "posting": {"method": "webhook", "url": "${BILL_OFFICE}/finance/postings"}}


def test_the_fee_is_paid_for_the_reference_and_the_form_sent_only_when_the_provider_says_so(client, deps, pay):
    filler = filled(client, deps)
    undeclared = pay_form(client, filler, declaration=False)
    assert undeclared.status_code == 400 and pay.payments == {}
    started = pay_form(client, filler)
    assert started.status_code == 201, started.json_body
    payment = started.json_body["payment"]
    assert started.json_body["state"] == "paying" and payment["amount"] == 5500 and payment["next_url"]
    [at_provider] = pay.payments.values()
    assert at_provider["reference"] == filler.id and at_provider["amount"] == 5500
    assert at_provider["metadata"]["form"] == "pest-control" and at_provider["metadata"]["form_reference"] == filler.id
    changed = filler.answer("pest", pest="rats")
    assert changed.status_code == 409 and changed.json_body["error"]["code"] == "payment_under_way"
    back = pay_with(payment["next_url"], SUCCESS)
    forged = client.get(f"/v1/payments/return/{payment['id']}.not-its-secret")
    assert forged.status_code == 404 and deps.form_submissions.get(filler.id).state == "paying"
    returned = client.get(back_path(back))
    assert returned.headers["Location"].endswith(f"/forms/pest-control/{filler.id}?step=paid")
    shown = filler.read().json_body
    assert (shown["state"], shown["reference"], shown["paid"]["amount"]) == ("submitted", filler.id, 5500)
    [case] = cases_of(deps, filler.id)
    assert case.fields["payment_id"] == payment["id"] and "Fee paid: £55.00" in case.description
    [copy] = copies_to("ada@example.org")
    assert f"Fee paid: £55.00 (Pest control treatment (up to three visits)), payment {payment['id']}" in copy.body


def test_a_paid_fee_is_posted_to_finance_once_and_its_refund_reversed_and_the_csv_says_it_was_paid(
        client, deps, pay, people, bill_office):
    import csv
    import io
    filler = filled(client, deps)
    payment = pay_form(client, filler).json_body["payment"]
    back = back_path(pay_with(payment["next_url"], SUCCESS))
    client.get(back)
    webhook(client, pay, deps, payment["id"])  # told again: posted once
    (posted,) = bill_office.posted("finance")
    assert (posted["kind"], posted["fund_code"], posted["reference"], posted["amount"], posted["payment_id"]) == (
        "payment", "PEST", filler.id, 5500, payment["id"])
    officer = people("staff")
    refunded = client.post(f"/v1/staff/payments/{payment['id']}/refunds", {
        "amount": 5500, "refund_amount_available": 5500, "reason": "No wasps found"}, officer.auth)
    assert refunded.status_code == 201, refunded.json_body
    reversals = [p for p in bill_office.posted("finance") if p["kind"] == "reversal"]
    assert [(r["amount"], r["original_id"], r["reference"], r["fund_code"]) for r in reversals] == [
        (5500, payment["id"], filler.id, "PEST")]
    exported = client.get("/v1/staff/forms/pest-control/submissions.csv", people("admin").auth)
    [row] = list(csv.DictReader(io.StringIO(exported.body.decode() if isinstance(exported.body, bytes)
                                            else exported.body)))
    assert (row["reference"], row["paid"], row["payment_id"]) == (filler.id, "£55.00", payment["id"])


def test_a_paid_form_handed_to_the_councils_system_says_what_was_paid(client, deps, pay, monkeypatch):
    import json
    from support.forms_support import demo
    from tests.forms.test_form_webhook import KEY, Receiver
    monkeypatch.setenv("DOORSTEP_FORMS_WEBHOOK_SECRET", KEY)
    receiver = Receiver([])
    try:
        published(deps, "pest-control", {**demo("pest-control"), "hand_on": {"to": "webhook", "url": receiver.url}})
        filler = filled(client, deps)
        payment = pay_form(client, filler).json_body["payment"]
        client.get(back_path(pay_with(payment["next_url"], SUCCESS)))
        [(_, body)] = receiver.received
    finally:
        receiver.close()
    posted = json.loads(body)
    assert posted["reference"] == filler.id and posted["paid"]["amount"] == 5500
    assert posted["paid"]["payment_id"] == payment["id"] and posted["paid"]["fund"] == "pest-control"


def test_pay_pressed_again_while_its_payment_is_live_answers_the_same_payment(client, deps, pay):
    filler = filled(client, deps)
    first, again = pay_form(client, filler), pay_form(client, filler)
    assert (first.status_code, again.status_code) == (201, 201)
    assert again.headers.get("Idempotent-Replayed") == "true"
    assert again.json_body["payment"] == first.json_body["payment"] and len(pay.payments) == 1


def test_three_presses_of_pay_at_once_make_one_payment(client, deps, pay):
    others = filled(client, deps)
    answers = at_once(lambda _: pay_form(client, others), range(3))
    assert len(pay.payments) == 1, [a.json_body for a in answers]
    made = {a.json_body["payment"]["id"] for a in answers if a.status_code == 201}
    assert len(made) == 1 and all(a.status_code == 201 or a.json_body["error"]["code"] == "payment_starting"
                                  for a in answers)


def test_a_declined_payment_leaves_the_form_to_change_and_pay_again(client, deps, pay):
    filler = filled(client, deps)
    first = pay_form(client, filler).json_body["payment"]
    client.get(back_path(pay_with(first["next_url"], DECLINED)))
    shown = filler.read().json_body
    assert (shown["state"], shown["payment"]["status"], shown["next"]) == ("in_progress", "failed", "check")
    assert sent_events() == [] and filler.check().json_body["payment_status"] == "failed"
    assert filler.answer("pest", pest="rats").status_code == 200
    second = pay_form(client, filler).json_body["payment"]
    assert second["id"] != first["id"]
    client.get(back_path(pay_with(second["next_url"], SUCCESS)))
    sent = deps.form_submissions.get(filler.id)
    assert sent.state == "submitted" and sent.paid["payment_id"] == second["id"] and sent.answers["pest"] == "rats"
    assert len(sent_events()) == 1


def test_while_card_payments_are_down_the_form_stays_to_pay_later_and_nothing_is_owed(client, deps, pay,
                                                                                     monkeypatch):
    filler = filled(client, deps)
    with monkeypatch.context() as away:
        away.setenv("DOORSTEP_PAY_URL", "http://127.0.0.1:9")  # nothing listens there
        refused = pay_form(client, filler)
    assert refused.status_code == 503 and refused.json_body["error"]["code"] == "payments_unavailable"
    shown = filler.read().json_body
    assert (shown["state"], shown["payment"]["status"]) == ("in_progress", "error") and sent_events() == []
    again = pay_form(client, filler)
    assert again.status_code == 201 and again.json_body["payment"]["next_url"] and len(pay.payments) == 1


def test_a_pay_that_stopped_after_naming_its_payment_makes_it_on_the_next_press_under_that_id(client, deps, pay):
    filler = filled(client, deps)
    submission = deps.form_submissions.get(filler.id)
    named, expected = deps.new_opaque_id(), submission.seq
    submission.state, submission.payment_id = "paying", named
    deps.form_submissions.save(submission, expected)  # the process stopped here, before the provider heard
    again = pay_form(client, filler)
    assert again.status_code == 201 and again.json_body["payment"]["id"] == named and len(pay.payments) == 1
    assert pay_form(client, filler).json_body["payment"] == again.json_body["payment"]


def test_return_webhooks_the_page_asking_and_the_job_at_once_send_the_form_once(client, deps, pay):
    from chalicelib.handlers.payments.reconcile import reconcile
    import time_machine
    filler = filled(client, deps)
    payment = pay_form(client, filler).json_body["payment"]
    back = back_path(pay_with(payment["next_url"], SUCCESS))
    assert deps.form_submissions.get(filler.id).state == "paying"  # paid at the provider, no one told yet
    # All arrive 20 minutes on, when the job looks at the payment too.
    with time_machine.travel(deps.clock() + timedelta(minutes=20), tick=True):
        racers = [lambda: client.get(back).status_code, lambda: webhook(client, pay, deps, payment["id"]).status_code,
                  lambda: webhook(client, pay, deps, payment["id"]).status_code,
                  lambda: filler.read().status_code, lambda: reconcile(deps)["checked"]]
        outcomes = at_once(lambda racer: racer(), racers)
    assert outcomes[:4] == [302, 200, 200, 200], outcomes
    assert deps.form_submissions.get(filler.id).state == "submitted"
    assert len(sent_events()) == 1 and len(cases_of(deps, filler.id)) == 1
    assert len(copies_to("ada@example.org")) == 1


def test_what_a_pay_start_and_the_send_after_payment_cost(client, deps, pay, dies_after_commit):
    from chalicelib.handlers.forms import fees
    from chalicelib.handlers.shared import effects
    from chalicelib.storage.alerts.alerts import event_from_image
    from chalicelib.storage.metering import metered
    from support.effects_support import events_of_kind
    filler = filled(client, deps)
    token = filler.auth["Form-Token"]
    fees.pay(deps, filler.id, {"declaration": True}, token)  # this process has the version's definition now
    other = filled(client, deps)
    with metered() as started:
        payment = fees.pay(deps, other.id, {"declaration": True}, other.auth["Form-Token"])[0]["payment"]
    with metered() as again:
        fees.pay(deps, other.id, {"declaration": True}, other.auth["Form-Token"])
    back = back_path(pay_with(payment["next_url"], SUCCESS))
    dies_after_commit()  # each part's own cost: the return's check, then the payment's effects, then the send
    from chalicelib.handlers.payments.core import returned as came_back
    with metered() as returned:
        assert came_back(deps, back.rsplit("/", 1)[1]) == f"/forms/pest-control/{other.id}?step=paid"
    [finished] = events_of_kind("payment_finished")
    with metered() as settled:
        effects.carry_out(deps, event_from_image(finished.serialize()))
    assert deps.form_submissions.get(other.id).state == "submitted"
    paid = dataclasses.replace(deps.payments.get(payment["id"]), status="success", finished=True)
    with metered() as told_again:
        fees.on_payment(deps, paid)
    # The submission read, its payment named (one conditional write), the payment made and started.
    assert started.operations == ["GetItem", "PutItem", "PutItem", "UpdateItem"]
    # Pressed again: the submission, its payment read, checked with the provider and written back, read again.
    assert again.operations == ["GetItem", "GetItem", "UpdateItem", "GetItem"]
    # Told again (a late webhook, the job): the submission read, found sent, nothing written.
    assert told_again.operations == ["GetItem"]
    sends = [op for op in settled.operations if op == "TransactWriteItems"]
    assert len(sends) == 1  # the send: the submission and its event, one transaction
    print(f"\nform fee cost: pay start {started.calls} calls, pressed again {again.calls}, return's check "
          f"{returned.calls} ({returned.operations}), the payment's effects with the send {settled.calls} "
          f"({settled.operations})")
