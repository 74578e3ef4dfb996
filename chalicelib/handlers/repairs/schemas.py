"""The repair routes' OpenAPI components (loaded only to build /openapi.json)."""
from ..feedback.schemas import ASKED
from ...api.openapi import identifier
from ...validation import PHONE_SCHEMA
TEXT = {"type": "string", "maxLength": 300}
ID = identifier(pattern="^[a-z][a-z0-9_]{0,39}$", max_length=40)  # the tree's: checked at the edge (400)
LABELLED = {"type": "object", "properties": {"id": {"type": "string"}, "label": {"type": "string"}}}
DATES = {"type": "array", "description": "each clock that concerns the tenant", "items": {"type": "object", "properties": {
    "clock": {"type": "string"}, "due": {"type": "string", "format": "date-time"},
    "state": {"type": "string", "enum": ["on_time", "at_risk", "due_today", "late", "met", "missed"]},
    "text": {"type": "string"}, "rule": {"type": "string", "description": "the rule that set it (repair_clocks.json)"},
    "by": {"type": "string", "description": "its span and rule in words: 3 working days under the Right to Repair (Scotland)"}}}}
BOARD_ROW = {"type": "object", "properties": {
    "id": {"type": "string"}, "address": {"type": "string"}, "priority": {"type": "string"},
    "trade": {"type": "string"}, "status": {"type": "string"}, "appointment": {"type": "object", "nullable": True},
    "aware_at": {"type": "string", "format": "date-time"},
    "clocks": {"type": "array", "items": {"type": "object", "properties": {
        "clock": {"type": "string"}, "due": {"type": "string", "format": "date-time"},
        "state": {"type": "string"}, "by": {"type": "string", "description": "its span and the rule that set it"}}}},
    "proposal": {"type": "string", "nullable": True, "enum": ["second_contractor", "tenant_may_call_another", None]}}}
BLOCK = {"type": "object", "properties": {"id": {"type": "string"}, "name": {"type": "string"}}}
BLOCK_REPAIR = {"type": "object", "description": "a shared part's repair as the block's tenants see it: no one's name, "
                "contact, access notes or photos", "properties": {
    "id": {"type": "string"}, "location": {"type": "string"}, "problem": {"type": "string"},
    "issue": {"type": "string"}, "description": {"type": "string"}, "status": {"type": "string"},
    "created_at": {"type": "string", "format": "date-time"},
    "me_too": {"type": "integer", "description": "tenants who said it affects them too"},
    "mine_too": {"type": "boolean", "description": "I said so"}}}
