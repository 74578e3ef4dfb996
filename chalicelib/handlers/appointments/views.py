"""An appointment as its resident and staff see it."""
from datetime import timedelta

from ...stamps import stamp
from . import wording

SERVICE = "appointments"  # the service an appointment booked counts in (feedback/services.py)


def view(deps, appointment, service=None):
    if service is None:
        services, _ = deps.appointments.setup()
        service = services.get(appointment.service_id) or {}
    minutes = service.get("minutes", 0)
    out = {"id": appointment.id, "status": appointment.status, "service_id": appointment.service_id,
           "service_name": service.get("name"), "mode": service.get("mode"), "place": service.get("place"),
           "calendar_id": appointment.calendar_id, "start": stamp(appointment.start),
           "end": stamp(appointment.start + timedelta(minutes=minutes)),
           "start_text": wording.when(appointment.start),
           "hold_until": stamp(appointment.hold_until) if appointment.status == "held" else None,
           "questions": service.get("questions", []), "answers": appointment.answers,
           "name": appointment.name, "email": appointment.email, "phone": appointment.phone,
           "taken_by": appointment.taken_by, "moved_from": appointment.moved_from,
           "booked_at": stamp(appointment.booked_at), "created_at": stamp(appointment.created_at)}
    question_of = asked(appointment)
    if question_of is not None:  # booked: how did it go? (counted by its event's effect, on_booked)
        out["feedback"] = question_of
    return out


def asked(appointment):
    """A booking's feedback question (None before it is booked, and for a time it was moved to: a move is
    not another booking); online, or assisted when an officer booked it for a caller."""
    if appointment.booked_at is None or appointment.moved_from:
        return None
    from ..feedback.counting import channel_of, question
    return question(SERVICE, appointment.id, channel_of(appointment), appointment.booked_at)


def on_booked(deps, event, key):
    """An effect of `appointment_booked`: the booking counted as finished, once (feedback/counting.py's
    mark), whatever runs it again; its messages ask the same question (messages.py)."""
    from ..feedback.counting import channel_of, finished
    appointment = deps.appointments.get((event.payload or {}).get("appointment_id"))
    if appointment is not None and asked(appointment) is not None:
        finished(deps, SERVICE, appointment.id, channel_of(appointment), appointment.booked_at)


# What an answer to someone holding only a message's link shows (the link may have been
# forwarded or overheard): the appointment, never whose it is, how to reach them or their answers.
PUBLIC = ("id", "status", "service_id", "service_name", "mode", "place", "start", "end", "start_text", "moved_from")


def public_view(deps, appointment, service=None):
    shown = view(deps, appointment, service)
    return {k: shown[k] for k in PUBLIC}
