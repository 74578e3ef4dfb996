"""The staff routes' OpenAPI components (loaded only to build /openapi.json)."""
from ... import tenancy
from ...api.openapi import REPORT_REFERENCE, SERVICE_CODE, identifier
from ...states import LABELS, PRIORITIES
from ...validation import trimmed_text
from ..reports.schemas import SCHEMAS as REPORT_SCHEMAS
from .limits import (CHANNELS, INSTRUCTIONS_MAX, NOTE_MAX, PASS_REASON_MAX, PUBLIC_UPDATE_MAX, TEAM_ID_PATTERN,
                     TEMPLATE_TEXT_MAX, TEMPLATE_TITLE_MAX)

STRING, DATE = {"type": "string"}, {"type": "string", "format": "date"}
NULLABLE_STRING = {"type": "string", "nullable": True}
STATUS = {"type": "string", "enum": list(LABELS)}
PRIORITY = {"type": "string", "enum": list(PRIORITIES)}
# A report's one pass between councils of this service (staff/passing.py).
PASSED = {"type": "object", "properties": {"from": STRING, "to": STRING, "reason": STRING, "by": STRING,
                                           "at": {"type": "string", "format": "date-time"}}}
TEMPLATE_PROPERTIES = {
    "title": trimmed_text(1, TEMPLATE_TITLE_MAX),
    "text": {**trimmed_text(1, TEMPLATE_TEXT_MAX),
             "description": "with placeholders such as {reference} (GET /v1/staff/templates lists them)"},
    "state": {**STATUS, "nullable": True}, "auto": {"type": "boolean"}, "active": {"type": "boolean"},
    "service_codes": {"type": "array", "items": STRING, "description": "empty: every category"}}
ASSIGNMENT = {"type": "object", "nullable": True, "properties": {
    "team": STRING, "instructions": NULLABLE_STRING, "assigned_at": {"type": "string", "format": "date-time"},
    "assigned_by": STRING}}

