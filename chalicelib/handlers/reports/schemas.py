"""The reports routes' OpenAPI components (loaded only to build /openapi.json)."""
from ...api.openapi import SERVICE_CODE, identifier
from ... import states
from ...validation import EMAIL, PHONE_SCHEMA, SOME_TEXT, token_schema
from ..places.limits import UPRN_PATTERN
from .limits import ADDRESS_MAX, ADDRESS_NEAR_M, CONTACT_NAME_MAX, DESCRIPTION_MAX, MAX_PHOTOS, SUPPORTER_TOKEN_MAX

FIELD_TYPES = ["text", "number", "single_choice", "multi_choice", "date"]

SENT_TO = {"type": "array", "description": "who acts on the report and how far it got", "items": {
    "type": "object", "properties": {
        "body_id": {"type": "string"}, "body": {"type": "string"},
        "state": {"type": "string", "enum": ["waiting", "sending", "retrying", "awaiting_id", "sent", "failed", "refused",
                                                   "withdrawn"]},
        "summary": {"type": "string", "description": "e.g. \"Sent to North Yorkshire Council at 10:04 on 3 March 2027\""},
        "sent_at": {"type": "string", "format": "date-time", "nullable": True},
        "reference": {"type": "string", "nullable": True, "description": "the body's own reference"},
        "not_theirs": {"type": "object", "description": "the body said it is not theirs", "properties": {
            "reason": {"type": "string", "nullable": True}, "responsible": {"type": "string", "nullable": True}}}}}}

TARGET = {"type": "object", "description": "the category's target, from its due-date rule (absent without one)",
          "properties": {"working_days": {"type": "integer"},
                         "text": {"type": "string", "description": "\"We aim to fix potholes within 20 working days\"; "
                                  "once the point decides who takes it, theirs: \"North Yorkshire Council aims to ...\""},
                         "rule": {"type": "string", "description": "which rule sets it, in the rule's own words: "
                                  "\"20 working days under the Freedom of Information (Scotland) Act 2002\""},
                         "by": {"type": "string", "description": "whose target it is, when known"},
                         "date": {"type": "string", "format": "date", "description": "a report's only: the day "
                                  "the target falls on, counted from the day it came in the rule's working days"}}}

