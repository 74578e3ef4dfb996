"""Reminders go the day before, from 09:00 London time, once each, by text
and e-mail from the reminder's own event; the sweep reads the day's sparse
reminder index (what it still has to send), never a Scan."""
import os
from datetime import datetime, timedelta

import pytest

from chalicelib.handlers.appointments import routes  # noqa: F401  (registers the messages)
from chalicelib.handlers.appointments.reminders import send_reminders
from chalicelib.handlers.appointments.slots import LONDON
from chalicelib.storage.metering import metered
from support.appointments_support import TUESDAY_8AM, book, booked_many, hold, load_demo, resident

WEDNESDAY_10 = "2026-12-23T10:30:00Z"


@pytest.fixture
def demo(deps):
    load_demo(deps)
    return deps


def at(deps, moment):
    return deps.replace(clock=lambda: moment)


def reminder_events():
    from chalicelib.storage.reports.reports import EventModel
    from chalicelib.storage.records import Event
    return [Event(id=e.id, kind=e.kind, report_id=None, payload=e.payload, created_at=e.created_at)
            for e in EventModel.scan() if e.kind == "appointment_reminder"]  # test only


def test_the_day_before_from_nine_each_appointment_is_reminded_once_by_text_and_email(demo):
    from chalicelib.handlers.shared.effects import carry_out
    ada = resident(demo, 1, TUESDAY_8AM)
    made, _ = book(ada, hold(ada, WEDNESDAY_10).id)
    nine = datetime(2026, 12, 22, 9, 0, tzinfo=LONDON)
    runs = [nine - timedelta(minutes=1), nine, nine + timedelta(minutes=15), nine + timedelta(days=1)]
    assert [send_reminders(at(demo, m)) for m in runs] == [0, 1, 0, 0]
    [event] = reminder_events()
    assert set(carry_out(at(demo, nine), event).values()) == {"done"}
    mails = [m for m in demo.accounts.messages_to(["resident1@example.org"]) if m["subject"].startswith("Reminder")]
    texts = [m for m in demo.accounts.messages_to(["+447700900123"]) if "Reminder" in m["body"]]
    assert [m["subject"] for m in mails] == [
        "Reminder: Housing options interview tomorrow, Wednesday 23 December 2026 at 10:30am"]
    assert "To move:" in texts[0]["body"] and "To cancel:" in texts[0]["body"] and made["id"] in mails[0]["body"]


def test_appointments_on_other_days_are_not_reminded_yet(demo):
    ada = resident(demo, 1, TUESDAY_8AM)
    book(ada, hold(ada, "2026-12-29T10:30:00Z").id)  # after the bank holidays
    assert send_reminders(at(demo, datetime(2026, 12, 22, 12, 0, tzinfo=LONDON))) == 0
    assert send_reminders(at(demo, datetime(2026, 12, 28, 9, 0, tzinfo=LONDON))) == 1


def test_the_reminder_run_reads_what_it_sends_a_page_a_query(demo, monkeypatch):
    count = int(os.environ.get("DOORSTEP_REMINDER_COUNT", "250"))  # 10000 for the figure in docs/decisions/
    page = 1000 if count >= 1000 else 100  # several pages either way, in a few seconds by default
    from chalicelib.storage.appointments.appointments import AppointmentStore
    monkeypatch.setattr(AppointmentStore, "REMINDER_PAGE", page)
    booked_many(count, datetime(2026, 12, 23, 9, 0, tzinfo=LONDON))
    with metered() as run:
        assert send_reminders(at(demo, datetime(2026, 12, 22, 9, 0, tzinfo=LONDON))) == count
    print(f"\nreminder run for {count}: {run.calls} calls ({run.operations.count('Query')} Query, "
          f"{run.items} index items read, {run.operations.count('TransactWriteItems')} transactions of 2 writes, "
          f"{run.seconds:.1f} s in DynamoDB calls)")
    assert run.operations.count("Query") in (count // page + 1, -(-count // page)) and "Scan" not in run.operations
    assert run.items == count and run.operations.count("TransactWriteItems") == count
    with metered() as again:
        assert send_reminders(at(demo, datetime(2026, 12, 22, 9, 15, tzinfo=LONDON))) == 0
    assert (again.calls, again.items) == (1, 0)
