"""A booking is confirmed at once by e-mail, with an iCalendar invite, and by
text, each saying the time, how, where, who sends it and how to cancel; a
text the SMS service does not take is tried again and then e-mailed; the
booking never depends on either."""
import icalendar
import pytest

from chalicelib.handlers.appointments import routes  # noqa: F401  (registers the messages, as app.py's wiring does)
from chalicelib.handlers.shared import effects
from support.appointments_support import TUESDAY_8AM, book, hold, load_demo, resident
from support.notify_support import stage

SLOT = "2026-12-22T10:30:00Z"


@pytest.fixture
def demo(deps):
    load_demo(deps)
    return deps


@pytest.fixture
def events(monkeypatch):
    """The events a booking's first try carried out, in order."""
    seen, original = [], effects.first_try

    def recording(deps, batch):
        seen.extend(e for e in batch if e is not None)
        return original(deps, batch)
    monkeypatch.setattr(effects, "first_try", recording)
    return seen


def outbox(to):
    from chalicelib.storage.outbox import OutboxModel
    return sorted(OutboxModel.recipient_index.query(to), key=lambda m: m.created_at)


def test_a_booking_is_confirmed_by_email_with_an_invite_and_by_text(demo):
    ada = resident(demo, 1, TUESDAY_8AM)
    made, _ = book(ada, hold(ada, SLOT).id)
    [mail] = outbox("resident1@example.org")
    assert mail.subject == "Appointment booked: Housing options interview, Tuesday 22 December 2026 at 10:30am"
    for words in ("in person", "West Offices customer centre", "City of York Council Housing Options",
                  "To cancel it: http://testserver/appointments/manage?cancel=", made["id"]):
        assert words in mail.body
    [invite] = mail.attachments
    event = icalendar.Calendar.from_ical(invite["content"]).walk("VEVENT")[0]
    assert event.decoded("DTSTART").isoformat() == "2026-12-22T10:30:00+00:00"
    assert event.decoded("DTEND").isoformat() == "2026-12-22T11:15:00+00:00"
    assert str(event["UID"]) == f"{made['id']}@doorstep" and "West Offices" in str(event["LOCATION"])
    [text] = outbox("+447700900123")
    assert text.body.startswith("City of York Council Housing Options: Booked: Housing options interview in person "
                                "on Tuesday 22 December 2026 at 10:30am at West Offices")
    assert "To cancel: http://testserver/appointments/manage?cancel=" in text.body


def test_the_booking_text_carries_a_link_that_moves_and_one_that_cancels(demo):
    """A cancel link cannot move: a text with only that one, offered "to cancel or
    move", left a resident wanting another time only the button giving theirs up."""
    import re
    from chalicelib.handlers.appointments import links
    ada = resident(demo, 1, TUESDAY_8AM)
    made, _ = book(ada, hold(ada, SLOT).id)
    [text] = outbox("+447700900123")
    tokens = dict(re.findall(r"manage\?(move|cancel)=(\S+)", text.body))
    assert {purpose: links.read_token(token, purpose, ada.clock()) for purpose, token in tokens.items()} == {
        "move": made["id"], "cancel": made["id"]}


def test_a_text_not_taken_is_tried_three_times_then_emailed_and_the_booking_stands(demo, events):
    # SNS outside the local stages, at an address where nothing listens: each try really fails.
    unreachable = stage("production", aws_endpoint="http://127.0.0.1:9")
    ada = resident(demo, 1, TUESDAY_8AM).replace(settings=unreachable)
    made, _ = book(ada, hold(ada, SLOT).id)
    assert demo.appointments.get(made["id"]).status == "booked"
    [event] = events
    assert demo.effects.status(event.id, "appointments.text") == ("retry", 1)
    assert effects.carry_out(ada, event)["appointments.text"] == effects.RETRY
    assert effects.carry_out(ada, event)["appointments.text"] == effects.DONE
    mails = [m.subject for m in outbox("resident1@example.org")]
    assert mails == ["Appointment booked: Housing options interview, Tuesday 22 December 2026 at 10:30am"] * 2
    assert sorted(m.body[:20] for m in outbox("resident1@example.org")) == ["City of York Council", "Your appointment is "]
    assert [m.status for m in outbox("+447700900123")] == ["retry"] * 3
