"""Cancelling one session of a booking, refunded by the notice given, and
the deposit returned after an officer's check: each a conditional change of
the booking as read, written with its event, whose effect makes the refund
once (waste/refund_parts.py: each refund known by what it refunds, "hire
{id} session:{date}", and made holding the payment's one place for asking,
so a retry or a racer finds it recorded under that name, never takes another
refund of the same size for it); the 5-minute job's `refunds_due` makes one
its effect never made.

Notice is real time, start minus now: "14 days" is 336 hours, so across the
clocks going back a session 14 calendar days ahead at the same wall time has
337 hours' notice, and one at 13 days 23 hours of wall time may have 336."""
import logging
import math
from datetime import datetime

from ... import validation
from ...errors import Conflict, NotFound, Unacceptable, ValidationFailed
from ...stamps import parse, stamp
from ..payments.core import pounds
from ..waste.refund_parts import BACKSTOP_AFTER, refund_parts
from . import wording
from ...storage.hire.hire import last_end
from .booking import booking_or_404, read
from .places import london
from .limits import REASON_MAX
from .telling import place_name, send

log = logging.getLogger(__name__)
CHANGE_TRIES = 5  # another change made meanwhile (a second session cancelled): read again and retry


def percent_for(rules, notice_hours):
    """The share of a session's hire refunded with `notice_hours` notice: the
    first rule whose notice is met (rules most notice first); none past them all."""
    for rule in sorted(rules, key=lambda r: -r["notice_hours"]):
        if notice_hours >= rule["notice_hours"]:
            return rule["percent"]
    return 0


def backstop_at(sessions, deposit):
    """When the backstop job should look for a refund still owed:
    BACKSTOP_AFTER the earliest change that owes one, past its effect's last
    try (None: nothing owed). Stored with every change, so a booking leaves
    the job's index once its last refund is made."""
    since = [parse(s["cancelled_at"]) for s in sessions if (s.get("refund") or {}).get("status") == "due"]
    if ((deposit or {}).get("refund") or {}).get("status") == "due":
        since.append(parse(deposit["at"]))
    return min(since) + BACKSTOP_AFTER if since else None


def owed_since(booking, before):
    """The `hire_refund` payloads of the refunds `booking` still owes from
    changes made before `before` (what the backstop settles)."""
    owed = [{"booking_id": booking.id, "session": s["date"]} for s in booking.sessions
            if (s.get("refund") or {}).get("status") == "due" and parse(s["cancelled_at"]) <= before]
    deposit = booking.deposit or {}
    if (deposit.get("refund") or {}).get("status") == "due" and parse(deposit["at"]) <= before:
        owed.append({"booking_id": booking.id, "deposit": True})
    return owed


def unmade(booking):
    """What the booking's changes owe back and have not yet made (their parts still due): a new part's
    refundable figure is the payment's left after them, so two changes never name the same figure."""
    owed = [s.get("refund") or {} for s in booking.sessions] + [(booking.deposit or {}).get("refund") or {}]
    return sum(r["part"]["amount"] for r in owed if r.get("status") == "due" and r.get("part"))


def refundable(payment, booking):
    """The refundable figure a new part of `booking`'s names: paid, less what is refunded and what is owed."""
    return payment.amount - payment.refunded - unmade(booking)


def _part(deps, booking, amount):
    payment = deps.payments.get(booking.payment_id) if booking.payment_id else None
    if payment is None or payment.status != "success" or amount <= 0:
        return None
    return {"payment_id": payment.id, "amount": amount, "refund_amount_available": refundable(payment, booking),
            "status": "due"}


