"""Booking a place (POST /v1/hire/bookings): one session or a block, checked
whole, its hours all taken in one transaction or none (a clash names every
date that clashes, 409, and the hirer may book again leaving them out with
`skip`), held while the hirer pays, confirmed only by the payment's event
(settling.py), as a bulky booking is."""
from datetime import timedelta

from ... import validation
from ...auth.rules import HIRE_BOOKING
from ...errors import ApiError, Conflict, ValidationFailed
from ...stamps import stamp
from ...storage.errors import AlreadyExists
from ...storage.hire.hire import HourTaken
from ...storage.records import HireBooking
from ..payments import core as payments
from ..payments.held import mine_or_404
from ..shared import idempotency
from .limits import (BOOKING_ID_PATTERN, HIRER_TYPES, HOLD_MINUTES, IDEMPOTENCY_HOURS, MAX_WEEKS, NAME_MAX,
                     PURPOSE, PURPOSE_MAX)
from .places import current, london_time, place_or_404
from .times import checked, clash_of, parse_block
from .wording import (BODY_NOT_OBJECT, CALLER_NAME, DESCRIPTION, EVERY_SESSION_LEFT_OUT, HIRER_NAME, HIRER_TYPE, HOURS_JUST_TAKEN,
                      NO_SUCH_BOOKING, NOT_BOOKING_FIELD, PAYING_FOR_ANOTHER, READ_BOOKING, SESSION_UNAVAILABLE,
                      SESSIONS, SESSIONS_CLASH,
                      SKIP_MORE_THAN_WEEKS, SKIP_NOT_DATES, TERMS)

FIELDS = ("place", "hirer_type", "hirer_name", "purpose", "date", "start", "hours", "weeks", "skip",
          "terms_accepted")


class Clashes(Conflict):
    """409 block_clashes: the dates that cannot be had, listed; nothing was held. A single session (one week)
    that cannot be had is 409 session_unavailable, in a single booking's words: why that time cannot be had."""
    code = "block_clashes"

    def __init__(self, sessions, weeks):
        if weeks == 1:
            (one,) = sessions
            self.code = "session_unavailable"
            super().__init__(SESSION_UNAVAILABLE[one["state"]].format(until=london_time(one.get("held_until"))))
        else:
            super().__init__(SESSIONS_CLASH)
        self.sessions = sessions

    def body(self):
        return {**super().body(), "clashes": self.sessions}


def view(booking, payment=None):
    out = {k: getattr(booking, k) for k in ("id", "status", "place", "hirer_type", "hirer_name", "purpose",
                                            "amount", "total", "deposit", "terms", "why", "skipped", "taken_by")}
    out["sessions"] = [{k: s.get(k) for k in ("date", "start", "end", "amount", "status", "refund")}
                       for s in booking.sessions]
    from ...storage.hire.hire import last_end
    out.update(hold_until=stamp(booking.hold_until), created_at=stamp(booking.created_at), ends_at=last_end(
               booking.sessions),
               confirmed_at=stamp(booking.confirmed_at), total_text=payments.pounds(booking.total), payment=None)
    if payment is not None:
        from ..payments.views import payment_view
        out["payment"] = payment_view(payment, booking.status == "held")
    if booking.confirmed_at is not None:  # confirmed: how did it go? (counted by its receipt's effect)
        from ..feedback.counting import confirmed
        from .telling import SERVICE
        out["feedback"] = confirmed(SERVICE, booking)
    return out


def booking_or_404(deps, booking_id):
    """The booking, if the caller may open it (its hirer, or the halls desk, with a reason); 404 otherwise."""
    return mine_or_404(deps, deps.hire, booking_id, BOOKING_ID_PATTERN, NO_SUCH_BOOKING, "booking_not_found",
                       HIRE_BOOKING, READ_BOOKING)


def read(deps, booking_id):
    found = booking_or_404(deps, booking_id)
    return {**view(found, deps.payments.get(found.payment_id) if found.payment_id else None),
            "place_name": _names(deps).get(found.place, found.place)}


def mine(deps, user_id):
    """My Account's list, newest first, each naming its place (one Query, and the places' one item)."""
    found = deps.hire.of_user(user_id)
    names = _names(deps) if found else {}
    return [{**view(b), "place_name": names.get(b.place, b.place)} for b in found]


def _names(deps):
    return {p["id"]: p["name"] for p in current(deps)["places"]}


def create(deps, body, idempotency_key):
    return book(deps, body, idempotency_key, user_id=deps.principal.user_id, email=deps.principal.email)


