"""Waste services' routes: bulky collections, their catalogue and days."""
from ...api import http
from ...api.openapi import access_reason, errors, json_response, path_param, q, ref, if_match, idempotency_key
from ...api.registry import Routes
from ...auth.rules import ADMIN, ANYONE, BULKY_BOOKING, CREW, GARDEN_SUBSCRIPTION, SIGNED_IN, desk
from ..payments import hooks
from ..shared import effects
from . import limits

routes = Routes("waste", schemas="chalicelib.handlers.waste.schemas")
hooks.register(limits.PURPOSE, "chalicelib.handlers.waste.settling")
hooks.register(limits.CHANGE_PURPOSE, "chalicelib.handlers.waste.paid_changes")
effects.register("job_ended", "waste.not_collected",  # a crew ending a collection's job
                 "chalicelib.handlers.waste.not_collected:on_job_ended")
hooks.register(limits.GARDEN_PURPOSE, "chalicelib.handlers.waste.garden")
effects.register("bulky_receipt", "waste.receipt", "chalicelib.handlers.waste.receipts:on_receipt")  # a change's
effects.register("bulky_change_refund", "waste.change_refund",  # a cheaper change's difference, from the stream
                 "chalicelib.handlers.waste.change_refunds:on_change_refund")
effects.register("bulky_cancel_refund", "waste.cancel_refund",  # a cancellation's refund, from the stream
                 "chalicelib.handlers.waste.cancel_refunds:on_cancel_refund")
effects.register("garden_reminder", "waste.garden_reminder", "chalicelib.handlers.waste.garden:on_reminder")
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
    "parameters": [if_match("catalogue", "stale: 409")],
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
    "parameters": [idempotency_key("the same key and body answer the same booking")],
    "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": ref("BulkyBookingNew")}}}},
    "responses": {"201": json_response(ref("BulkyBooking")),
                  **errors(400, 422, **{"404": "No property with that UPRN (code place_not_found)",
                                        "409": "That day has just been fully booked (code slot_full)",
                                        "503": "Card payments cannot be taken just now (code payments_unavailable)"})}})
def create_bulky_booking():
    from .bookings import create
    view, created = create(http.deps(), http.body(), http.header("idempotency-key"))
    return http.created(view, created, headers={"Location": f"/v1/waste/bulky/bookings/{view['id']}"})


@routes.get("/v1/waste/bulky/bookings/{booking_id}", SIGNED_IN, holds=BULKY_BOOKING, doc={
    "summary": "One bulky booking (its resident, or the bulky desk, who say why), with its payment's state",
    "parameters": [BOOKING_ID, access_reason("the booking", required=False)],
    "responses": {"200": json_response(ref("BulkyBooking")), **errors(400, **NOT_FOUND)}})
def bulky_booking(booking_id):
    from .bookings import read
    return http.ok(read(http.deps(), booking_id), headers=http.NO_STORE)


@routes.get("/v1/me/bulky-bookings", SIGNED_IN, {
    "summary": "My bulky collection bookings, newest first (My Account: each links to its page and, while it "
               "can be changed, to its change screen); one Query of the bookings' user index",
    "responses": {"200": json_response(ref("MyBulkyBookings"))}})
def my_bulky_bookings():
    from .bookings import mine
    deps = http.deps()
    return http.ok({"bookings": mine(deps, deps.principal.user_id)}, headers=http.NO_STORE)


@routes.post("/v1/waste/bulky/bookings/{booking_id}/cancel", SIGNED_IN, holds=BULKY_BOOKING, doc={
    "summary": "Cancel a booking before its cut-off (14:00 the working day before): a paid one is refunded "
               "in full through the provider, once, however often this is pressed, just after the answer (its "
               "refund is due, then done)",
    "parameters": [BOOKING_ID],
    "responses": {"200": json_response(ref("BulkyBooking")),
                  **errors(422, **NOT_FOUND, **{"409": "Never paid for (code booking_not_active)",
                                                "422": "Past the cut-off (code past_cut_off)"})}})
def cancel_bulky_booking(booking_id):
    from .bookings import cancel
    return http.ok(cancel(http.deps(), booking_id), headers=http.NO_STORE)


@routes.post("/v1/waste/bulky/bookings/{booking_id}/change", SIGNED_IN, holds=BULKY_BOOKING, doc={
    "summary": "Change a confirmed booking until its cut-off: another offered day (its place taken and the old one "
               "given back at once), other items, where they are left, notes. A cheaper change refunds the "
               "difference through the provider, once, just after the answer (its change's refund is due, then "
               "done); one costing more is held (pending_change, the new day's "
               "place with it) while the difference is paid through the provider (pending_change.payment.next_url) "
               "and made only once the provider says paid; unpaid when its hold ends it is let go",
    "parameters": [BOOKING_ID, idempotency_key("a retry with it changes nothing", required=True)],
    "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": ref("BulkyBookingChange")}}}},
    "responses": {"200": json_response(ref("BulkyBooking")),
                  **errors(400, 422, 503, **NOT_FOUND, **{
                      "409": "Not confirmed (booking_not_active), the day just filled (slot_full), changed "
                             "meanwhile (booking_changed), or a refund still being made or a change waiting for "
                             "its payment (change_in_progress)",
                      "422": "Past the cut-off (past_cut_off), or a day not offered (date_not_offered)"})}})
