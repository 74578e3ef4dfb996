"""The OpenAPI 3 description of the API, served at /openapi.json.

Written as data beside the routes; a test fails when a route in app.py is
missing here, so the two cannot drift apart silently.
"""
from .. import states

ERROR = {"$ref": "#/components/schemas/Error"}
ID = {"name": "report_id", "in": "path", "required": True, "schema": {"type": "string", "example": "DS-7K3F9Q"}}


def _q(name, description, required=False, schema=None):
    return {"name": name, "in": "query", "required": required, "description": description,
            "schema": schema or {"type": "string"}}


def _json(schema_ref, description="OK"):
    return {"description": description, "content": {"application/json": {"schema": {"$ref": schema_ref}}}}


def _errors(*codes):
    text = {400: "Invalid input", 401: "Missing, invalid or expired token", 403: "Forbidden",
            404: "Not found", 409: "Conflict", 413: "Too large", 422: "Valid but unacceptable",
            429: "Too many attempts (see Retry-After)", 503: "Unavailable"}
    return {str(c): {"description": text[c], "content": {"application/json": {"schema": ERROR}}} for c in codes}


GEOJSON = {"description": "GeoJSON FeatureCollection (RFC 7946)",
           "headers": {"Server-Timing": {"description": 'dynamodb;dur=<ms>;desc="queries=<n> items=<m>"',
                                         "schema": {"type": "string"}}},
           "content": {"application/geo+json": {"schema": {"$ref": "#/components/schemas/FeatureCollection"}}}}

# Where the caller is: a point, or a postcode for people who will not share one.
POINT_OR_POSTCODE = [_q("lat", "latitude (with lon; or give postcode)", schema={"type": "number"}),
                     _q("lon", "longitude (with lat)", schema={"type": "number"}),
                     _q("postcode", "a UK postcode instead of lat/lon (any case or spacing): "
                                    "the centre of its known addresses")]
POSTCODE_NOT_FOUND = {"404": {**_errors(404)["404"], "description": "No addresses are known at that "
                                                                    "postcode (code postcode_not_found)"}}

UPRN = {"name": "uprn", "in": "path", "required": True,
        "schema": {"type": "string", "pattern": "^[0-9]{1,12}$", "example": "990000000001"}}
PLACE_NOT_FOUND = {"404": {**_errors(404)["404"], "description": "No property with that UPRN "
                                                                "(code place_not_found)"}}


def _anon(summary, body_schema, status, result, errors=()):
    op = {"summary": summary, "responses": {status: _result(result), **_errors(*errors)}}
    if body_schema:
        op["requestBody"] = {"required": True, "content": {"application/json": {
            "schema": {"$ref": f"#/components/schemas/{body_schema}"}}}}
    return op


def _signed_in(summary, body_schema, status, result, errors=()):
    op = _anon(summary, body_schema, status, result, tuple(sorted({401, 403, *errors})))
    op["security"] = [{"bearer": []}]
    return op


def _result(result):
    if result.startswith("#/"):
        return _json(result)
    return {"description": result}


