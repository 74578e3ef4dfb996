"""Moderation's OpenAPI components (loaded only to build /openapi.json)."""
from ..reports.limits import DESCRIPTION_MAX, SUMMARY_MAX
from ...validation import SOME_TEXT
from .moderate import REASON_MAX

SCHEMAS = {
    "Moderation": {"type": "object", "required": ["reason"], "additionalProperties": False,
                   "description": "at least one of title, description and hide_photos (else 422)", "properties": {
        "title": {"type": "string", "pattern": SOME_TEXT, "maxLength": SUMMARY_MAX,
                  "description": "the public one-line title (map pins, feeds); words of the original left out "
                                 "read \"[...]\""},
        "description": {"type": "string", "pattern": SOME_TEXT, "maxLength": DESCRIPTION_MAX,
                        "description": "the public description; without title, the title follows it"},
        "hide_photos": {"type": "array", "maxItems": 20, "items": {"type": "string"},
                        "description": "names of the report's photos (the last part of their URLs)"},
        "reason": {"type": "string", "pattern": SOME_TEXT, "maxLength": REASON_MAX,
                   "description": "why, for the audit and staff (never shown to the public)"}}},
}
