"""The OpenAPI 3 description of the API, served at /openapi.json.

Built from the route registry: each route carries its operation, each
capability its component schemas (its `schemas` module), and the access rule
adds the bearer requirement and the 401/403 answers. The helpers below keep
the operations short where they are declared; they import nothing heavy, as
route tables are read on every cold start.
"""
import importlib

from ..validation import SOME_TEXT

ERROR = {"$ref": "#/components/schemas/Error"}
ERROR_TEXT = {400: "Invalid input", 401: "Missing, invalid or expired token", 403: "Forbidden",
              404: "Not found", 409: "Conflict", 413: "Too large", 422: "Valid but unacceptable",
              428: "If-Match required", 429: "Too many attempts (see Retry-After)",
              502: "An outside system answered badly", 503: "Unavailable"}


def q(name, description, required=False, schema=None):
    """A query parameter."""
    return {"name": name, "in": "query", "required": required, "description": description,
            "schema": schema or {"type": "string"}}


def path_param(name, schema=None):
    return {"name": name, "in": "path", "required": True, "schema": schema or {"type": "string"}}


ID_PATTERN = r"^[A-Za-z0-9_.:@+-]+$"  # slugs, opaque hex, tokens (URL-safe base64, dotted)
ID_MAX = 128
REPORT_REFERENCE = r"^[A-Za-z0-9 \t-]+$"  # as a person types it: "ds-7k3f9q", " DS 7K3F9Q"
SERVICE_CODE = r"^[^\x00-\x1f\x7f]+$"  # a partner's codes may hold spaces; never control characters


def identifier(description=None, pattern=ID_PATTERN, max_length=ID_MAX, **more):
    """A body field or query parameter naming something by id: api/edge.py
    checks its type, length and pattern before the view reads it (400)."""
    schema = {"type": "string", "minLength": 1, "maxLength": max_length, "pattern": pattern,
              "x-identifier": True, **more}
    return {**schema, "description": description} if description else schema


def ref(name):
    return f"#/components/schemas/{name}"


def json_response(schema_ref, description="OK"):
    return {"description": description, "content": {"application/json": {"schema": {"$ref": schema_ref}}}}


def errors(*codes, **described):
    """Error responses in the one error shape; described: {"404": "text"} overrides a description."""
    out = {str(c): {"description": ERROR_TEXT[c], "content": {"application/json": {"schema": ERROR}}}
           for c in codes}
    for status, text in described.items():
        out[status] = {**errors(int(status))[status], "description": text}
    return out


# The ETag an If-Match names, as handlers/shared/versions.py reads it (around it, spaces are
# let be): a version, quoted or not, weak or not. "*" names no version: 428, as missing.
ETAG_PATTERN = r'^(?:W/)?"?([0-9]{1,12})"?$'
# An Idempotency-Key as handlers/shared/idempotency.py checks it, spaces around it stripped:
# anonymous callers share one key space, so their keys must be long enough not to be guessed.
KEY_MIN_SIGNED_IN, KEY_MIN_ANONYMOUS, KEY_MAX = 8, 16, 255
KEY_PATTERN = rf"^{SOME_TEXT}.*{SOME_TEXT}$"  # nothing to strip: its length is what is counted


def if_match(thing="item", stale="stale: 409 with the item as it is now", required=True):
    """The If-Match header a change to a shared thing must send (every If-Match in the document)."""
    return {"name": "If-Match", "in": "header", "required": required,
            "schema": {"type": "string", "pattern": ETAG_PATTERN, "example": '"3"'},
            "description": f"the ETag the {thing} was read with; missing or *: 428, {stale}"}


# An Access-Reason as handlers/shared/reading.py checks it: printable ASCII as typed, any other character
# (and % itself) percent-encoded as UTF-8, with at least one character that is neither a space nor encoded.
REASON_UNIT = r"(?:[ -$&-~]|%[0-9A-Fa-f]{2})"
REASON_PATTERN = rf"^{REASON_UNIT}*[!-$&-~]{REASON_UNIT}*$"
REASON_MIN, REASON_MAX = 5, 1200  # as sent: 300 characters typed, each of up to 4 UTF-8 bytes encoded


def access_reason(what, required=True, without=None):
    """The Access-Reason header an officer opening a person's data sends (handlers/shared/reading.py): why,
    in the officer's words, kept in the audit with the reading. A header, so it reaches no access log.
    `without`: what an officer who sends none is answered, where that is not a 400."""
    when = (f"without it, {without}" if without else "400 without it" if required
            else "an officer without it: 400 (its resident needs none)")
    return {"name": "Access-Reason", "in": "header", "required": required,
            "schema": {"type": "string", "minLength": REASON_MIN, "maxLength": REASON_MAX, "pattern": REASON_PATTERN,
                       "example": "Caller on the phone about their report"},
            "description": f"why the officer opens {what}, as typed: printable ASCII as it is, any other character "
                           f"(and %) percent-encoded as UTF-8; kept in the audit with the reading; {when}"}