def cancel_session(deps, booking_id, day):
    """POST /v1/hire/bookings/{id}/sessions/{date}/cancel."""
    from ..shared.events import new_event
    for _ in range(CHANGE_TRIES):
        booking = booking_or_404(deps, booking_id)
        session = next((s for s in booking.sessions if s["date"] == day), None)
        if session is None:
            raise NotFound(wording.NO_SESSION_ON_DATE, code="session_not_found")
        if session["status"] == "cancelled":
            return read(deps, booking_id)  # pressed twice: the first stands
        if booking.status != "confirmed":
            raise Conflict(wording.SESSIONS_ONLY_CONFIRMED, code="booking_not_active")
        now = deps.clock()
        starts = datetime.fromisoformat(session["hours"][0].replace("Z", "+00:00"))
        if now >= starts:
            raise Conflict(wording.SESSION_STARTED, code="session_started")
        notice = (starts - now).total_seconds() / 3600
        percent = percent_for(booking.refund_rules, notice)
        amount = session["amount"] * percent // 100
        part = _part(deps, booking, amount)
        refund = {"percent": percent, "amount": amount, "notice_hours": math.floor(notice),
                  "status": "due" if part else "none", "part": part}
        sessions = [{**s, "status": "cancelled", "cancelled_at": stamp(now), "refund": refund}
                    if s is session else s for s in booking.sessions]
        event = new_event(deps, "hire_refund", now, event_id=f"hire.{booking.id}.{day}.cancelled",
                          booking_id=booking.id, session=day)
        if deps.hire.change(booking, sessions=sessions, event=event, free=session["hours"],
                            refund_due_at=backstop_at(sessions, booking.deposit)):
            from ..shared.effects import first_try
            first_try(deps, [event])
            return read(deps, booking_id)
    raise Conflict(wording.BOOKING_BEING_CHANGED, code="booking_changed")


def return_deposit(deps, booking_id, body):
    """POST /v1/staff/hire/bookings/{id}/deposit: the officer's check: how much goes back, and why."""
    from ..shared.events import new_event
    if not isinstance(body, dict):
        raise ValidationFailed([("body", wording.BODY_NOT_OBJECT)])
    problems = validation.Problems()
    returned, reason = body.get("returned"), validation.text(body.get("reason"), "reason", problems, 1, REASON_MAX,
                                                              required=True)
    for key in body:
        if key not in ("returned", "reason"):
            problems.add(key, wording.NOT_DEPOSIT_FIELD)
    if isinstance(returned, bool) or not isinstance(returned, int) or returned < 0:
        problems.add("returned", wording.RETURNED_NOT_PENCE)
    problems.raise_if_any()
    for _ in range(CHANGE_TRIES):
        booking = booking_or_404(deps, booking_id)
        if booking.deposit.get("status") != "held":
            return read(deps, booking_id)  # checked already: the first officer's stands
        if returned > booking.deposit["amount"]:  # well-formed, but more than was paid: impossible, not malformed
            raise Unacceptable(wording.DEPOSIT_AT_MOST.format(paid=booking.deposit["amount"]),
                               code="more_than_deposit", fields=[
                                   {"field": "returned",
                                    "message": wording.RETURNED_AT_MOST.format(paid=booking.deposit["amount"])}])
        if booking.status != "confirmed":
            raise Conflict(wording.DEPOSIT_ONLY_CONFIRMED, code="booking_not_active")
        now, officer = deps.clock(), deps.principal
        ends = last_end(booking.sessions)
        if ends is not None and stamp(now) < ends:  # the place is checked after the hire, never before
            raise Conflict(wording.DEPOSIT_BEFORE_END.format(when=london(ends)), code="sessions_not_ended")
        part = _part(deps, booking, returned)
        deposit = {**booking.deposit, "status": "returned" if returned else "kept", "returned": returned,
                   "reason": reason, "by": officer.email or officer.user_id, "at": stamp(now),
                   "refund": {"amount": returned, "status": "due" if part else "none", "part": part}}
        event = new_event(deps, "hire_refund", now, event_id=f"hire.{booking.id}.deposit", booking_id=booking.id,
                          deposit=True)
        if deps.hire.change(booking, deposit=deposit, event=event,
                            refund_due_at=backstop_at(booking.sessions, deposit)):
            from ..shared.effects import first_try
            first_try(deps, [event])
            return read(deps, booking_id)
    raise Conflict(wording.BOOKING_BEING_CHANGED, code="booking_changed")


