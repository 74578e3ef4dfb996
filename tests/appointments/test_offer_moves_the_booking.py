"""An earlier time offered from the waiting list, booked, moves the
resident's later booking (never a second one): the new seat taken, the old
freed and the event in one transaction; the resident told once, the invite
updating the same calendar entry; the freed time offered to the next."""
import re

import icalendar
import pytest

from chalicelib.errors import ApiError
from chalicelib.handlers.appointments import routes  # noqa: F401  (registers the effects)
from chalicelib.handlers.appointments.changing import cancel
from chalicelib.handlers.appointments.waiting import join
from chalicelib.storage.metering import metered
from support.appointments_support import TUESDAY_8AM, book, hold, resident
from support.racing import at_once

WEDNESDAY = "2026-12-23T10:30:00Z"
NEXT_TUESDAY = "2026-12-29T10:30:00Z"


def outbox(to):
    from chalicelib.storage.outbox import OutboxModel
    return sorted(OutboxModel.recipient_index.query(to), key=lambda m: m.created_at)


def mail(to, subject):
    """The one message to `to` whose subject begins so (a pinned clock gives them all one time)."""
    [found] = [m for m in outbox(to) if m.subject.startswith(subject)]
    return found


def invite_of(mail):
    [attached] = mail.attachments
    event = icalendar.Calendar.from_ical(attached["content"]).walk("VEVENT")[0]
    return str(event["UID"]), int(event["SEQUENCE"]), event.decoded("DTSTART").isoformat()


def offered_to_bob(demo):
    """Bob booked next Tuesday and waits for earlier; Ada's Wednesday, cancelled, is offered to him.
    (bob, his booking, the offered appointment's id)."""
    ada, bob = resident(demo, 1, TUESDAY_8AM), resident(demo, 2, TUESDAY_8AM)
    later, _ = book(bob, hold(bob, NEXT_TUESDAY).id)
    join(bob, {"service_id": "housing-options", "before": NEXT_TUESDAY})
    book(ada, hold(ada, WEDNESDAY).id)
    body = mail("resident1@example.org", "Appointment booked").body
    cancel(ada, {"token": re.search(r"manage\?cancel=([A-Za-z0-9_.-]+)", body).group(1)})
    offer = mail("resident2@example.org", "An earlier time")
    assert "you need not cancel that one" in offer.body
    return bob, later, re.search(r"offer=(AP-[0-9A-Z]{8})", offer.body).group(1)


def test_booking_an_offered_earlier_time_moves_the_later_booking_and_tells_the_resident_once(demo, monkeypatch):
    bob, later, offered_id = offered_to_bob(demo)
    join(resident(demo, 3, TUESDAY_8AM), {"service_id": "housing-options", "before": "2026-12-31T00:00:00Z"})
    first_uid, first_seq, _ = invite_of(mail("resident2@example.org", "Appointment booked"))
    sent_before = len(outbox("resident2@example.org"))
    from chalicelib.handlers.shared import effects
    first_try, done = effects.first_try, []
    monkeypatch.setattr(effects, "first_try", lambda deps, events: done.extend(events))
    with metered() as cost:  # the change alone; its effects follow from its event, after
        taken, created = book(bob, offered_id)
    first_try(bob, done)
    assert created and (taken["start"], taken["status"], taken["moved_from"]) == (WEDNESDAY, "booked", later["id"])
    assert demo.appointments.get(later["id"]).status == "moved"
    assert [a.status for a in demo.appointments.of_owner("resident-2")].count("booked") == 1
    assert len(outbox("resident2@example.org")) == sent_before + 1
    told = mail("resident2@example.org", "Appointment moved: Housing options interview, now Wednesday 23 December")
    uid, seq, start = invite_of(told)
    assert (uid, start) == (first_uid, "2026-12-23T10:30:00+00:00") and seq > first_seq
    assert demo.waiting.place_of("housing-options", "resident-2") is None  # off the list: it has what it asked
    # The time Bob left goes to the next waiting it suits, as any freed time does.
    mail("resident3@example.org", "An earlier time is free: Housing options interview, Tuesday 29 December 2026")
    # GetItem of the offer, a Query of the setup, GetItem of Bob's account (his name; none in this test), 2
    # GetItem (the list's marker and row), a Query of by_owner (Bob's 2 appointments), one transaction of 7
    # (new, its seat, old, its seat, event, row, marker).
    assert (cost.calls, cost.queries, cost.items) == (7, 2, 1 + 9 + 2 + 2)
    print(f"\nan offer booked as a move: {cost.calls} calls, {cost.items} items read")


