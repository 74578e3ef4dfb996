"""Staff's side of hire: a place's calendar (each day's hours and what
takes each), blocking time for maintenance (all the hours or none) and
removing a block closed by mistake, the deposits waiting for a check, and
a booking taken for a caller."""
import re
import uuid
from datetime import date, datetime, timedelta

from ... import validation
from ...errors import Conflict, NotFound, ValidationFailed
from ...stamps import stamp
from ...storage.hire.hire import HourTaken, deposit_from
from .limits import MAX_SESSION_HOURS, MAX_VIEW_DAYS, REASON_MAX, VIEW_DAYS
from .places import LONDON, hire_date, open_hours, place_or_404, session_hours, today, why_closed
from .times import _taken
from .wording import (BLOCK_BEING_CHANGED, BLOCK_HOURS_OUT_OF_RANGE, BLOCK_OVER_BOOKING, BLOCK_START_NOT_HOUR,
                      BODY_NOT_OBJECT, NO_BLOCK)

BLOCK_ID = "[0-9a-f]{8}"  # a block's own id: the middle of its hours' "block:{id}:{reason}"


def calendar(deps, place_id, query):
    """GET /v1/staff/hire/places/{id}/calendar?from=&days=: the week (or any
    window, past too) as staff see it: each day open or why it is shut, each
    open hour free, held, booked or blocked (and any hour blocked outside
    them), with who holds it. One Query of the hours taken, one BatchGetItem
    of the bookings they name."""
    place = place_or_404(deps, place_id)
    problems = validation.Problems()
    first = hire_date(query.get("from"), "from", problems, deps.calendar) if query.get("from") else today(deps).isoformat()
    days = validation.number(query.get("days", VIEW_DAYS), "days", problems, 1, MAX_VIEW_DAYS)
    problems.raise_if_any()
    first, days = date.fromisoformat(first), int(days)
    taken = _taken(deps, place["id"], first, first + timedelta(days=days))
    by_start = {start: (kind, booking_id) for start, kind, booking_id, _ in taken}
    named = deps.hire.get_many([b for _, kind, b, _ in taken if kind != "blocked"]) if taken else {}
    local = {start: datetime.fromisoformat(start.replace("Z", "+00:00")).astimezone(LONDON) for start in by_start}
    out = []
    for n in range(days):
        day = first + timedelta(days=n)
        starts = sorted(set(open_hours(place, day, deps.calendar)) | {s for s, at in local.items() if at.date() == day})
        out.append({"date": day.isoformat(), "closed": why_closed(place, day, deps.calendar), "hours": [
            _hour(start, *by_start.get(start, ("free", None))) for start in starts]})
    return {"place": place["id"], "from": first.isoformat(), "days": days, "calendar": out,
            "hours": [{"start": start, "kind": kind, "booking_id": booking_id} for start, kind, booking_id, _ in taken],
            "bookings": {b.id: _who(b) for b in named.values()}}


def _hour(start, kind, taken_by):
    """One hour of staff's calendar; a block's reason is kept in its id (block:{n}:{reason})."""
    at = datetime.fromisoformat(start.replace("Z", "+00:00")).astimezone(LONDON)
    out = {"start": start, "time": at.strftime("%H:%M"), "state": kind, "booking_id": None, "reason": None}
    if kind == "blocked":
        out["reason"] = taken_by.split(":", 2)[2] if taken_by.count(":") >= 2 else ""
        out["block"] = taken_by.split(":")[1]  # what DELETE .../blocks/{block} names
    elif taken_by:
        out["booking_id"] = taken_by
    return out


def _who(booking):
    return {"hirer_name": booking.hirer_name, "hirer_type": booking.hirer_type, "status": booking.status,
            "deposit": (booking.deposit or {}).get("status"), "taken_by": bool(booking.taken_by),
            "hold_until": stamp(booking.hold_until) if booking.status == "held" else None}