SCHEMAS = {
    "InboxLine": {"type": "object", "required": ["id", "status", "priority"], "properties": {
        "id": STRING, "service_code": STRING, "service_name": STRING, "status": STATUS, "open": {"type": "boolean"},
        "priority": PRIORITY, "summary": STRING, "ward": NULLABLE_STRING, "team": NULLABLE_STRING,
        "due": {**DATE, "nullable": True}, "overdue": {"type": "boolean"}, "private": {"type": "boolean"},
        "private_category": {"type": "boolean"}, "located": {"type": "boolean"},
        "channel": NULLABLE_STRING, "duplicate_of": NULLABLE_STRING,
        "supporters": {"type": "integer", "minimum": 0, "description": "residents who said \"me too\""},
        "created_at": {"type": "string", "format": "date-time"}, "url": STRING}},
    "Inbox": {"type": "object", "required": ["reports", "next_cursor"], "properties": {
        "reports": {"type": "array", "items": {"$ref": "#/components/schemas/InboxLine"}},
        "next_cursor": {**NULLABLE_STRING, "description": "null on the last page"}}},
    "StaffReport": {"allOf": [{"$ref": "#/components/schemas/Report"}, {"type": "object", "properties": {
        "view": {"type": "string", "enum": ["staff"]}, "priority": PRIORITY, "private": {"type": "boolean"},
        "ward": NULLABLE_STRING, "due": {**DATE, "nullable": True},
        "due_source": {"type": "string", "enum": ["rule", "staff"], "nullable": True},
        "due_rule": {**NULLABLE_STRING, "description": "which rule made the due date, as people read it "
                     "(\"20 working days under the Freedom of Information (Scotland) Act 2002\"); null when set by hand"},
        "overdue": {"type": "boolean"}, "assignment": ASSIGNMENT,
        "assignment_history": {"type": "array", "items": ASSIGNMENT},
        "duplicate_of": NULLABLE_STRING, "duplicates": {"type": "array", "items": STRING},
        "channel": NULLABLE_STRING, "version": {"type": "integer"}, "summary": STRING,
        "contact": {"type": "object", "nullable": True, "description": "the reporter's contact details: null "
                    "unless asked for with Access-Reason (that reading is audited), or the caller's own as taken"},
        "contact_withheld": {"type": "boolean", "description": "true when contact is null for want of a reason"},
        "site": {"type": "object", "nullable": True, "description": "the council of this service it was made with, "
                 "when another", "properties": {"council": STRING, "name": STRING}},
        "passed": {**PASSED, "nullable": True},
        "pass_to": {"type": "array", "description": "the councils of this service it may be passed to (POST "
                    ".../pass): the one it was made with (made_here), then others whose area holds its place; "
                    "none once passed, closed, with a crew or a duplicate", "items": {
                        "type": "object", "properties": {"council": STRING, "name": STRING,
                                                         "made_here": {"type": "boolean"}}}},
        "moderation": {"type": "object", "nullable": True, "description": "what moderation took away (staff only): "
                       "original {summary, description}, reason, by, at, and hidden_photos with short-lived urls",
                       "properties": {"original": {"type": "object"}, "reason": STRING, "by": STRING,
                                      "at": {"type": "string", "format": "date-time"},
                                      "hidden_photos": {"type": "array", "items": {"type": "object"}}}},
        "internal_notes": {"type": "array", "items": {"type": "object", "properties": {
            "text": STRING, "by": STRING, "at": {"type": "string", "format": "date-time"}}}}}}]},
    "PassReport": {"type": "object", "required": ["to", "reason"], "additionalProperties": False, "properties": {
        "to": {"type": "string", "pattern": tenancy.ID.pattern, "description": "a council of this service"},
        "reason": {**trimmed_text(1, PASS_REASON_MAX),
                   "description": "why: shown to the resident in the report's timeline"}}},
    "PassedReport": {"type": "object", "required": ["report_id", "passed", "held_by"], "properties": {
        "report_id": STRING, "passed": PASSED,
        "held_by": {"type": "object", "properties": {"council": STRING, "name": STRING, "url": STRING}}}},
    "Inspect": {"type": "object", "minProperties": 1, "properties": {
        "status": STATUS, "priority": PRIORITY, "service_code": identifier(None, SERVICE_CODE, 100),
        "fields": {"type": "object", "description": "answers to the category's questions (merged)"},
        "lat": {"type": "number", "minimum": -90, "maximum": 90},
        "lon": {"type": "number", "minimum": -180, "maximum": 180}, "private": {"type": "boolean"},
        "duplicate_of": identifier("the original's reference; null un-marks", REPORT_REFERENCE, 20, nullable=True),
        "team": {"type": "string", "nullable": True, "pattern": TEAM_ID_PATTERN},
        "due": {**DATE, "nullable": True, "description": "null: back to the category's rule"},
        "instructions": {**trimmed_text(1, INSTRUCTIONS_MAX), "nullable": True},
        "internal_note": {**trimmed_text(1, NOTE_MAX), "description": "never public, never e-mailed"},
        "public_update": trimmed_text(1, PUBLIC_UPDATE_MAX),
        "template": identifier("a response template's id, instead of public_update")}},
    "AssistedReport": {"allOf": [{"$ref": "#/components/schemas/NewReport"}, {
        "type": "object", "required": ["channel", "on_behalf_of"], "properties": {
            "channel": {"type": "string", "enum": list(CHANNELS)},
            "on_behalf_of": {"type": "object", "description": "the caller: e-mail and/or phone, and a name",
                             "minProperties": 1,
                             "properties": REPORT_SCHEMAS["NewReport"]["properties"]["contact"]["properties"]}}}]},
    "Audit": {"type": "object", "properties": {"report_id": STRING, "entries": {"type": "array", "items": {
        "type": "object", "properties": {
            "seq": {"type": "integer"}, "action": STRING, "by": STRING,
            "at": {"type": "string", "format": "date-time"},
            "reason": {"type": "string", "nullable": True, "description": "a reading's: why the officer read it"},
            "granted_by": {"type": "string", "nullable": True,
                           "description": "the council whose grant its maker held, when another (a shared team)"},
            "changes": {"type": "object", "additionalProperties": {"type": "object", "properties": {
                "before": {}, "after": {}}}}}}}}},
    "NewTemplate": {"type": "object", "required": ["title", "text"], "properties": TEMPLATE_PROPERTIES},
    "TemplateChange": {"type": "object", "minProperties": 1, "properties": TEMPLATE_PROPERTIES},
    "Template": {"type": "object", "properties": {
        "id": STRING, **TEMPLATE_PROPERTIES, "version": {"type": "integer"},
        "updated_at": {"type": "string", "format": "date-time"}}},
    "TemplateList": {"type": "object", "properties": {
        "templates": {"type": "array", "items": {"$ref": "#/components/schemas/Template"}},
        "placeholders": {"type": "object", "additionalProperties": STRING}}},
    "TeamList": {"type": "object", "properties": {"teams": {"type": "array", "items": {
        "type": "object", "properties": {"id": STRING, "name": STRING, "retired": {"type": "boolean"}}}}}},
}
