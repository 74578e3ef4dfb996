"""Hiring halls, rooms and pitches: the places, their free hours, a block checked whole, a booking, its
sessions cancelled by notice, My Account's list; staff's calendar, maintenance blocks and deposit checks."""
from ...api import http
from ...api.openapi import access_reason, errors, json_response, path_param, q, ref, idempotency_key
from ...api.registry import Routes
from ...auth.rules import ANYONE, HIRE_BOOKING, SIGNED_IN, desk
from ..payments import hooks
from ..shared import effects
from . import limits

routes = Routes("hire", schemas="chalicelib.handlers.hire.schemas")
hooks.register(limits.PURPOSE, "chalicelib.handlers.hire.settling")
effects.register("hire_confirmed", "hire.confirmed", "chalicelib.handlers.hire.telling:on_confirmed")
effects.register("hire_refund", "hire.refund",  # a session cancelled or a deposit checked: its refund, once
                 "chalicelib.handlers.hire.cancelling:on_refund")
PLACE_ID = path_param("place_id", {"type": "string", "pattern": limits.PLACE_ID_PATTERN,
                                   "example": "tang-hall-main-hall"})
BOOKING_ID = path_param("booking_id", {"type": "string", "pattern": limits.BOOKING_ID_PATTERN, "example": "HB-7K3F9Q"})
NO_PLACE = {"404": "No such place (code place_not_found)"}
NO_BOOKING = {"404": "No such booking, or not yours (code booking_not_found)"}
WINDOW = [q("from", "YYYY-MM-DD, today unless later, in the years the council's calendar covers",
           schema={"type": "string", "format": "date"}),
          q("days", f"1 to {limits.MAX_VIEW_DAYS}, {limits.VIEW_DAYS} unless given",
            schema={"type": "integer", "minimum": 1, "maximum": limits.MAX_VIEW_DAYS})]


@routes.get("/v1/hire/places", ANYONE, {
    "summary": "The halls, rooms and pitches for hire: capacity, opening hours, prices per hour by hirer type "
               "(pence), deposit, refunds by notice and terms",
    "responses": {"200": json_response(ref("HirePlaces"))}})
def hire_places():
    from .places import listing
    return http.ok(listing(http.deps()))


@routes.get("/v1/hire/places/{place_id}", ANYONE, {
    "summary": "One place for hire", "parameters": [PLACE_ID],
    "responses": {"200": json_response(ref("HirePlace")), **errors(**NO_PLACE)}})
def hire_place(place_id):
    from .places import one
    return http.ok(one(http.deps(), place_id))


@routes.get("/v1/hire/places/{place_id}/times", ANYONE, {
    "summary": "A place's open hours day by day (closures and bank holidays shut), each free or taken: one "
               "Query of the hours taken over the window",
    "parameters": [PLACE_ID, *WINDOW],
    "responses": {"200": json_response(ref("HireTimes")), **errors(400, 422, **NO_PLACE)}})
def hire_times(place_id):
    from .times import free
    return http.ok(free(http.deps(), place_id, http.query()), headers=http.NO_STORE)


@routes.post("/v1/hire/places/{place_id}/check", ANYONE, {
    "summary": "Check a session or a block (a weekday and time for some weeks) whole before booking: each date "
               "free, taken or closed (a closure, a bank holiday, outside the hours); nothing is held",
    "parameters": [PLACE_ID],
    "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": ref("HireCheckNew")}}}},
    "responses": {"200": json_response(ref("HireCheck")), **errors(400, 422, **NO_PLACE)}})
def hire_check(place_id):
    from .times import check
    return http.ok(check(http.deps(), place_id, http.body()), headers=http.NO_STORE)