def test_an_offer_with_no_later_booking_is_booked_as_it_is(demo):
    ada, dee = resident(demo, 1, TUESDAY_8AM), resident(demo, 4, TUESDAY_8AM)
    join(dee, {"service_id": "housing-options", "before": NEXT_TUESDAY})
    book(ada, hold(ada, WEDNESDAY).id)
    body = mail("resident1@example.org", "Appointment booked").body
    cancel(ada, {"token": re.search(r"manage\?cancel=([A-Za-z0-9_.-]+)", body).group(1)})
    offered_id = re.search(r"offer=(AP-[0-9A-Z]{8})", mail("resident4@example.org", "An earlier").body).group(1)
    taken, _ = book(dee, offered_id)
    assert (taken["status"], taken["moved_from"]) == ("booked", None)
    mail("resident4@example.org", "Appointment booked")


def test_an_offer_taken_twice_at_once_while_another_books_the_freed_time_gives_one_move(demo):
    bob, later, offered_id = offered_to_bob(demo)
    old = demo.appointments.get(later["id"])
    cy = resident(demo, 3, TUESDAY_8AM)

    def one(who):
        try:
            if who == "cy":
                return 201, book(cy, hold(cy, NEXT_TUESDAY, calendar_id=old.calendar_id).id)[0]
            return 201, book(bob, offered_id)[0]
        except ApiError as e:
            return e.status, e.body()
    answers = at_once(one, ["bob", "bob", "cy", "bob"])
    bobs = [a for a in demo.appointments.of_owner("resident-2") if a.status == "booked"]
    assert [a.id for a in bobs] == [offered_id]
    assert demo.appointments.get(later["id"]).status == "moved"
    assert all(status == 201 and view["id"] == offered_id for status, view in answers[:2] + answers[3:])
    cy_status, cy_view = answers[2]
    assert cy_status in (201, 409) and (cy_status == 409) == (cy_view.get("error", {}).get("code") == "just_taken")
    # Never two on the one seat: whoever holds next Tuesday's seat on that desk is one booking.
    day, _ = demo.appointments.day(old.start.date(), old.calendar_id)
    at_old_time = [a for a in day if a.start == old.start and a.status == "booked"]
    assert len(at_old_time) <= 1 and demo.appointments.seats_at(old.calendar_id, old.start, TUESDAY_8AM) <= {0}
    assert [a.user_id for a in at_old_time] == (["resident-3"] if cy_status == 201 else [])
    moved = [m for m in outbox("resident2@example.org") if m.subject.startswith("Appointment moved")]
    assert len(moved) == 1


def test_an_offer_whose_later_booking_is_cancelled_meanwhile_is_booked_as_it_is(demo, monkeypatch):
    from chalicelib.handlers.appointments import offers
    bob, later, offered_id = offered_to_bob(demo)
    found = offers.replaced

    def cancelled_meanwhile(deps, offered):  # Bob cancels next Tuesday from its link just as he books
        old, place = found(deps, offered)
        body = mail("resident2@example.org", "Appointment booked").body
        cancel(bob, {"token": re.search(r"manage\?cancel=([A-Za-z0-9_.-]+)", body).group(1)})
        return old, place
    monkeypatch.setattr(offers, "replaced", cancelled_meanwhile)
    taken, created = book(bob, offered_id)
    assert created and (taken["status"], taken["moved_from"]) == ("booked", None)
    assert demo.appointments.get(later["id"]).status == "cancelled"
    assert demo.appointments.get(offered_id).status == "booked"