def block(deps, place_id, body):
    """POST /v1/staff/hire/places/{id}/blocks: maintenance, FHIR's busy-unavailable."""
    place = place_or_404(deps, place_id)
    if not isinstance(body, dict):
        raise ValidationFailed([("body", BODY_NOT_OBJECT)])
    problems = validation.Problems()
    day = hire_date(body.get("date"), "date", problems, deps.calendar)
    start, hours = body.get("start"), body.get("hours")
    if not isinstance(start, str) or len(start) != 5 or not start.endswith(":00") or not validation.digits(start[:2]) \
            or not 0 <= int(start[:2]) <= 23:
        problems.add("start", BLOCK_START_NOT_HOUR)
    if isinstance(hours, bool) or not isinstance(hours, int) or not 1 <= hours <= MAX_SESSION_HOURS * 2:
        problems.add("hours", BLOCK_HOURS_OUT_OF_RANGE.format(most=MAX_SESSION_HOURS * 2))
    reason = validation.text(body.get("reason"), "reason", problems, 1, REASON_MAX, required=True)
    problems.raise_if_any()
    starts = session_hours(date.fromisoformat(day), start, hours)
    block_id = f"block:{uuid.uuid4().hex[:8]}:{reason[:40]}"
    now, officer = deps.clock(), deps.principal
    try:  # who closed it and when, kept on the block's own item (its audit, with who opens it again)
        deps.hire.block(place["id"], block_id, starts, now, detail={
            "reason": reason, "by": officer.email or officer.user_id, "at": stamp(now)})
    except HourTaken as e:
        raise Conflict(BLOCK_OVER_BOOKING.format(hour=str(e.part or "").removeprefix("hour:")),
                       code="hour_taken") from None
    return {"place": place["id"], "block": block_id, "id": block_id.split(":")[1], "hours": starts}


def unblock(deps, place_id, short_id):
    """DELETE /v1/staff/hire/places/{id}/blocks/{block}: a block closed by
    mistake removed, its hours free at once (the free hours are read
    consistently). Removing it again answers as the first removal did."""
    place = place_or_404(deps, place_id)
    for _ in range(2):  # a second removal racing this one: the first stands, read it again
        found = deps.hire.block_of(place["id"], short_id) if re.fullmatch(BLOCK_ID, short_id or "") else None
        if found is None:
            raise NotFound(NO_BLOCK, code="block_not_found")
        kind, block_id, detail = found
        if kind == "unblocked":
            return _unblocked(place, short_id, detail)
        now, officer = deps.clock(), deps.principal
        detail = {**detail, "removed_by": officer.email or officer.user_id, "removed_at": stamp(now)}
        if deps.hire.unblock(place["id"], short_id, block_id, detail, now):
            return _unblocked(place, short_id, detail)
    raise Conflict(BLOCK_BEING_CHANGED, code="block_changed")


def _unblocked(place, short_id, detail):
    return {"place": place["id"], "id": short_id, "hours": detail.get("hours", []), "reason": detail.get("reason"),
            "by": detail.get("by"), "at": detail.get("at"), "removed_by": detail.get("removed_by"),
            "removed_at": detail.get("removed_at")}


def deposits_waiting(deps):
    """GET /v1/staff/hire/deposits: bookings whose sessions have all ended
    with their deposit still held, the longest waiting first (one Query of
    the sparse `deposits` index: it costs what it returns)."""
    from .places import current
    names = {p["id"]: p["name"] for p in current(deps)["places"]}
    return {"bookings": [{"id": b.id, "place": b.place, "place_name": names.get(b.place, b.place),
                          "hirer_name": b.hirer_name, "hirer_type": b.hirer_type, "deposit": b.deposit["amount"],
                          "ended": deposit_from(b)[1]} for b in deps.hire.deposits_waiting(deps.clock())]}

def take(deps, body, idempotency_key):
    """POST /v1/staff/hire/bookings: book for a caller, as staff take a bulky
    booking (waste/assisted.py's rules): the caller's card keyed on the
    provider's page (MOTO), or waived with a reason (the council's own use:
    booked at once, no deposit). The caller's email gets the receipt."""
    from ..waste.assisted import for_a_caller
    from .booking import book
    how, email, taken_by = for_a_caller(deps, body, reason_field="waive_reason")
    fields = {k: v for k, v in body.items() if k not in ("payment", "waive_reason", "caller_email")}
    return book(deps, fields, idempotency_key, user_id=f"caller:{deps.principal.user_id}", email=email,
                taken_by=taken_by, moto=how == "card", waived=how == "waived", key_body=body)  # named: a caller
