"""Residents racing to move their collections onto a day's last place: the
change's own transaction takes it, so exactly one moves and every other is
told slot_full at once, and each day's count stays exact. Run here on moto
and again on DynamoDB Local (tests/contract/test_dynamodb_local_bulky_change_race.py)."""
import dataclasses

from chalicelib.auth.principal import Principal
from chalicelib.errors import ApiError
from support.pay_support import ROUND, home_with_round
from support.racing import at_once

MOVERS, PLACES = 10, 10


def confirmed(deps, uprn, day, n):
    """A confirmed booking of resident n's (stored as the hold and the payment hook would leave it)."""
    from chalicelib.storage.records import BulkyBooking
    from datetime import timedelta
    now = deps.clock()
    booking = BulkyBooking(id="BK-" + "".join("ABCDEFGHJK"[int(c)] for c in f"{n:06d}"), uprn=uprn, address="5 Walmgate",
                           round_id=ROUND, date=day, items=[{"id": "sofa", "name": "Sofa or settee", "price": 2500}],
                           amount=2500, user_id=f"mover-{n}", status="held", hold_until=now + timedelta(minutes=30),
                           created_at=now, updated_at=now)
    deps.bulky.hold(booking, PLACES)
    assert deps.bulky.confirm(booking.id, now)
    return booking.id


def test_ten_residents_moving_onto_a_day_s_last_place_exactly_one_moves(deps):
    from chalicelib.handlers.waste import changes
    from chalicelib.handlers.waste.dates import offered
    uprn = home_with_round(deps, capacity=PLACES)
    days = [d["date"] for d in offered(deps, uprn)["dates"]]
    target, origin = days[0], days[-1]
    for n in range(PLACES - 1):
        confirmed(deps, uprn, target, 100 + n)
    movers = [confirmed(deps, uprn, origin, n) for n in range(MOVERS)]

    def move(n):
        own = dataclasses.replace(deps, principal=Principal(user_id=f"mover-{n}", role="resident"))
        try:
            view, _ = changes.change(own, movers[n], {"date": target}, f"move-key-{n:04d}")
            return 200, view["date"]
        except ApiError as e:
            return e.status, e.code
    answers = at_once(move, range(MOVERS))
    assert sorted(answers) == [(200, target)] + [(409, "slot_full")] * (MOVERS - 1), answers
    assert deps.bulky.taken(ROUND, [target, origin]) == {target: PLACES, origin: MOVERS - 1}
    assert sorted(deps.bulky.get(b).date for b in movers) == [target] + [origin] * (MOVERS - 1)
