"""The e-mails waste services send: receipts, reminders, word of a refund or
a change. Each is asked for by the one caller whose conditional write made
the change, or follows from the event written with it (`bulky_receipt`: a
change, a waived booking (its confirming too), a reminder, word of a refund; a finished payment's and a crew's events reach
here through their own effects), and is queued in the outbox under an id of its own (the booking
and what happened), so it is kept even when it cannot be sent at once (the
job sends it) and goes once even if asked for twice."""
from datetime import date

from ..payments.core import pounds
from . import wording as w

# The services a collection booked and a garden subscription count in (feedback/services.py): each counted
# once with the receipt that tells it is confirmed (an effect, claimed once; feedback/counting.py's mark).
BULKY, GARDEN = "bulky", "garden"


def receipt_event(deps, booking_id, receipt, now, **facts):
    """The `bulky_receipt` event a booking's change is written with: its
    receipt follows from it (`on_receipt`, shared/effects.py)."""
    from ..shared.events import new_event
    return new_event(deps, "bulky_receipt", now, booking_id=booking_id, receipt=receipt, **facts)


def on_receipt(deps, event, key):
    """The effect of `bulky_receipt`: the receipt the change promised, once
    (the outbox keeps one per booking and change)."""
    payload = event.payload or {}
    booking = deps.bulky.get(payload.get("booking_id"))
    if booking is None:
        return
    receipt = payload.get("receipt")
    if receipt == "changed" and booking.change_seq == payload.get("seq"):
        changed(deps, booking, payload.get("refund") or 0)  # a later change has its own receipt
    elif receipt == "refunded":
        refunded(deps, booking, payload.get("amount") or 0)
    elif receipt == "waived":
        _waived_confirmed(deps, booking)
    elif receipt == "reminder" and booking.status == "confirmed":
        from datetime import datetime
        reminder(deps, booking, datetime.fromisoformat(payload["due_at"]))


def _waived_confirmed(deps, booking):
    """A booking staff took with the charge waived: held -> confirmed (no
    payment to wait for), then its receipt; released by the hold job first
    (the effect ran late), nothing."""
    from .steps import next_step
    if booking.status == "held":
        now = deps.clock()
        deps.bulky.confirm(booking.id, now, next_step(booking, now))
        booking = deps.bulky.get(booking.id)
    if booking.status == "confirmed" and not booking.payment_id:
        waived(deps, booking)


def _address(deps, paid_for):
    """Where to write about a booking or subscription: the address it was made with, else its account's."""
    if paid_for.email:
        return paid_for.email
    user = deps.accounts.user(paid_for.user_id) if deps.accounts else None
    return user.email if user else None


def _day(value):
    from .wording import for_people
    return for_people(value)


def _priced_lines(deps, booking):
    """The items, each with its price, and the minimum charge's top-up as a line of its own;
    priced by a band, the items by name and the band's price as the one priced line."""
    from .wording import BAND_PRICE, MINIMUM_TOP_UP, top_up
    if booking.band:
        band = booking.band
        return "\n".join([f"  {item['name']}" for item in booking.items] + [
            f"  {BAND_PRICE.format(start=band['from'], up_to=band['up_to'])}: {pounds(band['price'])}"])
    lines = [f"  {item['name']}: {pounds(item['price'])}" for item in booking.items]
    extra = top_up(booking.amount, booking.items)
    return "\n".join(lines + ([f"  {MINIMUM_TOP_UP}: {pounds(extra)}"] if extra else []))


def _send(deps, paid_for, subject, body, key):
    """Queue the e-mail in the outbox (a durable queue: sent at once when it
    can be, else by the job), once per `key`: the same receipt asked twice is
    sent once."""
    from ...notify.email import queue_email
    to = _address(deps, paid_for)
    if to:
        queue_email(to, subject, body, deps.clock(), f"receipt:{key}")


def _counted(deps, service, made, fresh, reference=None):
    """`made` counted as finished (read again when told before its confirming was read); its question's link."""
    from ..feedback.counting import count_confirmed
    return count_confirmed(deps, service, made if made.confirmed_at else fresh(), reference)


def paid(deps, booking, payment):
    from .dates import cut_off
    from .wording import moment_for_people
    feedback = _counted(deps, BULKY, booking, lambda: deps.bulky.get(booking.id))
    lines = _priced_lines(deps, booking)
    _send(deps, booking, w.BOOKED_SUBJECT.format(day=_day(booking.date)), w.PAID_BODY.format(
        reference=booking.id, day=_day(booking.date), address=booking.address,
        location=booking.location or w.NOT_GIVEN, lines=lines, total=pounds(booking.amount), payment=payment.id,
        cut_off=moment_for_people(cut_off(date.fromisoformat(booking.date), deps.calendar)),
        link=f"{deps.base_url}/bulky/bookings/{booking.id}", feedback=feedback), f"{booking.id}:paid")


