"""Changing a confirmed bulky booking until its cut-off (POST
/v1/waste/bulky/bookings/{id}/change): another offered day, other items,
where they are left, notes.

- Moving day takes the new day's place and gives the old one back in the
  booking's own transaction (storage/bulky.change): never over-booked, never
  a place lost.
- Re-pricing: items changed are priced at today's catalogue (unchanged items
  keep the price they were booked at only if the list is unchanged). A lower
  price owes the difference back: the change stores what it owes and a
  `bulky_change_refund` event in its transaction, and the refund follows
  from that event, once (change_refunds.py); the request itself never calls
  the provider. After a dearer change was paid, the difference comes back
  from the newest payment first.
- A higher price is held while the resident pays the difference
  (paid_changes.py): the booking changes only once the provider says paid.
- Idempotency-Key is required: a retry answers the booking as it is and
  changes nothing.
"""
import dataclasses
from datetime import date

from ... import validation
from ...errors import Conflict, Unacceptable, ValidationFailed
from ...stamps import stamp
from ...storage.waste.bulky import CHANGE_REFUND
from ...storage.errors import AlreadyExists, EditConflict, SlotFull
from ..shared import idempotency
from .bookings import IDEMPOTENCY_HOURS, band_of, booking_or_404, priced, read
from .catalogue import current
from .dates import candidates, cut_off, property_round
from .limits import LOCATION_MAX, NOTES_MAX
from .wording import (BOOKING, BOOKING_CHANGED_MEANWHILE, CHANGE_AWAITING_PAYMENT, CHANGE_REFUND_UNDER_WAY,
                      CHANGE_WITHOUT_KEY, CHOOSE_A_NEW_DAY, DAY_FULLY_BOOKED, DAY_NOT_OFFERED, GIVE_WHAT_CHANGES,
                      KEY_USED_FOR_CHANGE, NOT_AN_OFFERED_DAY, NOT_A_CHANGE_FIELD, ONLY_CONFIRMED_CHANGED, PAST_CUT_OFF,
                      REBOOKING_MOVES_DAY_ONLY)

FIELDS = ("date", "items", "location", "notes")