PATHS = {
    "/v1/health": {"get": {"summary": "Liveness and storage reachability",
                           "responses": {"200": {"description": "Healthy"}, "503": {"description": "Storage unreachable"}}}},
    "/v1/services": {"get": {"summary": "Report categories with groups, keywords and extra fields",
                             "responses": {"200": _json("#/components/schemas/ServiceList")}}},
    "/v1/services/{service_code}": {"get": {
        "summary": "One report category",
        "parameters": [{"name": "service_code", "in": "path", "required": True, "schema": {"type": "string"}}],
        "responses": {"200": _json("#/components/schemas/Service"), **_errors(404)}}},
    "/v1/uploads": {"post": {
        "summary": "Start a photo upload: a presigned S3 form POST",
        "requestBody": {"required": True, "content": {"application/json": {"schema": {
            "type": "object", "required": ["content_type", "size"],
            "properties": {"content_type": {"type": "string", "enum": ["image/jpeg", "image/png", "image/webp", "image/gif"]},
                           "size": {"type": "integer", "minimum": 1, "maximum": 10485760}}}}}},
        "responses": {"201": _json("#/components/schemas/Upload", "Created"), **_errors(400, 413)}}},
    "/v1/photos/{name}": {"get": {
        "summary": "A report photo (cleaned of metadata): redirects to the image",
        "parameters": [{"name": "name", "in": "path", "required": True, "schema": {"type": "string"}}],
        "responses": {"302": {"description": "Redirect to the image"}, **_errors(404)}}},
    "/v1/reports": {
        "post": {
            "summary": "Create a report (idempotent with Idempotency-Key)",
            "parameters": [{"name": "Idempotency-Key", "in": "header", "required": False,
                            "description": "Same key and body: the same report again. Same key, other body: 422.",
                            "schema": {"type": "string", "maxLength": 255}}],
            "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NewReport"}}}},
            "responses": {"201": _json("#/components/schemas/Report", "Created (or replayed)"),
                          **_errors(400, 409, 422)}},
        "get": {
            "summary": "Reports in a bounding box, for the map",
            "parameters": [
                _q("bbox", "w,s,e,n in degrees (longitude first)", True),
                _q("status", "open (default), closed, all, or a comma list of states"),
                _q("service_code", "comma list of service codes"),
                _q("since", "only reports updated since this ISO 8601 date-time"),
                _q("limit", "at most this many features (capped); `truncated` says when more exist",
                   schema={"type": "integer", "minimum": 1}),
            ],
            "responses": {"200": GEOJSON, **_errors(400), **POSTCODE_NOT_FOUND}}},
    "/v1/reports/nearby": {"get": {
        "summary": "Open reports near a point, for duplicate suggestions",
        "parameters": [_q("lat", "latitude", True, {"type": "number"}), _q("lon", "longitude", True, {"type": "number"}),
                       _q("service_code", "only this category; also sets the default radius"),
                       _q("radius_m", "search radius in metres (max 500)", schema={"type": "number"})],
        "responses": {"200": GEOJSON, **_errors(400)}}},
    "/v1/reports/{report_id}": {"get": {
        "summary": "One report: the public view, or the private view with ?token=",
        "parameters": [ID, _q("token", "the tracking token returned at creation")],
        "responses": {"200": _json("#/components/schemas/Report"), **_errors(403, 404)}}},
    "/v1/reports/{report_id}/updates": {"get": {
        "summary": "The report's timeline",
        "parameters": [ID],
        "responses": {"200": _json("#/components/schemas/Timeline"), **_errors(404)}}},
    "/v1/places": {"get": {
        "summary": "The addresses at a postcode, with their point and ward",
        "parameters": [_q("postcode", "a UK postcode, any case and spacing (yo17hh is YO1 7HH)", True)],
        "responses": {"200": _json("#/components/schemas/Places"),
                      "400": _errors(400)["400"],
                      "404": {**_errors(404)["404"], "description": "No addresses at that postcode "
                                                                    "(code postcode_not_found)"}}}},
    "/v1/facility-types": {"get": {
        "summary": "The facility types on offer (library, recycling_centre...) with how many of each",
        "responses": {"200": _json("#/components/schemas/FacilityTypes")}}},
    "/v1/nearest": {"get": {
        "summary": "The k nearest facilities of one type, nearest first (distance_m in properties)",
        "parameters": [*POINT_OR_POSTCODE,
                       _q("type", "a facility type from /v1/facility-types", True),
                       _q("k", "how many (1 to 50, default 5)", schema={"type": "integer", "minimum": 1,
                                                                      "maximum": 50, "default": 5}),
                       _q("max_distance_m", "only facilities within this distance (max 50000)",
                          schema={"type": "number", "minimum": 1, "maximum": 50000})],
        "responses": {"200": GEOJSON, **_errors(400)}}},
    "/openapi.json": {"get": {"summary": "This document", "responses": {"200": {"description": "OpenAPI 3"}}}},
    "/v1/auth/register": {"post": _anon("Create an account (the answer is the same whether or not the "
                                        "address is registered; a verification e-mail follows)",
                                        "Register", "202", "Accepted", (400, 429))},
    "/v1/auth/login": {"post": _anon("Sign in with e-mail and password", "Login", "200",
                                     "#/components/schemas/Tokens", (400, 401, 429))},
    "/v1/auth/refresh": {"post": _anon("Swap a refresh token for new tokens (it rotates: each works once)",
                                       "RefreshToken", "200", "#/components/schemas/Tokens", (400, 401))},
    "/v1/auth/logout": {"post": _anon("End the session of this refresh token", "RefreshToken", "204",
                                      "Signed out", (400,))},
    "/v1/auth/verify": {"post": _anon("Confirm an e-mail address with the token from the e-mail; claims "
                                      "earlier anonymous reports made with it", "OneTimeToken", "200",
                                      "Verified", (400,))},
    "/v1/auth/verify/resend": {"post": _signed_in("Send the verification e-mail again", None, "202", "Accepted",
                                                  (429,))},
    "/v1/auth/password-reset": {"post": _anon("Send a password reset link (same answer for any address)",
                                              "ResetRequest", "202", "Accepted", (400, 429))},
    "/v1/auth/password-reset/confirm": {"post": _anon("Set a new password with the token from the e-mail; "
                                                      "ends every session", "ResetConfirm", "200", "Changed", (400,))},
    "/v1/auth/oidc": {"post": _anon("Exchange a token from a trusted sign-in provider (OIDC) for a session",
                                    "ExternalToken", "200", "#/components/schemas/Tokens", (400, 401, 503))},
    "/v1/me": {
        "get": _signed_in("My profile", None, "200", "#/components/schemas/Profile"),
        "patch": _signed_in("Change my name, phone, address, UPRN or notification preferences",
                            "ProfileUpdate", "200", "#/components/schemas/Profile", (400,)),
        "delete": _signed_in("Erase my personal data; my reports stay, anonymised", None, "204", "Erased"),
    },
    "/v1/me/reports": {"get": _signed_in("My reports, including anonymous ones claimed on verification",
                                         None, "200", "My reports")},
    "/v1/me/export": {"get": _signed_in("Everything held about me, as JSON (subject access request)",
                                        None, "200", "Export")},
    "/v1/staff/reports/{report_id}": {"patch": {**_signed_in(
        "Staff: set state, priority or add a public update (written to the timeline)", "StaffUpdate", "200",
        "#/components/schemas/Report", (400, 404, 409)), "parameters": [ID]}},
    "/v1/feeds/reports.rss": {"get": {
        "summary": "RSS 2.0: the 50 newest open reports within radius_m of a point or in a ward (ward=), "
                   "or one report's timeline (report=); no personal data",
        "parameters": [_q("lat", "latitude (with lon; or give report)", schema={"type": "number"}),
                       _q("lon", "longitude (with lat)", schema={"type": "number"}),
                       _q("radius_m", "radius in metres (50 to 5000, default 1000)",
                          schema={"type": "number", "minimum": 50, "maximum": 5000, "default": 1000}),
                       _q("report", "a report id: that report's timeline instead of an area"),
                       _q("ward", "a ward id (see /v1/councillors): reports inside that ward instead")],
        "responses": {"200": {"description": "RSS 2.0 with georss:point per item; ETag, and 304 for a "
                                             "matching If-None-Match",
                              "content": {"application/rss+xml": {"schema": {"type": "string"}}}},
                      "304": {"description": "Not modified"}, **_errors(400, 404, 422)}}},
    "/v1/councillors": {"get": {
        "summary": "The ward at a point or postcode and its councillors (public office contact details)",
        "parameters": POINT_OR_POSTCODE,
        "responses": {"200": {**_json("#/components/schemas/Councillors"), "headers": GEOJSON["headers"]},
                      **_errors(400),
                      "404": {**POSTCODE_NOT_FOUND["404"], "description": "No ward covers the point (code "
                              "no_ward), or no addresses are known at the postcode (code postcode_not_found)"}}}},
    "/v1/places/{uprn}": {"get": {
        "summary": "One property: address, ward and councillors, next bin collections per stream, "
                   "council tax band, and the nearest facility of each main type",
        "parameters": [UPRN],
        "responses": {"200": {**_json("#/components/schemas/Place"), "headers": GEOJSON["headers"]},
                      **_errors(400), **PLACE_NOT_FOUND}}},
    "/v1/places/{uprn}/bins.ics": {"get": {
        "summary": "The property's bin collections for the coming year as an iCalendar (RFC 5545) feed "
                   "to subscribe to; honours If-None-Match (304)",
        "parameters": [UPRN, {"name": "If-None-Match", "in": "header", "required": False,
                              "schema": {"type": "string"}, "description": "an ETag from an earlier answer"}],
        "responses": {"200": {"description": "text/calendar; all-day events with stable UIDs",
                              "headers": {"ETag": {"schema": {"type": "string"}},
                                          "Cache-Control": {"schema": {"type": "string"}}},
                              "content": {"text/calendar": {"schema": {"type": "string"}}}},
                      "304": {"description": "Not modified since the ETag given"},
                      **_errors(400), **PLACE_NOT_FOUND}}},
    "/v1/push/vapid-public-key": {"get": {
        "summary": "The VAPID public key (RFC 8292) to pass as applicationServerKey to PushManager.subscribe()",
        "responses": {"200": _json("#/components/schemas/VapidPublicKey"), **_errors(503)}}},
}

