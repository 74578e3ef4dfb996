"""Staff's side of hire: a place's calendar (what takes each hour, one
Query), and blocking time for maintenance (all the hours or none)."""
import uuid
from datetime import timedelta

from ... import validation
from ...errors import Conflict, ValidationFailed
from ...storage.hire import HourTaken
from .limits import MAX_SESSION_HOURS, MAX_VIEW_DAYS, REASON_MAX, VIEW_DAYS
from .places import place_or_404, session_hours, today
from .times import _taken


def calendar(deps, place_id, query):
    place = place_or_404(deps, place_id)
    problems = validation.Problems()
    first = validation.iso_date(query.get("from"), "from", problems) if query.get("from") else today(deps).isoformat()
    days = validation.number(query.get("days", VIEW_DAYS), "days", problems, 1, MAX_VIEW_DAYS)
    problems.raise_if_any()
    from datetime import date
    first = date.fromisoformat(first)
    taken = _taken(deps, place["id"], first, first + timedelta(days=int(days)))
    return {"place": place["id"], "from": first.isoformat(), "days": int(days),
            "hours": [{"start": start, "kind": kind, "booking_id": booking_id} for start, kind, booking_id, _ in taken]}


def block(deps, place_id, body):
    """POST /v1/staff/hire/places/{id}/blocks: maintenance, FHIR's busy-unavailable."""
    place = place_or_404(deps, place_id)
    if not isinstance(body, dict):
        raise ValidationFailed([("body", "Must be a JSON object.")])
    problems = validation.Problems()
    day = validation.iso_date(body.get("date"), "date", problems)
    start, hours = body.get("start"), body.get("hours")
    if not isinstance(start, str) or len(start) != 5 or not start.endswith(":00") or not start[:2].isdigit():
        problems.add("start", "Must be a time on the hour (HH:00).")
    if isinstance(hours, bool) or not isinstance(hours, int) or not 1 <= hours <= MAX_SESSION_HOURS * 2:
        problems.add("hours", f"Must be 1 to {MAX_SESSION_HOURS * 2}.")
    reason = validation.text(body.get("reason"), "reason", problems, 1, REASON_MAX, required=True)
    problems.raise_if_any()
    from datetime import date
    starts = session_hours(date.fromisoformat(day), start, hours)
    block_id = f"block:{uuid.uuid4().hex[:8]}:{reason[:40]}"
    try:
        deps.hire.block(place["id"], block_id, starts, deps.clock())
    except HourTaken as e:
        raise Conflict(f"That time is booked already ({str(e.part or '').removeprefix('hour:')}): move the booking "
                       "first, or block around it.", code="hour_taken") from None
    return {"place": place["id"], "block": block_id, "hours": starts}


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
                taken_by=taken_by, moto=how == "card", waived=how == "waived", key_body=body)
