"""A booking sent twice at once with one Idempotency-Key (a phone retrying on
a bad network) is one booking, whatever the order the twins' steps meet in
(issue 78): the twin's hold is neither a clash, nor hours just taken, nor
another booking being paid for. Both orders forced (support/twins.py)."""
import uuid

import pytest

from chalicelib.handlers.hire import routes  # noqa: F401  (registers the payment hook and effects, as app.py does)
from chalicelib.handlers.payments import routes as payment_routes  # noqa: F401  (a finished payment's effect)
from support import twins
from support.hire_support import NOW, at, resident, tuesdays
from support.pay_support import pay  # noqa: F401
from support.racing import at_once


@pytest.mark.parametrize("order", twins.ORDERS)
@pytest.mark.parametrize("weeks", [1, 3])
def test_a_resident_s_booking_sent_twice_at_once_is_one_booking(deps, pay, monkeypatch, order, weeks):
    from chalicelib.handlers.hire.booking import create
    from chalicelib.storage.hire.hire import HireStore
    hirer, key = at(deps, NOW, resident()), str(uuid.uuid4())
    twins.hold_to(monkeypatch, order, check=(HireStore, "taken_at"), write=(HireStore, "hold"))
    raced = at_once(lambda _: create(hirer, tuesdays(weeks=weeks), key), range(2))
    retried, created = create(hirer, tuesdays(weeks=weeks), key)
    assert [view["id"] for view, _ in raced] == [retried["id"]] * 2 and not created
    assert sorted(made for _, made in raced) == [False, True]
    assert retried["status"] == "held" and len(pay.payments) == 1
