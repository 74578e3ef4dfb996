"""The forms routes' OpenAPI components (loaded only to build /openapi.json).
A definition's full schema is the project's own (definition_schema.py, JSON
Schema 2020-12); here it is described as an object whose checks answer 400
with each error's JSON path."""
from ..feedback.schemas import ASKED
from ...api.openapi import identifier
from ...validation import token_schema
from .limits import RESUME_CODE_MAX, RESUME_TOKEN_MAX
STAMP = {"type": "string", "format": "date-time", "nullable": True}
STRING_OR_NULL = {"type": "string", "nullable": True}
INT_OR_NULL = {"type": "integer", "nullable": True}
VIEW = {"type": "object", "additionalProperties": True}

FORM_HEAD = {
    "type": "object", "required": ["id", "title", "kind", "state", "latest", "version"],
    "properties": {"id": {"type": "string"}, "title": {"type": "string"},
                   "kind": {"type": "string", "enum": ["form", "link_out"]},
                   "state": {"type": "string", "enum": ["draft", "live", "retired"]},
                   "latest": {"type": "integer"}, "draft": INT_OR_NULL, "published": INT_OR_NULL,
                   "version": {"type": "integer"}, "updated_at": STAMP, "updated_by": STRING_OR_NULL,
                   "draft_definition": {**VIEW, "nullable": True}, "published_definition": {**VIEW, "nullable": True},
                   "definition": VIEW}}
SUBMISSION = {
    "type": "object", "required": ["id", "form_id", "version", "state", "taken"],
    "properties": {"id": {"type": "string"}, "form_id": {"type": "string"}, "version": {"type": "integer"},
                   "title": {"type": "string"},
                   "state": {"type": "string", "enum": ["in_progress", "paying", "submitted"]},
                   "taken": {"type": "array", "items": {"type": "string"}},
                   "next": {"type": "string", "nullable": True,
                            "description": "the page to answer next, \"check\" when all are answered, null once sent"},
                   "preview": {"type": "boolean"}, "updated_at": STAMP, "reference": {"type": "string"},
                   "submitted_at": STAMP, "what_happens_next": STRING_OR_NULL, "feedback": ASKED,
                   "token": {"type": "string", "description": "only to an anonymous caller, at the start and resume"},
                   "payment": {"type": "object", "description": "a fee's payment: its status (started, success, "
                               "failed, cancelled, error); from pay, its id, amount and next_url (the card page)",
                               "additionalProperties": True},
                   "paid": {"type": "object", "description": "sent after paying: amount (pence), description",
                            "additionalProperties": True}}}

