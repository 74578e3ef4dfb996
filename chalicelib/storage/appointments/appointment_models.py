"""The appointments table's models and records (storage/appointments/appointments.py
describes the keys), apart from the store so the waiting list's store shares
them."""
from dataclasses import field
from datetime import datetime
from zoneinfo import ZoneInfo

from pynamodb.attributes import JSONAttribute, NumberAttribute, TTLAttribute, UnicodeAttribute, UTCDateTimeAttribute
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex, KeysOnlyProjection

from ..binding import Stored, table
from ..council_key import CouncilKey
from ..record_class import record
from ..data_map import Holds, Retention

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
    moved_to: str | None = None  # the appointment that replaced this one (its old links say where it went)
    reminded_at: datetime | None = None
    seq: int = 0
    offered: bool = False  # held for a resident from the waiting list: booking it moves their later one
    uid: str | None = None  # its calendar entry's UID, carried over a move (else its id)
    seq_from: int = 0  # the moved-from entry's SEQUENCE: the invite's SEQUENCE is seq_from + seq


class DayIndex(GlobalSecondaryIndex):
    """Booked appointments by local day: the officer's list and the reminder sweep."""
    class Meta:
        index_name = "by_day"
        projection = AllProjection()

    day = CouncilKey(hash_key=True)  # "YYYY-MM-DD" (London)
    day_sk = UnicodeAttribute(range_key=True)  # "<calendar>#<start>#<id>"


class ReminderIndex(GlobalSecondaryIndex):
    """Booked appointments still to be reminded of, by local day: sparse, so
    the sweep reads only what it still has to send."""
    class Meta:
        index_name = "reminders"
        projection = KeysOnlyProjection()  # the sweep needs the ids only

    remind_on = CouncilKey(hash_key=True)  # the appointment's local day
    remind_sk = UnicodeAttribute(range_key=True)  # "<start>#<id>"


class OwnerIndex(GlobalSecondaryIndex):
    """A resident's appointments (their export, their erasure): sparse, appointment rows only."""
    class Meta:
        index_name = "by_owner"
        projection = AllProjection()

    owner = CouncilKey(hash_key=True)  # the resident's user id
    owner_sk = UnicodeAttribute(range_key=True)  # "<created>#<id>"


class AppointmentsModel(Stored):
    class Meta:
        table_name = table("appointments")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"data": "free_text", "user_id": "identifier", "owner": "identifier"}, whose="resident",
        part="appointments", basis="public_task", recipients=("mailer", "sms"),
        purpose="An appointment booked with the council, and its reminder",
        retention=Retention(after="ended", months=12, source="project"))

    pk = CouncilKey(hash_key=True)
    sk = UnicodeAttribute(range_key=True)
    data = JSONAttribute(null=True)  # a service's or calendar's definition; an appointment's values
    state = UnicodeAttribute(null=True)  # a seat's; an appointment's status
    appointment_id = UnicodeAttribute(null=True)  # a seat's or holder's
    user_id = UnicodeAttribute(null=True)
    hold_until = UTCDateTimeAttribute(null=True)
    seq = NumberAttribute(null=True)
    day = CouncilKey(null=True)
    day_sk = UnicodeAttribute(null=True)
    owner = CouncilKey(null=True)
    owner_sk = UnicodeAttribute(null=True)
    remind_on = CouncilKey(null=True)
    remind_sk = UnicodeAttribute(null=True)
    reminded_at = UTCDateTimeAttribute(null=True)
    expires = TTLAttribute(null=True)

    day_index = DayIndex()
    reminder_index = ReminderIndex()
    owner_index = OwnerIndex()


def stamp(start):
    """A start as a key's text: sorts as time does (UTC, minutes)."""
    return start.strftime("%Y-%m-%dT%H:%MZ")


def seat_key(calendar_id, start, seat):
    return f"seats#{calendar_id}", f"{stamp(start)}#{seat:02d}"


def appointment_key(appointment_id):
    return f"appt#{appointment_id}", "appt"


def holder_key(user_id):
    return f"holder#{user_id}", "hold"


# An appointment's record and its row, to and fro (the stores of storage/appointments/appointments.py and
# storage/appointments/appointment_waiting.py).
M = AppointmentsModel
LONDON = ZoneInfo("Europe/London")  # a day's list is the council's local day
TIMES = ("start", "hold_until", "created_at", "booked_at", "changed_at")
REMIND = ("booked",)  # statuses still to be reminded of
LIVE, LIVE_PREFIX = ("booked", "arrived"), "live#"
MOVED_PREFIX = "moved#"


def _values(appointment):
    values = {k: getattr(appointment, k) for k in Appointment.__dataclass_fields__ if k != "reminded_at"}
    return {k: (v.isoformat() if k in TIMES and v is not None else v) for k, v in values.items()}


def to_appointment(model):
    if model is None or not model.data:
        return None
    values = dict(model.data)
    for k in TIMES:
        if values.get(k):
            values[k] = datetime.fromisoformat(values[k])
    values["status"], values["seq"], values["reminded_at"] = model.state, int(model.seq or 0), model.reminded_at
    return Appointment(**{k: v for k, v in values.items() if k in Appointment.__dataclass_fields__})


def appointment_row(appointment):
    pk, sk = appointment_key(appointment.id)
    listed = appointment.status not in (HELD, "released", "cancelled", "moved")
    day = appointment.start.astimezone(LONDON).date().isoformat() if listed else None
    remind = appointment.status in REMIND and appointment.reminded_at is None
    return M(pk, sk, data=_values(appointment), state=appointment.status, user_id=appointment.user_id,
             hold_until=appointment.hold_until if appointment.status == HELD else None, seq=appointment.seq,
             day=day, day_sk=f"{appointment.calendar_id}#{stamp(appointment.start)}#{appointment.id}" if day else None,
             remind_on=day if remind else None, remind_sk=f"{stamp(appointment.start)}#{appointment.id}" if remind
             else None, reminded_at=appointment.reminded_at, owner=appointment.user_id,
             owner_sk=_owner_sk(appointment) if appointment.user_id else None)


def _owner_sk(appointment):
    """by_owner's sort: what is still to be attended by start under "live#" (My Account's
    upcoming list reads just those), one moved away from under "moved#" (its successor is the
    appointment now; the row stays on by_owner so erasure still finds it), anything else by
    when it was made (digits sort first)."""
    if appointment.status in LIVE:
        return f"{LIVE_PREFIX}{stamp(appointment.start)}#{appointment.id}"
    made = f"{stamp(appointment.created_at or appointment.start)}#{appointment.id}"
    return f"{MOVED_PREFIX}{made}" if appointment.status == "moved" else made


def carried_over(old):
    """What a move carries into the new appointment so the invite updates the
    same calendar entry (its UID) with a higher SEQUENCE than any sent before."""
    return {"uid": old.uid or old.id, "seq_from": old.seq_from + old.seq + 1, "moved_from": old.id}


def get_row(key):
    try:
        return M.get(*key, consistent_read=True)
    except M.DoesNotExist:
        return None


def free_seat(model, now):
    return model.pk.does_not_exist() | ((model.state == HELD) & (model.hold_until < now))
