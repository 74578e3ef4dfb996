"""A bulky collection booked twice at once with one Idempotency-Key (a phone
retrying on a bad network) is one booking, even for the day's last place: the
twin that took it is this booking, not a full day (issue 78). The order the
twins' steps meet in is forced (support/twins.py)."""
import dataclasses

from chalicelib.auth.principal import Principal
from chalicelib.handlers.payments import routes as _payments  # noqa: F401  (the payment_finished effect)
from chalicelib.handlers.waste import routes  # noqa: F401  (registers bulky's payment hook)
from support import twins
from support.pay_support import home_with_round, pay  # noqa: F401
from support.racing import at_once


def test_a_booking_for_the_day_s_last_place_sent_twice_at_once_is_one_booking(deps, pay, monkeypatch):
    from chalicelib.handlers.waste import bookings
    from chalicelib.handlers.waste.dates import offered
    from chalicelib.storage.waste.bulky import BulkyStore
    uprn = home_with_round(deps, capacity=1)
    day = offered(deps, uprn)["dates"][0]["date"]
    own = dataclasses.replace(deps, principal=Principal(user_id="twin", role="resident", email="twin@example.org"))
    body = {"uprn": uprn, "date": day, "items": ["sofa"]}
    # nothing is read of the day's places before the hold: the twins' holds meet
    twins.hold_to(monkeypatch, twins.SEEN_BY_THE_CHECK, check=(BulkyStore, "hold"), write=(BulkyStore, "hold"))
    raced = at_once(lambda _: bookings.create(own, body, "twin-key-0001"), range(2))
    retried, created = bookings.create(own, body, "twin-key-0001")
    assert [view["id"] for view, _ in raced] == [retried["id"]] * 2 and not created
    assert sorted(made for _, made in raced) == [False, True] and len(pay.payments) == 1
    assert offered(deps, uprn)["dates"][0]["places_left"] == 0
