"""The officer's desk: the day's list, marks (did not attend: offered to book
again), a booking taken for a caller, time blocked, a booking moved with the
resident told."""
import pytest

from chalicelib.auth.principal import Principal
from chalicelib.errors import ApiError
from chalicelib.handlers.appointments import routes  # noqa: F401  (registers the effects)
from chalicelib.handlers.appointments.desk import block, book_for_caller, day_list, mark, move_for_resident
from chalicelib.handlers.appointments.free import view as free_view
from support.appointments_support import TUESDAY_8AM, book, hold, load_demo, resident
from support.officers import all_roles


@pytest.fixture
def demo(deps):
    load_demo(deps)
    return deps


def officer(deps):
    return deps.replace(principal=Principal(user_id="officer-1", role="staff", roles=all_roles(),
                                            email="officer@example.org"),
                        clock=lambda: TUESDAY_8AM)


def subjects(deps, to):
    return [m["subject"] or m["body"][:60] for m in deps.accounts.messages_to([to])]


def test_the_day_list_shows_the_days_bookings_in_time_order_and_marks_them(demo):
    desk = officer(demo)
    for n, start in enumerate(("2026-12-22T14:15:00Z", "2026-12-22T10:30:00Z")):
        own = resident(demo, n, TUESDAY_8AM)
        book(own, hold(own, start).id)
    held = resident(demo, 7, TUESDAY_8AM)
    hold(held, "2026-12-22T11:15:00Z")  # a hold is not on the list
    listed = day_list(desk, {"date": "2026-12-22", "calendar_id": "west-offices-housing-1"})["appointments"]
    assert [(a["start"], a["answers"]["reason"]) for a in listed] == [
        ("2026-12-22T10:30:00Z", "I want to move"), ("2026-12-22T14:15:00Z", "I want to move")]
    first, second = listed
    assert mark(desk, first["id"], {"status": "arrived"})["status"] == "arrived"
    assert mark(desk, first["id"], {"status": "seen"})["status"] == "seen"
    with pytest.raises(ApiError) as again:
        mark(desk, first["id"], {"status": "arrived"})
    assert again.value.code == "cannot_mark"
    assert mark(desk, second["id"], {"status": "no_show"})["status"] == "no_show"
    assert "We missed you: Housing options interview, Tuesday 22 December 2026 at 2:15pm" in subjects(
        demo, "resident0@example.org")
    assert any("/appointments?service=housing-options" in m["body"]
               for m in demo.accounts.messages_to(["resident0@example.org"]))


def test_an_appointment_of_a_day_to_come_cannot_be_marked_even_just_after_midnight_before_it(demo):
    own = resident(demo, 3, TUESDAY_8AM)
    booked = hold(own, "2026-12-23T09:00:00Z")
    book(own, booked.id)  # Wednesday's first appointment
    for status in ("arrived", "seen", "no_show"):
        with pytest.raises(ApiError) as early:
            mark(officer(demo), booked.id, {"status": status})
        assert (early.value.status, early.value.code) == (422, "not_yet")
        assert "on Wednesday 23 December 2026" in early.value.message
    late_evening = officer(demo).replace(clock=lambda: TUESDAY_8AM.replace(hour=23, minute=59))
    with pytest.raises(ApiError):
        mark(late_evening, booked.id, {"status": "arrived"})
    on_the_day = officer(demo).replace(clock=lambda: TUESDAY_8AM.replace(day=23, hour=0, minute=1))
    assert mark(on_the_day, booked.id, {"status": "arrived"})["status"] == "arrived"


def test_an_officer_books_for_a_caller_who_is_told_by_text(demo):
    desk = officer(demo)
    body = {"service_id": "council-tax-call-back", "start": "2026-12-22T11:00:00Z", "name": "Cal Caller",
            "phone": "07700 900333", "answers": {"account": "12345678"}}
    made, created = book_for_caller(desk, body, "caller-key-0001")
    again, created_again = book_for_caller(desk, body, "caller-key-0001")
    assert (made["status"], made["taken_by"], created, created_again, again["id"]) == (
        "booked", {"user_id": "officer-1", "channel": "phone"}, True, False, made["id"])
    [text] = demo.accounts.messages_to(["+447700900333"])
    assert "by phone" in text["body"] and "City of York Council Tax" in text["body"]


def test_blocked_time_is_not_offered_and_a_booked_seat_is_left_and_named(demo):
    desk = officer(demo)
    ada = resident(demo, 1, TUESDAY_8AM)
    book(ada, hold(ada, "2026-12-23T10:30:00Z").id)
    done = block(desk, {"calendar_id": "west-offices-housing-1", "from": "2026-12-23T09:00:00Z",
                        "to": "2026-12-23T12:00:00Z"})
    assert (done["blocked"], done["already_taken"]) == (3, ["2026-12-23T10:30:00+00:00#0"])
    starts = [s["start"] for s in free_view(ada, "housing-options")["slots"] if s["start"].startswith("2026-12-23")]
    assert [s for s in starts if s < "2026-12-23T12:00"] == []


def test_an_officer_moves_a_booking_and_the_resident_is_told(demo):
    ada = resident(demo, 1, TUESDAY_8AM)
    made, _ = book(ada, hold(ada, "2026-12-23T10:30:00Z").id)
    moved = move_for_resident(officer(demo), made["id"], {"start": "2026-12-23T13:30:00Z"})
    assert (moved["start"], moved["taken_by"]["user_id"]) == ("2026-12-23T13:30:00Z", "officer-1")
    assert ("Appointment moved: Housing options interview, now Wednesday 23 December 2026 at 1:30pm"
            in subjects(demo, "resident1@example.org"))
