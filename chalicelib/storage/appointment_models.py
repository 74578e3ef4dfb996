"""The appointments table's models and records (storage/appointments.py
describes the keys), apart from the store so the waiting list's store shares
them."""
from dataclasses import field
from datetime import datetime

from pynamodb.attributes import JSONAttribute, NumberAttribute, TTLAttribute, UnicodeAttribute, UTCDateTimeAttribute
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex, KeysOnlyProjection

from .binding import Stored, table
from .record_class import record

SETUP = "setup"
HELD, BOOKED, BLOCKED = "held", "booked", "blocked"  # a seat's state: FHIR busy-tentative, busy, busy-unavailable


@record
class Appointment:
    id: str
    service_id: str
    calendar_id: str
    start: datetime  # UTC
    seat: int
    status: str  # held, booked, cancelled, moved, arrived, seen, no_show, released
    user_id: str | None = None
    name: str | None = None
    email: str | None = None
    phone: str | None = None
    answers: dict = field(default_factory=dict)
    hold_until: datetime | None = None
    created_at: datetime | None = None
    booked_at: datetime | None = None
    changed_at: datetime | None = None
    taken_by: dict | None = None  # staff who booked it for a caller: {"user_id", "channel"}
    moved_from: str | None = None  # the appointment this one replaced
    reminded_at: datetime | None = None
    seq: int = 0


class DayIndex(GlobalSecondaryIndex):
    """Booked appointments by local day: the officer's list and the reminder sweep."""
    class Meta:
        index_name = "by_day"
        projection = AllProjection()

    day = UnicodeAttribute(hash_key=True)  # "YYYY-MM-DD" (London)
    day_sk = UnicodeAttribute(range_key=True)  # "<calendar>#<start>#<id>"


class ReminderIndex(GlobalSecondaryIndex):
    """Booked appointments still to be reminded of, by local day: sparse, so
    the sweep reads only what it still has to send."""
    class Meta:
        index_name = "reminders"
        projection = KeysOnlyProjection()  # the sweep needs the ids only

    remind_on = UnicodeAttribute(hash_key=True)  # the appointment's local day
    remind_sk = UnicodeAttribute(range_key=True)  # "<start>#<id>"


class AppointmentsModel(Stored):
    class Meta:
        table_name = table("appointments")
        billing_mode = "PAY_PER_REQUEST"

    pk = UnicodeAttribute(hash_key=True)
    sk = UnicodeAttribute(range_key=True)
    data = JSONAttribute(null=True)  # a service's or calendar's definition; an appointment's values
    state = UnicodeAttribute(null=True)  # a seat's; an appointment's status
    appointment_id = UnicodeAttribute(null=True)  # a seat's or holder's
    user_id = UnicodeAttribute(null=True)
    hold_until = UTCDateTimeAttribute(null=True)
    seq = NumberAttribute(null=True)
    day = UnicodeAttribute(null=True)
    day_sk = UnicodeAttribute(null=True)
    remind_on = UnicodeAttribute(null=True)
    remind_sk = UnicodeAttribute(null=True)
    reminded_at = UTCDateTimeAttribute(null=True)
    expires = TTLAttribute(null=True)

    day_index = DayIndex()
    reminder_index = ReminderIndex()


def stamp(start):
    """A start as a key's text: sorts as time does (UTC, minutes)."""
    return start.strftime("%Y-%m-%dT%H:%MZ")


def seat_key(calendar_id, start, seat):
    return f"seats#{calendar_id}", f"{stamp(start)}#{seat:02d}"


def appointment_key(appointment_id):
    return f"appt#{appointment_id}", "appt"


def holder_key(user_id):
    return f"holder#{user_id}", "hold"