def change_bulky_booking(booking_id):
    from .changes import change
    view, _ = change(http.deps(), booking_id, http.body(), http.header("idempotency-key"))
    return http.ok(view, headers=http.NO_STORE)


@routes.post("/v1/staff/waste/bulky/bookings", desk("bulky"), {
    "summary": "Take a bulky booking for a caller: payment card (card-not-present through the same provider, "
               "GOV.UK Pay's MOTO: open payment.next_url and key in the caller's card) or waived with a reason "
               "(confirmed at once, no payment; kept with the booking as taken_by). Idempotent with Idempotency-Key",
    "parameters": [idempotency_key("the same key and body answer the same booking")],
    "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": ref("StaffBulkyBookingNew")}}}},
    "responses": {"201": json_response(ref("BulkyBooking")),
                  **errors(400, 422, **{"404": "No property with that UPRN (code place_not_found)",
                                        "409": "That day has just been fully booked (code slot_full)",
                                        "503": "Card payments cannot be taken just now (code payments_unavailable)"})}})
def staff_bulky_booking():
    from .assisted import take
    view, created = take(http.deps(), http.body(), http.header("idempotency-key"))
    return http.created(view, created, headers={"Location": f"/v1/waste/bulky/bookings/{view['id']}"})


SUBSCRIPTION_ID = path_param("subscription_id", {"type": "string", "pattern": limits.SUBSCRIPTION_ID_PATTERN,
                                                 "example": "990000000001.2026-11-23"})
NO_SUBSCRIPTION = {"404": "No such subscription, or not yours (code subscription_not_found)"}


@routes.get("/v1/waste/garden", ANYONE, {
    "summary": "Garden waste: the yearly price of the first bin and of each other, the most bins, the term "
               "and when renewing opens (pence, days)",
    "responses": {"200": {**json_response(ref("GardenRules")), "headers": ETAG}}})
def garden_rules():
    from .garden import read_rules
    body, etag = read_rules(http.deps())
    return http.ok(body, headers={"ETag": etag, "Cache-Control": "no-cache"})


@routes.route("PUT", "/v1/waste/garden", ADMIN, {
    "summary": "Change the garden waste prices and rules (administrators; If-Match with the ETag read)",
    "parameters": [if_match("rules", "stale: 409")],
    "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": ref("GardenRulesEdit")}}}},
    "responses": {"200": {**json_response(ref("GardenRules")), "headers": ETAG},
                  **errors(400, 428, **{"409": "Someone saved first (code edit_conflict, with current)"})}})
def replace_garden_rules():
    from ..shared.versions import expected_version
    from .garden import replace_rules
    body, etag = replace_rules(http.deps(), http.body(), expected_version(http.header("if-match"),
                                                                          "GET /v1/waste/garden"))
    return http.ok(body, headers={"ETag": etag})


@routes.get("/v1/places/{uprn}/garden", SIGNED_IN, {
    "summary": "A property's garden waste: its current subscription, the term it could pay for now (new or "
               "renewal) and when renewing opens",
    "parameters": [path_param("uprn", {"type": "string", "pattern": "^[0-9]{1,12}$"})],
    "responses": {"200": json_response(ref("GardenProperty")),
                  **errors(400, **{"404": "No property with that UPRN (code place_not_found)",
                                   "422": "Not on a garden waste round (code no_garden_round)"})}})
def garden_for_property(uprn):
    from .garden import for_property
    return http.ok(for_property(http.deps(), uprn), headers=http.NO_STORE)


@routes.post("/v1/waste/garden/subscriptions", SIGNED_IN, {
    "summary": "Subscribe a property (or renew, once renewing has opened) for a number of bins; pay at "
               "payment.next_url; active once the provider says paid (idempotent with Idempotency-Key)",
    "parameters": [idempotency_key()],
    "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": ref("GardenNew")}}}},
    "responses": {"201": json_response(ref("GardenSubscription")),
                  **errors(400, 422, **{"404": "No property with that UPRN (code place_not_found)",
                                        "409": "Subscribed already and renewing has not opened (code "
                                               "already_subscribed), or being paid for now (code "
                                               "subscription_in_progress)",
                                        "503": "Card payments cannot be taken just now (code payments_unavailable)"})}})
