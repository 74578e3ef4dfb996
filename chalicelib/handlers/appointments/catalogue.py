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
