"""A cheaper change's refund follows from the change's own event
(`bulky_change_refund`, written in the change's transaction): the request
answers without asking the provider, a process dying right after the commit
leaves the refund to the stream, the event delivered to several workers at
once refunds once, and a refund the effect gave up on (the provider away
longer than its tries) is made, once, by the 5-minute job's backstop; a runner
that read the refund as owed after another made it pays nothing more, and a
refund staff made at the provider meanwhile is not taken for the change's."""
import dataclasses
import uuid

from support.effects_support import dies_after_commit, events_of_kind, run_stream  # noqa: F401
from support.pay_support import confirmed_booking, pay  # noqa: F401
from support.racing import at_once

THREE = ("sofa", "fridge", "armchair")  # 4500 pence; sofa and fridge: 3500, so 1000 back
WORKERS = 4  # the stream's job handed to four workers at once (a redelivered batch, a job back from the queue)


def fewer_items(client, resident, booking_id):
    answer = client.post(f"/v1/waste/bulky/bookings/{booking_id}/change", {"items": ["sofa", "fridge"]},
                         {**resident.auth, "Idempotency-Key": str(uuid.uuid4())})
    assert answer.status_code == 200, answer.body
    return answer.json_body


def refunds_at_provider(deps, pay, booking_id):
    payment = deps.payments.get(deps.bulky.get(booking_id).payment_id)
    return [r["amount"] for r in pay.payments[payment.provider_id]["refunds"]]


def later(deps, delta):
    moment = deps.clock() + delta
    return dataclasses.replace(deps, clock=lambda: moment)


def test_a_cheaper_change_refunds_once_from_its_event_when_the_process_dies_right_after_the_commit(
        client, deps, people, pay, dies_after_commit):
    made, resident = confirmed_booking(client, deps, people, items=THREE)
    dies_after_commit()
    body = fewer_items(client, resident, made["id"])
    assert (body["amount"], body["changes"][0]["refund"]["status"]) == (3500, "due")
    assert refunds_at_provider(deps, pay, made["id"]) == []  # nothing reached the provider before the answer
    [owed] = events_of_kind("bulky_change_refund")
    assert owed.payload == {"booking_id": made["id"], "seq": 1, "amount": 1000}
    assert run_stream(deps, "bulky_change_refund") == [] and run_stream(deps, "bulky_change_refund") == []
    assert refunds_at_provider(deps, pay, made["id"]) == [1000]
    booking, payment = deps.bulky.get(made["id"]), deps.payments.get(made["payment"]["id"])
    assert (booking.changes[0]["refund"]["status"], booking.due) == ("done", "remind")
    assert ([r["amount"] for r in payment.refunds], payment.refunded) == ([1000], 1000)
    assert run_stream(deps, "bulky_receipt") == []
    [receipt] = [m for m in deps.accounts.messages_to([resident.user.email]) if "is changed" in m["subject"]]
    assert "£10.00, the difference, is being refunded" in receipt["body"]


def delivered_at_once(deps, kind, contract):
    """The one `kind` event's job run by WORKERS workers started together: the claim lets one carry it out."""
    from chalicelib.handlers.shared.effects import jobs_of, run_job
    [job] = jobs_of(events_of_kind(kind))
    outcomes = at_once(lambda n: run_job(deps, job)[0], range(WORKERS))
    assert sorted(outcomes).count("done") == 1, outcomes


def test_the_change_s_event_delivered_to_four_workers_at_once_refunds_once(client, deps, people, pay):
    made, resident = confirmed_booking(client, deps, people, items=THREE)
    fewer_items(client, resident, made["id"])
    delivered_at_once(deps, "bulky_change_refund", "test_dynamodb_local_change_refund_race.py")
    assert refunds_at_provider(deps, pay, made["id"]) == [1000]
    assert deps.payments.get(made["payment"]["id"]).refunded == 1000
    assert deps.bulky.get(made["id"]).changes[0]["refund"]["status"] == "done"


def test_a_refund_the_effect_gave_up_on_is_made_once_by_the_backstop_after_its_last_try(
        client, deps, people, pay, monkeypatch):
    from chalicelib.handlers.alerts.batching import VISIBILITY_S
    from chalicelib.handlers.payments.govuk_pay import GovukPay
    from chalicelib.handlers.payments.provider import ProviderError
    from chalicelib.handlers.shared.effects import ATTEMPTS
    from chalicelib.handlers.waste.change_refunds import BACKSTOP_AFTER, changes_due
    from datetime import timedelta
    made, resident = confirmed_booking(client, deps, people, items=THREE)
    fewer_items(client, resident, made["id"])
    real = GovukPay.refund

    def away(self, *args):
        raise ProviderError("The payment provider could not be reached: timed out")
    monkeypatch.setattr(GovukPay, "refund", away)
    backs = [len(run_stream(deps, "bulky_change_refund")) for _ in range(ATTEMPTS)]
    assert backs == [1] * (ATTEMPTS - 1) + [0]  # the last try gives it up: the job is not handed back
    assert deps.effects.status(f"bulky.{made['id']}.change.1.refund", "waste.change_refund")[0] == "failed"
    # The job waits past the effect's last try, so it never runs beside it.
    assert BACKSTOP_AFTER > timedelta(seconds=ATTEMPTS * VISIBILITY_S)
    assert changes_due(later(deps, timedelta(seconds=ATTEMPTS * VISIBILITY_S))) == 0
    assert changes_due(later(deps, BACKSTOP_AFTER)) == 0  # still away: left for the next run
    monkeypatch.setattr(GovukPay, "refund", real)
    assert [changes_due(later(deps, BACKSTOP_AFTER)), changes_due(later(deps, BACKSTOP_AFTER))] == [1, 0]
    assert refunds_at_provider(deps, pay, made["id"]) == [1000]
    assert deps.bulky.get(made["id"]).due == "remind"


def test_a_runner_that_read_the_booking_before_another_settled_its_refund_refunds_nothing_more(
        client, deps, people, pay):
    """The backstop meeting a late try of the effect: it read the refund as owed, the other made
    and recorded it; the provider refuses the stored figure, and the refund Doorstep recorded for
    this change is taken as the one made, never a reason to agree a fresh figure and pay again."""
    from chalicelib.handlers.waste.change_refunds import refund_owed
    made, resident = confirmed_booking(client, deps, people, items=THREE)
    fewer_items(client, resident, made["id"])
    as_read = deps.bulky.get(made["id"])
    assert run_stream(deps, "bulky_change_refund") == []
    assert refund_owed(deps, as_read)["amount"] == 1000  # what it found, settled by the other already
    assert refunds_at_provider(deps, pay, made["id"]) == [1000]
    assert [r["amount"] for r in deps.payments.get(made["payment"]["id"]).refunds] == [1000]


def test_a_refund_made_at_the_provider_outside_doorstep_meanwhile_is_not_taken_for_the_change_s(
        client, deps, people, pay):
    from chalicelib.handlers.payments import core
    made, resident = confirmed_booking(client, deps, people, items=THREE)
    fewer_items(client, resident, made["id"])  # 1000 owed, naming 4500 refundable
    payment = deps.payments.get(made["payment"]["id"])
    core.provider(deps).refund(payment.provider_id, 500, 4500)  # staff, on the provider's own dashboard
    assert run_stream(deps, "bulky_change_refund") == []  # refused (4500 is stale), then agreed afresh: 4000
    assert refunds_at_provider(deps, pay, made["id"]) == [500, 1000]
    assert deps.bulky.get(made["id"]).changes[0]["refund"]["amount"] == 1000
