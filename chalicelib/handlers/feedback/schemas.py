"""The feedback routes' OpenAPI components (loaded only to build /openapi.json)."""
from ...validation import SOME_TEXT, token_schema, trimmed_text
from .limits import IMPROVE_MAX, WORDS_MAX
from .services import SERVICES
from .tokens import MOST

RATING = {"type": "integer", "minimum": 1, "maximum": 5,
          "description": "GOV.UK's five points: 1 very dissatisfied, 2 dissatisfied, 3 neither, 4 satisfied, "
                         "5 very satisfied"}

# A finished transaction's question, in its confirmation (its message's link carries the same token).
ASKED = {"type": "object", "description": "once finished: how did it go? POST /v1/feedback with its token",
         "required": ["service", "token"], "properties": {
             "service": {"type": "string", "enum": list(SERVICES)}, "token": {"type": "string"}}}

SCHEMAS = {
    "FeedbackAnswer": {"type": "object", "required": ["token", "rating"], "additionalProperties": False,
                       "properties": {
                           "token": token_schema(
                               MOST, description="the transaction's, from its confirmation (feedback.token)"),
                           "rating": RATING,
                           "improve": {"type": "string", "maxLength": IMPROVE_MAX,
                                       "description": "How could we improve this service?"},
                           "reply_email": {"type": "string", "format": "email", "maxLength": 254,
                                           "description": "only to ask for a reply: kept with the answer"}}},
    "FeedbackGiven": {"type": "object", "properties": {
        "service": {"type": "string"}, "rating": RATING, "improve": {"type": "string", "nullable": True},
        "reply_asked": {"type": "boolean"},
        "changeable_until": {"type": "string", "format": "date-time"}}},
    "FeedbackStart": {"type": "object", "required": ["service"], "additionalProperties": False, "properties": {
        "service": {"type": "string", "enum": list(SERVICES)}}},
}

_MONTH = {"type": "object", "properties": {
    "month": {"type": "string"}, "counts": {"type": "object", "additionalProperties": {"type": "integer"},
                                            "description": "every count, however small: a count identifies nobody"},
    **{name: {"type": "number", "nullable": True, "description": "null with nothing to divide by, or when withheld"}
       for name in ("transactions", "digital_take_up", "completion_rate", "satisfaction",
                    "cost_per_transaction_pence", "saving_pence")},
    "withheld": {"type": "array", "items": {"type": "string", "enum": ["satisfaction"]},
                 "description": "the figures withheld for small numbers (satisfaction from fewer than 10 answers)"}}}
_SUMMARY = {"type": "object", "description": "the year so far, every service's months added (definitions.year_so_far)",
            "properties": {**{name: {"type": "number", "nullable": True} for name in (
                "transactions", "digital_take_up", "completion_rate", "satisfaction", "answers", "saving_pence")},
                "withheld": _MONTH["properties"]["withheld"]}}
SCHEMAS["Figures"] = {"type": "object", "properties": {
    "council": {"type": "string"}, "year": {"type": "integer"},
    "months": {"type": "array", "items": {"type": "string"}},
    "costs_pence": {"type": "object", "additionalProperties": {"type": "integer"}},
    "services": {"type": "object", "additionalProperties": {"type": "array", "items": _MONTH}},
    "definitions": {"type": "object", "additionalProperties": {"type": "string"}},
    "summary": _SUMMARY,
    "summary_by_month": {"type": "array", "description": "each month of the year, every service added as in the "
                                                        "summary (definitions.year_so_far)",
                         "items": {"type": "object", "properties": {"month": {"type": "string"},
                                                                    **_SUMMARY["properties"]}}},
    "small_numbers": {"type": "object", "description": "what is withheld, why, and whose guidance the rule follows",
                      "properties": {"rule": {"type": "string"}, "sources": {"type": "array", "items": {
                          "type": "object", "properties": {"name": {"type": "string"},
                                                           "url": {"type": "string", "format": "uri"}}}}}}}}

