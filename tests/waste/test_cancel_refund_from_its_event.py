"""A cancellation's refund follows from the cancellation's own event
(`bulky_cancel_refund`, written in its transaction beside its e-mail's): the
request answers without asking the provider, a process dying right after the
commit leaves the refund to the stream, the event delivered to several
workers at once refunds once, a refund whose answer was lost is found, not
made again, one the effect gave up on is made once by the 5-minute job's
backstop, and a cancellation while a cheaper change's refund is still owed
refunds what was paid, once, whichever event is carried out first."""
import pytest

from support.effects_support import dies_after_commit, events_of_kind, run_stream  # noqa: F401
from support.pay_support import confirmed_booking, pay  # noqa: F401
from tests.waste.test_change_refund_from_its_event import (THREE, delivered_at_once, fewer_items, later,
                                                           refunds_at_provider)


def cancel(client, resident, booking_id):
    answer = client.post(f"/v1/waste/bulky/bookings/{booking_id}/cancel", {}, resident.auth)
    assert answer.status_code == 200, answer.body
    return answer.json_body


def mail(deps, resident, words):
    return [m for m in deps.accounts.messages_to([resident.user.email]) if words in m["subject"]]


def test_a_cancellation_refunds_once_from_its_event_when_the_process_dies_right_after_the_commit(
        client, deps, people, pay, dies_after_commit):
    made, resident = confirmed_booking(client, deps, people)  # 2500
    dies_after_commit()
    body = cancel(client, resident, made["id"])
    assert (body["status"], body["refund"]["status"], body["refund"]["amount"]) == ("cancelled", "due", 2500)
    assert refunds_at_provider(deps, pay, made["id"]) == []  # nothing reached the provider before the answer
    [owed] = events_of_kind("bulky_cancel_refund")
    assert owed.id == f"bulky.{made['id']}.cancel.refund" and owed.payload == {"booking_id": made["id"], "amount": 2500}
    assert run_stream(deps, "bulky_cancel_refund") == [] and run_stream(deps, "bulky_cancel_refund") == []
    assert refunds_at_provider(deps, pay, made["id"]) == [2500]
    booking, payment = deps.bulky.get(made["id"]), deps.payments.get(made["payment"]["id"])
    assert (booking.refund["status"], booking.refund["amount"], booking.due) == ("done", 2500, None)
    assert ([r["amount"] for r in payment.refunds], payment.refunded) == ([2500], 2500)
    assert mail(deps, resident, "is cancelled") == []  # its e-mail died with the request too
    assert run_stream(deps, "bulky_receipt") == [] and run_stream(deps, "bulky_receipt") == []
    [told] = mail(deps, resident, "is cancelled")
    assert "£25.00 is being refunded to the card you paid with" in told["body"]


def test_the_cancellation_s_event_delivered_to_four_workers_at_once_refunds_once(client, deps, people, pay):
    made, resident = confirmed_booking(client, deps, people)
    cancel(client, resident, made["id"])
    delivered_at_once(deps, "bulky_cancel_refund", "test_dynamodb_local_cancel_refund_race.py")
    assert refunds_at_provider(deps, pay, made["id"]) == [2500]
    assert deps.payments.get(made["payment"]["id"]).refunded == 2500
    assert deps.bulky.get(made["id"]).refund["status"] == "done"


def test_a_cancellation_s_refund_whose_answer_was_lost_is_found_not_made_again(client, deps, people, pay,
                                                                               monkeypatch):
    from chalicelib.handlers.payments.govuk_pay import GovukPay
    from chalicelib.handlers.payments.provider import ProviderError
    made, resident = confirmed_booking(client, deps, people)
    real = GovukPay.refund

    def answer_lost(self, *args):
        real(self, *args)  # the provider makes it...
        raise ProviderError("The payment provider could not be reached: timed out")  # ...the answer never comes
    cancel(client, resident, made["id"])
    monkeypatch.setattr(GovukPay, "refund", answer_lost)
    assert len(run_stream(deps, "bulky_cancel_refund")) == 1  # the queue brings the job back
    monkeypatch.setattr(GovukPay, "refund", real)
    assert run_stream(deps, "bulky_cancel_refund") == [] and run_stream(deps, "bulky_cancel_refund") == []
    assert refunds_at_provider(deps, pay, made["id"]) == [2500]
    assert deps.payments.get(made["payment"]["id"]).refunded == 2500
    assert (deps.bulky.get(made["id"]).refund["status"], deps.bulky.get(made["id"]).refund["amount"]) == ("done", 2500)


