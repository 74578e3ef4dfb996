"""A club's whole block cancelled at once (POST /v1/staff/hire/bookings/{id}/cancel),
by the desk for a caller, with why: every session still to come cancelled in
one conditional change of the booking as read, their hours freed, each
refunded by its own notice (the booking's terms, as one session cancelled
alone is), and one event whose effect makes those refunds, once each.

The refunds come from one payment, one after another: each part stores the
refundable figure it will meet (what is left on the payment less the parts
before it), and the one effect makes them in that order, so no part waits
on another's answer; a part refused because another refund came first is
agreed afresh, and each is recorded under its own session's name, so a
retry finds it and never pays twice (waste/refund_parts.py). Sessions already begun
or over stay as they were; pressed twice, the first stands."""
import math
from datetime import datetime

from ... import validation
from ...errors import Conflict, ValidationFailed
from ...stamps import stamp
from . import wording
from .booking import booking_or_404, read
from .cancelling import CHANGE_TRIES, backstop_at, percent_for, refundable
from .limits import REASON_MAX


def _start(session):
    return datetime.fromisoformat(session["hours"][0].replace("Z", "+00:00"))


def cancel_block(deps, booking_id, body):
    """Every session to come cancelled, each refunded by its notice; the booking as it then stands."""
    from ..shared.effects import first_try
    from ..shared.events import new_event
    if not isinstance(body, dict):
        raise ValidationFailed([("body", wording.BODY_NOT_OBJECT)])
    problems = validation.Problems()
    for key in body:
        if key != "reason":
            problems.add(key, wording.NOT_BLOCK_CANCEL_FIELD)
    reason = validation.text(body.get("reason"), "reason", problems, 1, REASON_MAX, required=True)
    problems.raise_if_any()
    for _ in range(CHANGE_TRIES):
        booking = booking_or_404(deps, booking_id)
        if booking.status != "confirmed":
            raise Conflict(wording.SESSIONS_ONLY_CONFIRMED, code="booking_not_active")
        now = deps.clock()
        to_come = [s for s in booking.sessions if s["status"] == "booked" and _start(s) > now]
        if not to_come:
            if any(s.get("block_cancel") for s in booking.sessions):
                return read(deps, booking_id)  # pressed twice: the first stands
            raise Conflict(wording.NOTHING_TO_COME, code="nothing_to_cancel")
        refunds = _refunds(deps, booking, to_come, now)
        officer = deps.principal
        why = {"by": officer.email or officer.user_id, "reason": reason, "at": stamp(now)}
        sessions = [{**s, "status": "cancelled", "cancelled_at": stamp(now), "refund": refunds[s["date"]],
                     "block_cancel": why} if s["date"] in refunds else s for s in booking.sessions]
        event = new_event(deps, "hire_refund", now, event_id=f"hire.{booking.id}.block.cancelled",
                          booking_id=booking.id, sessions=[s["date"] for s in to_come])
        if deps.hire.change(booking, sessions=sessions, event=event, free=[h for s in to_come for h in s["hours"]],
                            refund_due_at=backstop_at(sessions, booking.deposit)):
            first_try(deps, [event])
            return read(deps, booking_id)
    raise Conflict(wording.BOOKING_BEING_CHANGED, code="booking_changed")


def _refunds(deps, booking, sessions, now):
    """{date: refund} of each session by its own notice, the parts' refundable figures one after another."""
    payment = deps.payments.get(booking.payment_id) if booking.payment_id else None
    paid = payment is not None and payment.status == "success"
    available = refundable(payment, booking) if paid else 0
    out = {}
    for session in sorted(sessions, key=_start):
        notice = (_start(session) - now).total_seconds() / 3600
        percent = percent_for(booking.refund_rules, notice)
        amount = session["amount"] * percent // 100
        part = {"payment_id": payment.id, "amount": amount, "refund_amount_available": available,
                "status": "due"} if paid and 0 < amount <= available else None
        available -= amount if part else 0
        out[session["date"]] = {"percent": percent, "amount": amount, "notice_hours": math.floor(notice),
                                "status": "due" if part else "none", "part": part}
    return out
