"""A change that costs more: the difference is a second payment through the
same provider. The change is held (the new day's place with it) while the
resident pays; the booking is untouched until the provider says paid; unpaid
when its hold runs out it is let go; paid after it was let go, the money goes
back. Retried, it is one change and one payment."""
import dataclasses
import uuid
from datetime import timedelta

from support.effects_support import run_stream
from support.pay_support import DECLINED, ROUND, SUCCESS, confirmed_booking, pay, pay_with  # noqa: F401

THREE = ("sofa", "fridge", "armchair")  # 4500 pence


def change(client, resident, booking_id, body, key=None):
    return client.post(f"/v1/waste/bulky/bookings/{booking_id}/change", body,
                       {**resident.auth, "Idempotency-Key": key or str(uuid.uuid4())})


def back(client, return_url):
    """The resident's browser following the provider back to the app."""
    return client.get(return_url[return_url.index("/v1/"):])


def later(deps, minutes):
    moment = deps.clock() + timedelta(minutes=minutes)
    return dataclasses.replace(deps, clock=lambda: moment)


def refunds_of(deps, pay, payment_id):
    return [r["amount"] for r in pay.payments[deps.payments.get(payment_id).provider_id]["refunds"]]


def mail(deps, resident, words):
    return [m for m in deps.accounts.messages_to([resident.user.email]) if words in m["subject"] + m["body"]]


def test_a_dearer_change_is_made_only_once_its_difference_is_paid(client, deps, people, pay):
    made, resident = confirmed_booking(client, deps, people)  # a sofa: 2500, the minimum
    first = client.get(f"/v1/places/{made['uprn']}/bulky/dates").json_body["dates"][0]["date"]
    key = str(uuid.uuid4())
    wanted = {"items": list(THREE), "date": first}
    answers = [change(client, resident, made["id"], wanted, key) for _ in range(3)]
    assert [a.status_code for a in answers] == [200, 200, 200]
    held = answers[0].json_body["pending_change"]
    assert (held["difference"], held["difference_text"], held["after"]["amount"]) == (2000, "£20.00", 4500)
    assert {a.json_body["pending_change"]["payment"]["id"] for a in answers} == {held["payment"]["id"]}
    assert len([p for p in pay.payments.values() if p["amount"] == 2000]) == 1
    booking = answers[-1].json_body  # untouched until paid, the new day's place held meanwhile
    assert (booking["amount"], booking["date"], len(booking["items"])) == (2500, made["date"], 1)
    assert deps.bulky.taken(ROUND, [made["date"], first]) == {made["date"]: 1, first: 1}
    other = change(client, resident, made["id"], {"notes": "Ring twice"})
    assert other.status_code == 409 and other.json_body["error"]["code"] == "change_in_progress"
    forged = client.get(f"/v1/payments/return/{held['payment']['id']}.not-the-secret")
    assert forged.status_code == 404 and deps.bulky.get(made["id"]).amount == 2500

    returned = back(client, pay_with(held["payment"]["next_url"], SUCCESS))
    assert returned.status_code in (302, 303) and f"/bulky/bookings/{made['id']}" in returned.headers["Location"]
    after = client.get(f"/v1/waste/bulky/bookings/{made['id']}", resident.auth).json_body
    assert (after["amount"], after["date"], len(after["items"]), after["pending_change"]) == (4500, first, 3, None)
    assert after["changes"][0]["payment"] == {"id": held["payment"]["id"], "amount": 2000}
    assert deps.bulky.taken(ROUND, [made["date"], first]) == {made["date"]: 0, first: 1}
    assert len(mail(deps, resident, "paying the difference, £20.00")) == 1
    assert deps.bulky.get(made["id"]).due == "remind"  # its reminders go on
    # Cancelled: both payments come back in full, once, however often pressed.
    for _ in range(2):
        client.post(f"/v1/waste/bulky/bookings/{made['id']}/cancel", {}, resident.auth)
    assert run_stream(deps, "bulky_cancel_refund") == [] and run_stream(deps, "bulky_cancel_refund") == []
    cancelled = client.get(f"/v1/waste/bulky/bookings/{made['id']}", resident.auth).json_body
    assert cancelled["refund"]["amount"] == 4500 and cancelled["refund"]["status"] == "done"
    assert refunds_of(deps, pay, made["payment"]["id"]) == [2500]
    assert refunds_of(deps, pay, held["payment"]["id"]) == [2000]


def test_a_declined_difference_leaves_the_booking_as_it_was(client, deps, people, pay):
    made, resident = confirmed_booking(client, deps, people)
    first = client.get(f"/v1/places/{made['uprn']}/bulky/dates").json_body["dates"][0]["date"]
    held = change(client, resident, made["id"], {"items": list(THREE), "date": first}).json_body["pending_change"]
    back(client, pay_with(held["payment"]["next_url"], DECLINED))
    after = client.get(f"/v1/waste/bulky/bookings/{made['id']}", resident.auth).json_body
    assert (after["amount"], after["date"], after["pending_change"], after["changes"]) == (2500, made["date"], None, [])
    assert deps.bulky.taken(ROUND, [made["date"], first]) == {made["date"]: 1, first: 0}
    assert deps.bulky.get(made["id"]).due == "remind"
    again = change(client, resident, made["id"], {"items": ["sofa", "fridge"]})  # and it can be changed again
    assert again.status_code == 200 and again.json_body["pending_change"]["difference"] == 1000


