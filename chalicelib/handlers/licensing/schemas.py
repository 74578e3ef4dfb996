"""The licensing routes' OpenAPI components (loaded only to build /openapi.json)."""
STR = {"type": "string"}
NSTR = {"type": "string", "nullable": True}
OBJ = {"type": "object"}
CLOCK = {"type": "object", "properties": {
    "name": STR, "label": STR, "last_day": {"type": "string", "format": "date"}, "rule": STR, "source": STR,
    "note": NSTR}}
ANSWERS = {"type": "array", "description": "the type's form's questions answered, in words (the register and a "
           "consultee: only those the form marks public)", "items": {"type": "object", "properties": {
               "id": STR, "question": STR, "answer": STR}}}
CASE = {"type": "object", "required": ["id", "type", "state"], "properties": {
    "id": {"type": "string", "pattern": "^LC-"}, "type": STR, "kind": {"type": "string", "enum": ["application",
                                                                                                    "notice"]},
    "state": STR, "premises": OBJ, "received_at": NSTR, "clocks": {"type": "array", "items": CLOCK},
    "law": {"type": "object", "nullable": True}, "event": {"type": "object", "nullable": True},
    "conditions": {"type": "array", "items": STR}, "decision": {"type": "object", "nullable": True},
    "licence": {"type": "object", "nullable": True},
    "renews": {"type": "object", "nullable": True, "description": "a renewal's licence renewed: {case, number, to}"},
    "purpose": {"type": "string", "enum": ["new", "variation", "minor_variation", "renewal"],
                "description": "what is applied for: a new licence, a variation (or a minor variation, Licensing "
                               "Act 2003 s.41A) of one held, a renewal"},
    "changes": {"type": "array", "items": STR, "description": "a minor variation's kinds of change"},
    "varies": {**NSTR, "description": "a variation's licence number, as the applicant gave it"},
    "fee": {"type": "integer", "description": "pence"},
    "band": NSTR, "refused": {"type": "object", "nullable": True, "description": "{code, words}: a notice refused"},
    "payment_status": NSTR, "payment": {"type": "object", "nullable": True},
    "annual_fee": {"type": "object", "nullable": True,
                   "description": "a licence's annual fees: {paid: [days], notice: {due, given, suspends_on}, owed, "
                                  "paying, grace: {fee's day: the grace's last day}}"},
    "requests": {"type": "array", "description": "the officers' requests and the applicant's answers", "items": {
        "type": "object", "properties": {"id": {"type": "integer"}, "words": STR, "document": NSTR,
                                         "reply_by": {**NSTR, "format": "date"}, "asked_at": STR,
                                         "answer": {"type": "object", "nullable": True}}}},
    "documents": {"type": "array", "items": {"type": "object", "properties": {
        "id": STR, "name": STR, "required": {"type": "boolean"},
        "sent": {"type": "object", "nullable": True, "description": "{upload_id, name, content_type, size, at}"}}}},
    "representations": {"type": "array", "items": OBJ,
                        "description": "as the officer shared them: never who made them"},
    "answers": ANSWERS}}

SCHEMAS = {
    "LicenceTypes": {"type": "object", "properties": {"council": STR, "types": {"type": "array", "items": OBJ}}},
    "LicenceCase": CASE,
    "LicenceCases": {"type": "object", "properties": {"cases": {"type": "array", "items": CASE}}},
    "LicenceRepresentationMade": {"type": "object", "properties": {
        "id": STR, "case": STR, "last_day": {"type": "string", "format": "date"}}},
    "LicenceRegister": {"type": "object", "properties": {"cases": {"type": "array", "items": OBJ}, "next": NSTR}},
    "LicenceRegisterCase": {"type": "object", "properties": {
        "id": STR, "type": STR, "type_name": STR, "state": STR, "answers": ANSWERS,
        "licence_state": {**NSTR, "description": "current, suspended (an annual fee unpaid, or by the council), "
                                                 "revoked, surrendered, expired"},
        "representations": {"type": "object", "properties": {"open": {"type": "boolean"}, "last_day": NSTR}}}},
    "LicenceConsultation": {"type": "object", "properties": {
        "case": {**CASE, "properties": {**CASE["properties"], "type_name": STR, "applicant": OBJ}},
        "consultee": {"type": "object", "properties": {
            "id": STR, "name": STR, "due": {**NSTR, "format": "date"}, "answer": NSTR, "words": NSTR,
            "late": {"type": "boolean"}}},
        "answers": {"type": "array", "items": STR}, "open": {"type": "boolean", "description": "takes an answer"},
        "expires_at": {"type": "string", "format": "date-time"}}},
    "LicenceDocumentLink": {"type": "object", "required": ["url", "expires_at", "name"], "properties": {
        "url": {"type": "string", "description": "the file, for a minute, made for this officer"},
        "expires_at": {"type": "string", "format": "date-time"}, "name": STR, "content_type": STR,
        "size": {"type": "integer"}}},
    "LicenceDeskCases": {"type": "object", "properties": {"cases": {"type": "array", "items": OBJ}}},
    "LicenceDeskCase": {**CASE, "properties": {**CASE["properties"], "applicant": OBJ,
                                               "version": {"type": "integer", "description": "the ETag's number"},
                                               "personal_withheld": {"type": "boolean", "description": (
                                                   "a change answered without Access-Reason: the case's state, "
                                                   "clocks and version only")},
                                               "consultees": {"type": "array", "items": OBJ},
                                               "checks": {"type": "array", "items": OBJ, "description": (
                                                   "checks recorded: {check, on, outcome, certificate, notes}")},
                                               "check_due": {"type": "object", "nullable": True},
                                               "nr3s": {"type": "array", "items": OBJ, "description": (
                                                   "the council's outgoing NR3S entries for this licence")}}},
    "LicenceChecksDue": {"type": "object", "properties": {"today": {"type": "string", "format": "date"},
                                                         "checks_due": {"type": "array", "items": {
                                                             "type": "object", "properties": {
                                                                 "id": STR, "type": STR, "licence": NSTR,
                                                                 "check": STR, "due": {"type": "string",
                                                                                       "format": "date"},
                                                                 "overdue": {"type": "boolean"}}}}}},
}
