"""The staff broadcast routes' part of the OpenAPI description (merged by openapi.spec)."""
from ...api.openapi import _q, _signed_in

BROADCAST = "#/components/schemas/Broadcast"
TOPIC = {"type": "string", "enum": ["bins", "roads", "emergencies"]}
_CIRCLE = {"type": "object", "required": ["lat", "lon", "radius_m"], "properties": {
    "lat": {"type": "number"}, "lon": {"type": "number"},
    "radius_m": {"type": "number", "minimum": 50, "maximum": 20000}}}
TARGET = {"type": "object", "description": "exactly one of wards, polygon or circle", "properties": {
    "wards": {"type": "array", "items": {"type": "string"}, "minItems": 1, "maxItems": 50,
              "description": "ward ids (as GET /v1/councillors gives them)"},
    "polygon": {"type": "object", "description": "GeoJSON Polygon or MultiPolygon reaching into the council area"},
    "circle": _CIRCLE}}

PATHS = {
    "/v1/broadcasts": {
        "post": {**_signed_in(
            "Staff: send council news on a topic to its followers in a ward, polygon or circle. At most 5 an "
            "hour per topic and 12 an hour per staff member (429 with Retry-After); an Idempotency-Key "
            "makes a retry answer the first broadcast", "NewBroadcast", "201", BROADCAST, (400, 404, 422, 429)),
            "parameters": [{"name": "Idempotency-Key", "in": "header", "required": False,
                            "schema": {"type": "string", "minLength": 8, "maxLength": 255}}]},
        "get": {**_signed_in("Staff: the broadcast audit log, newest first", None, "200",
                             "#/components/schemas/BroadcastList", (400,)),
                "parameters": [_q("limit", "1 to 100 (default 20)", schema={"type": "integer"}),
                               _q("after", "the previous page's `next`")]},
    },
    "/v1/broadcasts/{broadcast_id}": {"get": {
        **_signed_in("Staff: one broadcast and how many were told", None, "200", BROADCAST, (404,)),
        "parameters": [{"name": "broadcast_id", "in": "path", "required": True, "schema": {"type": "string"}}]}},
}

SCHEMAS = {
    "NewBroadcast": {"type": "object", "required": ["target", "topic", "title", "body"], "properties": {
        "target": TARGET, "topic": TOPIC,
        "title": {"type": "string", "minLength": 3, "maxLength": 120},
        "body": {"type": "string", "minLength": 1, "maxLength": 1000},
        "url": {"type": "string", "format": "uri", "maxLength": 500}}},
    "Broadcast": {"type": "object", "required": ["id", "target", "topic", "title", "body", "created_at", "author",
                                                 "status"], "properties": {
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
