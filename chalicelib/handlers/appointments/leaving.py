"""Leaving the waiting list: from the leave link in an offer's messages (a
single-purpose signed token naming the service and the resident, ending at
the time they asked to be seen before) or, signed in, from their own
appointments. A time held for them as an offer is let go in the same
transaction, with the event that offers it to the next (waiting.on_freed)."""
from datetime import datetime

from ...errors import ApiError
from ...storage.appointments.appointment_models import HELD
from ...storage.errors import EditConflict
from ...validation import token_alone
from ..shared.events import new_event
from . import wording
from .links import LEAVE, TOKEN_MAX, link_base, place_token, read_token

DECLINED_EVENT = "appointment_offer_declined"


def leave_link(deps, service_id, user_id, before):
    return f"{link_base(deps)}?{LEAVE}={place_token(service_id, user_id, datetime.fromisoformat(before))}"


def by_link(deps, body):
    """POST /v1/appointments/waiting-list/leave {token}."""
    token = token_alone(body.get("token"), "token", TOKEN_MAX)
    service_id, _, user_id = read_token(token, LEAVE, deps.clock()).partition("~")
    return leave(deps, service_id, user_id)


def mine(deps, service_id):
    """DELETE /v1/appointments/waiting-list/{service_id}: the signed-in resident's own place."""
    return leave(deps, service_id, deps.principal.user_id)


def leave(deps, service_id, user_id):
    place = deps.waiting.place_of(service_id, user_id)
    found = deps.waiting.get(service_id, place) if place else None
    if found is None:
        raise ApiError(wording.NOT_WAITING, status=409, code="not_waiting")
    row, state, appointment_id = found
    held = deps.appointments.get(appointment_id) if state == "offered" and appointment_id else None
    held = held if held is not None and held.status == HELD else None
    event = None
    if held is not None:
        from .changing import freed
        event = new_event(deps, DECLINED_EVENT, deps.clock(), appointment_id=held.id, freed=freed(held))
    try:
        deps.waiting.decline(service_id, place, user_id, held, event)
    except EditConflict:
        raise ApiError(wording.NOT_WAITING, status=409, code="not_waiting") from None
    if event is not None:
        from ..shared.effects import first_try
        first_try(deps, [event])
    return {"service_id": service_id, "before": row["before"], "calendar_id": row.get("calendar_id"),
            "state": "left"}
