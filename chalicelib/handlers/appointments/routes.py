"""Appointments' routes: the services, their free slots, a time held while
the questions are answered, then booked."""
from ...api import http
from ...api.openapi import errors, json_response, path_param, q, ref
from ...api.registry import Routes
from ...auth.rules import ANYONE, SIGNED_IN
from ..shared import effects

routes = Routes("appointments", schemas="chalicelib.handlers.appointments.schemas")
# An appointment booked, reminded of or moved: told by e-mail (with the invite) and by text, from its event.
for _kind in ("appointment_booked", "appointment_reminder", "appointment_moved"):
    effects.register(_kind, "appointments.email", "chalicelib.handlers.appointments.messages:by_email")
    effects.register(_kind, "appointments.text", "chalicelib.handlers.appointments.messages:by_text")
SERVICE_ID = path_param("service_id", {"type": "string", "pattern": r"^[a-z0-9][a-z0-9-]{1,59}$",
                                       "example": "housing-options"})
APPOINTMENT_ID = path_param("appointment_id", {"type": "string", "pattern": r"^AP-[0-9A-Z]{8}$",
                                               "example": "AP-7K3F9QRT"})
IDEMPOTENCY = {"name": "Idempotency-Key", "in": "header", "required": False, "schema": {"type": "string"},
               "description": "the same key and body answer the same request"}
NO_SERVICE = {"404": "No such service (code service_not_found)"}
NO_APPOINTMENT = {"404": "No such appointment, or not the caller's (code appointment_not_found)"}


def _body(name):
    return {"required": True, "content": {"application/json": {"schema": {"$ref": ref(name)}}}}


def _answer(appointment, created=True, status=None):
    from .views import view
    body = view(http.deps(), appointment)
    return http.created(body, created) if status is None else http.ok(body, headers=http.NO_STORE)


@routes.get("/v1/appointments/services", ANYONE, {
    "summary": "The services residents can book appointments with",
    "responses": {"200": json_response(ref("AppointmentServiceList"))}})
def appointment_services():
    from .catalogue import services
    return http.ok(services(http.deps()), headers={"Cache-Control": "no-cache"})


@routes.get("/v1/appointments/services/{service_id}/slots", ANYONE, {
    "summary": "A service's free slots for the next weeks (default 28 days): generated from its calendars, "
               "less the seats taken (one Query per calendar, reading the taken seats only)",
    "parameters": [SERVICE_ID, q("days", "how many days from today (1-56)", schema={"type": "string",
                                                                                  "pattern": r"^\d{1,2}$"})],
    "responses": {"200": json_response(ref("FreeSlots")), **errors(400, **NO_SERVICE)}})
def appointment_slots(service_id):
    from .free import view
    return http.ok(view(http.deps(), service_id, http.query().get("days")), headers=http.NO_STORE)


@routes.post("/v1/appointments/holds", SIGNED_IN, {
    "summary": "Hold a free time for 10 minutes while the questions are answered (FHIR busy-tentative); a "
               "resident holds one time at a time: a new hold lets the last go (idempotent with Idempotency-Key)",
    "parameters": [IDEMPOTENCY], "requestBody": _body("HoldNew"),
    "responses": {"201": json_response(ref("Appointment")),
                  **errors(400, **NO_SERVICE, **{
                      "409": "Just taken: the nearest other free times ride along as `nearest` (code just_taken)",
                      "422": "Not a time this service offers now (code slot_not_offered)"})}})
def hold_appointment():
    from .holding import take
    deps = http.deps()
    appointment, created = take(deps, http.body(), http.header("idempotency-key"), user_id=deps.principal.user_id,
                                contact={"email": deps.principal.email})
    return _answer(appointment, created)


@routes.get("/v1/appointments/{appointment_id}", SIGNED_IN, {
    "summary": "One appointment (its resident's, or staff)", "parameters": [APPOINTMENT_ID],
    "responses": {"200": json_response(ref("Appointment")), **errors(**NO_APPOINTMENT)}})
def read_appointment(appointment_id):
    from .holding import appointment_or_404
    return _answer(appointment_or_404(http.deps(), appointment_id), status=200)


@routes.post("/v1/appointments/{appointment_id}/release", SIGNED_IN, {
    "summary": "Let a held time go at once", "parameters": [APPOINTMENT_ID],
    "responses": {"200": json_response(ref("Appointment")), **errors(**NO_APPOINTMENT)}})
def release_appointment(appointment_id):
    from .holding import release
    return _answer(release(http.deps(), appointment_id), status=200)


@routes.post("/v1/appointments/{appointment_id}/book", SIGNED_IN, {
    "summary": "Book a held time with the answers to the service's questions and a way to reach the resident: "
               "confirmed at once by e-mail (with an iCalendar invite) and text (idempotent with Idempotency-Key)",
    "parameters": [APPOINTMENT_ID, IDEMPOTENCY], "requestBody": _body("AppointmentBook"),
    "responses": {"201": json_response(ref("Appointment")),
                  **errors(400, **NO_APPOINTMENT, **{
                      "409": "The hold ran out or the time is no longer held (codes hold_expired, not_held)"})}})
def book_appointment(appointment_id):
    from .booking import book
    body, created = book(http.deps(), appointment_id, http.body(), http.header("idempotency-key"))
    return http.created(body, created)
