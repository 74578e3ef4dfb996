"""An appointment as its resident and staff see it."""
from datetime import timedelta

from ...stamps import stamp
from . import wording


def view(deps, appointment, service=None):
    if service is None:
        services, _ = deps.appointments.setup()
        service = services.get(appointment.service_id) or {}
    minutes = service.get("minutes", 0)
    return {"id": appointment.id, "status": appointment.status, "service_id": appointment.service_id,
            "service_name": service.get("name"), "mode": service.get("mode"), "place": service.get("place"),
            "calendar_id": appointment.calendar_id, "start": stamp(appointment.start),
            "end": stamp(appointment.start + timedelta(minutes=minutes)),
            "start_text": wording.when(appointment.start),
            "hold_until": stamp(appointment.hold_until) if appointment.status == "held" else None,
            "questions": service.get("questions", []), "answers": appointment.answers,
            "name": appointment.name, "email": appointment.email, "phone": appointment.phone,
            "taken_by": appointment.taken_by, "moved_from": appointment.moved_from,
            "booked_at": stamp(appointment.booked_at), "created_at": stamp(appointment.created_at)}


# What an answer to someone holding only a message's link shows (the link may have been
# forwarded or overheard): the appointment, never whose it is, how to reach them or their answers.
PUBLIC = ("id", "status", "service_id", "service_name", "mode", "place", "start", "end", "start_text", "moved_from")


def public_view(deps, appointment, service=None):
    shown = view(deps, appointment, service)
    return {k: shown[k] for k in PUBLIC}
