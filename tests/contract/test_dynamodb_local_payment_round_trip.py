"""tests/payments/test_payment_round_trip.py again, on DynamoDB Local instead
of moto: the conditional writes that decide who confirms, cancels and refunds,
under the app's real concurrency (its server's threads, the provider's webhooks)."""
from contract.dynamodb_local_backend import aws, dynamodb_local_tables, rerun, storage  # noqa: F401

rerun("payments/test_payment_round_trip.py", globals(),
      only=("pressed_twice", "hold_was_released", "mailed_once", "hold_that_runs_out"))


def test_told_at_once_by_returns_and_webhooks_the_booking_is_confirmed_and_receipted_once(app_url, pay, deps,  # noqa: F811
                                                                                         people):
    import json
    import requests
    from support.pay_support import SUCCESS, home_with_round, pay_with
    from support.racing import at_once
    uprn, resident = home_with_round(deps), people()
    held = book(app_url, resident, uprn).json()  # noqa: F821  (from the module rerun above)
    pay.webhooks_paused = True
    back = pay_with(held["payment"]["next_url"], SUCCESS)
    provider_id = deps.payments.get(held["payment"]["id"]).provider_id
    body = json.dumps({"resource_id": provider_id, "resource_type": "payment", "event_type": "card_payment_succeeded",
                       "resource": {"metadata": {"doorstep_payment": held["payment"]["id"]}}}).encode()
    hook = lambda: requests.post(f"{app_url}/v1/payments/webhook", data=body, timeout=20,  # noqa: E731
                                 headers={"Content-Type": "application/json", "Pay-Signature": pay.signature(body)})
    ret = lambda: requests.get(back, allow_redirects=False, timeout=20)  # noqa: E731
    at_once(lambda call: call(), (hook, ret) * 4)
    assert booking(app_url, resident, held["id"])["status"] == "confirmed"  # noqa: F821
    receipts = [m for m in deps.accounts.messages_to([resident.user.email]) if "is booked" in m["subject"]]
    assert len(receipts) == 1