SCHEMAS = {
    "Service": {"type": "object", "required": ["service_code", "name"], "properties": {
        "service_code": {"type": "string"}, "name": {"type": "string"}, "group": {"type": "string"},
        "description": {"type": "string"}, "keywords": {"type": "array", "items": {"type": "string"}},
        "location": {"type": "string", "enum": ["required", "optional", "none"]},
        "private": {"type": "boolean"}, "notice": {"type": "string", "nullable": True},
        "kind": {"type": "string", "enum": ["report", "complaint"], "description": "complaint: a category of the "
                 "council's complaints procedure, which the app words as a complaint"},
        "contact": {"type": "string", "enum": ["required", "optional"], "description": "required: a report with "
                    "neither an email address nor a phone number to answer it at is refused (422 on contact)"},
        "fields": {"type": "array", "items": {"type": "object", "properties": {
            "code": {"type": "string"}, "label": {"type": "string"}, "required": {"type": "boolean"},
            "type": {"type": "string", "enum": FIELD_TYPES},
            "error_message": {"type": "string", "description": "what to say when a required answer is missing, "
                                                                "in GOV.UK's style (\"Choose how wide the pothole is\"); "
                                                                "without one clients make one from the label"}}}},
        "bodies": {"type": "array", "description": "with lat and lon only: who it will be sent to",
                   "items": {"type": "object", "properties": {"id": {"type": "string"}, "name": {"type": "string"}}}},
        "sent_to_text": {"type": "string", "description": "with lat and lon only, e.g. \"This will be sent to "
                                                          "North Yorkshire Council\""},
        "target": TARGET}},
    "ServiceList": {"type": "object", "properties": {"services": {
        "type": "array", "items": {"$ref": "#/components/schemas/Service"}}}},
    "Upload": {"type": "object", "properties": {
        "upload_id": {"type": "string"}, "url": {"type": "string"}, "fields": {"type": "object"},
        "expires_at": {"type": "string", "format": "date-time"}, "max_bytes": {"type": "integer"}}},
    "NewReport": {"type": "object", "required": ["service_code", "description"], "properties": {
        "service_code": identifier(None, SERVICE_CODE, 100), "lat": {"type": "number", "minimum": -90, "maximum": 90},
        "lon": {"type": "number", "minimum": -180, "maximum": 180},
        "uprn": {"type": "string", "pattern": UPRN_PATTERN,
                 "description": "the address the report was placed by (GET /v1/places); its point must be "
                                f"within {ADDRESS_NEAR_M} m of lat/lon; the report shows the address"},
        "description": {"type": "string", "pattern": SOME_TEXT, "maxLength": DESCRIPTION_MAX},
        "fields": {"type": "object", "description": "the category's own fields (GET /v1/services/{code}): "
                                                    "what they must hold is checked against it (422)"},
        "photos": {"type": "array", "maxItems": MAX_PHOTOS, "uniqueItems": True,
                   "items": {"type": "string"}, "description": "upload ids from POST /v1/uploads (unknown: 422)"},
        "contact": {"type": "object", "properties": {
            "name": {"type": "string", "maxLength": CONTACT_NAME_MAX},
            "email": {"type": "string", "pattern": EMAIL.pattern, "maxLength": 254},
            "phone": {**PHONE_SCHEMA}}},
        "source": {"type": "string"},
        "assign_to_my_team": {"type": "boolean", "description": "street crews only: the report becomes your "
                                                                "team's job at once (GET /v1/crew/jobs)"}},
        "description": "service_code must name a category of GET /v1/services, and the category says whether "
                       "lat and lon are required (422 otherwise); outside the council's area: 422"},
    "Report": {"type": "object", "required": ["id", "status"], "properties": {
        "feedback": {"type": "object", "description": "on its making: how did it go? POST /v1/feedback with its "
                     "token", "properties": {"service": {"type": "string"}, "token": {"type": "string"}}},
        "id": {"type": "string"}, "service_code": {"type": "string"}, "service_name": {"type": "string"},
        "status": {"type": "string", "enum": list(states.LABELS)}, "status_label": {"type": "string"},
        "open": {"type": "boolean"}, "description": {"type": "string"},
        "location": {"type": "object", "properties": {"lat": {"type": "number"}, "lon": {"type": "number"}}},
        "photos": {"type": "array", "items": {"type": "string", "format": "uri"}},
        "media_urls": {"type": "array", "items": {"type": "string", "format": "uri"},
                       "description": "links an Open311 partner sent with the report (absent if none); "
                                      "not fetched or checked by Doorstep"},
        "address": {"type": "string", "maxLength": ADDRESS_MAX,
                    "description": "the problem's street address, when an Open311 partner placed the "
                                   "report by address (absent otherwise); never the reporter's"},
        "near": {"type": "string", "description": "without an address: the nearest address in the council's "
                                                  "gazetteer in words, \"Near 2 Micklegate\" or \"Outside 12 "
                                                  "Micklegate\" (absent when none is within 150 m)"},
        "place_text": {"type": "string", "description": "where it is in words, to show before the point: the "
                                                        "address, else `near` (absent when neither)"},
        "target": TARGET,
        "working_days_open": {"type": "integer", "description": "open reports with a target: working days since "
                                                                 "it came (weekends and bank holidays skipped)"},
        "overdue": {"type": "boolean", "description": "open reports with a target: open longer than it"},
        "moderated": {"type": "object", "description": "present once staff moderated it: who (\"council\") and "
                                                     "when, never why", "properties": {
            "by": {"type": "string"}, "label": {"type": "string"}, "at": {"type": "string", "format": "date-time"}}},
        "view": {"type": "string", "enum": ["public", "private"]},
        "supporters": {"type": "integer", "minimum": 0,
                       "description": "residents who said \"me too\" and were counted: the number, never who"},
        "contact": {"type": "object", "description": "private view only"},
        "tracking_token": {"type": "string", "description": "anonymous creation only"},
        "created_at": {"type": "string", "format": "date-time"},
        "updated_at": {"type": "string", "format": "date-time"}, "sent_to": SENT_TO}},
    "Timeline": {"type": "object", "properties": {"report_id": {"type": "string"}, "updates": {
        "type": "array", "items": {"type": "object", "properties": {
            "seq": {"type": "integer"}, "kind": {"type": "string"}, "status": {"type": "string"},
            "text": {"type": "string", "nullable": True},
            "created_at": {"type": "string", "format": "date-time"}}}}, "sent_to": SENT_TO}},
    "SupporterNew": {"type": "object", "additionalProperties": False, "properties": {
        "email": {"type": "string", "pattern": EMAIL.pattern, "maxLength": 254,
                  "description": "leave out when signed in with a verified e-mail address"}}},
    "SupporterToken": {"type": "object", "additionalProperties": False, "required": ["token"], "properties": {
        "token": token_schema(SUPPORTER_TOKEN_MAX, description="the token the e-mail's link carries")}},
    "Support": {"type": "object", "required": ["status"], "properties": {
        "status": {"type": "string", "enum": ["supporting", "check_email", "withdrawn"]},
        "report_id": {"type": "string"}, "supporters": {"type": "integer", "minimum": 0},
        "message": {"type": "string"}}},
}
