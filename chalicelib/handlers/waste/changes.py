"""Changing a confirmed bulky booking until its cut-off (POST
/v1/waste/bulky/bookings/{id}/change): another offered day, other items,
where they are left, notes.

- Moving day takes the new day's place and gives the old one back in the
  booking's own transaction (storage/bulky.change): never over-booked, never
  a place lost.
- Re-pricing: items changed are priced at today's catalogue (unchanged items
  keep the price they were booked at only if the list is unchanged). A lower
  price refunds the difference through the provider, once: the change records
  the refundable amount the provider stated before it (GOV.UK Pay's
  `refund_amount_available`), every attempt sends that same figure, so a
  second attempt is refused (P0604) rather than paid; one refused is looked
  up in the provider's refunds before trying with a fresh figure. A higher
  price is refused (`change_costs_more`): cancel and book again, for now.
- Idempotency-Key is required: a retry answers the booking as it is and
  changes nothing.
"""
import dataclasses
import logging
from datetime import date, timedelta

from ... import validation
from ...errors import Conflict, Unacceptable, ValidationFailed
from ...stamps import stamp
from ...storage.bulky import CHANGE_REFUND
from ...storage.errors import AlreadyExists, EditConflict, SlotFull
from ...storage.records import IdempotencyRecord
from ..payments import core as payments
from ..shared import idempotency
from .bookings import IDEMPOTENCY_HOURS, booking_or_404, priced, read
from .catalogue import current
from .dates import candidates, cut_off, property_round
from .limits import LOCATION_MAX, NOTES_MAX

log = logging.getLogger(__name__)
FIELDS = ("date", "items", "location", "notes")


def change(deps, booking_id, body, idempotency_key):
    """(booking view, changed): changed is False for a replayed retry."""
    booking = booking_or_404(deps, booking_id)
    if not idempotency_key:
        raise ValidationFailed([("Idempotency-Key", "Is required: a change may refund, and a retry must not "
                                                    "change or refund twice (a UUID per press).")])
    key = idempotency.request_key(idempotency_key, f"{deps.principal.user_id}#bulky-change#{booking.id}")
    fingerprint = idempotency.fingerprint(body)
    earlier = _replay(deps, key, fingerprint)
    if earlier:
        return earlier, False
    settings, _ = current(deps)
    after = _wanted(deps, booking, body, settings)
    if booking.status != "confirmed":
        raise Conflict("Only a confirmed (paid) booking can be changed.", code="booking_not_active")
    if deps.clock() >= cut_off(date.fromisoformat(booking.date)):
        raise Unacceptable("It is past the cut-off for this collection (14:00 the working day before).",
                           code="past_cut_off")
    if booking.due == CHANGE_REFUND:
        raise Conflict("The last change's refund is still being made; try again in a few minutes.",
                       code="change_in_progress")
    if after["date"] != booking.date:
        _, round_model = property_round(deps, booking.uprn, settings)
        if date.fromisoformat(after["date"]) not in candidates(deps, round_model, settings):
            raise Unacceptable("That day is not one offered for this property (GET /v1/places/{uprn}/bulky/dates).",
                               code="date_not_offered", fields=[{"field": "date", "message": "Not an offered day."}])
    difference = after["amount"] - booking.amount
    if difference > 0:
        raise Unacceptable(f"That change costs {difference} pence more: cancel this booking and book again.",
                           code="change_costs_more")
    now = deps.clock()
    entry = {"seq": booking.change_seq + 1, "at": stamp(now),
             "before": {k: getattr(booking, k) for k in ("date", "items", "amount", "location", "notes")},
             "after": {k: after[k] for k in ("date", "items", "amount", "location", "notes")}, "refund": None}
    if difference < 0:
        entry["refund"] = {"status": "due", "amount": -difference, "refund_amount_available": _available(deps, booking)}
    after.update(changes=[*booking.changes, entry], at=now)
    from .steps import next_step
    step = (CHANGE_REFUND, now) if difference < 0 else next_step(dataclasses.replace(booking, date=after["date"]), now)
    record = None if key is None else IdempotencyRecord(
        key=key, fingerprint=fingerprint, resource_id=booking.id, created_at=now,
        expires=now + timedelta(hours=IDEMPOTENCY_HOURS))
    try:
        deps.bulky.change(booking, after, step, settings["capacity_per_day"], record)
    except SlotFull:
        raise Conflict("That day has just been fully booked; choose another.", code="slot_full") from None
    except AlreadyExists:
        earlier = _replay(deps, key, fingerprint)
        if earlier:
            return earlier, False
        raise
    except EditConflict:
        raise Conflict("The booking changed meanwhile; read it again.", code="booking_changed") from None
    from .receipts import changed
    now_booking = deps.bulky.get(booking.id)
    changed(deps, now_booking, -difference)
    if difference < 0:
        refund_difference(deps, now_booking)
    return read(deps, booking.id), True


