"""A free time is held while the questions are answered, then booked by a
conditional write: held times are not free, an expired hold frees itself, a
resident holds one time at a time, and a group session takes as many as its
capacity."""
from datetime import timedelta

import pytest

from chalicelib.errors import ApiError
from support.appointments_support import TUESDAY_8AM, book, hold, load_demo, resident


@pytest.fixture
def demo(deps):
    load_demo(deps)
    return deps


def free_starts(deps, service_id="housing-options"):
    from chalicelib.handlers.appointments.free import view
    return [(s["start"], s["calendar_id"], s["places_left"]) for s in view(deps, service_id)["slots"]]


def test_the_first_free_time_is_the_first_after_the_notice(demo):
    first = free_starts(resident(demo, 1, TUESDAY_8AM))[:3]
    # 08:00 + two hours: desk 2 opens at 10:00 (offered, exactly on the boundary); desk 1's 09:00 and 09:45 are too soon.
    assert first == [("2026-12-22T10:00:00Z", "west-offices-housing-2", 1),
                     ("2026-12-22T10:30:00Z", "west-offices-housing-1", 1),
                     ("2026-12-22T10:45:00Z", "west-offices-housing-2", 1)]


def test_a_held_time_is_not_free_until_its_hold_runs_out(demo):
    ada = resident(demo, 1, TUESDAY_8AM)
    held = hold(ada, "2026-12-22T10:30:00Z")
    assert held.status == "held" and held.hold_until == TUESDAY_8AM + timedelta(minutes=10)
    assert ("2026-12-22T10:30:00Z", "west-offices-housing-1", 1) not in free_starts(ada)
    later = resident(demo, 2, TUESDAY_8AM + timedelta(minutes=10, seconds=1))
    assert ("2026-12-22T10:30:00Z", "west-offices-housing-1", 1) in free_starts(later)
    assert hold(later, "2026-12-22T10:30:00Z").calendar_id == "west-offices-housing-1"
    with pytest.raises(ApiError) as late:
        book(resident(demo, 1, TUESDAY_8AM + timedelta(minutes=11)), held.id)
    assert late.value.code == "hold_expired"


def test_a_resident_holds_one_time_at_a_time(demo):
    ada = resident(demo, 1, TUESDAY_8AM)
    first = hold(ada, "2026-12-22T10:30:00Z")
    hold(ada, "2026-12-22T11:15:00Z")
    assert demo.appointments.get(first.id).status == "released"
    free = free_starts(ada)
    assert ("2026-12-22T10:30:00Z", "west-offices-housing-1", 1) in free
    assert ("2026-12-22T11:15:00Z", "west-offices-housing-1", 1) not in free


def test_a_time_taken_answers_just_taken_with_the_nearest_others(demo):
    hold(resident(demo, 1, TUESDAY_8AM), "2026-12-22T11:15:00Z")
    with pytest.raises(ApiError) as taken:
        hold(resident(demo, 2, TUESDAY_8AM), "2026-12-22T11:15:00Z")
    assert taken.value.status == 409 and taken.value.code == "just_taken"
    assert [s["start"] for s in taken.value.body()["nearest"]] == [
        "2026-12-22T10:30:00Z", "2026-12-22T10:45:00Z", "2026-12-22T11:30:00Z"]


def test_a_time_on_a_bank_holiday_or_between_slots_is_not_offered(demo):
    ada = resident(demo, 1, TUESDAY_8AM)
    for start in ("2026-12-28T09:00:00Z", "2026-12-22T10:40:00Z", "2026-12-22T09:00:00Z"):
        with pytest.raises(ApiError) as refused:
            hold(ada, start)
        assert refused.value.code == "slot_not_offered", start


def test_booking_checks_the_answers_and_books_once_for_a_key_sent_twice(demo):
    ada = resident(demo, 1, TUESDAY_8AM)
    held = hold(ada, "2026-12-22T10:30:00Z")
    with pytest.raises(ApiError) as missing:
        book(ada, held.id, answers={"reason": "Tea", "shoe_size": "9"})
    assert {f["field"] for f in missing.value.fields} == {"answers.reason", "answers.shoe_size"}
    made, created = book(ada, held.id, key="book-key-0001")
    again, created_again = book(ada, held.id, key="book-key-0001")
    assert (made["status"], created, created_again, again["id"]) == ("booked", True, False, held.id)
    assert made["phone"] == "+447700900123" and made["answers"] == {"reason": "I want to move"}
    assert ("2026-12-22T10:30:00Z", "west-offices-housing-1", 1) not in free_starts(ada)


def test_a_group_session_takes_twelve_and_then_is_full(demo):
    moment = TUESDAY_8AM
    start = "2026-12-23T14:00:00Z"
    for n in range(12):
        hold(resident(demo, n, moment), start, service_id="tenancy-workshop")
    assert ("2026-12-23T14:00:00Z", "tenancy-workshops", 1) not in free_starts(resident(demo, 99, moment),
                                                                               "tenancy-workshop")
    with pytest.raises(ApiError) as full:
        hold(resident(demo, 12, moment), start, service_id="tenancy-workshop")
    assert full.value.code == "just_taken"
