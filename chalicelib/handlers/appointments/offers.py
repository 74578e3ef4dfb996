"""An earlier time offered from the waiting list, booked: it MOVES the
resident's later booking of the service rather than adding a second. One
transaction takes the new seat, frees the old and writes the move's event
(storage/appointments/appointment_waiting.py take_offer); from that event the resident is
told once (the moved message, its invite updating the same calendar entry)
and the freed time goes to the next on the list, as any freed time does."""
from dataclasses import replace
from datetime import datetime

from ...storage.appointments.appointment_models import BOOKED, carried_over
from ...storage.errors import EditConflict
from ..shared.events import new_event


def replaced(deps, offered):
    """(the resident's later booking of the service the offer replaces, or
    None; their place on the list, or None). The booking asked about when
    they joined (its start is the list's `before`) first, else the soonest
    later one. Two GetItem and one Query of by_owner (what they have)."""
    place = deps.waiting.place_of(offered.service_id, offered.user_id)
    found = deps.waiting.get(offered.service_id, place) if place else None
    before = found[0].get("before") if found else None
    later = sorted((a for a in deps.appointments.of_owner(offered.user_id)
                    if a.status == BOOKED and a.service_id == offered.service_id and a.start > offered.start),
                   key=lambda a: (before is None or a.start != datetime.fromisoformat(before), a.start))
    return (later[0] if later else None), place


def take(deps, offered, old, place, now, idempotency, **values):
    """The offer booked in `old`'s place: the event; None when `old` was
    cancelled or moved meanwhile (the offer is then booked as it is, by the
    caller); EditConflict when the offer itself changed."""
    from .changing import MOVED_EVENT, freed
    moving = replace(offered, **values, **carried_over(old), status=BOOKED, booked_at=now, changed_at=now)
    event = new_event(deps, MOVED_EVENT, now, appointment_id=offered.id, freed=freed(old))
    try:
        deps.waiting.take_offer(moving, replace(old, moved_to=offered.id), now, event, place, idempotency)
    except EditConflict as e:
        if e.part == "old":
            return None
        raise
    offered.__dict__.update(moving.__dict__)
    return event
