"""The consultations routes' OpenAPI components (loaded only to build /openapi.json)."""
from ..feedback.schemas import ASKED

STAMP = {"type": "string", "format": "date-time", "nullable": True}
TEXT = {"type": "string"}
TEXT_OR_NULL = {"type": "string", "nullable": True}
VIEW = {"type": "object", "additionalProperties": True}
STATUS = {"type": "string", "enum": ["forthcoming", "open", "closed"]}
DOCUMENTS = {"type": "array", "items": {"type": "object", "properties": {"title": TEXT, "url": TEXT}}}

CONSULTATION = {
    "type": "object", "required": ["id", "title", "status", "opens_at", "closes_at", "notice"],
    "properties": {
        "id": TEXT, "title": TEXT, "overview": TEXT, "department": TEXT, "type": TEXT, "why": TEXT,
        "what_happens_next": TEXT, "results_due": TEXT, "results_due_words": TEXT, "status": STATUS,
        "results_words": {**TEXT_OR_NULL, "description": "the one sentence on when results are out, true to now: "
                                                         "published on, due by, or due by and late"},
        "supporting_documents": DOCUMENTS, "contact": VIEW, "topics": {"type": "array", "items": TEXT},
        "areas": {"description": "\"council\" (the whole council) or a list of ward names"},
        "opens_at": STAMP, "closes_at": STAMP,
        "opens_london": {**TEXT, "description": "the opening as London time with its offset"},
        "closes_london": {**TEXT, "description": "the close as London time with its offset: its last second"},
        "opens_words": TEXT, "closes_words": {**TEXT, "example": "11:59:59pm on Sunday 14 June 2026"},
        "notice": {**TEXT, "description": "when it opens or closes, in words, to show before a resident starts"},
        "url": TEXT, "form": {**VIEW, "description": "its questions: a forms-engine definition"},
        "results": {**VIEW, "nullable": True, "description": "We asked, you said, we did, once published: wards "
                                                             "with fewer than 10 responses withheld"}}}
RESPONSE = {"type": "object", "required": ["id", "consultation_id", "answers"], "properties": {
    "id": TEXT, "consultation_id": TEXT, "title": TEXT, "answers": VIEW, "taken": {"type": "array", "items": TEXT},
    "postcode": TEXT_OR_NULL, "sent_at": STAMP, "changed_at": STAMP, "version": {"type": "integer"},
    "closes_at": STAMP, "can_change_until": TEXT_OR_NULL, "feedback": ASKED}}
CITIZEN_SPACE = {"type": "object", "required": ["id", "title", "url", "status", "startdate", "enddate"],
                 "description": "Citizen Space API v2's fields: basic (id, title, url, status, overview, startdate, "
                                "enddate); extended adds department, dept, type, type_string, participation_url, "
                                "progress, visibility; all adds why, what_happens_next, feedbackdate, resultsdate, "
                                "contact_*, related_links, supporting_documents, audiences, areas, interests",
                 "additionalProperties": True,
                 "properties": {"id": TEXT, "title": TEXT, "url": TEXT, "status": STATUS, "overview": TEXT,
                                "startdate": {**TEXT, "example": "2026-06-01"},
                                "enddate": {**TEXT, "example": "2026-06-14"}}}