def test_an_unpaid_difference_is_let_go_when_its_hold_runs_out_and_cannot_be_paid_after(client, deps, people, pay):
    from chalicelib.handlers.waste.paid_changes import let_go_expired
    made, resident = confirmed_booking(client, deps, people)
    first = client.get(f"/v1/places/{made['uprn']}/bulky/dates").json_body["dates"][0]["date"]
    held = change(client, resident, made["id"], {"items": list(THREE), "date": first}).json_body["pending_change"]
    assert let_go_expired(later(deps, 29)) == 0
    assert let_go_expired(later(deps, 31)) == 1 and let_go_expired(later(deps, 32)) == 0
    assert deps.bulky.get(made["id"]).pending is None and deps.bulky.get(made["id"]).due == "remind"
    assert deps.bulky.taken(ROUND, [made["date"], first]) == {made["date"]: 1, first: 0}
    assert pay.payments[deps.payments.get(held["payment"]["id"]).provider_id]["status"] == "cancelled"


def test_paid_with_the_tab_closed_the_job_makes_the_change(client, deps, people, pay):
    from chalicelib.handlers.waste.paid_changes import let_go_expired
    made, resident = confirmed_booking(client, deps, people)
    held = change(client, resident, made["id"], {"items": list(THREE)}).json_body["pending_change"]
    pay_with(held["payment"]["next_url"], SUCCESS)  # never returns to the app; no webhook reaches it
    assert let_go_expired(later(deps, 31)) == 0
    assert deps.bulky.get(made["id"]).amount == 4500 and deps.bulky.get(made["id"]).pending is None


def test_paid_after_its_change_was_let_go_in_an_outage_the_difference_is_refunded(client, deps, people, pay,
                                                                                   monkeypatch):
    from chalicelib.handlers.payments import core
    from chalicelib.handlers.waste.paid_changes import let_go_expired
    made, resident = confirmed_booking(client, deps, people)
    held = change(client, resident, made["id"], {"items": list(THREE)}).json_body["pending_change"]
    with monkeypatch.context() as away:
        away.setenv("DOORSTEP_PAY_URL", "http://127.0.0.1:9")  # nothing listens there
        assert let_go_expired(later(deps, 31)) == 1
    pay_with(held["payment"]["next_url"], SUCCESS)  # the page was still open
    core.check(deps, deps.payments.get(held["payment"]["id"]))  # as the return, a webhook or the job would
    core.check(deps, deps.payments.get(held["payment"]["id"]))
    booking = deps.bulky.get(made["id"])
    assert (booking.amount, booking.changes, booking.pending) == (2500, [], None)
    assert refunds_of(deps, pay, held["payment"]["id"]) == [2000]
    assert len(mail(deps, resident, "was not made")) == 1


def test_cancelling_during_an_unpaid_change_lets_it_go_and_refunds_only_what_was_paid(client, deps, people, pay):
    made, resident = confirmed_booking(client, deps, people)
    first = client.get(f"/v1/places/{made['uprn']}/bulky/dates").json_body["dates"][0]["date"]
    held = change(client, resident, made["id"], {"items": list(THREE), "date": first}).json_body["pending_change"]
    cancelled = client.post(f"/v1/waste/bulky/bookings/{made['id']}/cancel", {}, resident.auth).json_body
    assert cancelled["status"] == "cancelled" and cancelled["refund"]["amount"] == 2500
    assert deps.bulky.taken(ROUND, [made["date"], first]) == {made["date"]: 0, first: 0}
    assert pay.payments[deps.payments.get(held["payment"]["id"]).provider_id]["status"] == "cancelled"


def test_a_cheaper_change_after_a_paid_one_refunds_the_newest_payment_first(client, deps, people, pay):
    made, resident = confirmed_booking(client, deps, people, items=THREE)  # 4500
    held = change(client, resident, made["id"], {"items": [*THREE, "washing-machine", "wardrobe"]}
                  ).json_body["pending_change"]
    assert held["difference"] == 2700
    back(client, pay_with(held["payment"]["next_url"], SUCCESS))
    assert change(client, resident, made["id"], {"items": ["sofa"]}).status_code == 200  # 2500: 4700 back
    assert run_stream(deps, "bulky_change_refund") == []  # the refund follows from the change's event
    refund = deps.bulky.get(made["id"]).changes[-1]["refund"]
    assert (refund["status"], refund["amount"]) == ("done", 4700)
    assert refunds_of(deps, pay, held["payment"]["id"]) == [2700]
    assert refunds_of(deps, pay, made["payment"]["id"]) == [2000]
