"""Places' routes: addresses at a postcode, one property with its bin days,
councillors, and the nearest facilities."""
from chalice import Response

from ...api import http
from ...api.openapi import GEOJSON, errors, json_response, path_param, q, ref
from ...api.registry import Routes
from ...auth.rules import ANYONE
from . import limits

routes = Routes("places", schemas="chalicelib.handlers.places.schemas")
UPRN = path_param("uprn", {"type": "string", "pattern": limits.UPRN_PATTERN, "example": "990000000001"})
POSTCODE_NOT_FOUND = "No addresses are known at that postcode (code postcode_not_found)"
PLACE_NOT_FOUND = "No property with that UPRN (code place_not_found)"
POSTCODE = {"type": "string", "pattern": limits.POSTCODE_PATTERN, "example": "YO1 7HH"}
# Where the caller is: a point, or a postcode for people who will not share one.
POINT_OR_POSTCODE = [
    q("lat", "latitude (with lon; or give postcode)", schema={"type": "number", "minimum": -90, "maximum": 90}),
    q("lon", "longitude (with lat)", schema={"type": "number", "minimum": -180, "maximum": 180}),
    q("postcode", "a UK postcode instead of lat/lon (any case or spacing): the centre of its known addresses. "
                  "Give lat and lon together, or postcode alone (else 422)", schema=POSTCODE)]
COST = {"headers": GEOJSON["headers"]}  # Server-Timing: what the answer read


@routes.get("/v1/places", ANYONE, {
    "summary": "The addresses at a postcode, or on a street, with their point and ward",
    "parameters": [
        q("postcode", "a UK postcode, any case and spacing (yo17hh is YO1 7HH); or give street (not both: 422)",
          schema=POSTCODE),
        q("street", f"instead of postcode: the beginning of a street's name, at least {limits.STREET_MIN_LETTERS} "
                    f"letters, optionally after a house number (12 Micklegate); at most "
                    f"{limits.STREET_MAX_ADDRESSES} addresses", schema={"type": "string",
                                                                        "maxLength": limits.STREET_TEXT_MAX})],
    "responses": {"200": json_response(ref("Places")),
                  **errors(400, 422, **{"404": "No addresses at that postcode or on that street (code "
                                          "postcode_not_found or street_not_found)"})}})
def places_at_postcode():
    from . import postcodes
    return http.ok(postcodes.lookup(http.deps(), http.query()))


@routes.get("/v1/places/{uprn}", ANYONE, {
    "summary": "One property: address, ward and councillors, next bin collections per stream, "
               "council tax band, and the nearest facility of each main type",
    "parameters": [UPRN],
    "responses": {"200": {**json_response(ref("Place")), **COST}, **errors(400, **{"404": PLACE_NOT_FOUND})}})
def place(uprn):
    from . import place_view
    return http.ok(place_view.place(http.deps(), uprn))


@routes.get("/v1/places/{uprn}/bins.ics", ANYONE, {
    "summary": "The property's bin collections for the coming year as an iCalendar (RFC 5545) feed "
               "to subscribe to; honours If-None-Match (304)",
    "parameters": [UPRN, {"name": "If-None-Match", "in": "header", "required": False,
                          "schema": {"type": "string"}, "description": "an ETag from an earlier answer"}],
    "responses": {"200": {"description": "text/calendar; all-day events with stable UIDs",
                          "headers": {"ETag": {"schema": {"type": "string"}},
                                      "Cache-Control": {"schema": {"type": "string"}}},
                          "content": {"text/calendar": {"schema": {"type": "string"}}}},
                  "304": {"description": "Not modified since the ETag given"},
                  **errors(400, **{"404": PLACE_NOT_FOUND})}})
def bin_calendar(uprn):
    from . import calendar
    status, text, headers = calendar.calendar(http.deps(), uprn, http.header("if-none-match"))
    return Response(body=text, status_code=status, headers=headers)


@routes.get("/v1/councillors", ANYONE, {
    "summary": "The ward at a point or postcode and its councillors (public office contact details)",
    "parameters": POINT_OR_POSTCODE,
    "responses": {"200": {**json_response(ref("Councillors")), **COST},
                  **errors(400, 422, **{"404": "No ward covers the point (code no_ward), or no addresses are "
                                               "known at the postcode (code postcode_not_found)"})}})
def councillors_at_point():
    from . import councillors
    return http.ok(councillors.councillors_at(http.deps(), http.query()))


@routes.get("/v1/facility-types", ANYONE, {
    "summary": "The facility types on offer (library, recycling_centre...) with how many of each",
    "responses": {"200": json_response(ref("FacilityTypes"))}})
def facility_types():
    from . import facilities
    # The same for everyone and rarely changed: caches (CloudFront, the PWA) may keep it a while.
    return http.ok(facilities.facility_types(http.deps()), headers={"Cache-Control": "public, max-age=300"})


@routes.get("/v1/nearest", ANYONE, {
    "summary": "The k nearest facilities of one type, nearest first (distance_m in properties)",
    "parameters": [
        *POINT_OR_POSTCODE,
        q("type", "a facility type from /v1/facility-types", True,
          {"type": "string", "pattern": limits.FACILITY_TYPE_PATTERN}),
        q("k", f"how many (1 to {limits.NEAREST_K_MAX}, default {limits.NEAREST_K_DEFAULT})",
          schema={"type": "integer", "minimum": 1, "maximum": limits.NEAREST_K_MAX,
                  "default": limits.NEAREST_K_DEFAULT}),
        q("max_distance_m", f"only facilities within this distance (max {limits.NEAREST_MAX_DISTANCE_M})",
          schema={"type": "number", "minimum": 1, "maximum": limits.NEAREST_MAX_DISTANCE_M})],
    "responses": {"200": GEOJSON, **errors(400, 422, **{"404": POSTCODE_NOT_FOUND})}})
def nearest_facilities():
    from . import facilities
    return http.ok(facilities.nearest(http.deps(), http.query()), headers={"Content-Type": "application/geo+json"})
