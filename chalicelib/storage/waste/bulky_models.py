"""The bulky waste tables' models (storage/waste/bulky.py describes them), apart
from the stores so that bulky.py and bulky_pending.py share them without
importing each other."""
from pynamodb.attributes import JSONAttribute, NumberAttribute, UnicodeAttribute, UTCDateTimeAttribute
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex

from ..binding import Stored, table
from ..council_key import CouncilKey
from ..data_map import KEPT_AS_A_PAYMENT, NONE, Holds, holds_nothing

HOLD, REFUND, REMIND, CREW = "hold", "refund", "remind", "crew"
CHANGE_REFUND = "change_refund"  # a change lowered the price: the difference is still to refund


class WasteSettingsModel(Stored):
    class Meta:
        table_name = table("waste-settings")
        billing_mode = "PAY_PER_REQUEST"

    personal = holds_nothing(updated_by="the officer who changed them: the council's audit")

    id = CouncilKey(hash_key=True)  # the service: "bulky", "garden"
    settings = JSONAttribute()
    version = NumberAttribute()
    updated_at = UTCDateTimeAttribute()
    updated_by = UnicodeAttribute(null=True)


class BulkySlotModel(Stored):
    class Meta:
        table_name = table("bulky-slots")
        billing_mode = "PAY_PER_REQUEST"

    personal = NONE

    slot = CouncilKey(hash_key=True)  # "{round}#{YYYY-MM-DD}"
    taken = NumberAttribute(default=0)
    capacity = NumberAttribute(null=True)  # the capacity the last hold was made against


class DueIndex(GlobalSecondaryIndex):
    class Meta:
        index_name = "due"
        projection = AllProjection()

    due = CouncilKey(hash_key=True)
    due_at = UTCDateTimeAttribute(range_key=True)


class UserIndex(GlobalSecondaryIndex):
    class Meta:
        index_name = "user"
        projection = AllProjection()

    user_id = CouncilKey(hash_key=True)
    created_at = UTCDateTimeAttribute(range_key=True)


class BulkyBookingModel(Stored):
    class Meta:
        table_name = table("bulky-bookings")
        billing_mode = "PAY_PER_REQUEST"

    personal = Holds(
        fields={"address": "address", "uprn": "address", "email": "contact", "user_id": "identifier",
                "location": "free_text", "notes": "free_text", "items": "free_text", "reason": "free_text",
                "taken_by": "identifier", "changes": "free_text", "missed": "free_text"},
        whose="resident", part="bulky", basis="contract", recipients=("payments", "mailer", "crews"),
        purpose="A bulky waste collection booked and paid for: where, what, when", retention=KEPT_AS_A_PAYMENT)

    id = CouncilKey(hash_key=True)
    uprn = UnicodeAttribute()
    address = UnicodeAttribute()
    round_id = UnicodeAttribute()
    date = UnicodeAttribute()
    items = JSONAttribute()
    amount = NumberAttribute()
    user_id = CouncilKey()
    status = UnicodeAttribute()
    email = UnicodeAttribute(null=True)
    location = UnicodeAttribute(null=True)
    notes = UnicodeAttribute(null=True)
    hold_until = UTCDateTimeAttribute(null=True)
    payment_id = UnicodeAttribute(null=True)
    created_at = UTCDateTimeAttribute()
    updated_at = UTCDateTimeAttribute(null=True)
    confirmed_at = UTCDateTimeAttribute(null=True)
    cancelled_at = UTCDateTimeAttribute(null=True)
    reason = UnicodeAttribute(null=True)
    refund = JSONAttribute(null=True)
    due = CouncilKey(null=True)
    due_at = UTCDateTimeAttribute(null=True)
    job_id = UnicodeAttribute(null=True)
    change_seq = NumberAttribute(null=True)
    changes = JSONAttribute(null=True)
    taken_by = JSONAttribute(null=True)
    pending = JSONAttribute(null=True)
    pending_payment = UnicodeAttribute(null=True)
    missed = JSONAttribute(null=True)
    band = JSONAttribute(null=True)  # banded pricing: the band it was priced by

    due_index = DueIndex()
    user_index = UserIndex()


def _band(band):
    """The band a booking is priced by, set or (priced per item) removed."""
    return BulkyBookingModel.band.set(band) if band else BulkyBookingModel.band.remove()


def _reminding(step):
    """The actions putting a confirmed booking's next step, (REMIND or CREW,
    when), in the due index; None: nothing more to do."""
    if step is None:
        return [BulkyBookingModel.due.remove(), BulkyBookingModel.due_at.remove()]
    kind, at = step
    return [BulkyBookingModel.due.set(kind), BulkyBookingModel.due_at.set(at)]


def take_place(t, parts, round_id, day, capacity):
    """Into transaction `t`: one of the day's places taken, under its capacity (the part "slot")."""
    t.update(BulkySlotModel(slot_key(round_id, day)),
             actions=[BulkySlotModel.taken.add(1), BulkySlotModel.capacity.set(capacity)],
             condition=BulkySlotModel.taken.does_not_exist() | (BulkySlotModel.taken < capacity))
    parts.append("slot")


def slot_key(round_id, day):
    return f"{round_id}#{day}"
