"""A booking is written with its `appointment_booked` event and a move with
its `appointment_moved`; their messages and the waiting list's offer are the
events' effects. If the process dies after the change is stored and before
they are carried out, the stream and the alert worker carry them out, once
however often they run: one confirmation, one offer."""
import pytest

from chalicelib.handlers.appointments import routes  # noqa: F401  (registers the effects, as app.py's wiring does)
from chalicelib.handlers.appointments.changing import move
from chalicelib.handlers.appointments.links import token_for
from chalicelib.handlers.appointments.waiting import join
from support.appointments_support import TUESDAY_8AM, book, hold, load_demo, resident
from support.effects_support import dies_after_commit, events_of_kind, run_stream  # noqa: F401
from support.kill_support import message_ids


@pytest.fixture
def demo(deps):
    load_demo(deps)
    return deps


def mail(deps, to, starts):
    from chalicelib.storage.outbox import OutboxModel
    return [m for m in OutboxModel.recipient_index.query(to) if (m.subject or m.body).startswith(starts)]


def test_a_booking_and_a_move_tell_everyone_once_when_the_process_dies_after_each(demo, dies_after_commit):
    ada, bob = resident(demo, 1, TUESDAY_8AM), resident(demo, 2, TUESDAY_8AM)
    join(bob, {"service_id": "housing-options", "before": "2026-12-24T00:00:00Z"})
    dies_after_commit()
    made, _ = book(ada, hold(ada, "2026-12-23T10:30:00Z").id)
    assert mail(demo, "resident1@example.org", "Appointment booked") == []
    assert run_stream(ada, "appointment_booked") == [] and run_stream(ada, "appointment_booked") == []
    [confirmation] = mail(demo, "resident1@example.org", "Appointment booked")
    assert len(mail(demo, "+447700900123", "City of York Council Housing Options: Booked")) == 1
    assert len(set(message_ids([confirmation]))) == 1
    move(ada, {"token": token_for(demo.appointments.get(made["id"]), "move"), "start": "2026-12-29T10:30:00Z"})
    assert mail(demo, "resident2@example.org", "An earlier time is free") == []
    [event] = events_of_kind("appointment_moved")
    assert run_stream(ada, "appointment_moved") == [] and run_stream(ada, "appointment_moved") == []
    assert len(mail(demo, "resident2@example.org", "An earlier time is free")) == 1
    assert len(mail(demo, "resident1@example.org", "Appointment moved")) == 1
    assert {demo.effects.status(event.id, name)[0] for name in
            ("appointments.email", "appointments.text", "appointments.offer")} == {"done"}