def book(deps, body, idempotency_key, *, user_id, email, taken_by=None, moto=False, waived=False, key_body=None):
    """Check, hold and start the payment (a resident's booking, or one staff
    take for a caller: `taken_by`; `moto` a card keyed by the officer;
    `waived` booked at once with nothing to pay). Returns (view, created)."""
    if not isinstance(body, dict):
        raise ValidationFailed([("body", BODY_NOT_OBJECT)])
    problems = validation.Problems()
    for key in body:
        if key not in FIELDS:
            problems.add(key, NOT_BOOKING_FIELD)
    hirer_type = body.get("hirer_type")
    if hirer_type not in HIRER_TYPES:
        problems.add("hirer_type", HIRER_TYPE)
    name = validation.text(body.get("hirer_name"), "hirer_name", problems, 0, NAME_MAX) or ""
    purpose = validation.text(body.get("purpose"), "purpose", problems, 0, PURPOSE_MAX) or ""
    first, start, hours, weeks = parse_block(body, problems, deps.calendar)
    skip = body.get("skip", [])
    if not isinstance(skip, list) or not all(isinstance(d, str) for d in skip) or len(skip) > MAX_WEEKS:
        problems.add("skip", SKIP_NOT_DATES)
    elif len(skip) > weeks_or(weeks):  # well-formed (the document's bound), more dates than the block has
        problems.rule("skip", SKIP_MORE_THAN_WEEKS)
    if body.get("terms_accepted") is not True:
        problems.add("terms_accepted", TERMS)
    if not isinstance(body.get("place"), str):
        problems.missing("place")
    if taken_by is not None and not name.strip():  # staff booking for a caller: whoever it is, named
        problems.add("hirer_name", CALLER_NAME)
    elif hirer_type in ("community", "commercial") and not name:
        problems.add("hirer_name", HIRER_NAME)
    problems.raise_if_any()
    settings = current(deps)
    place = place_or_404(deps, body["place"], settings)
    claim = idempotency.Claim(deps, idempotency_key, f"{user_id}#hire", key_body or body, _answer(deps),
                              "another booking")
    earlier = claim.earlier()
    if earlier:
        return earlier, False
    sessions = checked(deps, place, first, start, hours, weeks)
    clashes = [clash_of(s) for s in sessions if s["state"] != "free" and s["date"] not in skip]
    if clashes:  # a twin's hold (the same key, sent at once) is no clash: it is this booking
        return claim.refused(Clashes(clashes, weeks)), False
    kept = [s for s in sessions if s["state"] == "free" and s["date"] not in skip]
    if not kept:
        raise ApiError(EVERY_SESSION_LEFT_OUT, code="nothing_to_book", status=422)
    rate = place["prices"][hirer_type]
    now = deps.clock()
    booking = HireBooking(
        id="HB-" + deps.new_report_id()[-6:], place=place["id"], hirer_type=hirer_type, hirer_name=name,
        purpose=purpose, sessions=[{"date": s["date"], "start": start, "end": _end(start, hours), "hours": s["hours"],
                                     "amount": rate * hours, "status": "booked"} for s in kept],
        amount=rate * hours * len(kept), deposit={"amount": 0 if waived else place["deposit"],
                                                   "status": "none" if waived else "held"},
        total=0 if waived else rate * hours * len(kept) + place["deposit"], status="confirmed" if waived else "held", user_id=user_id, email=email, terms=settings["terms"],
        hold_until=now + timedelta(minutes=HOLD_MINUTES), created_at=now, updated_at=now, taken_by=taken_by,
        confirmed_at=now if waived else None,
        skipped=[s["date"] for s in sessions if s not in kept], refund_rules=place["refunds"])
    try:
        from .settling import confirmed_event
        event = confirmed_event(deps, booking.id, now) if waived else None  # its receipt follows from it
        deps.hire.hold(booking, [h for s in kept for h in s["hours"]], now,
                       claim.record(booking.id, now, IDEMPOTENCY_HOURS), event, holder=taken_by is None)
    except HourTaken:
        return claim.refused(Conflict(HOURS_JUST_TAKEN, code="hour_taken")), False
    except AlreadyExists as e:
        if e.part == "idempotency":
            return claim.twin(), False
        # the hold running may be the twin's, its holder failing before its key in the transaction
        return claim.refused(Conflict(PAYING_FOR_ANOTHER, code="hold_in_progress")), False
    if waived:
        from ..shared.effects import first_try
        first_try(deps, [event])
        return view(booking), True
    try:
        payment = payments.start(
            deps, purpose=PURPOSE, subject_id=booking.id, amount=booking.total, reference=booking.id,
            description=DESCRIPTION.format(place=place["name"], first=kept[0]["date"],
                                           sessions=SESSIONS["one" if len(kept) == 1 else "other"].format(
                                               count=len(kept))),
            user_id=user_id if not taken_by else None, email=email, moto=moto)
    except ApiError:
        deps.hire.release(booking, "payment_unavailable", deps.clock())
        raise
    deps.hire.set_payment(booking.id, payment.id)
    booking.payment_id = payment.id
    return view(booking, payment), True


def weeks_or(weeks):
    return weeks if isinstance(weeks, int) and not isinstance(weeks, bool) else 0


def _end(start, hours):
    return f"{(int(start[:2]) + hours) % 24:02d}:00"


def _answer(deps):
    def answer(record):
        found = deps.hire.get(record.resource_id)
        return None if found is None else view(found, deps.payments.get(found.payment_id) if found.payment_id else None)
    return answer