def test_a_cancellation_s_refund_the_effect_gave_up_on_is_made_once_by_the_backstop_after_its_last_try(
        client, deps, people, pay, monkeypatch):
    from datetime import timedelta
    from chalicelib.handlers.alerts.batching import VISIBILITY_S
    from chalicelib.handlers.payments.govuk_pay import GovukPay
    from chalicelib.handlers.payments.provider import ProviderError
    from chalicelib.handlers.shared.effects import ATTEMPTS
    from chalicelib.handlers.waste.refund_parts import BACKSTOP_AFTER
    from chalicelib.handlers.waste.settling import refunds_due
    made, resident = confirmed_booking(client, deps, people)
    cancel(client, resident, made["id"])
    real = GovukPay.refund

    def away(self, *args):
        raise ProviderError("The payment provider could not be reached: timed out")
    monkeypatch.setattr(GovukPay, "refund", away)
    assert [len(run_stream(deps, "bulky_cancel_refund")) for _ in range(ATTEMPTS)] == [1] * (ATTEMPTS - 1) + [0]
    assert deps.effects.status(f"bulky.{made['id']}.cancel.refund", "waste.cancel_refund")[0] == "failed"
    monkeypatch.setattr(GovukPay, "refund", real)
    assert refunds_due(later(deps, timedelta(seconds=ATTEMPTS * VISIBILITY_S))) == 0  # never beside a try
    assert [refunds_due(later(deps, BACKSTOP_AFTER)), refunds_due(later(deps, BACKSTOP_AFTER))] == [1, 0]
    assert refunds_at_provider(deps, pay, made["id"]) == [2500]
    assert deps.bulky.get(made["id"]).refund["status"] == "done"


@pytest.mark.parametrize("first", ["bulky_change_refund", "bulky_cancel_refund"])
def test_a_cancellation_while_a_cheaper_change_s_refund_is_owed_refunds_what_was_paid_once(
        client, deps, people, pay, first):
    made, resident = confirmed_booking(client, deps, people, items=THREE)  # 4500
    assert fewer_items(client, resident, made["id"])["changes"][0]["refund"]["status"] == "due"  # 1000 owed
    body = cancel(client, resident, made["id"])
    assert (body["refund"]["status"], body["refund"]["amount"]) == ("due", 4500)  # everything paid, the 1000 in it
    then = "bulky_cancel_refund" if first == "bulky_change_refund" else "bulky_change_refund"
    for kind in (first, then, first, then):
        assert run_stream(deps, kind) == []
    assert refunds_at_provider(deps, pay, made["id"]) == [4500]
    assert deps.payments.get(made["payment"]["id"]).refunded == 4500
    assert (deps.bulky.get(made["id"]).refund["status"], deps.bulky.get(made["id"]).refund["amount"]) == ("done", 4500)
    [told] = mail(deps, resident, "is cancelled")
    assert "£45.00 is being refunded" in told["body"]


def test_a_cancellation_just_after_a_change_s_refund_reached_the_provider_unrecorded_refunds_only_the_rest(
        client, deps, people, pay, monkeypatch):
    """The change's refund made at the provider, its answer lost, then the cancellation (which read
    nothing refunded). The change's refund left the payment's place for asking held and open
    (payments/asking.py), so the cancellation takes it at once, recording the unrecorded 1000 as the
    change's, never its own; its stored figure is refused and what is left agreed afresh; the change's
    retry finds its own recorded; 4500 in all."""
    from chalicelib.handlers.payments.govuk_pay import GovukPay
    from chalicelib.handlers.payments.provider import ProviderError
    made, resident = confirmed_booking(client, deps, people, items=THREE)
    fewer_items(client, resident, made["id"])
    real = GovukPay.refund

    def answer_lost(self, *args):
        real(self, *args)
        raise ProviderError("The payment provider could not be reached: timed out")
    monkeypatch.setattr(GovukPay, "refund", answer_lost)
    assert len(run_stream(deps, "bulky_change_refund")) == 1
    monkeypatch.setattr(GovukPay, "refund", real)
    assert cancel(client, resident, made["id"])["refund"]["amount"] == 4500
    assert run_stream(deps, "bulky_cancel_refund") == []
    recorded = [(r["amount"], r["by"]) for r in deps.payments.get(made["payment"]["id"]).refunds]
    assert recorded == [(1000, f"booking {made['id']} change 1"), (3500, f"booking {made['id']}")]
    assert run_stream(deps, "bulky_change_refund") == [] and run_stream(deps, "bulky_cancel_refund") == []
    assert refunds_at_provider(deps, pay, made["id"]) == [1000, 3500]
    assert deps.bulky.get(made["id"]).refund["status"] == "done"
