"""A time reads one way wherever a person reads it (GOV.UK style: "9am",
"9:45am", "midday"), on the council's clock whatever the server's: the API's
texts, the e-mail, the text message and the calendar entry's summary. The
screens' twin (web/js/i18n.js formatClock) is checked against this in the
browser journey (tests/web/test_appointments.py)."""
from datetime import datetime, timezone

import icalendar
import pytest

from chalicelib.handlers.appointments import routes  # noqa: F401  (registers the effects)
from chalicelib.handlers.appointments.free import view as free_view
from chalicelib.handlers.appointments.wording import clock, when
from support.appointments_support import TUESDAY_8AM, book, hold, resident

BIRTH_AT_MIDDAY = "2026-12-23T12:00:00Z"  # the register office's last slot before its break


@pytest.mark.parametrize("moment, read", [
    (datetime(2026, 12, 23, 9, 0, tzinfo=timezone.utc), "9am"),
    (datetime(2026, 12, 23, 9, 45, tzinfo=timezone.utc), "9:45am"),
    (datetime(2026, 12, 23, 12, 0, tzinfo=timezone.utc), "midday"),
    (datetime(2026, 12, 23, 12, 30, tzinfo=timezone.utc), "12:30pm"),
    (datetime(2026, 12, 23, 0, 0, tzinfo=timezone.utc), "midnight"),
    (datetime(2026, 12, 23, 0, 5, tzinfo=timezone.utc), "12:05am"),
    (datetime(2027, 6, 1, 11, 0, tzinfo=timezone.utc), "midday"),  # British Summer Time: 12:00 in York
    (datetime(2027, 3, 28, 1, 0, tzinfo=timezone.utc), "2am"),  # the first moment of summer time
    (datetime(2027, 10, 31, 1, 30, tzinfo=timezone.utc), "1:30am"),  # the hour that comes twice: its second
])
def test_a_time_reads_as_gov_uk_writes_it_on_the_councils_clock(moment, read):
    assert clock(moment) == read


def test_a_midday_appointment_reads_midday_in_the_slots_its_email_text_and_calendar_entry(demo):
    ada = resident(demo, 1, TUESDAY_8AM)
    offered = {s["start"]: s["text"] for s in free_view(ada, "register-a-birth", "2")["slots"]}
    assert offered[BIRTH_AT_MIDDAY] == "Wednesday 23 December 2026 at midday"
    made, _ = book(ada, hold(ada, BIRTH_AT_MIDDAY, service_id="register-a-birth").id,
                   answers={"baby_born": "1 December 2026"})
    assert made["start_text"] == "Wednesday 23 December 2026 at midday"
    [mail] = [m for m in outbox("resident1@example.org") if m.attachments]
    assert mail.subject == "Appointment booked: Register a birth, Wednesday 23 December 2026 at midday"
    event = icalendar.Calendar.from_ical(mail.attachments[0]["content"]).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == "Register a birth at midday"
    [text] = [m for m in outbox("+447700900123")]
    assert "on Wednesday 23 December 2026 at midday" in text.body and "12pm" not in text.body
    assert when(datetime(2026, 12, 23, 9, 0, tzinfo=timezone.utc)) == "Wednesday 23 December 2026 at 9am"


def outbox(to):
    from chalicelib.storage.outbox import OutboxModel
    return sorted(OutboxModel.recipient_index.query(to), key=lambda m: m.created_at)
