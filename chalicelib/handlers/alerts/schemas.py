"""The alerts and broadcasts routes' OpenAPI components (loaded only to build /openapi.json)."""
from ...api.openapi import REPORT_REFERENCE, SERVICE_CODE, identifier
from ...validation import EMAIL, PHONE_SCHEMA, SOME_TEXT, token_schema
from .limits import (BODY_MAX, BROADCAST_RADIUS_MAX_M, BROADCAST_RADIUS_MIN_M, CHANNELS, JOBS_RADIUS_DEFAULT_M,
                     JOBS_RADIUS_MAX_M, JOBS_RADIUS_MIN_M, KINDS, MAX_ENDPOINT, MEETING_TOPIC_PATTERN, MAX_VERTICES,
                     MAX_WARDS, PLANNING_TYPES, RADIUS_DOCUMENT_M, RADIUS_MAX_M, RADIUS_MIN_M, TITLE_MAX, TOKEN_MAX, TOPICS,
                     URL_MAX, WARD_PATTERN)

POLYGON_DESCRIPTION = (f"GeoJSON Polygon or MultiPolygon, rings closed (else 422), at most {MAX_VERTICES} positions "
                       "in all (else 422)")

ALERT = "#/components/schemas/Alert"
BROADCAST = "#/components/schemas/Broadcast"
TOPIC = {"type": "string", "enum": list(TOPICS)}
LAT = {"type": "number", "minimum": -90, "maximum": 90}
LON = {"type": "number", "minimum": -180, "maximum": 180}
_CIRCLE = {"lat": LAT, "lon": LON, "radius_m": {"type": "number", "minimum": RADIUS_MIN_M, "maximum": RADIUS_MAX_M}}
BROADCAST_CIRCLE = {"type": "object", "required": ["lat", "lon", "radius_m"], "properties": {
    "lat": LAT, "lon": LON,
    "radius_m": {"type": "number", "minimum": BROADCAST_RADIUS_MIN_M, "maximum": BROADCAST_RADIUS_MAX_M}}}
TARGET = {"type": "object", "description": "exactly one of wards, polygon or circle", "properties": {
    "wards": {"type": "array", "items": {"type": "string"}, "minItems": 1, "maxItems": MAX_WARDS,
              "description": "ward ids (as GET /v1/councillors gives them)"},
    "polygon": {"type": "object", "description": "GeoJSON Polygon or MultiPolygon reaching into the council area"},
    "circle": BROADCAST_CIRCLE}}
# A broadcast's target as sent, stated as broadcast_targets.py checks it (else 400). That each ring is
# closed, that all the rings hold at most MAX_VERTICES positions, and that the shape is not far larger
# than the council's area are rules in words (422), as is reaching into the area.
_POSITION = {"type": "array", "minItems": 2, "maxItems": 3, "description": "[lon, lat]",
             "items": {"type": "number", "minimum": -90, "maximum": 90}}  # lon within ±90 here: a UK council
_RINGS = {"type": "array", "minItems": 1, "items": {"type": "array", "minItems": 4, "items": _POSITION}}
_POLYGON = {"type": "object", "required": ["type", "coordinates"], "description": POLYGON_DESCRIPTION,
            "oneOf": [{"properties": {"type": {"type": "string", "enum": ["Polygon"]}, "coordinates": _RINGS}},
                      {"properties": {"type": {"type": "string", "enum": ["MultiPolygon"]},
                                      "coordinates": {"type": "array", "minItems": 1, "items": _RINGS}}}]}
_WARD_IDS = {"type": "array", "minItems": 1, "maxItems": MAX_WARDS, "description": "ward ids (unknown: 404)",
             "items": {"type": "string", "minLength": 1, "maxLength": 100, "pattern": SOME_TEXT}}
TARGET_NEW = {"description": "exactly one of wards, polygon or circle", "oneOf": [
    {"type": "object", "required": [key], "additionalProperties": False, "properties": {key: schema}}
    for key, schema in (("wards", _WARD_IDS), ("polygon", _POLYGON), ("circle", BROADCAST_CIRCLE))]}

