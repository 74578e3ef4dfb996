"""Bulky collection bookings: held while the resident pays, confirmed when the
provider says paid, cancelled before the cut-off with a full refund, once."""
import logging
import re
from datetime import date, timedelta

from ... import validation
from ...auth.rules import BULKY_BOOKING
from ...errors import ApiError, Conflict, NotFound, Unacceptable
from ...stamps import stamp
from ...storage.errors import AlreadyExists, SlotFull
from ...storage.records import BulkyBooking
from ..payments import core as payments
from ..shared import idempotency
from .catalogue import current
from .dates import candidates, cut_off, property_round
from .receipts import BULKY, pounds
from .limits import BOOKING_ID_PATTERN, HOLD_MINUTES, LOCATION_MAX, NOTES_MAX, PURPOSE
from .wording import (BOOKING, BULKY_PAYMENT, DAY_FULLY_BOOKED, DAY_NOT_OFFERED, ITEMS_COUNT, KEY_USED_FOR_BOOKING,
                      NOT_AN_ITEM, NOT_AN_OFFERED_DAY, NOT_A_BOOKING_FIELD, NOT_A_UPRN, NO_SUCH_BOOKING, PAST_CUT_OFF,
                      PAYMENT_NOT_STOPPED, READ_BOOKING, UNPAID_NOTHING_TO_CANCEL, for_people, top_up)

log = logging.getLogger(__name__)
IDEMPOTENCY_HOURS = 24




def view(deps, booking, payment=None):
    out = {"id": booking.id, "status": booking.status, "uprn": booking.uprn, "address": booking.address,
           "date": booking.date, "items": booking.items, "amount": booking.amount,
           "amount_text": pounds(booking.amount),
           "minimum_charge_top_up": 0 if booking.band else top_up(booking.amount, booking.items),
           "band": booking.band, "location": booking.location, "notes": booking.notes,
           "cancel_before": stamp(cut_off(date.fromisoformat(booking.date), deps.calendar)),
           "hold_until": stamp(booking.hold_until), "created_at": stamp(booking.created_at),
           "confirmed_at": stamp(booking.confirmed_at), "cancelled_at": stamp(booking.cancelled_at),
           "reason": booking.reason, "refund": booking.refund, "payment": None, "collection": None,
           "changes": [{k: c.get(k) for k in ("seq", "at", "before", "after", "refund", "payment")}
                       for c in booking.changes],
           "taken_by": booking.taken_by, "pending_change": None, "missed": booking.missed}
    if payment is not None:
        out["payment"] = {"id": payment.id, "status": payment.status, "finished": payment.finished,
                          "amount": payment.amount, "refunded": payment.refunded, "code": payment.code,
                          "next_url": payment.next_url if booking.status == "held" and not payment.finished
                          else None}
    if booking.confirmed_at is not None:  # confirmed: how did it go? (counted with its receipt, receipts.py)
        from ..feedback.counting import confirmed
        out["feedback"] = confirmed(BULKY, booking)
    return out


def booking_or_404(deps, booking_id):
    """The booking, if the caller may open it (its resident, or the bulky desk, with a reason); 404 otherwise."""
    from ..shared.reading import opened
    found = deps.bulky.get(booking_id) if re.fullmatch(BOOKING_ID_PATTERN, booking_id or "") else None
    if found is None or not opened(deps, BULKY_BOOKING, found.user_id, found.id, READ_BOOKING):
        raise NotFound(NO_SUCH_BOOKING, code="booking_not_found")
    return found


def read(deps, booking_id):
    """One booking: its item, its payment's, and from its day its crew job's (one GetItem each)."""
    from .collections import collection
    booking = booking_or_404(deps, booking_id)
    payment = deps.payments.get(booking.payment_id) if booking.payment_id else None
    from .paid_changes import view as pending_view
    return {**view(deps, booking, payment), "collection": collection(deps, booking),
            "pending_change": pending_view(deps, booking)}