def subscribe_garden():
    from .garden import subscribe
    view, created = subscribe(http.deps(), http.body(), http.header("idempotency-key"))
    return http.created(view, created, headers={"Location": f"/v1/waste/garden/subscriptions/{view['id']}"})


@routes.get("/v1/waste/garden/subscriptions/{subscription_id}", SIGNED_IN, holds=GARDEN_SUBSCRIPTION, doc={
    "summary": "One garden waste subscription (its resident, or the garden desk, who say why), with its "
               "payment's state",
    "parameters": [SUBSCRIPTION_ID, access_reason("the subscription", required=False)],
    "responses": {"200": json_response(ref("GardenSubscription")), **errors(400, **NO_SUBSCRIPTION)}})
def garden_subscription(subscription_id):
    from .garden import read
    return http.ok(read(http.deps(), subscription_id), headers=http.NO_STORE)


@routes.post("/v1/waste/garden/subscriptions/{subscription_id}/cancel", SIGNED_IN, holds=GARDEN_SUBSCRIPTION, doc={
    "summary": "Stop a garden waste subscription (the year paid for is not refunded)",
    "parameters": [SUBSCRIPTION_ID],
    "responses": {"200": json_response(ref("GardenSubscription")),
                  **errors(**NO_SUBSCRIPTION, **{"409": "Not active (code subscription_not_active)"})}})
def cancel_garden_subscription(subscription_id):
    from .garden import cancel
    return http.ok(cancel(http.deps(), subscription_id), headers=http.NO_STORE)


@routes.get("/v1/me/garden-subscriptions", SIGNED_IN, {
    "summary": "My garden waste subscriptions, newest first (My Account links each to its page); one Query of "
               "the subscriptions' user index",
    "responses": {"200": json_response(ref("MyGardenSubscriptions"))}})
def my_garden_subscriptions():
    from .garden import mine
    deps = http.deps()
    return http.ok({"subscriptions": mine(deps, deps.principal.user_id)}, headers=http.NO_STORE)


@routes.get("/v1/staff/waste/garden/rounds/{round_id}", desk("garden"), {
    "summary": "A garden round's subscribers today: each property with its bins, and the totals",
    "parameters": [path_param("round_id", {"type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$"})],
    "responses": {"200": json_response(ref("GardenRound"))}})
def garden_round(round_id):
    from .garden import of_round
    return http.ok(of_round(http.deps(), round_id), headers=http.NO_STORE)


@routes.get("/v1/crew/garden/rounds/{round_id}", CREW, {
    "summary": "A garden round's list for its crew: the properties subscribed on the day (today unless date), "
               "each with its number of bins, in address order; collects false on a day the round does not go out",
    "parameters": [path_param("round_id", {"type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$"}),
                   q("date", f"YYYY-MM-DD, within {limits.CREW_ROUND_DAYS} days of today")],
    "responses": {"200": json_response(ref("CrewGardenRound")),
                  **errors(400, 401, **{"403": "Not a member of the team that empties garden bins "
                                               "(code not_garden_crew)",
                                        "404": "No such garden round (code round_not_found)"})}})
def crew_garden_round(round_id):
    from .rounds import crew_round
    return http.ok(crew_round(http.deps(), round_id, http.query()), headers=http.NO_STORE)



@routes.get("/v1/places/{uprn}/missed-bins", ANYONE, {
    "summary": "The property's containers that can be reported missed now (from the day after their "
               "collection until 2 working days after), each with any report made for that collection",
    "parameters": [path_param("uprn", {"type": "string", "pattern": "^[0-9]{1,12}$"})],
    "responses": {"200": json_response(ref("MissedBins")),
                  **errors(400, **{"404": "No property with that UPRN (code place_not_found)"})}})
def missed_bins(uprn):
    from .missed import offered
    return http.ok(offered(http.deps(), uprn), headers=http.NO_STORE)


@routes.post("/v1/places/{uprn}/missed-bins", SIGNED_IN, {
    "summary": "Report a container missed at its last collection: the first report for that property, "
               "container and day makes a report (missed_bin); later ones are merged into it (200, merged)",
    "parameters": [path_param("uprn", {"type": "string", "pattern": "^[0-9]{1,12}$"})],
    "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": ref("MissedBinNew")}}}},
    "responses": {"201": json_response(ref("MissedBinReported")),
                  "200": json_response(ref("MissedBinReported"), "Merged into the report already made"),
                  **errors(400, **{"404": "No property with that UPRN (code place_not_found)",
                                   "422": "Not reportable now (code not_reportable)"})}})
def report_missed_bin(uprn):
    from .missed import report
    answer, made = report(http.deps(), uprn, http.body())
    return http.ok(answer, status=201 if made else 200, headers=http.NO_STORE)
