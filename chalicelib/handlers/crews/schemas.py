"""The crew routes' OpenAPI components (loaded only to build /openapi.json)."""
from ...states import PRIORITIES
from .limits import FIELD_STATUSES, NOTE_MAX, REASON_MAX, UPDATE_PHOTOS_MAX

STRING, DATE_TIME = {"type": "string"}, {"type": "string", "format": "date-time"}
NULLABLE_STRING = {"type": "string", "nullable": True}
JOB_STATUS = {"type": "string", "enum": ["assigned", *FIELD_STATUSES, "withdrawn"]}
UPDATE = {"type": "object", "properties": {
    "seq": {"type": "integer"}, "status": {**JOB_STATUS, "nullable": True}, "note": STRING, "reason": STRING,
    "photos": {"type": "array", "items": STRING}, "lat": {"type": "number"}, "lon": {"type": "number"},
    "saved_at": DATE_TIME, "received_at": DATE_TIME, "by": STRING}}

SCHEMAS = {
    "Job": {"type": "object", "required": ["id", "report_id", "status", "version"], "properties": {
        "id": STRING, "report_id": STRING, "team": STRING, "status": JOB_STATUS, "open": {"type": "boolean"},
        "reason": NULLABLE_STRING, "priority": {"type": "string", "enum": list(PRIORITIES)},
        "due": {"type": "string", "format": "date", "nullable": True}, "overdue": {"type": "boolean"},
        "instructions": NULLABLE_STRING, "service_code": STRING, "service_name": STRING,
        "navigation": {**NULLABLE_STRING, "description": "a geo: URI (RFC 5870) for the phone's maps app"},
        "location": {"type": "object", "nullable": True, "properties": {
            "lat": {"type": "number"}, "lon": {"type": "number"}}},
        "description": STRING, "fields": {"type": "object"}, "photos": {"type": "array", "items": STRING},
        "address": NULLABLE_STRING,
        "place_text": {**NULLABLE_STRING, "description": "where, in words: the address, or the nearest one "
                                                         "(\"Near 2 Micklegate\")"},
        "report_status": STRING, "updates": {"type": "array", "items": UPDATE},
        "collection": {"type": "object", "description": "a bulky collection's job (report_id is then the "
                       "booking's id): what to take and where it is left; done is collected", "properties": {
                           "kind": STRING, "booking_id": STRING, "items": {"type": "array", "items": STRING},
                           "location": NULLABLE_STRING, "notes": NULLABLE_STRING}},
        "version": {"type": "integer"}}},
    "FieldUpdate": {"type": "object", "required": ["saved_at"], "properties": {
        "status": {"type": "string", "enum": list(FIELD_STATUSES)},
        "note": {"type": "string", "maxLength": NOTE_MAX, "description": "for the crews and staff, never public"},
        "reason": {"type": "string", "maxLength": REASON_MAX, "description": "required with unable"},
        "photos": {"type": "array", "maxItems": UPDATE_PHOTOS_MAX, "items": STRING,
                   "description": "upload ids from POST /v1/uploads; cleaned of metadata (EXIF) when attached"},
        "lat": {"type": "number", "minimum": -90, "maximum": 90},
        "lon": {"type": "number", "minimum": -180, "maximum": 180},
        "saved_at": {**DATE_TIME, "description": "when the button was pressed (an offline phone sends it later)"}}},
    "FieldUpdateResult": {"type": "object", "properties": {
        "job": {"$ref": "#/components/schemas/Job"}, "update": UPDATE}},
}
