"""Cancel and move with the message's links, each link one purpose; the time
left is offered to the first on the waiting list it suits, held for 30
minutes, then passed to the next."""
import re
from datetime import timedelta

import pytest

from chalicelib.errors import ApiError
from chalicelib.handlers.appointments import routes  # noqa: F401  (registers the effects)
from chalicelib.handlers.appointments.changing import cancel, manage, move
from chalicelib.handlers.appointments.waiting import join, pass_on
from support.appointments_support import TUESDAY_8AM, book, hold, load_demo, resident

WEDNESDAY = "2026-12-23T10:30:00Z"
NEXT_TUESDAY = "2026-12-29T10:30:00Z"


@pytest.fixture
def demo(deps):
    load_demo(deps)
    return deps


def link_token(deps, email, purpose):
    """The token in the last message's link (as the resident would follow it)."""
    body = deps.accounts.messages_to([email])[-1]["body"]
    return re.search(rf"manage\?{purpose}=([A-Za-z0-9_.-]+)", body).group(1)


def subjects(deps, email):
    return [m["subject"] for m in deps.accounts.messages_to([email])]


def test_a_moved_appointment_frees_its_time_for_the_first_waiting_then_the_next(demo):
    ada, bob, cy = (resident(demo, n, TUESDAY_8AM) for n in (1, 2, 3))
    booked, _ = book(ada, hold(ada, WEDNESDAY).id)
    for waiting in (bob, cy):
        join(waiting, {"service_id": "housing-options", "before": "2026-12-24T00:00:00Z"})
    token = link_token(demo, "resident1@example.org", "move")
    assert manage(ada, {"move": token})["appointment"]["id"] == booked["id"]
    moved = move(ada, {"token": token, "start": NEXT_TUESDAY})
    assert (moved["start"], moved["status"], moved["moved_from"]) == (NEXT_TUESDAY, "booked", booked["id"])
    assert demo.appointments.get(booked["id"]).status == "moved"
    assert ("Appointment moved: Housing options interview, now Tuesday 29 December 2026 at 10:30am"
            in subjects(demo, "resident1@example.org"))
    offer = subjects(demo, "resident2@example.org")
    assert offer == ["An earlier time is free: Housing options interview, Wednesday 23 December 2026 at 10:30am"]
    assert subjects(demo, "resident3@example.org") == []
    for asked in (lambda: move(ada, {"token": token, "start": WEDNESDAY}), lambda: manage(ada, {"move": token})):
        with pytest.raises(ApiError) as gone:  # the old link moves nothing now, and says where it went
            asked()
        assert (gone.value.status, gone.value.code) == (409, "moved")
        assert gone.value.message.startswith(f"This appointment was moved to Tuesday 29 December 2026 at 10:30am. "
                                             f"Its new reference is {moved['id']}")
    # Bob does not answer: half an hour on, the sweep passes it to Cy.
    later = resident(demo, 9, TUESDAY_8AM + timedelta(minutes=31))
    assert pass_on(later) == 1
    assert subjects(demo, "resident3@example.org")[0].startswith("An earlier time is free")
    offered = [a for a in demo.appointments.day(TUESDAY_8AM.date() + timedelta(days=1))[0]]
    assert offered == []  # an offer is held, not booked, until Cy books it


def test_the_first_waiting_books_the_offered_time(demo):
    ada, bob = resident(demo, 1, TUESDAY_8AM), resident(demo, 2, TUESDAY_8AM)
    book(ada, hold(ada, WEDNESDAY).id)
    join(bob, {"service_id": "housing-options", "before": "2026-12-24T00:00:00Z", "phone": "07700 900222"})
    cancel(ada, {"token": link_token(demo, "resident1@example.org", "cancel")})
    offer_url = demo.accounts.messages_to(["resident2@example.org"])[0]["body"]
    offered_id = re.search(r"offer=(AP-[0-9A-Z]{8})", offer_url).group(1)
    taken, _ = book(bob, offered_id, phone="07700 900222")
    assert (taken["start"], taken["status"]) == (WEDNESDAY, "booked")
    assert any("earlier time free" in m["body"] for m in demo.accounts.messages_to(["+447700900222"]))


def test_a_cancel_link_cannot_move_and_nothing_changes_past_the_notice(demo):
    ada = resident(demo, 1, TUESDAY_8AM)
    booked, _ = book(ada, hold(ada, WEDNESDAY).id)
    cancel_token = link_token(demo, "resident1@example.org", "cancel")
    with pytest.raises(ApiError) as wrong:
        move(ada, {"token": cancel_token, "start": NEXT_TUESDAY})
    assert wrong.value.code == "link_not_valid"
    with pytest.raises(ApiError) as forged:
        cancel(ada, {"token": cancel_token[:-2] + ("AA" if not cancel_token.endswith("AA") else "BB")})
    assert forged.value.code == "link_not_valid"
    too_late = resident(demo, 1, TUESDAY_8AM + timedelta(days=1, hours=1, minutes=31))  # 09:31 on the day
    with pytest.raises(ApiError) as late:
        cancel(too_late, {"token": cancel_token})
    assert late.value.code == "too_late"
    just_in_time = resident(demo, 1, TUESDAY_8AM + timedelta(days=1, hours=1, minutes=30))  # 09:30: an hour before
    assert cancel(just_in_time, {"token": cancel_token})["status"] == "cancelled"


def test_the_first_link_of_an_appointment_moved_twice_names_where_it_is_now(demo):
    ada = resident(demo, 1, TUESDAY_8AM)
    book(ada, hold(ada, WEDNESDAY).id)
    first = link_token(demo, "resident1@example.org", "move")
    from chalicelib.handlers.appointments.links import token_for
    second = token_for(demo.appointments.get(move(ada, {"token": first, "start": NEXT_TUESDAY})["id"]), "move")
    now = move(ada, {"token": second, "start": "2026-12-30T10:30:00Z"})
    with pytest.raises(ApiError) as gone:
        manage(ada, {"move": first})
    assert f"moved to Wednesday 30 December 2026 at 10:30am. Its new reference is {now['id']}" in gone.value.message
