"""The staff routes' OpenAPI components (loaded only to build /openapi.json)."""
from ...states import LABELS, PRIORITIES
from ..reports.limits import DESCRIPTION_MAX

SCHEMAS = {
    "StaffUpdate": {"type": "object", "properties": {
        "status": {"type": "string", "enum": list(LABELS)}, "priority": {"type": "string", "enum": list(PRIORITIES)},
        "public_update": {"type": "string", "minLength": 1, "maxLength": DESCRIPTION_MAX}}},
}
