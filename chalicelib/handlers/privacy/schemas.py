"""The privacy routes' OpenAPI components (loaded only to build /openapi.json)."""
STRING = {"type": "string"}
TEXT = {"type": "string", "nullable": True}
WORDS = {"type": "array", "items": STRING}
CONTROLLER = {"type": "object", "properties": {"name": STRING, "email": TEXT, "phone": TEXT, "website": TEXT}}
DPO = {"type": "object", "description": "the council's data protection officer (all null where it names none) and "
       "`said`, a sentence that gives their contact or says there is none", "properties": {
           "name": TEXT, "email": TEXT, "postal_address": TEXT, "said": STRING}}

SCHEMAS = {
    "RecordOfProcessing": {"type": "object", "required": ["controller", "activities", "holding_none"], "properties": {
        "council": {"type": "object", "properties": {"id": STRING, "settings_version": {"type": "integer"}}},
        "controller": CONTROLLER, "data_protection_officer": DPO,
        "processor": STRING, "hosted": STRING, "security": STRING, "drawn_from": STRING,
        "activities": {"type": "array", "items": {"type": "object", "properties": {
            "table": STRING, "part": STRING, "title": STRING,
            "offered": {"type": "boolean", "description": "false: a service the council has switched off"},
            "whose": STRING, "data": {"type": "object", "additionalProperties": STRING,
                                      "description": "{attribute: kind of personal data}"},
            "purpose": STRING, "basis": {"type": "string", "description": "UK GDPR Article 6 basis"},
            "recipients": WORDS, "copy_of": TEXT,
            "retention": {"type": "object", "properties": {
                "after": STRING, "months": {"type": "integer"}, "days": {"type": "integer"},
                "then": {"type": "string", "enum": ["delete", "anonymise"]},
                "source": {"type": "string", "enum": ["lga", "ttl", "council", "project"]},
                "note": TEXT, "words": STRING}}}}},
        "holding_none": {**WORDS, "description": "the tables that hold no personal data"}}},
    "PrivacyNotice": {"type": "object", "required": ["controller", "sections", "rights"], "properties": {
        "council": {"type": "object", "properties": {"id": STRING, "name": STRING,
                                                     "settings_version": {"type": "integer"}}},
        "controller": {**CONTROLLER, "properties": {**CONTROLLER["properties"], "said": STRING, "contact": STRING}},
        "data_protection_officer": DPO,
        "sections": {"type": "array", "items": {"type": "object", "properties": {
            "id": {"type": "string", "description": "the section's anchor"},
            "link": {"type": "string", "description": "/privacy#<id>: where a collecting screen links"},
            "title": STRING, "about": WORDS, "what": WORDS, "why": WORDS, "basis": WORDS, "shared_with": WORDS,
            "kept": WORDS}}},
        "rights": WORDS, "complain": STRING}},
}
