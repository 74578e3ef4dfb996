"""A bulky collection paid for through the local provider, over real HTTP
end to end: the app served as `make run` serves it, the provider's card page
filled in as a payer would, its webhooks sent to the app. The payment's state
is always the provider's: a return, a webhook or the reconciliation job only
makes the app ask for it."""
import dataclasses
import logging
import uuid
from datetime import timedelta

import requests

from support.effects_support import run_stream
from support.pay_support import DECLINED, SUCCESS, app_url, home_with_round, pay, pay_with  # noqa: F401
from support.racing import at_once
from support.served import served  # noqa: F401


def book(app_url, person, uprn, items=("sofa", "chair", "table"), key=None, day=None):
    dates = requests.get(f"{app_url}/v1/places/{uprn}/bulky/dates", timeout=10).json()["dates"]
    answer = requests.post(f"{app_url}/v1/waste/bulky/bookings", timeout=20, json={
        "uprn": uprn, "date": day or dates[0]["date"], "items": list(items), "location": "By the front gate"},
        headers={**person.auth, "Idempotency-Key": key or str(uuid.uuid4())})
    return answer


def booking(app_url, person, booking_id):
    return requests.get(f"{app_url}/v1/waste/bulky/bookings/{booking_id}", headers=person.auth, timeout=10).json()


def back_from_provider(return_url):
    """The payer's browser following the provider back: the app's answer (not followed further)."""
    return requests.get(return_url, allow_redirects=False, timeout=20)


def places_left(app_url, uprn, day):
    dates = requests.get(f"{app_url}/v1/places/{uprn}/bulky/dates", timeout=10).json()["dates"]
    return {d["date"]: d["places_left"] for d in dates}[day]


def wait_until(check, seconds=10):
    import time
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.05)
    return check()


def later(deps, minutes):
    """Deps whose clock is `minutes` on from now (the jobs' view of the future)."""
    moment = deps.clock() + timedelta(minutes=minutes)
    return dataclasses.replace(deps, clock=lambda: moment)


def test_a_resident_pays_with_the_success_card_and_returns_to_a_confirmed_booking(app_url, pay, deps, people):
    uprn, resident = home_with_round(deps), people()
    made = book(app_url, resident, uprn)
    assert made.status_code == 201, made.text
    held = made.json()
    # Three items: £15 + £4 + £8 = £27, more than the £25 minimum.
    assert (held["status"], held["amount"], held["amount_text"]) == ("held", 2700, "£27.00")
    assert places_left(app_url, uprn, held["date"]) == 19  # the place is held while paying
    pay.webhooks_paused = True  # the return alone must do it
    back = back_from_provider(pay_with(held["payment"]["next_url"], SUCCESS))
    assert back.status_code == 302 and back.headers["Location"] == f"{app_url}/bulky/bookings/{held['id']}"
    confirmed = booking(app_url, resident, held["id"])
    assert confirmed["status"] == "confirmed" and confirmed["payment"]["status"] == "success"
    assert confirmed["payment"]["next_url"] is None and confirmed["items"][0]["price"] == 1500


def test_a_declined_card_leaves_no_booking_and_gives_the_place_back(app_url, pay, deps, people):
    uprn, resident = home_with_round(deps), people()
    held = book(app_url, resident, uprn).json()
    back = back_from_provider(pay_with(held["payment"]["next_url"], DECLINED))
    assert back.status_code == 302
    after = booking(app_url, resident, held["id"])
    assert (after["status"], after["reason"], after["payment"]["code"]) == ("released", "payment_failed", "P0010")
    assert places_left(app_url, uprn, held["date"]) == 20


def test_a_resident_who_closes_the_tab_after_paying_is_confirmed_by_the_webhook(app_url, pay, deps, people):
    uprn, resident = home_with_round(deps), people()
    held = book(app_url, resident, uprn).json()
    pay_with(held["payment"]["next_url"], SUCCESS)  # and never comes back
    assert wait_until(lambda: booking(app_url, resident, held["id"])["status"] == "confirmed")
    assert wait_until(lambda: any(m["event_type"] == "card_payment_succeeded" for m in pay.delivered))


def test_when_the_webhook_is_lost_too_the_reconciliation_job_confirms_the_booking(app_url, pay, deps, people):
    from chalicelib.handlers.waste.jobs import settle_all
    uprn, resident = home_with_round(deps), people()
    held = book(app_url, resident, uprn).json()
    pay.webhooks_paused = True
    pay_with(held["payment"]["next_url"], SUCCESS)
    assert settle_all(later(deps, 5))["payments"]["checked"] == 0  # too young to chase
    assert booking(app_url, resident, held["id"])["status"] == "held"
    settled = settle_all(later(deps, 16))
    assert settled["payments"] == {"checked": 1, "settled": 1, "unreachable": 0}
    assert booking(app_url, resident, held["id"])["status"] == "confirmed"
    assert settle_all(later(deps, 20))["payments"]["checked"] == 0  # settled ones leave the job's list


