"""The services residents can book and the calendars that serve them (one
Query of the setup partition), in the shape the API shows."""
from ...errors import NotFound
from . import wording


def setup(deps):
    return deps.appointments.setup()


def public_service(service):
    return {k: service.get(k) for k in ("id", "name", "minutes", "mode", "place", "sender", "questions",
                                        "book_ahead_days", "book_notice_minutes", "cancel_notice_minutes")}


def services(deps):
    """GET /v1/appointments/services."""
    found, _ = setup(deps)
    return {"services": [public_service(s) for s in sorted(found.values(), key=lambda s: s["name"])]}


def service_or_404(deps, service_id):
    """(service, {calendar id: calendar} of those serving it)."""
    found, calendars = setup(deps)
    service = found.get(service_id) if isinstance(service_id, str) else None
    if service is None:
        raise NotFound(wording.NO_SERVICE, code="service_not_found")
    return service, {c: calendars[c] for c in service["calendars"] if c in calendars}


def chosen_calendar(body, calendars):
    """The calendar (place) a body names, or None when it names none. One that
    is not text (400), or that does not serve the service (422), is refused:
    a place silently dropped would hold or wait for a time somewhere else."""
    from ...errors import ValidationFailed
    from ...validation import broken_rules
    wanted = body.get("calendar_id")
    if wanted is None:
        return None
    if not isinstance(wanted, str):
        raise ValidationFailed([("calendar_id", wording.CALENDAR_NOT_TEXT)])
    if wanted not in calendars:
        raise broken_rules([("calendar_id", wording.NOT_A_PLACE)])
    return wanted
