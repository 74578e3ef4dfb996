"""Waste services' routes: bulky collections, their catalogue and days."""
from ...api import http
from ...api.openapi import errors, json_response, path_param, ref
from ...api.registry import Routes
from ...auth.rules import ADMIN, ANYONE, SIGNED_IN
from ..payments import hooks
from . import limits

routes = Routes("waste", schemas="chalicelib.handlers.waste.schemas")
hooks.register(limits.PURPOSE, "chalicelib.handlers.waste.settling")
BOOKING_ID = path_param("booking_id", {"type": "string", "pattern": limits.BOOKING_ID_PATTERN,
                                       "example": "BK-7K3F9Q"})
NOT_FOUND = {"404": "No such booking, or not yours (code booking_not_found)"}
ETAG = {"ETag": {"schema": {"type": "string"}, "description": "the catalogue's version, for If-Match"}}


@routes.get("/v1/waste/bulky/items", ANYONE, {
    "summary": "The bulky items that can be collected, each with its price in pence, the minimum charge, "
               "the most items per collection, and the rules for days",
    "responses": {"200": {**json_response(ref("BulkyCatalogue")), "headers": ETAG}}})
def bulky_items():
    from .catalogue import read
    body, etag = read(http.deps())
    return http.ok(body, headers={"ETag": etag, "Cache-Control": "no-cache"})


@routes.route("PUT", "/v1/waste/bulky/items", ADMIN, {
    "summary": "Replace the bulky catalogue and its rules (administrators; If-Match with the ETag read)",
    "parameters": [{"name": "If-Match", "in": "header", "required": True, "schema": {"type": "string"}}],
    "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": ref("BulkyCatalogueEdit")}}}},
    "responses": {"200": {**json_response(ref("BulkyCatalogue")), "headers": ETAG},
                  **errors(400, 409, 428, **{"409": "Someone saved first (code edit_conflict, with current)"})}})
def replace_bulky_items():
    from ..shared.versions import expected_version
    from .catalogue import replace
    version = expected_version(http.header("if-match"), "GET /v1/waste/bulky/items")
    body, etag = replace(http.deps(), http.body(), version)
    return http.ok(body, headers={"ETag": etag})


@routes.get("/v1/places/{uprn}/bulky/dates", ANYONE, {
    "summary": "The days a bulky collection can be booked for this property: its round's collection days "
               "within the window, before each day's cut-off, with the places left",
    "parameters": [path_param("uprn", {"type": "string", "pattern": "^[0-9]{1,12}$"})],
    "responses": {"200": json_response(ref("BulkyDates")),
                  **errors(400, **{"404": "No property with that UPRN (code place_not_found), or no round "
                                          "known for it (code no_round)"})}})
def bulky_dates(uprn):
    from .dates import offered
    return http.ok(offered(http.deps(), uprn), headers=http.NO_STORE)


@routes.post("/v1/waste/bulky/bookings", SIGNED_IN, {
    "summary": "Book a bulky collection: its place is held for 30 minutes while the resident pays at "
               "payment.next_url; confirmed once the provider says paid (idempotent with Idempotency-Key)",
    "parameters": [{"name": "Idempotency-Key", "in": "header", "required": False, "schema": {"type": "string"},
                    "description": "the same key and body answer the same booking"}],
    "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": ref("BulkyBookingNew")}}}},
    "responses": {"201": json_response(ref("BulkyBooking")),
                  **errors(400, 422, **{"404": "No property with that UPRN (code place_not_found)",
                                        "409": "That day has just been fully booked (code slot_full)",
                                        "503": "Card payments cannot be taken just now (code payments_unavailable)"})}})
def create_bulky_booking():
    from .bookings import create
    view, created = create(http.deps(), http.body(), http.header("idempotency-key"))
    return http.created(view, created, headers={"Location": f"/v1/waste/bulky/bookings/{view['id']}"})


@routes.get("/v1/waste/bulky/bookings/{booking_id}", SIGNED_IN, {
    "summary": "One bulky booking (its resident, or staff), with its payment's state",
    "parameters": [BOOKING_ID],
    "responses": {"200": json_response(ref("BulkyBooking")), **errors(**NOT_FOUND)}})
def bulky_booking(booking_id):
    from .bookings import read
    return http.ok(read(http.deps(), booking_id), headers=http.NO_STORE)


@routes.post("/v1/waste/bulky/bookings/{booking_id}/cancel", SIGNED_IN, {
    "summary": "Cancel a booking before its cut-off (14:00 the working day before): a paid one is refunded "
               "in full, once, however often this is pressed",
    "parameters": [BOOKING_ID],
    "responses": {"200": json_response(ref("BulkyBooking")),
                  **errors(422, **NOT_FOUND, **{"409": "Never paid for (code booking_not_active)",
                                                "422": "Past the cut-off (code past_cut_off)"})}})
def cancel_bulky_booking(booking_id):
    from .bookings import cancel
    return http.ok(cancel(http.deps(), booking_id), headers=http.NO_STORE)
