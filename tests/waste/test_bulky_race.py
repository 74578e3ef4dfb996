"""Residents racing for a day's last places: the database decides, in the
transaction that takes the place, so exactly as many win as there are places
and every other is told at once (slot_full); then each winner pays through
the provider and is confirmed. Run here on moto and again on DynamoDB Local
(tests/contract/test_dynamodb_local_bulky_race.py)."""
import dataclasses
import time

from chalicelib.auth.principal import Principal
from chalicelib.errors import ApiError
from chalicelib.handlers.payments import routes as _payments  # noqa: F401  (the payment_finished effect, as app.py wires it)
from chalicelib.handlers.waste import routes  # noqa: F401  (registers bulky's payment hook, as app.py's wiring does)
from support.pay_support import SUCCESS, home_with_round, pay, pay_with  # noqa: F401
from support.racing import at_once

RESIDENTS, PLACES = 50, 10


def _race(deps, uprn, day, residents):
    from chalicelib.handlers.waste import bookings

    def one(n):
        own = dataclasses.replace(deps, principal=Principal(user_id=f"racer-{n}", role="resident",
                                                           email=f"racer{n}@example.org"))
        try:
            view, _ = bookings.create(own, {"uprn": uprn, "date": day, "items": ["sofa", "chair"]}, f"race-key-{n:04d}")
            return 201, view
        except ApiError as e:
            return e.status, e.code
    return at_once(one, range(residents))


def test_fifty_residents_racing_for_ten_places_exactly_ten_win_and_are_confirmed_once_paid(deps, pay):
    from chalicelib.handlers.payments.core import returned
    from chalicelib.handlers.waste.dates import offered
    uprn = home_with_round(deps, capacity=PLACES)
    day = offered(deps, uprn)["dates"][0]["date"]
    started = time.monotonic()
    answers = _race(deps, uprn, day, RESIDENTS)
    took = time.monotonic() - started
    won = [view for status, view in answers if status == 201]
    assert len(won) == PLACES, sorted(str(a[1]) for a in answers if a[0] != 201)[:3]
    assert sorted(view for status, view in answers if status != 201) == ["slot_full"] * (RESIDENTS - PLACES)
    assert offered(deps, uprn)["dates"][0]["places_left"] == 0
    for view in won:  # each winner pays and comes back
        back = pay_with(view["payment"]["next_url"], SUCCESS)
        assert returned(deps, back.rsplit("/", 1)[1]) == f"/bulky/bookings/{view['id']}"
    assert [deps.bulky.get(v["id"]).status for v in won] == ["confirmed"] * PLACES
    assert len(pay.payments) == PLACES  # the losers were never charged
    print(f"\n{RESIDENTS} concurrent bookings for {PLACES} places: {len(won)} held and confirmed, "
          f"{RESIDENTS - len(won)} told slot_full; the race took {took:.2f} s")
