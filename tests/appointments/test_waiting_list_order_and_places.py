"""The waiting list serves residents in the order they joined (to the
millisecond, whatever their ids), refuses a place it does not know, and
lets a resident go as soon as they book the time offered to them."""
import re
from datetime import timedelta

import pytest

from chalicelib.errors import ApiError
from chalicelib.handlers.appointments import routes  # noqa: F401  (registers the effects)
from chalicelib.handlers.appointments.changing import cancel
from chalicelib.handlers.appointments.waiting import join
from support.appointments_support import TUESDAY_8AM, book, hold, resident

WEDNESDAY = "2026-12-23T10:30:00Z"
BEFORE = "2026-12-29T00:00:00Z"


def offered_to(deps, email):
    bodies = [m["body"] for m in deps.accounts.messages_to([email]) if "offer=" in m["body"]]
    return [re.search(r"offer=(AP-[0-9A-Z]{8})", b).group(1) for b in bodies]


def cancel_ada(deps):
    body = deps.accounts.messages_to(["resident1@example.org"])[-1]["body"]
    cancel(resident(deps, 1, TUESDAY_8AM), {"token": re.search(r"manage\?cancel=([A-Za-z0-9_.-]+)", body).group(1)})


def test_two_who_join_in_one_minute_are_offered_in_joining_order_not_by_their_ids(demo):
    ada = resident(demo, 1, TUESDAY_8AM)
    book(ada, hold(ada, WEDNESDAY).id)
    # resident-9 joins first, 30 seconds before resident-2, in the same minute: "resident-2" sorts first.
    join(resident(demo, 9, TUESDAY_8AM + timedelta(seconds=10)), {"service_id": "housing-options", "before": BEFORE})
    join(resident(demo, 2, TUESDAY_8AM + timedelta(seconds=40)), {"service_id": "housing-options", "before": BEFORE})
    cancel_ada(demo)
    assert len(offered_to(demo, "resident9@example.org")) == 1
    assert offered_to(demo, "resident2@example.org") == []


@pytest.mark.parametrize("calendar_id, status", [("no-such-desk", 422), ({"id": "west-offices-housing-1"}, 400),
                                                 (["west-offices-housing-1"], 400), ("council-tax-phones", 422)])
def test_a_place_the_service_does_not_have_is_refused_on_the_waiting_list_and_a_hold(demo, calendar_id, status):
    bob = resident(demo, 2, TUESDAY_8AM)
    asks = (lambda: join(bob, {"service_id": "housing-options", "before": BEFORE, "calendar_id": calendar_id}),
            lambda: hold(bob, WEDNESDAY, calendar_id=calendar_id))
    for ask in asks:
        with pytest.raises(ApiError) as refused:
            ask()
        assert (refused.value.status, refused.value.code) == (status, "validation_failed")
        assert [f["field"] for f in refused.value.fields] == ["calendar_id"]
    assert demo.waiting.place_of("housing-options", "resident-2") is None
    assert demo.appointments.holder("resident-2") is None


def test_a_resident_who_books_an_offered_time_with_no_later_booking_leaves_the_list_at_once(demo):
    ada, bob = resident(demo, 1, TUESDAY_8AM), resident(demo, 2, TUESDAY_8AM)
    book(ada, hold(ada, WEDNESDAY).id)
    join(bob, {"service_id": "housing-options", "before": BEFORE})
    cancel_ada(demo)
    [offered_id] = offered_to(demo, "resident2@example.org")
    taken, _ = book(bob, offered_id)
    assert (taken["start"], taken["status"]) == (WEDNESDAY, "booked")
    assert demo.waiting.place_of("housing-options", "resident-2") is None  # not waiting for the sweep
    assert demo.waiting.waiting("housing-options") == []
    assert demo.waiting.offers_due(TUESDAY_8AM + timedelta(hours=1)) == []