PLANNING_FILTERS = {
    "planning_types": {"type": "array", "minItems": 1, "uniqueItems": True,
                       "items": {"type": "string", "enum": list(PLANNING_TYPES)},
                       "description": "kind area: planning applications of these types only (absent: every type)"},
    "planning_open_only": {"type": "boolean", "description": "kind area: planning applications only while "
                                                             "comments on them are open (default false)"}}

SCHEMAS = {
    "NewAlert": {"type": "object", "required": ["kind", "channels"], "properties": {
        "kind": {"type": "string", "enum": list(KINDS)},
        "channels": {"type": "array", "minItems": 1, "uniqueItems": True,
                     "items": {"type": "string", "enum": list(CHANNELS)}},
        "push_subscription": {"type": "object", "required": ["endpoint", "keys"],
                              "description": "the browser's PushSubscription.toJSON(): a push service's https "
                                             "URL and an RFC 8291 P-256 key and secret (else 422)",
                              "properties": {"endpoint": {"type": "string", "format": "uri",
                                                          "maxLength": MAX_ENDPOINT},
                                             "keys": {"type": "object", "properties": {
                                                 "p256dh": {"type": "string"}, "auth": {"type": "string"}}}}},
        "email": {"type": "string", "pattern": EMAIL.pattern, "maxLength": 254},
        "phone": {**PHONE_SCHEMA},
        "report_id": identifier("kind report", REPORT_REFERENCE, 20), **_CIRCLE,
        "application_id": identifier("kind planning: a planning application's id (its reference with - for /)",
                                     "^[a-z0-9][a-z0-9-]{0,79}$", 80),
        "radius_m": {"type": "number", "minimum": RADIUS_DOCUMENT_M[0], "maximum": RADIUS_DOCUMENT_M[1],
                     "description": f"area, category, broadcast: {RADIUS_MIN_M}-{RADIUS_MAX_M}; jobs: "
                                    f"{JOBS_RADIUS_MIN_M}-{JOBS_RADIUS_MAX_M}, default {JOBS_RADIUS_DEFAULT_M} "
                                    f"(else 422)"},
        "urgent_near_only": {"type": "boolean", "description": "kind jobs, with lat and lon (the crew member's "
                                                               "point): told only of urgent jobs within radius_m"},
        "include_updates": {"type": "boolean", "description": "kind area: also told when a report in the area "
                                                              "changes status or the council adds a public update "
                                                              "(default false: new reports only)"},
        "ward": {"type": "string", "pattern": WARD_PATTERN,
                 "description": "a ward id (GET /v1/councillors): kind ward, or a broadcast's place"},
        "service_code": identifier("kind category", SERVICE_CODE, 100),
        "petitions": {"type": "boolean", "description": "kind area or ward: also told of new petitions "
                                                        "published there (default false)"},
        "area": {"type": "object", "properties": _CIRCLE, "description": "kind category: only within it"},
        **PLANNING_FILTERS,
        "topics": {"type": "array", "minItems": 1, "uniqueItems": True, "items": TOPIC,
                   "description": "kind broadcast, with a ward or lat/lon/radius_m"},
        "committee": {"type": "string", "pattern": "^[0-9]{1,12}$",
                      "description": "kind meetings: a committee's id (GET /v1/committees)"},
        "topic": {"type": "string", "pattern": MEETING_TOPIC_PATTERN,
                  "description": "kind meetings: a topic of the meetings' mapping"}},
        "description": "Each kind needs its own fields (report: report_id; area: lat, lon, radius_m; ward: "
                       "ward; category: service_code of a category residents may follow; broadcast: topics "
                       "and a ward or a circle; jobs: signed in as crew, optionally lat and lon with "
                       "radius_m and urgent_near_only; "
                       "meetings: one of committee, ward or topic), and each channel its address (push_subscription, "
                       "email, phone); without them, 422. A place outside the council's area: 422"},
    "AlertToken": {"type": "object", "required": ["token"], "properties": {
        "token": token_schema(TOKEN_MAX)}},
    "Alert": {"type": "object", "required": ["id", "kind", "channels", "confirmed"], "properties": {
        "id": {"type": "string"}, "kind": {"type": "string"},
        "channels": {"type": "array", "items": {"type": "string"}},
        "confirmed": {"type": "boolean"}, "pending": {"type": "array", "items": {"type": "string"}},
        "report_id": {"type": "string"}, **_CIRCLE, "ward": {"type": "string"},
        "radius_m": {"type": "number", "minimum": RADIUS_DOCUMENT_M[0], "maximum": RADIUS_DOCUMENT_M[1]},
        "ward_name": {"type": "string", "description": "the ward's name when the alert was made"},
        "service_code": {"type": "string"}, "area": {"type": "object", "properties": _CIRCLE},
        "topics": {"type": "array", "items": TOPIC},
        "team": {"type": "string", "description": "kind jobs: the crew member's team"},
        "urgent_near_only": {"type": "boolean"},
        "petitions": {"type": "boolean", "description": "kind area or ward: new petitions there too"},
        "include_updates": {"type": "boolean", "description": "kind area: updates too (absent: new reports only)"},
        **PLANNING_FILTERS,
        "located_at": {"type": "string", "format": "date-time",
                       "description": "kind jobs: when the crew member was at lat/lon (their own alerts only)"},
        "email": {"type": "string"}, "phone": {"type": "string"}, "push_endpoint": {"type": "string"},
        "management_token": {"type": "string", "description": "anonymous subscribers, once: keep it to "
                                                              "list or delete this alert"},
        "created_at": {"type": "string", "format": "date-time"}}},
    "AlertList": {"type": "object", "properties": {"alerts": {"type": "array", "items": {"$ref": ALERT}}}},
    "VapidPublicKey": {"type": "object", "required": ["public_key"], "properties": {"public_key": {
        "type": "string", "description": "uncompressed P-256 point (65 bytes), base64url without padding"}}},
    "NewBroadcast": {"type": "object", "required": ["target", "topic", "title", "body"], "properties": {
        "target": TARGET_NEW, "topic": TOPIC,
        # As the server reads them: their ends' spaces left out, the title at least 3 characters still.
        "title": {"type": "string", "minLength": 3, "maxLength": TITLE_MAX,
                  "pattern": rf"{SOME_TEXT}[\s\S]+{SOME_TEXT}"},
        "body": {"type": "string", "minLength": 1, "maxLength": BODY_MAX, "pattern": SOME_TEXT},
        "url": {"type": "string", "format": "uri", "maxLength": URL_MAX, "pattern": r"^https?://[^/\s]+\S*$",
                "description": "a web page (http or https) with more"}}},
    "Broadcast": {"type": "object", "required": ["id", "topic", "title", "body", "created_at"],
                  "description": "staff see every property; anyone else the news alone (no author, "
                                 "target, status or counts)", "properties": {
        "id": {"type": "string"}, "target": TARGET, "topic": TOPIC, "title": {"type": "string"},
        "body": {"type": "string"}, "url": {"type": "string", "nullable": True},
        "created_at": {"type": "string", "format": "date-time"},
        "author": {"type": "string", "description": "the staff member's user id"},
        "status": {"type": "string", "enum": ["queued", "sent"]},
        "told": {"type": "integer", "description": "messages delivered"},
        "failed": {"type": "integer", "description": "messages that could not be delivered"},
        "dispatched_at": {"type": "string", "format": "date-time", "nullable": True}}},
    "BroadcastList": {"type": "object", "required": ["broadcasts", "next"], "properties": {
        "broadcasts": {"type": "array", "items": {"$ref": BROADCAST}},
        "next": {"type": "string", "nullable": True, "description": "give as ?after= for the next page"}}},
}
