"""The questionnaire routes' OpenAPI components (loaded only to build /openapi.json)."""
from ...validation import token_schema
from .limits import COMMENT_MAX, RATING_MAX, RATING_MIN, TOKEN_MAX

RATING = {"type": "integer", "minimum": RATING_MIN, "maximum": RATING_MAX,
          "description": "how the report was dealt with, 1 (badly) to 5 (very well)"}
STAMP = {"type": "string", "format": "date-time"}

SCHEMAS = {
    "Answer": {"type": "object", "required": ["token", "fixed", "rating"], "additionalProperties": False,
               "properties": {"token": token_schema(TOKEN_MAX,
                                                      description="from the link the reporter was sent"),
                              "fixed": {"type": "boolean"}, "rating": RATING,
                              "comment": {"type": "string", "maxLength": COMMENT_MAX}}},
    "Questionnaire": {"type": "object", "properties": {
        "report": {"$ref": "#/components/schemas/Report"},
        "question": {"type": "string"},
        "closed_state": {"type": "string", "enum": ["fixed", "closed"]},
        "closed_at": STAMP, "asked_at": STAMP,
        "reopen_until": {**STAMP, "description": "until when \"not fixed\" reopens the report"},
        "can_reopen": {"type": "boolean"},
        "rating_scale": {"type": "object", "properties": {"min": {"type": "integer"}, "max": {"type": "integer"}}},
        "comment_max": {"type": "integer"},
        "answer": {"type": "object", "nullable": True, "properties": {
            "fixed": {"type": "boolean"}, "rating": RATING, "comment": {"type": "string", "nullable": True},
            "answered_at": STAMP, "reopened": {"type": "boolean"}}}}},
}
