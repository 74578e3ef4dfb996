"""The bodies routes' OpenAPI components (loaded only to build /openapi.json)."""
from ... import states
from .limits import (ANSWER_WITHIN_DAYS_MAX, AREA_KINDS, BODY_ID, CONTACT_TEXT_MAX, FORMATS, LINE_WITHIN_MAX_M,
                     NAME_MAX, SECRET_MAX, SEND_METHODS)

from ... import tenancy
from ...validation import trimmed_text

STRING = {"type": "string"}
COUNCIL_ID = tenancy.ID.pattern
TEXT_MAP = {"type": "object", "additionalProperties": {"type": "string", "minLength": 1}}
AREA = {"type": "object", "required": ["kind"], "properties": {
    "kind": {"type": "string", "enum": list(AREA_KINDS)},
    "geometry": {"type": "object", "description": "polygons: a GeoJSON Polygon or MultiPolygon; line: a "
                                                  "LineString or MultiLineString ([lon, lat] positions)"},
    "wards": {"type": "array", "items": STRING, "description": "wards: the ward ids"},
    "within_m": {"type": "number", "minimum": 0, "exclusiveMinimum": True, "maximum": LINE_WITHIN_MAX_M,
                 "description": "line: how far from the line counts as on it"}},
    "description": "council: this council's whole area (no geometry needed)"}
PROPERTIES = {
    "name": trimmed_text(1, NAME_MAX),
    "area": AREA,
    "categories": {"type": "array", "minItems": 1, "items": STRING,
                   "description": 'category codes it takes in its area, or ["*"] for all'},
    "send_method": {"type": "string", "enum": list(SEND_METHODS)},
    "precedence": {"type": "integer", "minimum": 0, "maximum": 9,
                   "description": "higher wins where two bodies take a category at a point (default: "
                                  "council 0, polygons and wards 1, line 2)"},
    "contact_text": {**trimmed_text(1, CONTACT_TEXT_MAX),
                     "description": "who to contact, shown when a category is not taken at a point"},
    "endpoint": {"type": "string", "nullable": True, "description": "open311: the base URL before /requests.json"},
    "api_key": {"type": "string", "nullable": True, "maxLength": SECRET_MAX, "description": "kept, never shown"},
    "jurisdiction_id": {"type": "string", "nullable": True, "maxLength": SECRET_MAX},
    "format": {"type": "string", "enum": list(FORMATS)},
    "service_codes": {**TEXT_MAP, "description": "our category code -> the body's service_code"},
    "status_map": {"type": "object", "additionalProperties": {"type": "string", "enum": list(states.LABELS)},
                   "description": "the body's status or external_status_code -> our state"},
    "email": {"type": "string", "nullable": True, "format": "email"},
    "council": {"type": "string", "nullable": True, "pattern": COUNCIL_ID,
                "description": "council: the id of the council of this deployment that receives its reports "
                               "into its own inbox (it must take each of the body's categories)"},
    "gets_contact": {"type": "boolean", "description": "the body may see the reporter's contact details"},
    "answer_within_days": {"type": "integer", "nullable": True, "minimum": 1, "maximum": ANSWER_WITHIN_DAYS_MAX,
                           "description": "with no answer by then, a report is re-sent once with a note"}}

SCHEMAS = {
    "NewBody": {"type": "object", "required": ["id", "name", "area", "categories", "contact_text"],
                "properties": {"id": {"type": "string", "pattern": BODY_ID.pattern}, **PROPERTIES}},
    "BodyChange": {"type": "object", "properties": PROPERTIES},
    "Body": {"type": "object", "required": ["id", "name", "area", "version"], "properties": {
        "id": STRING, **{k: v for k, v in PROPERTIES.items() if k != "api_key"},
        "has_api_key": {"type": "boolean"}, "retired": {"type": "boolean"}, "version": {"type": "integer"}}},
    "BodyList": {"type": "object", "properties": {"bodies": {"type": "array",
                                                             "items": {"$ref": "#/components/schemas/Body"}}}},
}
