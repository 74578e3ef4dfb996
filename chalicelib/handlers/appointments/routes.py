"""Appointments' routes: the services, their free slots, a time held while
the questions are answered, then booked."""
from ...api import http
from ...api.openapi import access_reason, errors, json_response, path_param, q, ref, idempotency_key
from ...api.registry import Routes
from ...auth.rules import ANYONE, APPOINTMENT, SIGNED_IN, desk
from ..shared import effects

routes = Routes("appointments", schemas="chalicelib.handlers.appointments.schemas")
# An appointment booked, reminded of or moved: told by e-mail (with the invite) and by text, from its event.
for _kind in ("appointment_booked", "appointment_reminder", "appointment_moved", "appointment_missed"):
    effects.register(_kind, "appointments.email", "chalicelib.handlers.appointments.messages:by_email")
    effects.register(_kind, "appointments.text", "chalicelib.handlers.appointments.messages:by_text")
# A booking counted once for the council's figures (feedback/), apart from its messages.
effects.register("appointment_booked", "appointments.finished", "chalicelib.handlers.appointments.views:on_booked")
# A time freed by a cancel or a move: offered to the first on the waiting list it suits.
for _kind in ("appointment_cancelled", "appointment_moved", "appointment_offer_declined"):
    effects.register(_kind, "appointments.offer", "chalicelib.handlers.appointments.waiting:on_freed")
SERVICE_ID = path_param("service_id", {"type": "string", "pattern": r"^[a-z0-9][a-z0-9-]{1,59}$",
                                       "example": "housing-options"})
APPOINTMENT_ID = path_param("appointment_id", {"type": "string", "pattern": r"^AP-[0-9A-Z]{8}$",
                                               "example": "AP-7K3F9QRT"})
IDEMPOTENCY = idempotency_key("the same key and body answer the same request")
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
    "summary": "A service's free slots, a page of days at a time (default 28 days from today): generated from "
               "its calendars, less the seats taken (one Query per calendar over the page, reading the taken seats only)",
    "parameters": [SERVICE_ID, q("days", "how many days (1-56)", schema={"type": "string", "pattern": r"^([1-9]|[1-4][0-9]|5[0-6])$"}),
                   q("from", "the first day (YYYY-MM-DD, London; today if earlier or left out): the page of days "
                             "the answer's `next_from` names comes next", schema={"type": "string", "format": "date"})],
    "responses": {"200": json_response(ref("FreeSlots")), **errors(400, **NO_SERVICE)}})
def appointment_slots(service_id):
    from .free import view
    query = http.query()
    return http.ok(view(http.deps(), service_id, query.get("days"), query.get("from")), headers=http.NO_STORE)


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


@routes.get("/v1/appointments/{appointment_id}", SIGNED_IN, holds=APPOINTMENT, doc={
    "summary": "One appointment (its resident's, or the appointments desk's, who say why)",
    "parameters": [APPOINTMENT_ID, access_reason("the appointment", required=False)],
    "responses": {"200": json_response(ref("Appointment")), **errors(400, **NO_APPOINTMENT)}})
def read_appointment(appointment_id):
    from .holding import appointment_or_404
    return _answer(appointment_or_404(http.deps(), appointment_id), status=200)


@routes.post("/v1/appointments/{appointment_id}/release", SIGNED_IN, holds=APPOINTMENT, doc={
    "summary": "Let a held time go at once", "parameters": [APPOINTMENT_ID],
    "responses": {"200": json_response(ref("Appointment")), **errors(**NO_APPOINTMENT)}})
def release_appointment(appointment_id):
    from .holding import release
    return _answer(release(http.deps(), appointment_id), status=200)


@routes.post("/v1/appointments/{appointment_id}/book", SIGNED_IN, holds=APPOINTMENT, doc={
    "summary": "Book a held time with the answers to the service's questions and a way to reach the resident: "
               "confirmed at once by e-mail (with an iCalendar invite) and text (idempotent with Idempotency-Key)",
    "parameters": [APPOINTMENT_ID, IDEMPOTENCY], "requestBody": _body("AppointmentBook"),
    "responses": {"201": json_response(ref("Appointment")),
                  **errors(400, **NO_APPOINTMENT, **{
                      "409": "The hold ran out or the time is no longer held (codes hold_expired, not_held)",
                      "422": "The phone number is not a UK mobile"})}})
