"""Leaving the waiting list: with the leave link of an offer's e-mail (a
single-purpose token: a cancel link does not leave, a leave link does not
cancel) or signed in from the resident's own appointments; an offer held for
them goes on to the next waiting."""
import re

import pytest

from chalicelib.errors import ApiError
from chalicelib.handlers.appointments import routes  # noqa: F401  (registers the effects)
from chalicelib.handlers.appointments.changing import cancel
from chalicelib.handlers.appointments.leaving import by_link, mine
from chalicelib.handlers.appointments.waiting import join
from support.appointments_support import TUESDAY_8AM, book, hold, resident

WEDNESDAY = "2026-12-23T10:30:00Z"
BEFORE = "2026-12-29T00:00:00Z"


def body_to(deps, email, subject):
    [found] = [m["body"] for m in deps.accounts.messages_to([email]) if m["subject"].startswith(subject)]
    return found


def token(body, purpose):
    return re.search(rf"manage\?{purpose}=([A-Za-z0-9_.-]+)", body).group(1)


def test_the_offer_emails_leave_link_lets_the_offered_time_go_to_the_next_waiting(demo):
    ada, bob, cy = (resident(demo, n, TUESDAY_8AM) for n in (1, 2, 3))
    book(ada, hold(ada, WEDNESDAY).id)
    for waiting in (bob, cy):
        join(waiting, {"service_id": "housing-options", "before": BEFORE})
    cancel_token = token(body_to(demo, "resident1@example.org", "Appointment booked"), "cancel")
    cancel(ada, {"token": cancel_token})
    offer = body_to(demo, "resident2@example.org", "An earlier time")
    offered_id = re.search(r"offer=(AP-[0-9A-Z]{8})", offer).group(1)
    with pytest.raises(ApiError) as wrong:  # a cancel link is no leave link
        by_link(resident(demo, 9, TUESDAY_8AM), {"token": cancel_token})
    assert (wrong.value.status, wrong.value.code) == (404, "link_not_valid")
    stranger = resident(demo, 9, TUESDAY_8AM)  # the link is the key: no sign-in needed
    left = by_link(stranger, {"token": token(offer, "leave")})
    assert (left["service_id"], left["state"]) == ("housing-options", "left")
    assert demo.waiting.place_of("housing-options", "resident-2") is None
    assert demo.appointments.get(offered_id).status == "released"
    body_to(demo, "resident3@example.org", "An earlier time is free: Housing options interview, Wednesday 23")
    with pytest.raises(ApiError) as again:
        by_link(stranger, {"token": token(offer, "leave")})
    assert (again.value.status, again.value.code) == (409, "not_waiting")


def test_a_resident_leaves_a_list_from_their_own_appointments_and_only_their_own(demo):
    bob, cy = resident(demo, 2, TUESDAY_8AM), resident(demo, 3, TUESDAY_8AM)
    join(bob, {"service_id": "housing-options", "before": BEFORE})
    with pytest.raises(ApiError) as not_cys:
        mine(cy, "housing-options")
    assert (not_cys.value.status, not_cys.value.code) == (409, "not_waiting")
    assert mine(bob, "housing-options")["state"] == "left"
    assert demo.waiting.waiting("housing-options") == []
    join(bob, {"service_id": "housing-options", "before": BEFORE})  # and may join again


def test_a_leave_link_ends_at_the_time_the_resident_asked_to_be_seen_before(demo):
    ada, bob = resident(demo, 1, TUESDAY_8AM), resident(demo, 2, TUESDAY_8AM)
    book(ada, hold(ada, WEDNESDAY).id)
    join(bob, {"service_id": "housing-options", "before": BEFORE})
    cancel(ada, {"token": token(body_to(demo, "resident1@example.org", "Appointment booked"), "cancel")})
    leave = token(body_to(demo, "resident2@example.org", "An earlier time"), "leave")
    from datetime import datetime, timezone
    after = resident(demo, 2, datetime(2026, 12, 29, 0, 0, tzinfo=timezone.utc))
    with pytest.raises(ApiError) as late:
        by_link(after, {"token": leave})
    assert (late.value.status, late.value.code) == (403, "link_expired")
