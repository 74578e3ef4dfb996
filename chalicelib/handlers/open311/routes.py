"""Open311 GeoReport v2 routes. API Gateway matches whole path segments, so
each route takes the segment ("services.xml", "DS-7K3F9Q.json") and the
handler splits it on the last dot; {resource} also serves mySociety's
servicerequestupdates. Errors on these paths are rendered in Open311's shape
by the middleware. Partner systems are named by their api_key (POST), not a
token: every route is open to anyone and the handlers check the key. Every
route serves the council its jurisdiction_id names (jurisdiction.py), else its
address's: the middleware asks before anything is read."""
from ...api import http
from ...api.registry import Routes
from ...auth.rules import ANYONE
from .docs import DEFINITION, JURISDICTION, POST_FORM, array, errors, ok, q, segment
from .limits import DEFAULT_LIMIT, MAX_IDS, MAX_PHOTOS, MAX_RANGE, PHOTO_MAX_BYTES

routes = Routes("open311", schemas="chalicelib.handlers.open311.schemas",
                council_from="chalicelib.handlers.open311.jurisdiction:council_of")
POST_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data", "application/json"]
DAYS = MAX_RANGE.days


@routes.get("/open311/v2/{resource}", ANYONE, {
    "summary": "Open311: discovery, services, requests (a listing) or servicerequestupdates "
               "(mySociety's extension), as .json or .xml",
    "parameters": [
        segment("resource", "services.json"),
        q("service_request_id", f"requests: comma list of at most {MAX_IDS} ids (other filters are then ignored)"),
        q("service_code", "requests: comma list of service codes"),
        q("status", "requests: open or closed"),
        q("start_date", f"requests, servicerequestupdates: W3C date-time; at most {DAYS} days before end_date "
                        f"(default: {DAYS} days before for requests, 24 hours for updates)"),
        q("end_date", "requests, servicerequestupdates: W3C date-time (default now)"),
        q("page", "requests: page number, from 1"),
        q("page_size", f"requests: at most {DEFAULT_LIMIT} (the default)"),
        q("jurisdiction_id", JURISDICTION)],
    "responses": {"200": ok({"oneOf": [{"$ref": "#/components/schemas/Open311Discovery"},
                                       array("Open311Service"), array("Open311Request"), array("Open311Update")]}),
                  **errors(400, 404)}})
def open311_resource(resource):
    from . import requests
    return requests.get_resource(http.deps(), resource, http.query())


@routes.post("/open311/v2/{resource}", ANYONE, {
    "summary": "Open311: create a service request (requests.{json,xml}) or post a back-office "
               "update to one (servicerequestupdates.{json,xml}; idempotent on update_id)",
    "parameters": [segment("resource", "requests.json"), q("api_key", "may be sent here instead of in the body"),
                   q("jurisdiction_id", JURISDICTION)],
    "requestBody": {"required": True, "content": {
        "application/x-www-form-urlencoded": {"schema": POST_FORM},
        "multipart/form-data": {"schema": {**POST_FORM, "properties": {
            **POST_FORM["properties"],
            "media": {"type": "array", "items": {"type": "string", "format": "binary"}, "maxItems": MAX_PHOTOS,
                      "description": f"requests: photo file parts (at most {MAX_PHOTOS}, each up to "
                                     f"{PHOTO_MAX_BYTES // (1024 * 1024)} MB); cleaned as /v1 photos are "
                                     "(metadata and GPS removed)"}}}}}},
    "responses": {"200": ok({"oneOf": [array("Open311Created"), array("Open311UpdatePosted")]}),
                  **errors(400, 403, 404)}}, content_types=POST_TYPES)
def open311_create(resource):
    from . import requests
    request = http.request()
    return requests.post_resource(http.deps(), resource, http.query(), request, request.headers.get("idempotency-key"))


@routes.get("/open311/v2/services/{code_format}", ANYONE, DEFINITION)
def open311_service(code_format):
    from . import requests
    return requests.service_definition(http.deps(), code_format)


@routes.get("/open311/v2/service/{code_format}", ANYONE,
            {**DEFINITION, "summary": DEFINITION["summary"] + " (legacy path)"})
def open311_service_legacy(code_format):
    # An older client asks for service/{code} rather than services/{code}.
    from . import requests
    return requests.service_definition(http.deps(), code_format)


@routes.get("/open311/v2/requests/{id_format}", ANYONE, {
    "summary": "Open311: one service request, as a one-element list",
    "parameters": [segment("id_format", "DS-7K3F9Q.json"), q("jurisdiction_id", JURISDICTION)],
    "responses": {"200": ok(array("Open311Request")), **errors(404)}})
def open311_request(id_format):
    from . import requests
    return requests.get_request(http.deps(), id_format)


@routes.get("/open311/v2/tokens/{token_format}", ANYONE, {
    "summary": "Open311: token lookup; Doorstep issues no tokens (POST answers with the id), so always 404",
    "parameters": [segment("token_format", "abc.json"), q("jurisdiction_id", JURISDICTION)],
    "responses": {"404": errors(404)["404"]}})
def open311_token(token_format):
    from . import requests
    return requests.get_token(http.deps(), token_format)
