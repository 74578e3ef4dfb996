"""Waste containers' routes: what a property may order, a request, its page, cancelling it, My Account's list;
staff: for a caller, the requests by status and depot, each depot's stock and its changes."""
from ...api import http
from ...api.openapi import access_reason, errors, json_response, path_param, ref, idempotency_key, if_match
from ...api.registry import Routes
from ...auth.rules import CONTAINER_REQUEST, SIGNED_IN, desk
from ..payments import hooks
from ..shared import effects
from . import limits

routes = Routes("containers", schemas="chalicelib.handlers.containers.schemas")
hooks.register(limits.PURPOSE, "chalicelib.handlers.containers.settling")
effects.register("container_confirmed", "containers.confirmed",  # the resident told the delivery day
                 "chalicelib.handlers.containers.delivery:on_confirmed")
effects.register("job_ended", "containers.delivered",  # a crew ending a delivery's job
                 "chalicelib.handlers.containers.delivery:on_job_ended")
effects.register("container_cancelled", "containers.cancelled",  # a paid request cancelled: its refund, once
                 "chalicelib.handlers.containers.cancelling:on_cancelled")
UPRN = path_param("uprn", {"type": "string", "pattern": "^[0-9]{1,12}$"})
DEPOT = path_param("depot", {"type": "string", "pattern": limits.CONTAINER_ID_PATTERN, "example": "main"})
CONTAINER = path_param("container", {"type": "string", "pattern": limits.CONTAINER_ID_PATTERN,
                                     "example": "recycling-box"})
STOCK_ETAG = {"ETag": {"schema": {"type": "string"}, "description": "the stock item's version, for If-Match"}}
REQUEST_ID = path_param("request_id", {"type": "string", "pattern": limits.REQUEST_ID_PATTERN, "example": "CR-7K3F9Q"})
KEY = idempotency_key("the same key and body answer the same request")
ASKED = {"404": "No property with that UPRN (code place_not_found)",
         "409": "A request for that container is open already (code request_open, with open_request: its "
                "reference, for its own resident or staff only), or the depot has none left (code out_of_stock)",
         "503": "Card payments cannot be taken just now (code payments_unavailable)"}


@routes.get("/v1/places/{uprn}/containers", SIGNED_IN, holds=CONTAINER_REQUEST, doc={
    "summary": "The containers this property's rounds take, each with its price by reason (pence), whether its "
               "depot has one, and the reference of a request already open for it",
    "parameters": [UPRN],
    "responses": {"200": json_response(ref("PropertyContainers")),
                  **errors(400, **{"404": "No property with that UPRN (code place_not_found)"})}})
def property_containers(uprn):
    from .catalogue import offered
    return http.ok(offered(http.deps(), uprn), headers=http.NO_STORE)


@routes.post("/v1/waste/containers/requests", SIGNED_IN, holds=CONTAINER_REQUEST, doc={
    "summary": "Order a container: a charged one is held 30 minutes while the resident pays at "
               "payment.next_url and confirmed only once the provider says paid; a free one is confirmed at "
               "once. Confirmed, it is a crew job on the property's round day (delivery_date)",
    "parameters": [KEY],
    "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": ref("ContainerRequestNew")}}}},
    "responses": {"201": json_response(ref("ContainerRequest")), **errors(400, 422, **ASKED)}})
def create_container_request():
    from .requesting import create
    view, created = create(http.deps(), http.body(), http.header("idempotency-key"))
    return http.created(view, created, headers={"Location": f"/v1/waste/containers/requests/{view['id']}"})


@routes.get("/v1/waste/containers/requests/{request_id}", SIGNED_IN, holds=CONTAINER_REQUEST, doc={
    "summary": "One container request (its resident, or the containers desk, who say why), with its payment's "
               "state",
    "parameters": [REQUEST_ID, access_reason("the request", required=False)],
    "responses": {"200": json_response(ref("ContainerRequest")),
                  **errors(400, **{"404": "No such request, or not yours (code request_not_found)"})}})
def container_request(request_id):
    from .requesting import read
    return http.ok(read(http.deps(), request_id), headers=http.NO_STORE)


@routes.get("/v1/me/container-requests", SIGNED_IN, {
    "summary": "My container requests, newest first (one Query of the requests' user index)",
    "responses": {"200": json_response(ref("MyContainerRequests"))}})
def my_container_requests():
    from .requesting import mine
    deps = http.deps()
    return http.ok({"requests": mine(deps, deps.principal.user_id)}, headers=http.NO_STORE)