def priced(settings, wanted, problems):
    """[{id, name, price}] for the item ids wanted, and the amount (amount_of). The
    catalogue and its most items are the council's (an administrator's to change), so an
    item not on it, or more than it takes, is a rule (422); past the document's bounds, 400."""
    from .limits import MAX_ITEMS_LIMIT
    catalogue = {i["id"]: i for i in settings["items"]}
    if not isinstance(wanted, list) or not 1 <= len(wanted) <= MAX_ITEMS_LIMIT:
        problems.add("items", ITEMS_COUNT.format(max=settings["max_items"]))
        return [], 0
    if len(wanted) > settings["max_items"]:
        problems.rule("items", ITEMS_COUNT.format(max=settings["max_items"]))
        return [], 0
    items = []
    for i, item_id in enumerate(wanted):
        if not isinstance(item_id, str):
            problems.add(f"items[{i}]", NOT_AN_ITEM)
        elif item_id not in catalogue:
            problems.rule(f"items[{i}]", NOT_AN_ITEM)
        else:
            items.append(dict(catalogue[item_id]))
    return items, amount_of(settings, items)


def band_of(settings, items):
    """The band `items` are priced by under banded pricing, {from, up_to,
    price}, kept on the booking so its price reads as that band; None per item."""
    if settings.get("pricing") != "banded" or not items:
        return None
    start = 1
    for band in settings["bands"]:
        if band["up_to"] >= len(items):
            return {"from": start, "up_to": band["up_to"], "price": band["price"]}
        start = band["up_to"] + 1
    return None


def amount_of(settings, items):
    """What `items` cost: banded, the first band reaching their number; per
    item, their prices added up, at least the minimum charge."""
    band = band_of(settings, items)
    if band is not None:
        return band["price"]
    return max(settings["minimum_charge"], sum(i["price"] for i in items))


def create(deps, body, idempotency_key):
    """POST /v1/waste/bulky/bookings: hold a place and start the payment.
    Returns (view with payment.next_url, created)."""
    return book(deps, body, idempotency_key, user_id=deps.principal.user_id, email=deps.principal.email)


def book(deps, body, idempotency_key, *, user_id, email, taken_by=None, moto=False, waived=False, key_body=None):
    """Hold a place and start the payment (a resident's booking, or one staff
    take for a caller: `taken_by` says who and how; `moto` makes the payment
    card-not-present; `waived` confirms it at once with no payment; `key_body`:
    the whole request, when `body` is only its booking fields). Returns (view, created)."""
    problems = validation.Problems(BOOKING)
    for key in body:
        if key not in ("uprn", "date", "items", "location", "notes"):
            problems.add(key, NOT_A_BOOKING_FIELD)
    uprn = body.get("uprn")
    if not isinstance(uprn, str) or not re.fullmatch(r"[0-9]{1,12}", uprn):
        problems.add("uprn", NOT_A_UPRN)
    day = validation.iso_date(body.get("date"), "date", problems)
    settings, _ = current(deps)
    items, amount = priced(settings, body.get("items"), problems)
    location = validation.text(body.get("location"), "location", problems, 0, LOCATION_MAX) or ""
    notes = validation.text(body.get("notes"), "notes", problems, 0, NOTES_MAX) or ""
    problems.raise_if_any()
    claim = idempotency.Claim(deps, idempotency_key, f"{deps.principal.user_id}#bulky",
                              body if key_body is None else key_body, _answer(deps), KEY_USED_FOR_BOOKING)
    earlier = claim.earlier()
    if earlier:
        return earlier, False
    address, round_model = property_round(deps, uprn, settings)
    if date.fromisoformat(day) not in candidates(deps, round_model, settings):
        raise Unacceptable(NOT_AN_OFFERED_DAY,
                           code="date_not_offered", fields=[{"field": "date", "message": DAY_NOT_OFFERED}])
    now = deps.clock()
    booking = BulkyBooking(
        id="BK-" + deps.new_report_id()[-6:], uprn=address.uprn, address=", ".join(address.lines or []),
        round_id=round_model.id, date=day, items=items, amount=amount, user_id=user_id,
        email=email, location=location, notes=notes, status="held", band=band_of(settings, items),
        hold_until=now + timedelta(minutes=HOLD_MINUTES), created_at=now, updated_at=now, taken_by=taken_by)
    from .receipts import receipt_event
    event = receipt_event(deps, booking.id, "waived", now) if waived else None  # confirmed and told from it
    try:
        deps.bulky.hold(booking, settings["capacity_per_day"], claim.record(booking.id, now, IDEMPOTENCY_HOURS),
                        event)
    except SlotFull:
        raise Conflict(DAY_FULLY_BOOKED, code="slot_full") from None
    except AlreadyExists:
        return claim.twin(), False
    if waived:
        return _confirm_waived(deps, booking, event), True
    try:
        payment = payments.start(
            deps, purpose=PURPOSE, subject_id=booking.id, amount=amount, reference=booking.id,
            description=BULKY_PAYMENT["other" if len(items) > 1 else "one"].format(day=for_people(day),
                                                                                   count=len(items)),
            user_id=user_id, email=booking.email, moto=moto)
    except ApiError:
        deps.bulky.release(booking, "payment_unavailable", deps.clock())
        raise
    deps.bulky.set_payment(booking.id, payment.id)
    booking.payment_id = payment.id
    return view(deps, booking, payment), True