@routes.post("/v1/hire/bookings", SIGNED_IN, {
    "summary": "Book a session or a block: checked whole (409 block_clashes lists every date that cannot be had; "
               "book again with them in skip), every hour taken in one transaction, held 30 minutes while paying "
               "the hire and deposit at payment.next_url, confirmed only once the provider says paid. One booking "
               "held at a time per resident (idempotent with Idempotency-Key)",
    "parameters": [idempotency_key()],
    "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": ref("HireBookingNew")}}}},
    "responses": {"201": json_response(ref("HireBooking")),
                  **errors(400, 422, 503, **NO_PLACE, **{
                      "409": "Dates clash (block_clashes, with clashes; one session: session_unavailable, in its "
                             "own words), an hour just taken (hour_taken), or another booking being paid for "
                             "(hold_in_progress)"})}})
def create_hire_booking():
    from .booking import create
    view, created = create(http.deps(), http.body(), http.header("idempotency-key"))
    return http.created(view, created, headers={"Location": f"/v1/hire/bookings/{view['id']}"})


@routes.get("/v1/hire/bookings/{booking_id}", SIGNED_IN, holds=HIRE_BOOKING, doc={
    "summary": "One hire booking (its hirer, or the halls desk, who say why), with its sessions, deposit and "
               "payment", "parameters": [BOOKING_ID, access_reason("the booking", required=False)],
    "responses": {"200": json_response(ref("HireBooking")), **errors(400, **NO_BOOKING)}})
def hire_booking(booking_id):
    from .booking import read
    return http.ok(read(http.deps(), booking_id), headers=http.NO_STORE)


@routes.post("/v1/hire/bookings/{booking_id}/sessions/{date}/cancel", SIGNED_IN, holds=HIRE_BOOKING, doc={
    "summary": "Cancel one session: its hours freed, its hire refunded by the notice given (the booking's terms: "
               "e.g. 100% with 14 days, 50% with 48 hours, none after), once, just after the answer",
    "parameters": [BOOKING_ID, path_param("date", {"type": "string", "format": "date"})],
    "responses": {"200": json_response(ref("HireBooking")),
                  **errors(**{"404": "No such booking or session (booking_not_found, session_not_found)",
                              "409": "Not confirmed (booking_not_active), started (session_started), or changed "
                                     "meanwhile (booking_changed)"})}})
def cancel_hire_session(booking_id, date):
    from .cancelling import cancel_session
    return http.ok(cancel_session(http.deps(), booking_id, date), headers=http.NO_STORE)


@routes.get("/v1/me/hire-bookings", SIGNED_IN, {
    "summary": "My hire bookings, newest first (one Query of the bookings' user index)",
    "responses": {"200": json_response(ref("MyHireBookings"))}})
def my_hire_bookings():
    from .booking import mine
    deps = http.deps()
    return http.ok({"bookings": mine(deps, deps.principal.user_id)}, headers=http.NO_STORE)


@routes.get("/v1/staff/hire/places/{place_id}/calendar", desk("halls"), {
    "summary": "A place's calendar for staff, day by day (a week: days=7): each day open or why it is shut (a bank "
               "holiday, a closure, not open that weekday), each hour free, held, booked or blocked with its booking's "
               "hirer or the block's reason (one Query of the hours taken, one BatchGetItem of their bookings)",
    "parameters": [PLACE_ID, *WINDOW],
    "responses": {"200": json_response(ref("HireCalendar")), **errors(400, 422, **NO_PLACE)}})
def staff_hire_calendar(place_id):
    from .staff import calendar
    return http.ok(calendar(http.deps(), place_id, http.query()), headers=http.NO_STORE)


@routes.post("/v1/staff/hire/places/{place_id}/blocks", desk("halls"), {
    "summary": "Block a place's time for maintenance, with a reason: every hour or none (409 hour_taken names a "
               "booked one)",
    "parameters": [PLACE_ID],
    "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": ref("HireBlockNew")}}}},
    "responses": {"201": json_response(ref("HireBlock")), **errors(400, 422, **NO_PLACE, **{
        "409": "An hour is taken (code hour_taken)"})}})
def staff_hire_block(place_id):
    from .staff import block
    return http.ok(block(http.deps(), place_id, http.body()), status=201)


