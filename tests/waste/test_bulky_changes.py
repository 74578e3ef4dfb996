"""Changing a confirmed bulky booking until its cut-off: another day takes the
new place and gives the old one back in one transaction; fewer items refund
the difference through the provider exactly once, from the change's own
event (the request answers without asking the provider), whatever is retried
(the same Idempotency-Key, the event delivered again, a refund whose answer
was lost); bad changes are told why and change nothing."""
import dataclasses
import uuid
from datetime import date

import pytest

from chalicelib.handlers.waste.dates import cut_off
from support.effects_support import run_stream
from support.pay_support import ROUND, confirmed_booking, pay  # noqa: F401

THREE = ("sofa", "fridge", "armchair")  # 1500 + 2000 + 1000 pence: above the 2500 minimum


def change(client, resident, booking_id, body, key=None):
    return client.post(f"/v1/waste/bulky/bookings/{booking_id}/change", body,
                       {**resident.auth, "Idempotency-Key": key or str(uuid.uuid4())})


def provider_refunds(deps, booking_id):
    from chalicelib.handlers.payments import core
    payment = deps.payments.get(deps.bulky.get(booking_id).payment_id)
    return [r.amount for r in core.provider(deps).refunds(payment.provider_id)]


def test_moving_day_takes_the_new_place_and_gives_the_old_one_back(client, deps, people, pay):
    made, resident = confirmed_booking(client, deps, people)
    first = client.get(f"/v1/places/{made['uprn']}/bulky/dates").json_body["dates"][0]["date"]
    assert deps.bulky.taken(ROUND, [made["date"], first]) == {made["date"]: 1, first: 0}
    moved = change(client, resident, made["id"], {"date": first, "location": "In the drive"})
    assert moved.status_code == 200, moved.body
    body = moved.json_body
    assert (body["date"], body["location"], body["amount"], body["status"]) == (first, "In the drive", 2500,
                                                                                 "confirmed")
    assert body["changes"][0]["before"]["date"] == made["date"] and body["changes"][0]["refund"] is None
    assert deps.bulky.taken(ROUND, [made["date"], first]) == {made["date"]: 0, first: 1}
    assert provider_refunds(deps, made["id"]) == []
    mail = [m for m in deps.accounts.messages_to([resident.user.email]) if "changed" in m["subject"]]
    assert len(mail) == 1 and "In the drive" in mail[0]["body"]


def test_fewer_items_refund_the_difference_once_however_often_the_change_is_sent(client, deps, people, pay):
    made, resident = confirmed_booking(client, deps, people, items=THREE)
    assert made["amount"] == 4500
    key = str(uuid.uuid4())
    answers = [change(client, resident, made["id"], {"items": ["sofa", "fridge"]}, key) for _ in range(3)]
    assert [a.status_code for a in answers] == [200, 200, 200]
    body = answers[-1].json_body
    assert body["amount"] == 3500 and [i["id"] for i in body["items"]] == ["sofa", "fridge"]
    assert body["changes"][0]["refund"]["status"] == "due" and body["changes"][0]["refund"]["amount"] == 1000
    assert provider_refunds(deps, made["id"]) == []  # the request asked the provider nothing
    assert run_stream(deps, "bulky_change_refund") == [] and run_stream(deps, "bulky_change_refund") == []
    body = client.get(f"/v1/waste/bulky/bookings/{made['id']}", resident.auth).json_body
    assert body["changes"][0]["refund"]["status"] == "done" and body["changes"][0]["refund"]["amount"] == 1000
    assert body["payment"]["refunded"] == 1000
    assert provider_refunds(deps, made["id"]) == [1000]
    reused = change(client, resident, made["id"], {"items": ["sofa"]}, key)
    assert reused.status_code == 422 and reused.json_body["error"]["code"] == "idempotency_key_reused"
    # Cancelled afterwards: what is left comes back, and no more.
    client.post(f"/v1/waste/bulky/bookings/{made['id']}/cancel", {}, resident.auth)
    assert provider_refunds(deps, made["id"]) == [1000]  # the refund follows from the cancellation's event
    assert run_stream(deps, "bulky_cancel_refund") == [] and run_stream(deps, "bulky_cancel_refund") == []
    assert provider_refunds(deps, made["id"]) == [1000, 3500]


def test_a_refund_whose_answer_was_lost_is_found_not_made_again(client, deps, people, pay, monkeypatch):
    from chalicelib.handlers.payments.govuk_pay import GovukPay
    from chalicelib.handlers.payments.provider import ProviderError
    made, resident = confirmed_booking(client, deps, people, items=THREE)
    real = GovukPay.refund

    def answer_lost(self, *args):
        real(self, *args)  # the provider makes it...
        raise ProviderError("The payment provider could not be reached: timed out")  # ...the answer never comes
    answer = change(client, resident, made["id"], {"items": ["sofa", "fridge"]})
    assert answer.status_code == 200 and answer.json_body["changes"][0]["refund"]["status"] == "due"
    monkeypatch.setattr(GovukPay, "refund", answer_lost)
    assert len(run_stream(deps, "bulky_change_refund")) == 1  # the queue brings the job back
    monkeypatch.setattr(GovukPay, "refund", real)
    again = change(client, resident, made["id"], {"location": "Back lane"})
    assert again.status_code == 409 and again.json_body["error"]["code"] == "change_in_progress"
    assert run_stream(deps, "bulky_change_refund") == [] and run_stream(deps, "bulky_change_refund") == []
    assert provider_refunds(deps, made["id"]) == [1000]
    seen = client.get(f"/v1/waste/bulky/bookings/{made['id']}", resident.auth).json_body
    assert seen["changes"][0]["refund"]["status"] == "done" and seen["payment"]["refunded"] == 1000
    assert deps.bulky.get(made["id"]).due == "remind"  # its reminders go on


@pytest.mark.parametrize("body, status, where", [
    ({}, 400, "body"), ({"colour": "red"}, 400, "colour"), ({"date": "next week"}, 400, "date"),
    ({"items": ["piano"]}, 422, "items[0]"), ({"items": []}, 400, "items"),
    ({"date": "2020-01-06"}, 422, "date_not_offered")])
def test_a_bad_change_is_told_why_and_changes_nothing(client, deps, people, pay, body, status, where):
    made, resident = confirmed_booking(client, deps, people, items=THREE)
    answer = change(client, resident, made["id"], body)
    assert answer.status_code == status, answer.body
    error = answer.json_body["error"]
    assert where in [f["field"] for f in error.get("fields") or []] + [error["code"]]
    assert deps.bulky.get(made["id"]).change_seq == 0 and provider_refunds(deps, made["id"]) == []


def test_no_change_without_a_key_after_the_cut_off_or_by_someone_else(client, deps, people, pay):
    from chalicelib.handlers.waste import changes
    made, resident = confirmed_booking(client, deps, people)
    keyless = client.post(f"/v1/waste/bulky/bookings/{made['id']}/change", {"notes": "x"}, resident.auth)
    assert keyless.status_code == 400 and keyless.json_body["error"]["fields"][0]["field"] == "Idempotency-Key"
    assert change(client, people(), made["id"], {"notes": "x"}).status_code == 404
    from chalicelib.auth.principal import Principal
    late = dataclasses.replace(deps, clock=lambda: cut_off(date.fromisoformat(made["date"]), deps.calendar),
                               principal=Principal(user_id=resident.user.id, role="resident"))
    with pytest.raises(Exception) as refused:
        changes.change(late, made["id"], {"notes": "x"}, str(uuid.uuid4()))
    assert getattr(refused.value, "code", None) == "past_cut_off"
