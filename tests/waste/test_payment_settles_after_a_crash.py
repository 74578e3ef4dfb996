"""A finished payment is written with its `payment_finished` event: if the
process dies after the state is kept and before the booking or subscription
hears of it, the stream settles it, and the receipt goes once however often
the stream runs."""
from support.effects_support import dies_after_commit, events_of_kind, run_stream  # noqa: F401
from support.pay_support import SUCCESS, home_with_round, pay, pay_with  # noqa: F401


def booked(deps, resident):
    return [m for m in deps.accounts.messages_to([resident.user.email]) if "is booked" in m["subject"]]


def held_and_paid(client, deps, people):
    """A booking paid on the provider's page; the payer not yet back."""
    uprn, resident = home_with_round(deps), people()
    last = client.get(f"/v1/places/{uprn}/bulky/dates").json_body["dates"][-1]["date"]
    made = client.post("/v1/waste/bulky/bookings", {"uprn": uprn, "date": last, "items": ["sofa"]},
                       resident.auth).json_body
    return made, resident, pay_with(made["payment"]["next_url"], SUCCESS)


def test_a_paid_booking_is_confirmed_once_by_the_stream_when_the_process_dies_after_the_payment_is_kept(
        client, deps, people, pay, dies_after_commit):
    made, resident, back = held_and_paid(client, deps, people)
    dies_after_commit()
    client.get(back[back.index("/v1/"):])
    payment = deps.payments.get(made["payment"]["id"])
    assert (payment.status, payment.settled_status) == ("success", None)
    assert deps.bulky.get(made["id"]).status == "held" and booked(deps, resident) == []
    [finished] = events_of_kind("payment_finished")
    assert finished.id == f"payment.{payment.id}.success"
    client.get(back[back.index("/v1/"):])  # the payer reloads: the same event, not a second one
    assert len(events_of_kind("payment_finished")) == 1
    run_stream(deps, "payment_finished")
    run_stream(deps, "payment_finished")
    assert deps.bulky.get(made["id"]).status == "confirmed"
    assert deps.payments.get(payment.id).settled_status == "success"
    assert len(booked(deps, resident)) == 1
    from chalicelib.stamps import london_today
    day = deps.payments.ledger_day(london_today(deps.clock()).isoformat())
    assert [r["payment_id"] for r in day if r["kind"] == "payment"] == [payment.id]  # the money counted once


def test_a_telling_that_stopped_before_its_receipt_is_finished_by_the_stream_and_the_receipt_goes_once(
        client, deps, people, pay, monkeypatch):
    from chalicelib.handlers.waste import receipts
    made, resident, back = held_and_paid(client, deps, people)
    real = receipts.paid

    def stops(*args, **kwargs):
        raise TimeoutError("the process stopped here")
    monkeypatch.setattr(receipts, "paid", stops)
    client.get(back[back.index("/v1/"):])
    assert deps.bulky.get(made["id"]).status == "confirmed" and booked(deps, resident) == []
    assert deps.payments.get(made["payment"]["id"]).settled_status is None
    monkeypatch.setattr(receipts, "paid", real)
    run_stream(deps, "payment_finished")
    run_stream(deps, "payment_finished")
    assert len(booked(deps, resident)) == 1
    assert deps.payments.get(made["payment"]["id"]).settled_status == "success"


def test_a_paid_garden_subscription_is_activated_once_by_the_stream_when_the_process_dies_after_the_payment(
        client, deps, people, pay, dies_after_commit):
    from tests.waste.test_garden_subscriptions import paid, subscribe
    home_with_round(deps)
    resident = people()
    made = subscribe(client, resident).json_body
    dies_after_commit()
    paid(client, made)

    def seen():
        return client.get(f"/v1/waste/garden/subscriptions/{made['id']}", resident.auth).json_body["status"]

    def receipts():
        return [m for m in deps.accounts.messages_to([resident.user.email]) if "garden" in m["subject"]]
    assert seen() == "pending" and receipts() == []
    assert run_stream(deps, "payment_finished") == [] and run_stream(deps, "payment_finished") == []
    assert seen() == "active" and len(receipts()) == 1


def test_a_renewal_reminder_goes_once_when_the_process_dies_after_its_step_is_written(
        client, deps, people, pay, dies_after_commit):
    from datetime import date, timedelta
    from chalicelib.handlers.waste.garden import send_reminders
    from tests.waste.test_garden_subscriptions import on_day, paid, subscribe
    home_with_round(deps)
    resident = people()
    made = subscribe(client, resident).json_body
    paid(client, made)
    dies_after_commit()
    opening = on_day(deps, date.fromisoformat(made["end"]) - timedelta(days=42))
    assert send_reminders(opening) == 1 and send_reminders(opening) == 0  # the step is taken, once

    def reminders():
        return [m for m in deps.accounts.messages_to([resident.user.email]) if m["subject"].startswith("Renew")]
    assert reminders() == []
    assert run_stream(deps, "garden_reminder") == [] and run_stream(deps, "garden_reminder") == []
    assert len(reminders()) == 1