def _confirm_waived(deps, booking, event):
    """A booking staff took with the charge waived: confirmed at once, no
    payment, by the effect of the event written with its hold
    (receipts.on_receipt), tried here first: a crash before it leaves the
    confirming and the receipt to the stream."""
    from ..shared.effects import first_try
    first_try(deps, [event])
    return view(deps, deps.bulky.get(booking.id))


def _answer(deps):
    def answer(record):
        booking = deps.bulky.get(record.resource_id)
        if booking is None:
            return None
        return view(deps, booking, deps.payments.get(booking.payment_id) if booking.payment_id else None)
    return answer


def cancel(deps, booking_id):
    """POST /v1/waste/bulky/bookings/{id}/cancel. Pressed twice, or by two at
    once, the booking is cancelled and refunded once: the conditional write
    picks one, and only its event's effect refunds (cancel_refunds.py); the
    answer says the refund is due, then the booking's page says it is done."""
    booking = booking_or_404(deps, booking_id)
    if booking.status == "cancelled":
        return read(deps, booking_id)
    if booking.status == "released":
        raise Conflict(UNPAID_NOTHING_TO_CANCEL, code="booking_not_active")
    if deps.clock() >= cut_off(date.fromisoformat(booking.date), deps.calendar):
        raise Unacceptable(PAST_CUT_OFF, code="past_cut_off")
    if booking.status == "held":
        booking = _stop_paying(deps, booking)
        if booking.status == "held":
            if deps.bulky.cancel(booking, "held", "cancelled_by_resident", deps.clock(), refund_due=False):
                return read(deps, booking_id)
            booking = deps.bulky.get(booking_id)
    if booking.status == "confirmed" and booking.pending:
        from .paid_changes import stop
        booking = stop(deps, booking)
    if booking.status == "confirmed":  # refunded from the cancellation's own event, never in this request
        from .cancel_refunds import cancel_paid
        cancel_paid(deps, booking, "cancelled_by_resident")
    return read(deps, booking_id)


def _stop_paying(deps, booking):
    """Cancel an unfinished payment at the provider; one already paid is
    settled instead (the booking is then confirmed, and refunded by the caller)."""
    payment = deps.payments.get(booking.payment_id) if booking.payment_id else None
    if payment is not None and payment.provider_id and not payment.finished:
        try:
            if not payments.provider(deps).cancel(payment.provider_id):
                payments.check(deps, payment)
        except payments.ProviderError:
            raise payments.PaymentsUnavailable(PAYMENT_NOT_STOPPED) from None
    return deps.bulky.get(booking.id)


def mine(deps, user_id):
    """A resident's bookings for My Account, newest first (one Query of the
    user index; a change waiting for its payment without the payment's own read)."""
    from .paid_changes import view as pending_view
    return [{**view(deps, b), "pending_change": pending_view(deps, b, with_payment=False)}
            for b in deps.bulky.of_user(user_id)]