SCHEMAS = {
    "ConsultationData": {"type": "object", "required": ["id", "title", "overview", "opens", "closes", "areas",
                                                        "why", "what_happens_next", "department", "form"],
                         "description": "A consultation as data (chalicelib/handlers/consultations/definition.py): "
                                        "opens/closes are London times to the second (2026-06-14T23:59:59); "
                                        "areas \"council\" or ward names; form a forms-engine definition (its "
                                        "retention_days: how long responses are kept after the close). Every "
                                        "error is answered at once, each field a JSON path",
                         "additionalProperties": True,
                         "properties": {"id": TEXT, "title": TEXT, "opens": TEXT, "closes": TEXT, "form": VIEW}},
    "ConsultationNew": {"type": "object", "required": ["template", "title", "overview", "opens", "closes", "areas"],
                        "description": "A consultation made at the desk: its template's form, and the words, "
                                       "wards (or \"council\"), topics and London moments given; department, "
                                       "type, topics, why and what happens next default to the template's",
                        "properties": {"template": {**TEXT, "maxLength": 40}, "title": TEXT, "overview": TEXT,
                                       "opens": {**TEXT, "example": "2027-01-04T09:00:00"},
                                       "closes": {**TEXT, "example": "2027-01-31T23:59:59"},
                                       "areas": {"description": "\"council\" or a list of ward names"},
                                       "topics": {"type": "array", "items": TEXT}, "why": TEXT,
                                       "what_happens_next": TEXT, "department": TEXT, "results_due": TEXT,
                                       "supporting_documents": DOCUMENTS, "contact": VIEW}},
    "ConsultationTemplates": {"type": "object", "required": ["templates", "wards"], "properties": {
        "wards": {"type": "array", "items": TEXT},
        "templates": {"type": "array", "items": {"type": "object", "additionalProperties": True, "properties": {
            "id": TEXT, "title": TEXT, "description": TEXT, "questions": {"type": "array", "items": TEXT}}}}}},
    "Consultation": CONSULTATION,
    "StaffConsultation": {**CONSULTATION, "properties": {**CONSULTATION["properties"], "version": {"type": "integer"},
                                                         "data": VIEW, "notices": VIEW}},
    "ConsultationList": {"type": "object", "required": ["consultations"], "properties": {
        "consultations": {"type": "array", "items": {**VIEW, "properties": {
            "results_published_at": STAMP, "results_words": TEXT_OR_NULL}}}}},
    "ResponseAnswers": {"type": "object", "required": ["answers"], "properties": {
        "answers": {**VIEW, "description": "answers by question id, as the forms engine takes them"},
        "postcode": {"type": "string", "maxLength": 12, "description": "optional: counted in its ward"}}},
    "ConsultationResponse": RESPONSE,
    "CitizenSpaceResults": {"type": "array", "items": CITIZEN_SPACE},
    "CitizenSpaceConsultation": CITIZEN_SPACE,
    "WardCounts": {"type": "object", "required": ["total", "wards"], "properties": {
        "total": {"type": "integer"}, "wards": {"type": "array", "items": {"type": "object", "properties": {
            "ward": TEXT, "responses": {"type": "integer"}}}}, "status": STATUS}},
    "ConsultationResults": {"type": "object", "required": ["id", "summary", "you_said", "we_did", "wards"],
                            "additionalProperties": True, "properties": {
        "id": TEXT, "title": TEXT, "summary": TEXT, "you_said": TEXT, "we_did": TEXT,
        "total": {"type": "integer", "nullable": True, "description": "null while any ward is withheld"},
        "total_withheld": {**TEXT, "description": "why the total is not published (only when it is not)"},
        "figures": {"type": "array", "items": VIEW}, "decision": {**VIEW, "nullable": True},
        "wards": {"type": "array", "items": {"type": "object", "properties": {
            "ward": TEXT, "responses": {"type": "integer", "nullable": True},
            "withheld": {**TEXT, "description": "\"fewer than 10\": the ward's figure is not published"}}}},
        "published_at": STAMP, "updated_at": STAMP}},
    "MyConsultationResponses": {"type": "object", "required": ["responses"], "properties": {
        "responses": {"type": "array", "items": {"type": "object", "required": ["id", "consultation_id", "status"],
                                                 "properties": {
            "id": {**TEXT, "description": "the response's reference (CN-...)"}, "consultation_id": TEXT,
            "title": TEXT, "status": STATUS, "sent_at": STAMP, "changed_at": STAMP, "closes_at": STAMP,
            "closes_words": TEXT, "can_change": {"type": "boolean", "description": "open: PUT .../response changes it"},
            "results_published": {"type": "boolean"}}}}}},
    "ResultsNew": {"type": "object", "required": ["summary", "you_said", "we_did"], "properties": {
        "summary": TEXT, "you_said": TEXT, "we_did": TEXT,
        "figures": {"type": "array", "items": {"type": "object", "properties": {
            "label": TEXT, "value": {"type": "number"}, "unit": TEXT}}},
        "decision": {"type": "object", "description": "the decision it fed: a meeting item's id or a web address",
                     "properties": {"item_id": TEXT, "url": TEXT, "title": TEXT}}}},
}