def on_refund(deps, event, key):
    """The effect of `hire_refund` (a session cancelled, or the deposit
    checked): its refund made once and recorded, then the hirer told. A
    provider that cannot be reached raises: the queue brings it back."""
    payload = event.payload or {}
    for one in ([{"booking_id": payload.get("booking_id"), "session": day} for day in payload["sessions"]]
                if "sessions" in payload else [payload]):  # a whole block: its refunds in order, each once
        booking = deps.hire.get(one.get("booking_id"))
        if booking is not None:
            settle_refund(deps, booking, one)


def settle_refund(deps, booking, payload):
    """One refund a change owes (`payload` as its event's: the session's date,
    or the deposit) made once and recorded, then the hirer told once (the
    outbox keys the e-mail): the effect's work, and the backstop's."""
    if payload.get("deposit"):
        owed, what = booking.deposit.get("refund") or {}, "deposit"
    else:
        session = next((s for s in booking.sessions if s["date"] == payload.get("session")), None)
        owed, what = (session or {}).get("refund") or {}, f"session:{payload.get('session')}"
    made = 0
    if owed.get("status") == "due" and owed.get("part"):
        done = refund_parts(deps, [owed["part"]], f"hire {booking.id} {what}", what, "hire_refund.made")
        made = done[0]["amount"]
        _settle(deps, booking, payload, made)
    name = place_name(deps, booking)
    if payload.get("deposit"):
        send(deps, booking, wording.DEPOSIT_SUBJECT.format(id=booking.id), wording.DEPOSIT_BODY.format(
            id=booking.id, deposit=pounds(booking.deposit["amount"]), returned=pounds(booking.deposit["returned"]),
            reason=booking.deposit["reason"]), what)
    else:
        refund = owed or {}
        notice = f"{refund.get('notice_hours', 0)} hours"
        line = wording.REFUND_LINE.format(amount=pounds(refund.get("amount", 0)), percent=refund.get("percent", 0),
                                          notice=notice) if refund.get("amount") else \
            wording.NO_REFUND_LINE.format(notice=notice)
        send(deps, booking, wording.CANCELLED_SUBJECT.format(id=booking.id), wording.CANCELLED_BODY.format(
            when=payload.get("session"), place=name, id=booking.id, refund=line), what)


def _settle(deps, booking, payload, made):
    """The refund marked done on the booking (bookkeeping: the provider's figure already made it once)."""
    for _ in range(CHANGE_TRIES):
        if payload.get("deposit"):
            deposit = {**booking.deposit, "refund": {**booking.deposit["refund"], "status": "done", "made": made}}
            if deps.hire.change(booking, deposit=deposit, refund_due_at=backstop_at(booking.sessions, deposit)):
                return
        else:
            sessions = [{**s, "refund": {**s["refund"], "status": "done", "made": made}}
                        if s["date"] == payload.get("session") else s for s in booking.sessions]
            if deps.hire.change(booking, sessions=sessions, refund_due_at=backstop_at(sessions, booking.deposit)):
                return
        booking = deps.hire.get(booking.id)


def refunds_due(deps):
    """The backstop for refunds a cancellation or a deposit check owes and
    its event's effect never made (the process died after the commit and the
    stream's tries ran out, or the provider was away for them all): each
    looked at BACKSTOP_AFTER its change, made once (the refundable figure
    stored with the change is what every attempt names, so the provider
    refuses one after another that worked). Returns how many were made."""
    from ...storage.hire.hire import REFUND
    from ..payments import core as payments
    settled, now = 0, deps.clock()
    for booking in deps.hire.due(now, kind=REFUND):
        for payload in owed_since(booking, now - BACKSTOP_AFTER):
            booking = deps.hire.get(booking.id)  # the effect, or the last payload, may have settled it meanwhile
            if payload not in owed_since(booking, now - BACKSTOP_AFTER):
                continue
            try:
                settle_refund(deps, booking, payload)
                settled += 1
            except (payments.ProviderError, payments.ServiceUnavailable) as e:
                log.warning("hire booking %s: refund left for the next run: %s", booking.id, e)
    return settled
