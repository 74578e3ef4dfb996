"""A resident's own appointments: in their export (My Account), and erased
with their account. Erasing cancels what is still to come (the time goes to
the waiting list, from the cancel's event), takes them off every waiting
list, and keeps each appointment for the staff's history without whose it
was (no name, contact or answers)."""
from ...storage.appointments.appointment_models import BOOKED, HELD
from ...storage.errors import EditConflict
from ..shared.events import new_event
from .views import view


def mine(deps, user_id):
    """Their appointments for the export, newest first (one Query of by_owner):
    each once, at the time it is at now. A move books a new appointment and
    keeps the old as `moved`; that old row is listed as an earlier time of
    the one it became (`moved_from_starts`, latest first), not as a second
    appointment at a time the resident no longer has."""
    from ...stamps import stamp
    services, _ = deps.appointments.setup()
    found = deps.appointments.of_owner(user_id)
    ids = {a.id for a in found}
    replaced = {a.moved_to: a for a in found if a.status == "moved" and a.moved_to in ids}
    gone, shown = {r.id for r in replaced.values()}, []
    for a in found:
        if a.id in gone:
            continue
        earlier, before = [], replaced.get(a.id)
        while before is not None and len(earlier) < len(found):
            earlier.append(stamp(before.start))
            before = replaced.get(before.id)
        shown.append({**view(deps, a, services.get(a.service_id)), "moved_from_starts": earlier})
    return shown


def upcoming(deps):
    """GET /v1/me/appointments: what is still to come, soonest first, each with
    its move and cancel links (one Query of by_owner's live range, reading only
    those), and the waiting lists they are on (one BatchGetItem), to leave."""
    from .links import token_for
    services, _ = deps.appointments.setup()
    user_id, now = deps.principal.user_id, deps.clock()
    shown = []
    for a in deps.appointments.upcoming(user_id, now):
        links = {p: f"/appointments/manage?{p}={token_for(a, p)}" for p in ("move", "cancel")}
        shown.append({**view(deps, a, services.get(a.service_id)), "links": links})
    waiting = [{"service_id": s, "service_name": services[s]["name"], "before": before}
               for s, before in sorted(deps.waiting.places(list(services), user_id).items()) if s in services]
    return {"appointments": shown, "waiting": waiting}


def erase(deps, user_id):
    """Everything appointments keep of a resident, gone; returns how many appointments were forgotten."""
    from .changing import CANCELLED_EVENT, freed
    now, events = deps.clock(), []
    found = deps.appointments.of_owner(user_id)
    for appointment in found:
        try:
            if appointment.status == BOOKED and appointment.start > now:
                event = new_event(deps, CANCELLED_EVENT, now, appointment_id=appointment.id, freed=freed(appointment))
                deps.appointments.cancel(appointment, "cancelled", event)
                events.append(event)
            elif appointment.status == HELD:
                deps.appointments.release(appointment)
        except EditConflict:
            appointment = deps.appointments.get(appointment.id)  # changed meanwhile: forget it as it is now
        deps.appointments.forget(appointment)
    deps.appointments.erase_holder(user_id)
    services, _ = deps.appointments.setup()
    for service_id in services:
        place = deps.waiting.place_of(service_id, user_id)
        if place is not None:
            deps.waiting.leave(service_id, place, user_id)
    from ..shared.effects import first_try
    first_try(deps, events)
    return len(found)