SCHEMAS = {
    "RepairsBoard": {"type": "object", "required": ["late", "due_today", "at_risk", "read"], "properties": {
        "late": {"type": "array", "items": BOARD_ROW}, "due_today": {"type": "array", "items": BOARD_ROW},
        "at_risk": {"type": "array", "items": BOARD_ROW},
        "read": {"type": "integer", "description": "repairs the board read"},
        "at": {"type": "string", "format": "date-time"}}},
    "RepairQuestions": {"type": "object", "properties": {
        "emergencies": {"type": "array", "items": {"type": "object", "properties": {
            "id": {"type": "string"}, "label": {"type": "string"}, "do_now": {"type": "string"},
            "phone": {"type": "string"}, "page": {"type": "string"}}}},
        "locations": {"type": "array", "items": {**LABELLED, "properties": {
            **LABELLED["properties"], "communal": {"type": "boolean", "description": "a shared part of a block"},
            "problems": {"type": "array", "items": {**LABELLED, "properties": {
                **LABELLED["properties"], "issues": {"type": "array", "items": LABELLED}}}}}}}}},
    "MyHomes": {"type": "object", "properties": {"homes": {"type": "array", "items": {"type": "object", "properties": {
        "id": {"type": "string", "description": "the tenancy's rent account reference"},
        "address": {"type": "string"},
        "block": {**BLOCK, "nullable": True, "description": "the block it is in (a house: null)"}}}}}},
    "BlockRepair": BLOCK_REPAIR,
    "BlockRepairs": {"type": "object", "properties": {"blocks": {"type": "array", "items": {**BLOCK, "properties": {
        **BLOCK["properties"], "repairs": {"type": "array", "items": BLOCK_REPAIR}}}}}},
    "RepairNew": {"type": "object", "required": ["home", "location", "problem", "issue", "description", "contact"],
                  "additionalProperties": False, "properties": {
        "home": identifier("one of GET /v1/me/homes", pattern="\\S", max_length=40),
        "location": ID, "problem": ID, "issue": ID,
        "emergency": {"type": "string", "description": "an emergency's id: refused, with what to do and whom to call"},
        "description": {"type": "string", "minLength": 1, "maxLength": 500, "pattern": "\\S"},
        "access": {"type": "object", "additionalProperties": False, "properties": {
            "notes": TEXT, "pets": TEXT, "times": TEXT, "needs": TEXT}},
        "photos": {"type": "array", "maxItems": 3, "items": {"type": "string", "pattern": "^[0-9a-f]{32}$"},
                   "description": "upload ids (POST /v1/uploads): checked and cleaned of their metadata"},
        "contact": {"type": "object", "required": ["phone"], "properties": {
            "phone": {**PHONE_SCHEMA, "description": "a number to text"},
            "name": {"type": "string", "maxLength": 100}}}}},
    "Repair": {"type": "object", "required": ["id", "status", "home"], "properties": {
        "feedback": ASKED,
        "id": {"type": "string"}, "home": {"type": "string"}, "address": {"type": "string"},
        "location": {"type": "string"}, "problem": {"type": "string"}, "issue": {"type": "string"},
        "priority": {"type": "string", "enum": ["emergency", "urgent", "routine"]},
        "description": {"type": "string"}, "access": {"type": "object", "nullable": True},
        "contact": {"type": "object", "nullable": True, "description": "the desk's: null until asked for with "
                    "Access-Reason (contact_withheld true)"},
        "contact_withheld": {"type": "boolean"},
        "status": {"type": "string", "enum": ["reported", "booked", "cancelled", "done"]},
        "emergency": {"type": "boolean", "description": "no time is chosen: attended within 24 hours"},
        "ordered": {"type": "boolean", "description": "the contractor's scheduler holds its order"},
        "appointment": {"type": "object", "nullable": True, "properties": {
            "day": {"type": "string", "format": "date"}, "half": {"type": "string", "enum": ["AM", "PM"]},
            "start": {"type": "string", "format": "date-time"}, "end": {"type": "string", "format": "date-time"},
            "state": {"type": "string", "enum": ["asking", "booked"]}}},
        "aware_at": {"type": "string", "format": "date-time", "description": "when the council became aware"},
        "created_at": {"type": "string", "format": "date-time"}, "dates": DATES,
        "investigated_at": {"type": "string", "format": "date-time", "nullable": True},
        "summary": {"type": "string", "nullable": True, "description": "the inspection's written summary"},
        "done_at": {"type": "string", "format": "date-time", "nullable": True},
        "done_what": {"type": "string", "nullable": True},
        "second_contractor": {"type": "boolean"},
        "right_to_repair_days": {"type": "integer", "nullable": True, "minimum": 1,
                                 "description": "a qualifying repair's Right to Repair period, in working days"},
        "compensation": {"type": "integer", "nullable": True, "description": "pence owed (Right to Repair)"},
        "compensation_text": {"type": "string", "nullable": True},
        "compensation_so_far": {"type": "integer", "nullable": True,
                                "description": "pence owed so far while late, where the law owes it without a claim"},
        "compensation_so_far_text": {"type": "string", "nullable": True},
        "contractors_text": {"type": "string", "nullable": True,
                             "description": "the usual contractor and the others on the list (Right to Repair, Scotland)"},
        "other_contractor": {"type": "object", "nullable": True, "description": "offered once the usual one is late",
                             "properties": {"name": {"type": "string"}, "phone": {"type": "string"},
                                            "text": {"type": "string"}}},
        "photos": {"type": "array", "items": {"type": "string"}, "description": "signed links to its photos"},
        "block": {"type": "string", "nullable": True, "description": "a shared part of this block: its tenants see it"}}},
    "MyRepairs": {"type": "object", "properties": {"repairs": {"type": "array", "items": {"$ref": "#/components/schemas/Repair"}}}},
    "RepairSlots": {"type": "object", "properties": {
        "slots": {"type": "array", "items": {"type": "object", "properties": {
            "day": {"type": "string", "format": "date"}, "half": {"type": "string", "enum": ["AM", "PM"]},
            "start": {"type": "string", "format": "date-time"}, "end": {"type": "string", "format": "date-time"}}}},
        "scheduler_calls": {"type": "integer", "description": "requests this search made to the scheduler"}}},
    "RepairInspection": {"type": "object", "required": ["summary"], "additionalProperties": False, "properties": {
        "summary": {"type": "string", "minLength": 1, "maxLength": 2000, "pattern": "\\S",
                    "description": "the written summary the tenant reads"}}},
    "RepairDone": {"type": "object", "required": ["what"], "additionalProperties": False, "properties": {
        "what": {"type": "string", "minLength": 1, "maxLength": 500, "pattern": "\\S"}}},
    "RepairSlotChoice": {"type": "object", "required": ["day", "half"], "additionalProperties": False, "properties": {
        "day": {"type": "string", "format": "date"}, "half": {"type": "string", "enum": ["AM", "PM"]}}},
}