_SEEN = {"type": "object", "properties": {
    "id": {"type": "string"},
    "kind": {"type": "string", "enum": ["answer", "comment", "compliment"],
             "description": "answer: to a transaction's question; comment, compliment: the front door's"},
    "rating": {**RATING, "nullable": True}, "channel": {"type": "string", "enum": ["online", "assisted"]},
    "answered_at": {"type": "string", "format": "date-time"},
    "improve": {"type": "string", "nullable": True, "description": "as written; personal details masked"},
    "flagged": {"type": "array", "items": {"type": "string"}, "description": "the kinds of personal detail found"},
    "tags": {"type": "array", "items": {"type": "string"}}, "reply_asked": {"type": "boolean"},
    "version": {"type": "integer"}}}
_CHANNEL_WEEK = {"type": "object", "properties": {"answers": {"type": "integer"}, "satisfied": {"type": "integer"}}}
SCHEMAS["FeedbackAnswerSeen"] = _SEEN
SCHEMAS["FeedbackWords"] = {"type": "object", "properties": {
    "id": {"type": "string"}, "improve": {"type": "string", "nullable": True, "description": "as written"},
    "reply_email": {"type": "string", "nullable": True, "description": "where a reply was asked to, if one was"}}}
SCHEMAS["FeedbackTags"] = {"type": "object", "required": ["tags"], "additionalProperties": False, "properties": {
    "tags": {"type": "array", "maxItems": 10, "items": trimmed_text(1, 40)}}}
SCHEMAS["FeedbackDesk"] = {"type": "object", "properties": {
    "service": {"type": "string"},
    "weeks": {"type": "array", "items": {"type": "object", "properties": {
        "week": {"type": "string"}, "online": _CHANNEL_WEEK, "assisted": _CHANNEL_WEEK}}},
    "answers": {"type": "array", "items": _SEEN},
    "next": {"type": "string", "nullable": True}}}

_CHANGE = {"type": "object", "properties": {"you_said": {"type": "string"}, "we_did": {"type": "string"},
                                            "published_at": {"type": "string", "format": "date-time"}}}
SCHEMAS["Change"] = _CHANGE
SCHEMAS["Changes"] = {"type": "object", "properties": {"service": {"type": "string"},
                                                       "changes": {"type": "array", "items": _CHANGE}}}
SCHEMAS["NewChange"] = {"type": "object", "required": ["you_said", "we_did"], "additionalProperties": False,
                        "properties": {"you_said": {"type": "string", "minLength": 1, "maxLength": 600,
                                                    "pattern": SOME_TEXT},
                                       "we_did": {"type": "string", "minLength": 1, "maxLength": 1200,
                                                  "pattern": SOME_TEXT}}}

_CONTACTS = {"type": "integer", "minimum": 0, "maximum": 10_000_000}
SCHEMAS["EnteredContacts"] = {"type": "object", "required": ["phone", "face_to_face"], "additionalProperties": False,
                              "properties": {"phone": _CONTACTS, "face_to_face": _CONTACTS}}
_ENTERED = {"type": "object", "properties": {"month": {"type": "string"}, "phone": _CONTACTS,
                                             "face_to_face": _CONTACTS, "version": {"type": "integer"}}}
SCHEMAS["EnteredContactsMonth"] = {**_ENTERED, "properties": {"service": {"type": "string"}, **_ENTERED["properties"]}}
SCHEMAS["EnteredContactsYear"] = {"type": "object", "properties": {
    "service": {"type": "string"}, "year": {"type": "integer"}, "months": {"type": "array", "items": _ENTERED}}}
SCHEMAS["NewComment"] = {"type": "object", "required": ["kind", "service", "words"], "additionalProperties": False,
                         "properties": {
                             "kind": {"type": "string", "enum": ["comment", "compliment"]},
                             "service": {"type": "string", "enum": list(SERVICES),
                                         "description": "the service commented on, or the team complimented "
                                                        "(one the council offers)"},
                             "words": {"type": "string", "minLength": 1, "maxLength": WORDS_MAX, "pattern": SOME_TEXT},
                             "rating": {**RATING, "description": "if the resident gives one: for the officers to "
                                                                 "read, counted in no figure"},
                             "reply_email": {"type": "string", "format": "email", "maxLength": 254,
                                             "description": "only to ask for a reply: kept with the comment"}}}
SCHEMAS["Comment"] = {"type": "object", "properties": {
    "kind": {"type": "string", "enum": ["comment", "compliment"]}, "service": {"type": "string"},
    "words": {"type": "string"}, "rating": {**RATING, "nullable": True}, "reply_asked": {"type": "boolean"},
    "given_at": {"type": "string", "format": "date-time"}}}