def reminder(deps, booking, due_at=None):
    """due_at: the step the reminder was due at (the booking has moved on to its next)."""
    due_at = due_at or booking.due_at
    items = ", ".join(item["name"] for item in booking.items)
    _send(deps, booking, w.REMINDER_SUBJECT.format(day=_day(booking.date)), w.REMINDER_BODY.format(
        reference=booking.id, day=_day(booking.date), location=booking.location or w.WHERE_THE_CREW_CAN_SEE,
        items=items),
        f"{booking.id}:reminder:{due_at:%Y-%m-%dT%H}" if due_at else f"{booking.id}:reminder")


def refunded(deps, booking, amount):
    _send(deps, booking, w.CANCELLED_SUBJECT.format(reference=booking.id), w.CANCELLED_BODY.format(
        day=_day(booking.date), reference=booking.id, refund=_refund(amount)), f"{booking.id}:cancelled")


def garden_paid(deps, sub, payment):
    feedback = _counted(deps, GARDEN, sub, lambda: deps.garden.get(sub.uprn, sub.start), f"{sub.uprn}.{sub.start}")
    _send(deps, sub, w.GARDEN_PAID_SUBJECT, w.GARDEN_PAID_BODY.format(
        address=sub.address, start=_day(sub.start), end=_day(sub.end), bins=sub.bins, total=pounds(sub.amount),
        payment=payment.id, feedback=feedback), f"garden:{sub.uprn}.{sub.start}:paid")


def garden_reminder(deps, sub, day=None):
    """day: the day it was due (ISO), which names it in the outbox (default: today)."""
    _send(deps, sub, w.GARDEN_RENEW_SUBJECT, w.GARDEN_RENEW_BODY.format(
        address=sub.address, end=_day(sub.end), link=f"{deps.base_url}/garden?uprn={sub.uprn}"),
        f"garden:{sub.uprn}.{sub.start}:reminder:{day or format(deps.clock(), '%Y-%m-%d')}")


def changed(deps, booking, refund_amount, paid=0):
    """The booking as changed (sent once, by the change that committed); `paid`: the difference paid for it."""
    lines = _priced_lines(deps, booking)
    _send(deps, booking, w.CHANGED_SUBJECT.format(reference=booking.id), w.CHANGED_BODY.format(
        reference=booking.id, day=_day(booking.date), location=booking.location or w.NOT_GIVEN, lines=lines,
        total=pounds(booking.amount),
        refund=w.DIFFERENCE_REFUNDED.format(amount=pounds(refund_amount)) if refund_amount else "",
        paid=w.DIFFERENCE_PAID.format(amount=pounds(paid)) if paid else ""),
        f"{booking.id}:change:{booking.change_seq}")


def change_not_made(deps, booking, payment, amount):
    """The difference was paid after its change was let go: the change was not made, the money goes back."""
    _send(deps, booking, w.CHANGE_NOT_MADE_SUBJECT.format(reference=booking.id), w.CHANGE_NOT_MADE_BODY.format(
        paid=pounds(payment.amount), reference=booking.id, day=_day(booking.date),
        refund=w.REFUNDED_TO_CARD.format(amount=pounds(amount))), f"{booking.id}:change-refund:{payment.id}")


def not_collected(deps, booking, missed, refunded):
    """The crew could not collect it: their reason, and the council's remedy."""
    if missed["remedy"] == "rebook":
        remedy = w.REBOOK_FREE.format(link=f"{deps.base_url}/bulky/bookings/{booking.id}/change")
    elif refunded is not None:
        remedy = _refund(refunded["amount"])
    else:
        remedy = w.REFUND_TO_COME
    _send(deps, booking, w.NOT_COLLECTED_SUBJECT.format(reference=booking.id), w.NOT_COLLECTED_BODY.format(
        day=_day(booking.date), reference=booking.id, reason=missed["reason"], remedy=remedy),
        f"{booking.id}:not-collected")


def waived(deps, booking):
    """A collection staff booked for a caller with the charge waived."""
    feedback = _counted(deps, BULKY, booking, lambda: deps.bulky.get(booking.id))
    lines = "\n".join(f"  {item['name']}" for item in booking.items)
    _send(deps, booking, w.BOOKED_SUBJECT.format(day=_day(booking.date)), w.WAIVED_BODY.format(
        reference=booking.id, day=_day(booking.date), address=booking.address,
        location=booking.location or w.NOT_GIVEN, lines=lines, feedback=feedback), f"{booking.id}:waived")


def _refund(amount):
    """What a refund of `amount` pence says, or that nothing was left to refund."""
    return w.REFUNDED_TO_CARD.format(amount=pounds(amount)) if amount else w.NOTHING_TO_REFUND