def book_appointment(appointment_id):
    from .booking import book
    body, created = book(http.deps(), appointment_id, http.body(), http.header("idempotency-key"))
    return http.created(body, created)


TOKEN_QUERY = [q("cancel", "a cancel link's token", schema={"type": "string", "maxLength": 200}),
               q("move", "a move link's token", schema={"type": "string", "maxLength": 200})]
LINK_ERRORS = {"403": "The link's time has passed (code link_expired)",
               "404": "Not a valid link (code link_not_valid)",
               "409": "The appointment is no longer booked (code not_booked), or was moved (code moved: the message "
                      "names its new time and reference)",
               "422": "Past the service's cancel notice (code too_late)"}


@routes.get("/v1/appointments/manage", ANYONE, {
    "summary": "What a message's cancel or move link is for (nothing changes): the appointment it names",
    "parameters": TOKEN_QUERY, "responses": {"200": json_response(ref("ManageLink")), **errors(**LINK_ERRORS)}})
def manage_appointment():
    from .changing import manage
    return http.ok(manage(http.deps(), http.query()), headers=http.NO_STORE)


@routes.post("/v1/appointments/cancel", ANYONE, {
    "summary": "Cancel with a message's cancel link; the time goes to the first on the waiting list",
    "requestBody": _body("LinkCancel"),
    "responses": {"200": json_response(ref("Appointment")), **errors(400, **LINK_ERRORS)}})
def cancel_appointment():
    from .changing import cancel
    return http.ok(cancel(http.deps(), http.body()), headers=http.NO_STORE)


@routes.post("/v1/appointments/move", ANYONE, {
    "summary": "Move with a message's move link to another free time: the new one booked and the old one "
               "freed at once (the resident told of the new time; the old goes to the waiting list)",
    "requestBody": _body("LinkMove"),
    "responses": {"200": json_response(ref("Appointment")), **errors(400, **{
        **LINK_ERRORS,
        "409": "Just taken (code just_taken, with `nearest`), no longer booked (not_booked) or moved (moved)",
        "422": "Not a time offered (slot_not_offered), or past the cancel notice (too_late)"})}})
def move_appointment():
    from .changing import move
    return http.ok(move(http.deps(), http.body()), headers=http.NO_STORE)


@routes.post("/v1/appointments/waiting-list", SIGNED_IN, {
    "summary": "Ask to be told of a time earlier than `before` for a service (at one calendar, if named): a freed "
               "time is held for the first on the list for 30 minutes, then offered to the next",
    "requestBody": _body("WaitingListJoin"),
    "responses": {"201": json_response(ref("WaitingListPlace")), **errors(400, **NO_SERVICE, **{
        "409": "Already on this service's list (code already_waiting)",
        "422": "`before` has passed, or the phone number is not a UK mobile"})}})
def join_waiting_list():
    from .waiting import join
    return http.ok(join(http.deps(), http.body()), status=201, headers=http.NO_STORE)


@routes.post("/v1/appointments/waiting-list/leave", ANYONE, {
    "summary": "Leave a service's waiting list with the leave link of an offer's e-mail (a time held for the "
               "resident as an offer goes to the next on the list)",
    "requestBody": _body("LinkCancel"),
    "responses": {"200": json_response(ref("WaitingListPlace")), **errors(400, **{
        "403": "The link's time has passed (code link_expired)", "404": "Not a valid link (code link_not_valid)",
        "409": "Not on the list (code not_waiting)"})}})
def leave_waiting_list_by_link():
    from .leaving import by_link
    return http.ok(by_link(http.deps(), http.body()), headers=http.NO_STORE)


@routes.delete("/v1/appointments/waiting-list/{service_id}", SIGNED_IN, {
    "summary": "Leave a service's waiting list (the signed-in resident's own place)",
    "parameters": [SERVICE_ID],
    "responses": {"200": json_response(ref("WaitingListPlace")), **errors(**{
        "409": "Not on the list (code not_waiting)"})}})