def _wanted(deps, booking, body, settings):
    """The booking as the body would have it, every problem at once."""
    problems = validation.Problems()
    if not isinstance(body, dict) or not body:
        raise ValidationFailed([("body", f"Give what changes: {', '.join(FIELDS)}.")])
    for key in body:
        if key not in FIELDS:
            problems.add(key, "Is not something a booking's change can set.")
    after = {"date": booking.date, "items": booking.items, "amount": booking.amount,
             "location": booking.location, "notes": booking.notes}
    if "date" in body:
        after["date"] = validation.iso_date(body["date"], "date", problems)
    if "items" in body:
        items, amount = priced(settings, body["items"], problems)
        if [i["id"] for i in items] != [i["id"] for i in booking.items]:
            after["items"], after["amount"] = items, amount
    if "location" in body:
        after["location"] = validation.text(body["location"], "location", problems, 0, LOCATION_MAX) or ""
    if "notes" in body:
        after["notes"] = validation.text(body["notes"], "notes", problems, 0, NOTES_MAX) or ""
    problems.raise_if_any()
    return after


def _available(deps, booking):
    """What the provider says can still be refunded of the booking's payment:
    asked before the change, so its refund can name it. 503 when it cannot say."""
    payment = deps.payments.get(booking.payment_id) if booking.payment_id else None
    try:
        return payments.provider(deps).get(payment.provider_id).refund_available
    except (AttributeError, payments.ProviderError):
        raise payments.PaymentsUnavailable("The payment provider cannot be reached to agree the refund; "
                                           "nothing was changed. Try again shortly.") from None


def refund_difference(deps, booking):
    """Refund what the last change owes, once; left due (the job tries
    again) when the provider cannot be reached. Returns the refund entry or None."""
    entry = booking.changes[-1] if booking.changes else None
    owed = (entry or {}).get("refund") or {}
    if booking.due != CHANGE_REFUND or owed.get("status") != "due":
        return None
    payment = deps.payments.get(booking.payment_id)
    chosen = payments.provider(deps)
    try:
        made = _made_already(deps, chosen, payment, owed["amount"])
        if made is None:
            try:
                made = chosen.refund(payment.provider_id, owed["amount"], owed["refund_amount_available"])
            except payments.RefundMismatch:
                made = _made_already(deps, chosen, payment, owed["amount"])
                if made is None:  # another refund (staff's) came first: ours was not made; agree afresh
                    fresh = chosen.get(payment.provider_id).refund_available
                    made = chosen.refund(payment.provider_id, min(owed["amount"], fresh), fresh) if fresh else None
    except payments.ProviderError as e:
        log.warning("booking %s: change refund left for the job: %s", booking.id, e)
        return None
    done = {**owed, "status": "done", "amount": made.amount if made else 0,
            "refund_id": made.refund_id if made else None, "at": stamp(deps.clock())}
    if made is not None:
        payments.record_refund(deps, payment.id, {"refund_id": made.refund_id, "amount": made.amount,
                                                  "status": made.status, "at": done["at"],
                                                  "by": f"booking {booking.id} change {entry['seq']}",
                                                  "reason": "cheaper change"})
    from .steps import next_step
    changes = [*booking.changes[:-1], {**entry, "refund": done}]
    deps.bulky.change_refunded(booking.id, entry["seq"], changes, next_step(booking, deps.clock()))
    return done


def _made_already(deps, chosen, payment, amount):
    """A refund of `amount` the provider holds that Doorstep never recorded:
    ours, whose answer was lost (a crash, a timeout). None when there is none."""
    known = {r.get("refund_id") for r in deps.payments.get(payment.id).refunds or []}
    return next((r for r in chosen.refunds(payment.provider_id)
                 if r.refund_id not in known and r.amount == amount and r.status != "error"), None)


def changes_due(deps):
    """Change refunds the provider could not take at once. Returns how many were settled."""
    return sum(refund_difference(deps, b) is not None for b in deps.bulky.due(CHANGE_REFUND, deps.clock()))


def _replay(deps, key, fingerprint):
    def answer(record):
        return read(deps, record.resource_id) if deps.bulky.get(record.resource_id) else None
    return idempotency.replay(deps, key, fingerprint, answer, Unacceptable(
        "That Idempotency-Key was used for another change.", code="idempotency_key_reused"))
