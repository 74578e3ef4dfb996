"""Moderation's OpenAPI components (loaded only to build /openapi.json)."""
from ..reports.limits import DESCRIPTION_MAX, SUMMARY_MAX
from .moderate import REASON_MAX

SCHEMAS = {
    "Moderation": {"type": "object", "required": ["reason"], "additionalProperties": False, "properties": {
        "title": {"type": "string", "minLength": 1, "maxLength": SUMMARY_MAX,
                  "description": "the public one-line title (map pins, feeds); words of the original left out "
                                 "read \"[...]\""},
        "description": {"type": "string", "minLength": 1, "maxLength": DESCRIPTION_MAX,
                        "description": "the public description; without title, the title follows it"},
        "hide_photos": {"type": "array", "maxItems": 20, "items": {"type": "string"},
                        "description": "names of the report's photos (the last part of their URLs)"},
        "reason": {"type": "string", "minLength": 1, "maxLength": REASON_MAX,
                   "description": "why, for the audit and staff (never shown to the public)"}}},
}