def leave_waiting_list(service_id):
    from .leaving import mine
    return http.ok(mine(http.deps(), service_id), headers=http.NO_STORE)


@routes.get("/v1/me/appointments", SIGNED_IN, {
    "summary": "My appointments still to come, soonest first, each with its move and cancel links, and the "
               "waiting lists I am on (one Query reading only what is to come, one BatchGetItem)",
    "responses": {"200": json_response(ref("MyAppointments"))}})
def my_appointments():
    from .mine import upcoming
    return http.ok(upcoming(http.deps()), headers=http.NO_STORE)


@routes.get("/v1/staff/appointments/day", desk("appointments"), {
    "summary": "An officer's day: the appointments of a date (one calendar's, or all) in time order, with the "
               "answers and how to reach each resident (one Query of the day index)",
    "parameters": [q("date", "YYYY-MM-DD (London)", required=True, schema={"type": "string", "format": "date"}),
                   q("calendar_id", "one calendar (not one of the council's: 422)",
                     schema={"type": "string", "maxLength": 60})],
    "responses": {"200": json_response(ref("AppointmentDay")), **errors(400, 422)}})
def staff_appointment_day():
    from .desk import day_list
    return http.ok(day_list(http.deps(), http.query()), headers=http.NO_STORE)


@routes.post("/v1/staff/appointments/{appointment_id}/mark", desk("appointments"), {
    "summary": "Mark arrived, seen or did not attend (no_show: the resident is offered to book again)",
    "parameters": [APPOINTMENT_ID], "requestBody": _body("AppointmentMark"),
    "responses": {"200": json_response(ref("Appointment")), **errors(400, **NO_APPOINTMENT, **{
        "409": "Not in a state to be so marked (code cannot_mark)",
        "422": "Its day has not come (code not_yet), or arrived for a call (code not_in_person)"})}})
def staff_mark_appointment(appointment_id):
    from .desk import mark
    return http.ok(mark(http.deps(), appointment_id, http.body()), headers=http.NO_STORE)


@routes.post("/v1/staff/appointments", desk("appointments"), {
    "summary": "Book for a caller (assisted digital): booked at once, no hold, confirmed to the caller by text "
               "and e-mail when given (idempotent with Idempotency-Key)",
    "parameters": [IDEMPOTENCY], "requestBody": _body("StaffAppointmentNew"),
    "responses": {"201": json_response(ref("Appointment")), **errors(400, **NO_SERVICE, **{
        "409": "Just taken (code just_taken, with `nearest`)",
        "422": "Not a time offered (slot_not_offered), or the phone number is not a UK mobile"})}})
def staff_book_appointment():
    from .desk import book_for_caller
    view, created = book_for_caller(http.deps(), http.body(), http.header("idempotency-key"))
    return http.created(view, created)


@routes.post("/v1/staff/appointments/blocks", desk("appointments"), {
    "summary": "Block a calendar's time (FHIR busy-unavailable): every free seat of the slots starting in "
               "[from, to); seats already booked are left and named",
    "requestBody": _body("AppointmentBlock"),
    "responses": {"200": json_response(ref("AppointmentBlocked")), **errors(400, **{
        "422": "Not one of the council's calendars, or to not after from and within 31 days (validation_failed)"})}})
def staff_block_time():
    from .desk import block
    return http.ok(block(http.deps(), http.body()), headers=http.NO_STORE)


@routes.post("/v1/staff/appointments/{appointment_id}/move", desk("appointments"), {
    "summary": "Move a booking to another time (the resident told; the old time goes to the waiting list)",
    "parameters": [APPOINTMENT_ID], "requestBody": _body("StaffAppointmentMove"),
    "responses": {"200": json_response(ref("Appointment")), **errors(400, **NO_APPOINTMENT, **{
        "409": "Just taken (just_taken) or no longer booked (not_booked)", "422": "Not a slot (slot_not_offered)"})}})
def staff_move_appointment(appointment_id):
    from .desk import move_for_resident
    return http.ok(move_for_resident(http.deps(), appointment_id, http.body()), headers=http.NO_STORE)
