"""A time held twice at once with one Idempotency-Key (a phone retrying on a
bad signal), or booked twice at once for a caller, is one appointment (issue
78): the twin's hold is neither a hold to let go, nor the slot's seat just
taken, nor another time being held. The order the twins' steps meet in is
forced (support/twins.py)."""
import pytest

from chalicelib.auth.principal import Principal
from chalicelib.handlers.appointments import routes  # noqa: F401  (registers the effects)
from support import twins
from support.appointments_support import TUESDAY_8AM, hold, load_demo, resident
from support.officers import all_roles
from support.racing import at_once

ONE_SEAT = "2026-12-22T10:30:00Z"  # housing options at desk 1: one seat
GROUP = "2026-12-23T14:00:00Z"  # a tenancy workshop: twelve seats


@pytest.fixture
def demo(deps):
    load_demo(deps)
    return deps


# Seen by the check: a resident's look for a hold to let go (their one at a time) finds the twin's.
# Met by the write: the twin's seat (the slot's one), or the twin's holder row (a group session's).
@pytest.mark.parametrize("order,check,service,start", [
    (twins.SEEN_BY_THE_CHECK, "holder", "housing-options", ONE_SEAT),
    (twins.MET_BY_THE_WRITE, "seats_at", "housing-options", ONE_SEAT),
    (twins.MET_BY_THE_WRITE, "seats_at", "tenancy-workshop", GROUP)])
def test_a_time_held_twice_at_once_with_one_key_is_one_hold(demo, monkeypatch, order, check, service, start):
    from chalicelib.storage.appointments.appointments import AppointmentStore
    ada = resident(demo, 1, TUESDAY_8AM)
    twins.hold_to(monkeypatch, order, check=(AppointmentStore, check), write=(AppointmentStore, "hold"))
    raced = at_once(lambda _: hold(ada, start, service, key="twin-key-0001"), range(2))
    again = hold(ada, start, service, key="twin-key-0001")
    assert [a.id for a in raced] == [again.id] * 2 and demo.appointments.get(again.id).status == "held"
    assert len(demo.appointments.seats_at(again.calendar_id, again.start, TUESDAY_8AM)) == 1


@pytest.mark.parametrize("order", twins.ORDERS)
def test_a_caller_s_time_booked_twice_at_once_with_one_key_is_one_booking(demo, monkeypatch, order):
    from chalicelib.handlers.appointments.desk import book_for_caller
    from chalicelib.storage.appointments.appointments import AppointmentStore
    desk = demo.replace(principal=Principal(user_id="officer-1", role="staff", roles=all_roles(),
                                            email="officer@example.org"), clock=lambda: TUESDAY_8AM)
    body = {"service_id": "housing-options", "start": ONE_SEAT, "name": "Cal Caller", "phone": "07700 900333",
            "answers": {"reason": "I want to move"}}
    twins.hold_to(monkeypatch, order, check=(AppointmentStore, "seats_at"), write=(AppointmentStore, "hold"))
    raced = at_once(lambda _: book_for_caller(desk, body, "caller-key-0001"), range(2))
    again, created = book_for_caller(desk, body, "caller-key-0001")
    assert [made["id"] for made, _ in raced] == [again["id"]] * 2 and not created
    assert sorted(made for _, made in raced) == [False, True] and again["status"] == "booked"