def test_a_forged_or_replayed_return_address_changes_nothing(app_url, pay, deps, people):
    uprn, resident = home_with_round(deps), people()
    held = book(app_url, resident, uprn).json()
    payment_id = held["payment"]["id"]
    forged = back_from_provider(f"{app_url}/v1/payments/return/{payment_id}.{'A' * 32}")
    assert forged.status_code == 404 and forged.json()["error"]["code"] == "payment_not_found"
    assert booking(app_url, resident, held["id"])["status"] == "held"
    # The real return address, visited before paying (or replayed after a
    # declined card): the provider says unfinished, so nothing is confirmed.
    pay.webhooks_paused = True
    return_url = deps.payments.get(payment_id)  # the address is only in the provider's record
    real = pay.payments[return_url.provider_id]["return_url"]
    assert back_from_provider(real).status_code == 302
    assert booking(app_url, resident, held["id"])["status"] == "held"
    pay_with(held["payment"]["next_url"], DECLINED)
    for _ in range(2):
        assert back_from_provider(real).status_code == 302
        assert booking(app_url, resident, held["id"])["status"] == "released"


def test_a_webhook_with_a_bad_signature_is_refused_and_logged(app_url, pay, deps, people, caplog):
    uprn, resident = home_with_round(deps), people()
    held = book(app_url, resident, uprn).json()
    pay.webhooks_paused = True
    pay_with(held["payment"]["next_url"], SUCCESS)
    provider_id = deps.payments.get(held["payment"]["id"]).provider_id
    body = ('{"resource_id": "%s", "resource_type": "payment", "event_type": "card_payment_succeeded", '
            '"resource": {"metadata": {"doorstep_payment": "%s"}}}' % (provider_id, held["payment"]["id"])).encode()
    with caplog.at_level(logging.WARNING):
        for signature in ({"Pay-Signature": "0" * 64}, {"Pay-Signature": pay.signature(body + b" ")}, {}):
            refused = requests.post(f"{app_url}/v1/payments/webhook", data=body, timeout=10,
                                    headers={"Content-Type": "application/json", **signature})
            assert refused.status_code == 403 and refused.json()["error"]["code"] == "bad_signature"
    assert booking(app_url, resident, held["id"])["status"] == "held"
    assert sum("webhook refused" in r.getMessage() for r in caplog.records) == 3
    signed = requests.post(f"{app_url}/v1/payments/webhook", data=body, timeout=10, headers={
        "Content-Type": "application/json", "Pay-Signature": pay.signature(body)})
    assert signed.status_code == 200 and signed.json()["payment"] == {"status": "success", "finished": True}
    assert booking(app_url, resident, held["id"])["status"] == "confirmed"


def test_cancel_pressed_twice_or_by_two_at_once_refunds_in_full_exactly_once(app_url, pay, deps, people):
    uprn, resident = home_with_round(deps), people()
    held = book(app_url, resident, uprn).json()
    back_from_provider(pay_with(held["payment"]["next_url"], SUCCESS))
    assert places_left(app_url, uprn, held["date"]) == 19
    url = f"{app_url}/v1/waste/bulky/bookings/{held['id']}/cancel"
    answers = at_once(lambda _: requests.post(url, headers=resident.auth, timeout=20), range(3))
    again = requests.post(url, headers=resident.auth, timeout=20)
    assert [a.status_code for a in answers + [again]] == [200] * 4
    assert {(a.json()["refund"]["status"], a.json()["refund"]["amount"]) for a in answers} == {("due", 2700)}
    provider_id = deps.payments.get(held["payment"]["id"]).provider_id
    assert pay.payments[provider_id]["refunds"] == []  # no answer waited for the provider
    assert run_stream(deps, "bulky_cancel_refund") == [] and run_stream(deps, "bulky_cancel_refund") == []
    final = booking(app_url, resident, held["id"])
    assert final["status"] == "cancelled" and final["refund"]["status"] == "done" and final["refund"]["amount"] == 2700
    provider_id = deps.payments.get(held["payment"]["id"]).provider_id
    assert [r["amount"] for r in pay.payments[provider_id]["refunds"]] == [2700]
    assert final["payment"]["refunded"] == 2700
    assert places_left(app_url, uprn, held["date"]) == 20


