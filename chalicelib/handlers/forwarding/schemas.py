"""Forwarding's OpenAPI components (loaded only to build /openapi.json)."""
from ...api.openapi import identifier
from ..bodies.limits import BODY_ID
from ..reports.schemas import SENT_TO

STRING, NULLABLE = {"type": "string"}, {"type": "string", "nullable": True}
SENT = SENT_TO["items"]
DATE_TIME = {"type": "string", "format": "date-time", "nullable": True}

SCHEMAS = {
    "SendAgain": {"type": "object", "required": ["body"], "properties": {
        "body": identifier("a body's id (GET /v1/staff/bodies)", BODY_ID.pattern, 40)}},
    "SendState": {"allOf": [SENT, {"type": "object", "properties": {
        "method": STRING, "tries": {"type": "integer"}, "last_error": NULLABLE,
        "next_try_at": {"type": "string", "format": "date-time", "nullable": True}, "resent": {"type": "boolean"},
        "token": {"type": "string", "nullable": True,
                  "description": "the body's token, while it owes the id for it (state awaiting_id)"}}}]},
    "SendsInTrouble": {"type": "object", "properties": {"sends": {"type": "array", "items": {"allOf": [
        {"$ref": "#/components/schemas/SendState"}, {"type": "object", "properties": {
            "report_id": STRING, "service_code": STRING, "summary": STRING}}]}}}},
    "BodyHealth": {"type": "object", "properties": {
        "body_id": STRING, "name": STRING, "send_method": STRING,
        "status": {"type": "string", "enum": ["ok", "failing", "not_read_yet", "not_read"]},
        "updates": {"type": "object", "nullable": True, "properties": {
            "read_at": DATE_TIME, "read_whole_at": DATE_TIME, "read_up_to": DATE_TIME,
            "problem": {"type": "object", "nullable": True, "properties": {"reason": STRING, "at": DATE_TIME}}}}}},
    "BodyAnswer": {"type": "object", "required": ["choice"], "properties": {
        "choice": {"type": "string", "enum": ["in_progress", "fixed", "not_ours"]},
        "reason": {"type": "string", "maxLength": 1000, "description": "needed for not_ours"},
        "responsible": {"type": "string", "maxLength": 300, "description": "not_ours: who is, if known"}}},
    "BodyLink": {"type": "object", "properties": {
        "report": {"type": "object", "properties": {
            "id": STRING, "service_name": STRING, "status": STRING, "description": STRING, "address": NULLABLE,
            "location": {"type": "object", "nullable": True}}},
        "body": STRING, "sent": SENT, "choices": {"type": "object"},
        "expires_at": {"type": "string", "format": "date-time", "description": "when the link stops working"}}},
}