def idempotency_key(description="the same key and body answer what the first request made; "
                                "the same key with another body: 422", anonymous=False, required=False,
                    least=None, most=KEY_MAX):
    """The Idempotency-Key header of a creating request (every one in the document). `anonymous`:
    the operation takes callers without an account, whose keys need KEY_MIN_ANONYMOUS characters.
    `least`, `most`: an operation whose handler checks its key itself (repairs' follow-on)."""
    least = least or (KEY_MIN_ANONYMOUS if anonymous else KEY_MIN_SIGNED_IN)
    return {"name": "Idempotency-Key", "in": "header", "required": required, "description": description,
            "schema": {"type": "string", "minLength": least, "maxLength": most, "pattern": KEY_PATTERN}}


def with_etag(doc, status="200", thing="item"):
    """`doc`'s answer at `status` carries the thing's ETag (for the next If-Match)."""
    doc["responses"][status] = {**doc["responses"][status], "headers": {"ETag": {
        "description": f"the {thing}'s version, for If-Match", "schema": {"type": "string"}}}}
    return doc


def operation(summary, body_schema, status, result, error_codes=()):
    """{summary, requestBody (a component), responses}: `result` is a schema ref or a description."""
    result = json_response(result) if result.startswith("#/") else {"description": result}
    op = {"summary": summary, "responses": {status: result, **errors(*error_codes)}}
    if body_schema:
        op["requestBody"] = {"required": True, "content": {"application/json": {
            "schema": {"$ref": ref(body_schema)}}}}
    return op


GEOJSON = {"description": "GeoJSON FeatureCollection (RFC 7946)",
           "headers": {"Server-Timing": {"description": 'dynamodb;dur=<ms>;desc="queries=<n> items=<m>"; the map '
                                                        'adds councils;desc="<the councils whose reports it read>"',
                                         "schema": {"type": "string"}}},
           "content": {"application/geo+json": {"schema": {"$ref": ref("FeatureCollection")}}}}

SCHEMAS = {
    "Error": {"type": "object", "required": ["error"], "properties": {"error": {
        "type": "object", "required": ["code", "message"],
        "properties": {"code": {"type": "string"}, "message": {"type": "string"},
                       "fields": {"type": "array", "items": {"type": "object", "properties": {
                           "field": {"type": "string"}, "message": {"type": "string"}}}},
                       "report_at": {"type": "object", "description": "a point this council does not look "
                                     "after: where it can be reported instead (another council of this service, "
                                     "or FixMyStreet)", "required": ["name", "url"], "properties": {
                                         "council": {"type": "string"}, "name": {"type": "string"},
                                         "url": {"type": "string", "format": "uri"}}},
                       "instead": {"type": "object", "description": "a service this council does not provide "
                                   "(provided_elsewhere): who does, and how to reach them", "required": ["name"],
                                   "properties": {"name": {"type": "string"}, "phone": {"type": "string"},
                                                  "website": {"type": "string", "format": "uri"}}}}}}},
    "FeatureCollection": {"type": "object", "required": ["type", "features"], "properties": {
        "type": {"type": "string", "enum": ["FeatureCollection"]},
        "features": {"type": "array", "items": {"type": "object"}},
        "truncated": {"type": "boolean", "description": "more reports exist in the area than were returned"}}},
}
SECURITY_SCHEMES = {"bearer": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT",
                               "description": "Access token from /v1/auth/login, /refresh or /oidc (15 minutes)."}}


def document(registry):
    from ..auth.rules import ANYONE
    paths, schemas = {}, dict(SCHEMAS)
    for table in registry.tables:
        if table.schemas:
            schemas.update(importlib.import_module(table.schemas).SCHEMAS)
    for route in registry.routes.values():
        if route.doc.get("x-internal"):
            continue
        op = dict(route.doc)
        if route.access != ANYONE:
            op["security"] = [{"bearer": []}]
            op["responses"] = {**op["responses"], **errors(401, 403)}
        paths.setdefault(route.path, {})[route.method.lower()] = op
    return {
        "openapi": "3.0.3",
        "info": {"title": "Doorstep API", "version": "1.0.0",
                 "description": "Report street problems, track them, and find council services."},
        "paths": paths,
        "components": {"schemas": schemas, "securitySchemes": SECURITY_SCHEMES},
    }