def test_a_hold_that_runs_out_is_released_and_its_payment_stopped_so_it_cannot_be_paid_after(app_url, pay, deps,
                                                                                              people):
    from chalicelib.handlers.waste.jobs import settle_all
    uprn, resident = home_with_round(deps), people()
    held = book(app_url, resident, uprn).json()
    assert settle_all(later(deps, 29))["holds_released"] == 0
    assert settle_all(later(deps, 31))["holds_released"] == 1
    after = booking(app_url, resident, held["id"])
    assert after["status"] == "released" and places_left(app_url, uprn, held["date"]) == 20
    provider_id = deps.payments.get(held["payment"]["id"]).provider_id
    assert pay.payments[provider_id]["status"] == "cancelled"


def test_while_the_provider_is_down_nothing_is_held_and_the_resident_is_told_to_try_later(app_url, pay, deps,
                                                                                          people, monkeypatch):
    uprn, resident = home_with_round(deps), people()
    monkeypatch.setenv("DOORSTEP_PAY_URL", "http://127.0.0.1:9")  # nothing listens there
    refused = book(app_url, resident, uprn)
    assert refused.status_code == 503 and refused.json()["error"]["code"] == "payments_unavailable"
    assert refused.headers["Retry-After"]
    day = requests.get(f"{app_url}/v1/places/{uprn}/bulky/dates", timeout=10).json()["dates"][0]["date"]
    assert places_left(app_url, uprn, day) == 20


def _release_while_the_provider_is_away(app_url, pay, deps, people, monkeypatch, capacity=20):
    """A booking whose hold ran out while the provider could not be asked:
    released without knowing; the resident then pays on the page still open."""
    from chalicelib.handlers.waste.jobs import settle_all
    uprn, resident = home_with_round(deps, capacity=capacity), people()
    held = book(app_url, resident, uprn).json()
    with monkeypatch.context() as away:
        away.setenv("DOORSTEP_PAY_URL", "http://127.0.0.1:9")
        assert settle_all(later(deps, 31))["holds_released"] == 1
    assert booking(app_url, resident, held["id"])["status"] == "released"
    return uprn, resident, held


def test_paid_after_its_hold_was_released_in_an_outage_the_booking_takes_its_place_again(app_url, pay, deps, people,
                                                                                          monkeypatch):
    uprn, resident, held = _release_while_the_provider_is_away(app_url, pay, deps, people, monkeypatch)
    pay_with(held["payment"]["next_url"], SUCCESS)
    assert wait_until(lambda: booking(app_url, resident, held["id"])["status"] == "confirmed")
    assert places_left(app_url, uprn, held["date"]) == 19


def test_paid_after_its_hold_was_released_and_the_day_filled_the_money_goes_back_in_full(app_url, pay, deps, people,
                                                                                         monkeypatch):
    uprn, resident, held = _release_while_the_provider_is_away(app_url, pay, deps, people, monkeypatch, capacity=1)
    other = people()
    taken = book(app_url, other, uprn, day=held["date"])
    assert taken.status_code == 201  # the released place went to someone else
    pay_with(held["payment"]["next_url"], SUCCESS)
    assert wait_until(lambda: (booking(app_url, resident, held["id"]).get("refund") or {}).get("status") == "done")
    final = booking(app_url, resident, held["id"])
    assert (final["status"], final["reason"], final["refund"]["amount"]) == ("cancelled", "paid_after_hold_no_place",
                                                                             2700)
    provider_id = deps.payments.get(held["payment"]["id"]).provider_id
    assert [r["amount"] for r in pay.payments[provider_id]["refunds"]] == [2700]
    assert places_left(app_url, uprn, held["date"]) == 0  # never over-booked


def test_a_receipt_is_mailed_once_when_paid_and_word_of_the_refund_once_when_cancelled(app_url, pay, deps, people):
    uprn, resident = home_with_round(deps), people()
    held = book(app_url, resident, uprn).json()
    pay.webhooks_paused = True
    back_from_provider(pay_with(held["payment"]["next_url"], SUCCESS))
    pay.webhooks_paused = False  # then the webhooks tell the app again, twice
    assert wait_until(lambda: len(pay.delivered) >= 2)
    mail = deps.accounts.messages_to([resident.user.email])
    receipts = [m for m in mail if "is booked" in (m["subject"] or "")]
    assert len(receipts) == 1
    assert held["id"] in receipts[0]["body"] and "Total paid: £27.00" in receipts[0]["body"]
    assert "Sofa or settee: £15.00" in receipts[0]["body"]
    for _ in range(2):
        requests.post(f"{app_url}/v1/waste/bulky/bookings/{held['id']}/cancel", headers=resident.auth, timeout=20)
    cancelled = [m for m in deps.accounts.messages_to([resident.user.email]) if "is cancelled" in m["subject"]]
    assert len(cancelled) == 1 and "£27.00 is being refunded" in cancelled[0]["body"]