def change(deps, booking_id, body, idempotency_key):
    """(booking view, changed): changed is False for a replayed retry."""
    booking = booking_or_404(deps, booking_id)
    if not idempotency_key:
        raise ValidationFailed([("Idempotency-Key", CHANGE_WITHOUT_KEY)])
    claim = idempotency.Claim(deps, idempotency_key, f"{deps.principal.user_id}#bulky-change#{booking.id}", body,
                              lambda record: read(deps, record.resource_id) if deps.bulky.get(record.resource_id)
                              else None, KEY_USED_FOR_CHANGE)
    earlier = claim.earlier()
    if earlier:
        return earlier, False
    settings, _ = current(deps)
    after = _wanted(deps, booking, body, settings)
    if booking.status != "confirmed":
        raise Conflict(ONLY_CONFIRMED_CHANGED, code="booking_not_active")
    from .not_collected import may_rebook
    rebooking = may_rebook(booking)
    if rebooking and (after["date"] == booking.date or after["amount"] != booking.amount
                      or [i["id"] for i in after["items"]] != [i["id"] for i in booking.items]):
        raise Unacceptable(REBOOKING_MOVES_DAY_ONLY, code="rebook_date_only",
                           fields=[{"field": "date", "message": CHOOSE_A_NEW_DAY}])
    if not rebooking and deps.clock() >= cut_off(date.fromisoformat(booking.date), deps.calendar):
        raise Unacceptable(PAST_CUT_OFF, code="past_cut_off")
    if booking.due == CHANGE_REFUND:
        raise Conflict(CHANGE_REFUND_UNDER_WAY, code="change_in_progress")
    if booking.pending:
        raise Conflict(CHANGE_AWAITING_PAYMENT, code="change_in_progress")
    if after["date"] != booking.date:
        _, round_model = property_round(deps, booking.uprn, settings)
        if date.fromisoformat(after["date"]) not in candidates(deps, round_model, settings):
            raise Unacceptable(NOT_AN_OFFERED_DAY,
                               code="date_not_offered", fields=[{"field": "date", "message": DAY_NOT_OFFERED}])
    difference = after["amount"] - booking.amount
    now = deps.clock()
    record = claim.record(booking.id, now, IDEMPOTENCY_HOURS)
    if difference > 0:
        return _dearer(deps, booking, after, difference, settings, record, claim)
    entry = {"seq": booking.change_seq + 1, "at": stamp(now),
             "before": {k: getattr(booking, k) for k in ("date", "items", "amount", "location", "notes")},
             "after": {k: after[k] for k in ("date", "items", "amount", "location", "notes")}, "refund": None}
    events = []
    if difference < 0:  # owed, with what each payment's part names to the provider: the effect refunds it
        from .change_refunds import BACKSTOP_AFTER, owed_parts, refund_event
        entry["refund"] = {"status": "due", "amount": -difference, "parts": owed_parts(deps, booking, -difference)}
        events.append(refund_event(deps, booking.id, entry["seq"], -difference, now))
    after.update(changes=[*booking.changes, entry], at=now)
    if rebooking:  # the collection not made, moved free of charge: a new crew job on the new day
        entry["rebooking"] = True
        after["missed"] = {**booking.missed, "rebooked_at": stamp(now)}
    from .steps import next_step
    step = (CHANGE_REFUND, now + BACKSTOP_AFTER) if difference < 0 \
        else next_step(dataclasses.replace(booking, date=after["date"]), now)
    from .receipts import receipt_event
    event = receipt_event(deps, booking.id, "changed", now, seq=entry["seq"], refund=-difference)
    earlier = _written(deps, lambda: deps.bulky.change(booking, after, step, settings["capacity_per_day"], record,
                                                       [event, *events]), claim)
    if earlier:
        return earlier, False
    from ..shared.effects import first_try
    # The receipt, tried here (the stream sends it if this stops); the refund is the stream's alone.
    first_try(deps, [event])
    return read(deps, booking.id), True


def _wanted(deps, booking, body, settings):
    """The booking as the body would have it, every problem at once."""
    problems = validation.Problems(BOOKING)
    if not isinstance(body, dict) or not body:
        raise ValidationFailed([("body", GIVE_WHAT_CHANGES.format(fields=", ".join(FIELDS)))])
    for key in body:
        if key not in FIELDS:
            problems.add(key, NOT_A_CHANGE_FIELD)
    after = {"date": booking.date, "items": booking.items, "amount": booking.amount,
             "location": booking.location, "notes": booking.notes, "band": booking.band}
    if "date" in body:
        after["date"] = validation.iso_date(body["date"], "date", problems)
    if "items" in body:
        items, amount = priced(settings, body["items"], problems)
        if [i["id"] for i in items] != [i["id"] for i in booking.items]:
            after["items"], after["amount"], after["band"] = items, amount, band_of(settings, items)
    if "location" in body:
        after["location"] = validation.text(body["location"], "location", problems, 0, LOCATION_MAX) or ""
    if "notes" in body:
        after["notes"] = validation.text(body["notes"], "notes", problems, 0, NOTES_MAX) or ""
    problems.raise_if_any()
    return after


def _dearer(deps, booking, after, difference, settings, record, claim):
    """Hold a change costing more while its difference is paid (paid_changes.py)."""
    from .paid_changes import hold
    earlier = _written(deps, lambda: hold(deps, booking, after, difference, settings["capacity_per_day"], record),
                       claim)
    return (earlier, False) if earlier else (read(deps, booking.id), True)


def _written(deps, write, claim):
    """Make the change's conditional write; the earlier answer when a twin
    request with the same key came first, else None."""
    try:
        write()
    except SlotFull:
        raise Conflict(DAY_FULLY_BOOKED, code="slot_full") from None
    except AlreadyExists:
        return claim.twin()
    except EditConflict:
        raise Conflict(BOOKING_CHANGED_MEANWHILE, code="booking_changed") from None
    return None
