"""Fifty residents racing for one slot: one booking, and every other told at
once that it was just taken, with the nearest other free times. And what the
free-slot view and a booking cost in DynamoDB calls and items read."""
import time

import pytest

from chalicelib.errors import ApiError
from chalicelib.storage.metering import metered
from support.appointments_support import TUESDAY_8AM, book, hold, load_demo, resident
from support.racing import at_once

RACERS = 50
SLOT = "2026-12-22T10:30:00Z"


@pytest.fixture
def demo(deps):
    load_demo(deps)
    return deps


def test_fifty_residents_racing_for_one_slot_give_exactly_one_booking(demo):
    def one(n):
        own = resident(demo, n, TUESDAY_8AM)
        try:
            held = hold(own, SLOT, key=f"race-hold-{n:04d}")
            return 201, book(own, held.id, key=f"race-book-{n:04d}")[0]
        except ApiError as e:
            return e.status, e.body()
    started = time.monotonic()
    answers = at_once(one, range(RACERS))
    took = time.monotonic() - started
    won = [view for status, view in answers if status == 201]
    lost = [body for status, body in answers if status != 201]
    told = sorted({(status, body.get("error", {}).get("code")) for status, body in answers if status != 201})
    assert len(won) == 1 and won[0]["status"] == "booked" and won[0]["start"] == SLOT, told
    assert told == [(409, "just_taken")], told
    assert {(b["error"]["code"], SLOT in [s["start"] for s in b["nearest"]]) for b in lost} == {("just_taken", False)}
    assert all(len(b["nearest"]) == 3 for b in lost)
    day, _ = demo.appointments.day(TUESDAY_8AM.date(), "west-offices-housing-1")
    assert [a.id for a in day] == [won[0]["id"]]
    print(f"\n{RACERS} concurrent bookings for one slot: {len(won)} booked, {len(lost)} told just_taken "
          f"with the nearest 3; the race took {took:.2f} s")


def test_the_free_slot_view_over_four_weeks_reads_the_taken_seats_only(demo):
    from chalicelib.handlers.appointments.free import view
    ada = resident(demo, 1, TUESDAY_8AM)
    assert ada.calendar  # the council's settings (its holidays): kept by the process a while, not read per view
    with metered() as empty:
        offered = view(ada, "housing-options", "28")["slots"]
    for n, slot in enumerate(offered[:20]):  # twenty residents book the first twenty times
        own = resident(demo, 100 + n, TUESDAY_8AM)
        book(own, hold(own, slot["start"], calendar_id=slot["calendar_id"]).id)
    with metered() as busy:
        left = view(ada, "housing-options", "28")["slots"]
    assert len(left) == len(offered) - 20
    # One Query of the setup partition (4 services, 5 calendars) and one per calendar of the service (2).
    assert (empty.calls, empty.queries, empty.items) == (3, 3, 9)
    assert (busy.calls, busy.queries, busy.items) == (3, 3, 9 + 20)
    print(f"\nfree-slot view, 4 weeks, {len(offered)} slots offered on 2 calendars: {empty.calls} calls, "
          f"{empty.items} items read when empty; {busy.items} with 20 seats taken")


def test_a_booking_costs_four_reads_and_one_transaction_after_its_hold(demo):
    ada = resident(demo, 1, TUESDAY_8AM)
    with metered() as holding:
        held = hold(ada, SLOT, key="cost-hold-0001")
    with metered() as booking:
        book(ada.replace(), held.id, key="cost-book-0001")
    print(f"\nhold: {holding.calls} calls {holding.operations}, {holding.items} items read, {holding.writes} writes; "
          f"book: {booking.calls} calls {booking.operations}, {booking.items} items read, {booking.writes} writes")
    assert holding.operations.count("TransactWriteItems") == 1 and "Scan" not in holding.operations
    # The booking's one transaction, and its effects' first try counting it for the council's figures (its
    # count and its mark, one transaction more).
    assert booking.operations.count("TransactWriteItems") == 2 and "Scan" not in booking.operations
    # The appointment, its Idempotency-Key, the setup, and the resident's account (the name staff see); what
    # may follow the transaction is its effects' first try, which a run can make in this process.
    assert booking.operations[:5] == ["GetItem", "GetItem", "Query", "GetItem", "TransactWriteItems"]
