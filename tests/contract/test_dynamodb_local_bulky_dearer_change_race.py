"""Ten presses at once of a change that costs more: with ten keys (two
phones, a double tap) one change is held and paid for, every other press is
told 409 at once; with one key (a retry storm) every press answers the same
held change (its payment, or null while the first press is still making it)
and the provider is asked for one payment. The new day's place
is taken once. On DynamoDB Local only: moto's server restores whole tables
when a transaction is cancelled, undoing other threads' writes (NOTES.md),
which here lost the winner's payment id."""
import dataclasses
from datetime import timedelta

from chalicelib.auth.principal import Principal
from chalicelib.errors import ApiError
from contract.dynamodb_local_backend import aws, dynamodb_local_tables, storage  # noqa: F401
from support.pay_support import ROUND, home_with_round, pay  # noqa: F401
from support.racing import at_once

PRESSES = 10


def confirmed(deps, uprn, day):
    """A confirmed booking (stored as the hold and the payment hook would leave it)."""
    from chalicelib.storage.records import BulkyBooking
    now = deps.clock()
    booking = BulkyBooking(id="BK-RACE22", uprn=uprn, address="5 Walmgate", round_id=ROUND, date=day,
                           items=[{"id": "sofa", "name": "Sofa or settee", "price": 1500}], amount=2500,
                           user_id="racer", status="held", hold_until=now + timedelta(minutes=30), created_at=now,
                           updated_at=now)
    deps.bulky.hold(booking, 20)
    assert deps.bulky.confirm(booking.id, now)
    return booking.id


def presses(deps, booking_id, body, keys):
    from chalicelib.handlers.waste import changes
    own = dataclasses.replace(deps, principal=Principal(user_id="racer", role="resident"))

    def press(key):
        try:
            view, _ = changes.change(own, booking_id, body, key)
            # A retry answering before the first press has its payment sees the change held, its payment null.
            return 200, (view["pending_change"]["payment"] or {}).get("id")
        except ApiError as e:
            return e.status, e.code
    return at_once(press, keys)


def test_ten_presses_of_a_dearer_change_hold_one_change_and_ask_for_one_payment(deps, pay):
    from chalicelib.handlers.waste.dates import offered
    uprn = home_with_round(deps)
    days = [d["date"] for d in offered(deps, uprn)["dates"]]
    booking_id = confirmed(deps, uprn, days[-1])
    body = {"items": ["sofa", "fridge", "armchair"], "date": days[0]}
    same = presses(deps, booking_id, body, ["one-key-for-all"] * PRESSES)
    assert {status for status, _ in same} == {200} and len({payment for _, payment in same} - {None}) == 1, same
    held = deps.bulky.get(booking_id).pending_payment
    assert len([p for p in pay.payments.values() if p["amount"] == 2000]) == 1
    assert deps.bulky.taken(ROUND, [days[0], days[-1]]) == {days[0]: 1, days[-1]: 1}
    assert {payment for _, payment in same} - {None} == {held}
    deps.bulky.let_change_go(deps.bulky.get(booking_id), held, None)
    assert deps.bulky.taken(ROUND, [days[0]]) == {days[0]: 0}

    apart = presses(deps, booking_id, body, [f"key-{n:04d}" for n in range(PRESSES)])
    won = [a for a in apart if a[0] == 200]
    assert len(won) == 1 and all(status == 409 for status, _ in apart if status != 200), apart
    assert len([p for p in pay.payments.values() if p["amount"] == 2000]) == 2
    assert deps.bulky.get(booking_id).pending_payment == won[0][1] and won[0][1] is not None
    assert deps.bulky.taken(ROUND, [days[0], days[-1]]) == {days[0]: 1, days[-1]: 1}