@routes.delete("/v1/staff/hire/places/{place_id}/blocks/{block}", desk("halls"), {
    "summary": "Remove a block closed by mistake: its hours free at once; who removed it and when kept on the "
               "block with who closed it; removing it again answers the same",
    "parameters": [PLACE_ID, path_param("block", {"type": "string", "pattern": "^[0-9a-f]{8}$",
                                                  "example": "3f9a0c1d"})],
    "responses": {"200": json_response(ref("HireBlockRemoved")), **errors(**{
        "404": "No such place or block (place_not_found, block_not_found)",
        "409": "Removed by someone else just now, twice over (block_changed)"})}})
def staff_hire_unblock(place_id, block):
    from .staff import unblock
    return http.ok(unblock(http.deps(), place_id, block), headers=http.NO_STORE)


@routes.get("/v1/staff/hire/deposits", desk("halls"), {
    "summary": "Bookings whose sessions have all ended with the deposit still held, waiting for the officer's "
               "check, the longest waiting first (one Query of a sparse index: it reads only them)",
    "responses": {"200": json_response(ref("HireDepositsWaiting"))}})
def staff_hire_deposits():
    from .staff import deposits_waiting
    return http.ok(deposits_waiting(http.deps()), headers=http.NO_STORE)


@routes.post("/v1/staff/hire/bookings", desk("halls"), {
    "summary": "Book a place for a caller: payment card (card-not-present, GOV.UK Pay's MOTO: open payment.next_url "
               "and key in the caller's card) or waived with a reason (booked at once, no deposit); checked whole "
               "as a resident's booking is (idempotent with Idempotency-Key)",
    "parameters": [idempotency_key()],
    "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": ref("StaffHireBookingNew")}}}},
    "responses": {"201": json_response(ref("HireBooking")),
                  **errors(400, 422, 503, **NO_PLACE, **{
                      "409": "Dates clash (block_clashes, with clashes; one session: session_unavailable, in its "
                             "own words), or an hour just taken (hour_taken)"})}})
def staff_hire_booking():
    from .staff import take
    view, created = take(http.deps(), http.body(), http.header("idempotency-key"))
    return http.created(view, created, headers={"Location": f"/v1/hire/bookings/{view['id']}"})


@routes.post("/v1/staff/hire/bookings/{booking_id}/deposit", desk("halls"), {
    "summary": "After the officer's check, once the booking's last session has ended: how much of the deposit "
               "goes back (pence, 0 to all) and why; refunded once, just after the answer; a second check changes "
               "nothing",
    "parameters": [BOOKING_ID],
    "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": ref("HireDepositCheck")}}}},
    "responses": {"200": json_response(ref("HireBooking")),
                  **errors(400, **NO_BOOKING, **{"409": "Not confirmed (booking_not_active), or its last session "
                                                        "not yet ended (sessions_not_ended)",
                                                 "422": "More than the deposit paid (more_than_deposit)"})}})
def staff_hire_deposit(booking_id):
    from .cancelling import return_deposit
    return http.ok(return_deposit(http.deps(), booking_id, http.body()), headers=http.NO_STORE)


@routes.post("/v1/staff/hire/bookings/{booking_id}/cancel", desk("halls"), {
    "summary": "Cancel a booking's every session still to come at once (a club's whole block), for a caller, with "
               "why: their hours freed, each refunded by its own notice (the booking's terms), once each, from the "
               "change's one event; sessions begun or over stay. Pressed twice, the first stands",
    "parameters": [BOOKING_ID],
    "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": ref("HireBlockCancel")}}}},
    "responses": {"200": json_response(ref("HireBooking")),
                  **errors(400, **NO_BOOKING, **{"409": "Not confirmed (booking_not_active), nothing left to come "
                                                        "(nothing_to_cancel), or changed meanwhile (booking_changed)"})}})
def staff_hire_cancel_block(booking_id):
    from ...storage.metering import expose
    from .block_cancel import cancel_block
    expose()
    return http.ok(cancel_block(http.deps(), booking_id, http.body()), headers=http.NO_STORE)