@routes.post("/v1/staff/waste/containers/requests", desk("containers"), {
    "summary": "Take a container request for a caller: payment card (card-not-present, GOV.UK Pay's MOTO: open "
               "payment.next_url and key in the caller's card) or waived with a reason (confirmed at once)",
    "parameters": [KEY],
    "requestBody": {"required": True,
                    "content": {"application/json": {"schema": {"$ref": ref("StaffContainerRequestNew")}}}},
    "responses": {"201": json_response(ref("ContainerRequest")), **errors(400, 422, **ASKED)}})
def staff_container_request():
    from .assisted import take
    view, created = take(http.deps(), http.body(), http.header("idempotency-key"))
    return http.created(view, created, headers={"Location": f"/v1/waste/containers/requests/{view['id']}"})


@routes.post("/v1/waste/containers/requests/{request_id}/cancel", SIGNED_IN, holds=CONTAINER_REQUEST, doc={
    "summary": "Cancel a container request (its resident; staff for a caller, with a reason) until the crew has "
               "delivered it: its container goes back on the shelf, the crew's job is withdrawn, and a paid one is "
               "refunded in full, once, from the cancellation's event. Pressed twice, the first stands",
    "parameters": [REQUEST_ID],
    "requestBody": {"required": False, "content": {"application/json": {"schema": {"$ref": ref("ContainerCancel")}}}},
    "responses": {"200": json_response(ref("ContainerRequest")), **errors(400, **{
        "404": "No such request, or not yours (code request_not_found)",
        "409": "Delivered or ended already (code request_ended), or being changed (code request_changed)"})}})
def cancel_container_request(request_id):
    from .cancelling import cancel
    raw = http.request().raw_body
    return http.ok(cancel(http.deps(), request_id, http.body() if raw else {}), headers=http.NO_STORE)


@routes.get("/v1/staff/waste/containers/requests", desk("containers"), {
    "summary": "Container requests in one status (confirmed unless named), newest first, of one depot when named "
               "(a filter of each page, so a page may hold fewer than limit; follow next)",
    "parameters": [{"name": "status", "in": "query", "schema": {"type": "string", "enum": [
                       "held", "confirmed", "released", "cancelled", "delivered", "not_delivered"]}},
                   {"name": "depot", "in": "query", "schema": {"type": "string"}},
                   {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1,
                                                               "maximum": limits.LIST_MAX}},
                   {"name": "cursor", "in": "query", "schema": {"type": "string"}}],
    "responses": {"200": json_response(ref("StaffContainerRequests")),
                  **errors(400, **{"404": "No such depot (code depot_not_found)",
                                   "422": "A cursor this API did not give (code bad_cursor)"})}})
def staff_container_requests():
    from .staff import listing
    return http.ok(listing(http.deps(), http.query()), headers=http.NO_STORE)


@routes.get("/v1/staff/waste/containers/stock/{depot}", desk("containers"), {
    "summary": "A depot's stock: each container on the council's list, its count, its version (for If-Match) "
               "and its latest changes, newest first",
    "parameters": [DEPOT],
    "responses": {"200": json_response(ref("ContainerStock")),
                  **errors(**{"404": "No such depot (code depot_not_found)"})}})
def container_stock(depot):
    from .staff import stock
    return http.ok(stock(http.deps(), depot), headers=http.NO_STORE)


@routes.post("/v1/staff/waste/containers/stock/{depot}/{container}", desk("containers"), {
    "summary": "Restock (add more than 0) or write off (less than 0) a depot's container, with a reason, "
               "If-Match its version as read: sent twice, it is counted once; audited with who and when",
    "parameters": [DEPOT, CONTAINER, if_match("stock", "stale: 409")],
    "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": ref("ContainerStockChange")}}}},
    "responses": {"200": {**json_response(ref("ContainerStockItem")), "headers": STOCK_ETAG},
                  **errors(400, 428, **{"404": "No such depot or container (code depot_not_found, "
                                               "container_not_found)",
                                        "422": "add is 0 (code nothing_to_change), or writes off more than the "
                                               "depot has (code not_enough_stock)",
                                        "409": "Changed since it was read (code edit_conflict, with current)"})}})
def change_container_stock(depot, container):
    from .staff import change
    item, etag = change(http.deps(), depot, container, http.body(), http.header("if-match"))
    return http.ok(item, headers={"ETag": etag, **http.NO_STORE})