SCHEMAS = {
    "FormDefinition": {"type": "object", "required": ["id", "title", "kind"],
                       "description": "A form definition (JSON Schema: chalicelib/handlers/forms/definition_schema.py): "
                                      "pages of questions, routes, declaration, what happens next, the receiving "
                                      "team, retention, an optional fee, or a link out. Every error is answered "
                                      "at once, each field a JSON path such as $.pages[2].routes[0].goto",
                       "properties": {"id": {"type": "string"}, "title": {"type": "string"},
                                      "kind": {"type": "string", "enum": ["form", "link_out"]},
                                      "version": {"type": "integer"}}},
    "FormHead": FORM_HEAD,
    "FormHeadList": {"type": "object", "required": ["forms"],
                     "properties": {"forms": {"type": "array", "items": FORM_HEAD}}},
    "FormList": {"type": "object", "required": ["forms"], "properties": {"forms": {"type": "array", "items": {
        "type": "object", "required": ["id", "title", "kind"],
        "properties": {"id": {"type": "string"}, "title": {"type": "string"},
                       "kind": {"type": "string", "enum": ["form", "link_out"]}, "version": {"type": "integer"},
                       "link_out": VIEW}}}}},
    "SubmissionNew": {"type": "object", "additionalProperties": False, "properties": {
        "preview": {"type": "boolean", "description": "staff only: a submission of the draft, never sent on"}}},
    "Submission": SUBMISSION,
    "SubmissionList": {"type": "object", "required": ["submissions"],
                       "properties": {"submissions": {"type": "array", "items": SUBMISSION}}},
    "SubmissionPage": {"type": "object", "required": ["submission", "page", "answers"], "properties": {
        "submission": {"type": "string"}, "page": VIEW, "answers": VIEW, "back": STRING_OR_NULL, "prefill": VIEW}},
    "PageAnswers": {"type": "object", "required": ["answers"], "properties": {"answers": {
        "type": "object", "description": "answers by question id: text, a list of values (several), "
                                         "{day, month, year}, {line1, line2, town, postcode}, {uprn}, {lat, lon}, "
                                         "a list of upload ids (file), a list of objects (add another)"}}},
    "PageSaved": {"type": "object", "required": ["next", "taken"], "properties": {
        "next": {"type": "string"}, "taken": {"type": "array", "items": {"type": "string"}}}},
    "CheckAnswers": {"type": "object", "required": ["submission", "complete", "pages"], "properties": {
        "submission": {"type": "string"}, "title": {"type": "string"}, "complete": {"type": "boolean"},
        "next": STRING_OR_NULL, "pages": {"type": "array", "items": VIEW},
        "declaration": {**VIEW, "nullable": True}, "fee": {**VIEW, "nullable": True},
        "state": {"type": "string"}, "payment_status": STRING_OR_NULL}},
    "SubmitForm": {"type": "object", "properties": {
        "declaration": {"type": "boolean", "description": "true: the resident confirms the form's declaration"}}},
    "SaveForm": {"type": "object", "properties": {"email": {"type": "string", "maxLength": 254}}},
    "Saved": {"type": "object", "required": ["saved"], "properties": {
        "saved": {"type": "boolean"}, "signed_in": {"type": "boolean"}, "code": {"type": "string"},
        "expires_at": STAMP, "email": {"type": "string"}}},
    "ResumeForm": {"type": "object", "required": ["submission_id", "token", "code"], "properties": {
        "submission_id": identifier("the submission's id, from the link", r"^FM-[A-Z0-9]{1,40}$", 43,
                                    example="FM-7K3F9QRT"),
        "token": token_schema(RESUME_TOKEN_MAX), "code": token_schema(RESUME_CODE_MAX)}},
    "FormCase": {"type": "object", "required": ["reference", "form", "state", "status", "closed"], "properties": {
        "reference": {"type": "string", "description": "the form's FM- reference"}, "form": {"type": "string"},
        "state": {"type": "string"}, "status": {"type": "string", "description": "the state in words"},
        "closed": {"type": "boolean"}, "sent_at": STAMP, "updated_at": STAMP,
        "update": {**STRING_OR_NULL, "description": "the council's latest public words on it"}}},
    "FormCaseDesk": {"type": "object", "required": ["report_id", "form_id", "reference", "pages", "templates"],
                     "properties": {
        "report_id": {"type": "string"}, "form_id": STRING_OR_NULL, "reference": STRING_OR_NULL,
        "title": STRING_OR_NULL, "team": STRING_OR_NULL, "version": {"type": "integer"}, "submitted_at": STAMP,
        "deleted": {"type": "boolean", "description": "the answers were deleted at the end of the form's retention"},
        "paid": {**VIEW, "nullable": True},
        "templates": {"type": "array", "items": VIEW, "description": "the form's own response templates"},
        "pages": {"type": "array", "items": VIEW, "description": "the pages taken, each question with its answer "
                                                                 "in words or its files (id, name, type, size)"}}},
    "FormFileLink": {"type": "object", "required": ["url", "expires_at", "name"], "properties": {
        "url": {"type": "string"}, "expires_at": STAMP, "name": {"type": "string"},
        "content_type": {"type": "string"}, "size": {"type": "integer"}}},
    "FormHandOns": {"type": "object", "required": ["hand_ons"], "properties": {"hand_ons": {"type": "array", "items": {
        "type": "object", "properties": {"reference": {"type": "string"}, "to": {"type": "string"},
                                         "tries": {"type": "integer"}, "error": STRING_OR_NULL,
                                         "sent_at": STAMP, "given_up_at": STAMP}}}}},
    "FormHandOnAgain": {"type": "object", "required": ["reference", "outcome"], "properties": {
        "reference": {"type": "string"}, "outcome": {"type": "string", "enum": ["sent", "retry", "failed", "busy"]}}},
}