def _obj(required, **props):
    schema = {"type": "object", "properties": {k: {"type": v} for k, v in props.items()}}
    if required:
        schema["required"] = list(required)  # OpenAPI 3.0 forbids an empty list
    return schema


SCHEMAS = {
    "Register": _obj(["email", "password", "name"], email="string", password="string", name="string"),
    "Login": _obj(["email", "password"], email="string", password="string"),
    "RefreshToken": _obj(["refresh_token"], refresh_token="string"),
    "OneTimeToken": _obj(["token"], token="string"),
    "ResetRequest": _obj(["email"], email="string"),
    "ResetConfirm": _obj(["token", "password"], token="string", password="string"),
    "ExternalToken": _obj(["token"], token="string"),
    "Tokens": _obj(["access_token", "refresh_token", "token_type", "expires_in"], access_token="string",
                   refresh_token="string", token_type="string", expires_in="integer"),
    "Profile": _obj(["id"], id="string", email="string", email_verified="boolean", name="string",
                    phone="string", address="string", uprn="string", notifications="object", role="string"),
    "ProfileUpdate": _obj([], name="string", phone="string", address="string", uprn="string",
                          notifications="object"),
    "StaffUpdate": _obj([], status="string", priority="string", public_update="string"),
    "Error": {"type": "object", "required": ["error"], "properties": {"error": {
        "type": "object", "required": ["code", "message"],
        "properties": {"code": {"type": "string"}, "message": {"type": "string"},
                       "fields": {"type": "array", "items": {"type": "object", "properties": {
                           "field": {"type": "string"}, "message": {"type": "string"}}}}}}}},
    "Service": {"type": "object", "required": ["service_code", "name"], "properties": {
        "service_code": {"type": "string"}, "name": {"type": "string"}, "group": {"type": "string"},
        "description": {"type": "string"}, "keywords": {"type": "array", "items": {"type": "string"}},
        "location": {"type": "string", "enum": ["required", "optional", "none"]},
        "private": {"type": "boolean"}, "notice": {"type": "string", "nullable": True},
        "fields": {"type": "array", "items": {"type": "object", "properties": {
            "code": {"type": "string"}, "label": {"type": "string"}, "required": {"type": "boolean"},
            "type": {"type": "string", "enum": ["text", "number", "single_choice", "multi_choice", "date"]}}}}}},
    "ServiceList": {"type": "object", "properties": {"services": {"type": "array", "items": {"$ref": "#/components/schemas/Service"}}}},
    "Upload": {"type": "object", "properties": {
        "upload_id": {"type": "string"}, "url": {"type": "string"}, "fields": {"type": "object"},
        "expires_at": {"type": "string", "format": "date-time"}, "max_bytes": {"type": "integer"}}},
    "NewReport": {"type": "object", "required": ["service_code", "description"], "properties": {
        "service_code": {"type": "string"}, "lat": {"type": "number"}, "lon": {"type": "number"},
        "description": {"type": "string", "minLength": 1, "maxLength": 4000},
        "fields": {"type": "object"}, "photos": {"type": "array", "maxItems": 6, "items": {"type": "string"}},
        "contact": {"type": "object", "properties": {
            "name": {"type": "string"}, "email": {"type": "string"}, "phone": {"type": "string"}}}}},
    "Report": {"type": "object", "required": ["id", "status"], "properties": {
        "id": {"type": "string"}, "service_code": {"type": "string"}, "service_name": {"type": "string"},
        "status": {"type": "string", "enum": list(states.LABELS)}, "status_label": {"type": "string"},
        "open": {"type": "boolean"}, "description": {"type": "string"},
        "location": {"type": "object", "properties": {"lat": {"type": "number"}, "lon": {"type": "number"}}},
        "photos": {"type": "array", "items": {"type": "string", "format": "uri"}},
        "media_urls": {"type": "array", "items": {"type": "string", "format": "uri"},
                       "description": "links an Open311 partner sent with the report (absent if none); "
                                      "not fetched or checked by Doorstep"},
        "address": {"type": "string", "maxLength": 200,
                    "description": "the problem's street address, when an Open311 partner placed the "
                                   "report by address (absent otherwise); never the reporter's"},
        "view": {"type": "string", "enum": ["public", "private"]},
        "contact": {"type": "object", "description": "private view only"},
        "tracking_token": {"type": "string", "description": "anonymous creation only"},
        "created_at": {"type": "string", "format": "date-time"}, "updated_at": {"type": "string", "format": "date-time"}}},
    "Timeline": {"type": "object", "properties": {"report_id": {"type": "string"}, "updates": {
        "type": "array", "items": {"type": "object", "properties": {
            "seq": {"type": "integer"}, "kind": {"type": "string"}, "status": {"type": "string"},
            "text": {"type": "string", "nullable": True}, "created_at": {"type": "string", "format": "date-time"}}}}}},
    "Places": {"type": "object", "required": ["postcode", "addresses"], "properties": {
        "postcode": {"type": "string", "example": "YO1 7HH"},
        "addresses": {"type": "array", "items": {"type": "object", "properties": {
            "uprn": {"type": "string"}, "address": {"type": "string"}, "lat": {"type": "number"},
            "lon": {"type": "number"}, "ward": {"type": "string", "nullable": True}}}}}},
    "Place": {"type": "object", "required": ["uprn", "address", "bins", "nearest"], "properties": {
        "uprn": {"type": "string"}, "address": {"type": "string"}, "postcode": {"type": "string"},
        "lat": {"type": "number"}, "lon": {"type": "number"},
        "ward": {"type": "object", "nullable": True, "properties": {
            "id": {"type": "string", "nullable": True}, "name": {"type": "string"}}},
        "councillors": {"type": "array", "items": {"type": "object"}},
        "council_tax_band": {"type": "string", "nullable": True, "example": "C"},
        "bins": {"type": "array", "items": {"type": "object", "properties": {
            "stream": {"type": "string", "enum": ["refuse", "recycling", "garden", "food"]},
            "label": {"type": "string"}, "round": {"type": "string"},
            "collections": {"type": "array", "items": {"type": "object", "properties": {
                "date": {"type": "string", "format": "date"}, "weekday": {"type": "string"},
                "moved_from": {"type": "string", "format": "date"}}}}}}},
        "bins_calendar_url": {"type": "string", "format": "uri"},
        "nearest": {"type": "array", "items": {"type": "object", "properties": {
            "type": {"type": "string"}, "id": {"type": "string"}, "name": {"type": "string"},
            "distance_m": {"type": "number"}, "lat": {"type": "number"}, "lon": {"type": "number"}}}}}},
    "FacilityTypes": {"type": "object", "required": ["facility_types"], "properties": {
        "facility_types": {"type": "array", "items": {"type": "object", "required": ["type", "count"], "properties": {
            "type": {"type": "string"}, "count": {"type": "integer"}}}}}},
    "FeatureCollection": {"type": "object", "required": ["type", "features"], "properties": {
        "type": {"type": "string", "enum": ["FeatureCollection"]},
        "features": {"type": "array", "items": {"type": "object"}},
        "truncated": {"type": "boolean", "description": "more reports exist in the area than were returned"}}},
    "Councillors": {"type": "object", "required": ["ward", "councillors"], "properties": {
        "ward": {"type": "object", "required": ["id", "name"], "properties": {
            "id": {"type": "string", "example": "micklegate"}, "name": {"type": "string", "example": "Micklegate"}}},
        "councillors": {"type": "array", "items": {
            "type": "object", "required": ["name", "party", "email", "phone", "surgery"], "properties": {
                "name": {"type": "string"}, "party": {"type": "string"},
                "email": {"type": "string", "format": "email", "example": "cllr.maya.thirsk@example.org"},
                "phone": {"type": "string", "nullable": True},
                "surgery": {"type": "string", "nullable": True, "description": "when and where they meet residents"}}}}}},
    "VapidPublicKey": {"type": "object", "required": ["public_key"], "properties": {"public_key": {
        "type": "string", "description": "uncompressed P-256 point (65 bytes), base64url without padding"}}},
}


def spec(app=None):
    from ..handlers.alerts import schemas_alerts as alerts
    from ..handlers.alerts import schemas_broadcasts as broadcasts
    from ..handlers.open311 import schemas as open311
    return {
        "openapi": "3.0.3",
        "info": {"title": "Doorstep API", "version": "1.0.0",
                 "description": "Report street problems, track them, and find council services."},
        "paths": {**PATHS, **open311.PATHS, **alerts.PATHS, **broadcasts.PATHS},
        "components": {"schemas": {**SCHEMAS, **open311.SCHEMAS, **alerts.SCHEMAS, **broadcasts.SCHEMAS}, "securitySchemes": {"bearer": {
            "type": "http", "scheme": "bearer", "bearerFormat": "JWT",
            "description": "Access token from /v1/auth/login, /refresh or /oidc (15 minutes)."}}},
    }
