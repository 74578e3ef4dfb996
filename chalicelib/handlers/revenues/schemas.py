"""The council tax routes' OpenAPI components (loaded only to build /openapi.json)."""
from ...validation import SOME_TEXT, trimmed_text
from .references import AS_TYPED
from .limits import REASON_MAX, REASON_MIN

REFERENCE = {"type": "string", "pattern": AS_TYPED, "example": "500123454",
             "description": "the account reference on the bill: 9 digits starting 5 (spaces and dashes let be), the "
                            "last a check digit (wrong: 422)"}
REASON = trimmed_text(REASON_MIN, REASON_MAX)
PENCE = {"type": "integer", "description": "pence"}
DAY = {"type": "string", "format": "date"}

# What a move tells beyond where and when (request_checks.move_more; handlers/moving sends them).
MOVE_MORE = {
    "people": {"type": "array", "minItems": 1, "maxItems": 10, "items": trimmed_text(1, 100),
               "description": "move: everyone on the bill"},
    "furnished": {"type": "boolean", "description": "move: the old home left furnished"},
    "tenure": {"type": "string", "enum": ["sold", "rented"], "description": "move: the old home sold or rented"},
    "contact": {"type": "object", "required": ["role", "name"], "additionalProperties": False, "properties": {
        "role": {"type": "string", "enum": ["buyer", "solicitor", "landlord", "agent"]},
        "name": {"type": "string", "minLength": 1, "maxLength": 200, "pattern": SOME_TEXT},
        "phone": {"type": "string", "maxLength": 200}, "email": {"type": "string", "maxLength": 200}},
        "description": "move: the buyer or solicitor when sold, the landlord or agent when rented"},
    "tenancy_end": {**DAY, "description": "move: when the old home's tenancy ends"},
    "forwarding": {**trimmed_text(1, 200), "description": "move: the forwarding address"},
    "uprn": {**trimmed_text(1, 200), "description": "move: the new address's UPRN"},
    "move_ref": {**trimmed_text(1, 200), "description": "move: the Doorstep move it came from"}}

SCHEMAS = {
    "CouncilTaxLinkRequest": {"type": "object", "required": ["reference", "name"], "properties": {
        "reference": REFERENCE,
        "name": {"type": "string", "maxLength": 100, "pattern": SOME_TEXT, "description": "the name as printed on the bill"},
        "online_key": {"type": "string", "maxLength": 20, "description": "the online key printed on the bill"},
        "postcode": {"type": "string", "maxLength": 20},
        "phone_last3": {"type": "string", "pattern": "^[0-9]{3}$",
                        "description": "the last 3 digits of the phone number the council holds"},
        "dd_last3": {"type": "string", "pattern": "^[0-9]{3}$",
                     "description": "the last 3 digits of the account paying by Direct Debit"}},
        "additionalProperties": False, "description": "the reference, the name and at least two of the four checks"},
    "CouncilTaxLookup": {"type": "object", "required": ["reference", "reason"], "properties": {
        "reference": REFERENCE, "reason": REASON}},
    "CouncilTaxRevocation": {"type": "object", "required": ["reference", "link_id", "reason"], "properties": {
        "reference": REFERENCE, "link_id": {"type": "string", "minLength": 1}, "reason": REASON}},
    "CouncilTaxStaffDocument": {"type": "object", "required": ["reference", "document_id", "reason"], "properties": {
        "reference": REFERENCE, "document_id": {"type": "string", "pattern": "^[A-Za-z0-9_.-]{1,40}$"},
        "reason": REASON}},
    "CouncilTaxLink": {"type": "object", "required": ["id", "reference", "linked_at"], "properties": {
        "id": {"type": "string"}, "reference": {"type": "string"},
        "linked_at": {"type": "string", "format": "date-time"}}},
    "CouncilTaxLinks": {"type": "object", "required": ["links"], "properties": {
        "links": {"type": "array", "items": {"$ref": "#/components/schemas/CouncilTaxLink"}}}},
    "CouncilTaxAccount": {"type": "object", "required": ["id", "reference", "summary", "fetched_at", "age_s", "stale"],
                          "properties": {
        "id": {"type": "string"}, "reference": {"type": "string"}, "year": {"type": "integer"},
        "fetched_at": {"type": "string", "format": "date-time", "description": "when the back office said this"},
        "age_s": {"type": "integer", "description": "seconds since then"},
        "stale": {"type": "boolean", "description": "the back office could not be asked: this is the last copy"},
        "back_at": {"type": "string", "nullable": True,
                    "description": "stale in the back office's nightly window: when it is back"},
        "summary": {"type": "object", "properties": {
            "balance": PENCE, "year_charge": PENCE, "year_paid": PENCE, "year_benefits": PENCE,
            "arrears": PENCE, "next_due": {**DAY, "nullable": True}, "next_amount": {**PENCE, "nullable": True},
            "payment_method": {"type": "string"}, "direct_debit": {"type": "boolean"},
            "stage": {"type": "string", "nullable": True}, "discounts": {"type": "array", "items": {"type": "string"}}}},
        "property": {"type": "object", "nullable": True, "properties": {
            "address": {"type": "string"}, "postcode": {"type": "string"},
            "band": {"type": "string", "nullable": True, "description": "null: not banded yet (a new build)"}}},
        "next_instalment": {"type": "object", "nullable": True},
        "charges": {"type": "array", "description": "the year's charges line by line (a Scottish council's council "
                    "tax, water and waste water), the back office's, else estimated by the council's rules",
                    "items": {"type": "object", "properties": {
                        "kind": {"type": "string", "enum": ["council_tax", "water", "waste_water", "other"]},
                        "name": {"type": "string", "nullable": True, "description": "the back office's words"},
                        "amount": PENCE, "band": {"type": "string", "nullable": True},
                        "year": {"type": "integer", "description": "the financial year the figure is for, by its "
                                 "start"}, "estimate": {"type": "boolean"},
                        "basis": {"type": "object", "nullable": True, "description": "the band's share of band D: "
                                  "part/of"},
                        "rule": {"type": "object", "nullable": True, "description": "the rule that made it: id, "
                                 "title, url, from"}}}},
        "sections_at": {"type": "object", "description": "when each section given was read (plan, payments, "
                        "documents, benefits, rent)", "additionalProperties": {"type": "string",
                                                                              "format": "date-time"}},
        "instalments": {"type": "array", "items": {"type": "object", "properties": {
            "due": DAY, "amount": PENCE, "direct_debit": {"type": "boolean"}}}},
        "payments": {"type": "array", "items": {"type": "object", "properties": {
            "date": DAY, "amount": PENCE, "kind": {"type": "string"}, "method": {"type": "string"},
            "reference": {"type": "string", "description": "a payment's own reference, where the back office "
                                                             "keeps one"}}}},
        "documents": {"type": "array", "items": {"type": "object", "properties": {
            "id": {"type": "string"}, "name": {"type": "string"}, "kind": {"type": "string"}, "created": DAY,
            "about": {"type": "string", "enum": ["council_tax", "benefits"]}}}},
        "benefit_claims": {"type": "array", "items": {"type": "object"}},
        "benefit_payments": {"type": "array", "items": {"type": "object"}},
        "rent_accounts": {"type": "array", "description": "the linked person's council rent accounts (none: not a "
                          "council tenant)", "items": {"type": "object", "properties": {
            "reference": {"type": "string"}, "address": {"type": "string"},
            "balance": {**PENCE, "description": "pence owed now (negative: in credit)"},
            "weekly_charge": {**PENCE, "description": "rent a week"}, "status": {"type": "string"},
            "payments": {"type": "array", "items": {"type": "object", "properties": {
                "date": DAY, "amount": PENCE, "kind": {"type": "string"}, "method": {"type": "string"}}}}}}}}},
    "CouncilTaxRequestNew": {"type": "object", "required": ["kind"], "properties": {
        "kind": {"type": "string", "enum": ["paperless", "move", "single_person_discount", "instalment_day"]},
        "paperless": {"type": "boolean", "description": "paperless: the linked person's own consent (true) or its end"},
        "move": {"type": "string", "enum": ["in", "out", "within"]},
        "date": {**DAY, "description": "move or discount: any date the back office accepts (a year back to six "
                                       "months ahead), not only 14 days ahead"},
        "address": {"type": "string", "maxLength": 200}, "postcode": {"type": "string", "maxLength": 200},
        "action": {"type": "string", "enum": ["apply", "end"], "description": "single person discount"},
        "day": {"type": "integer", "minimum": 1, "maximum": 28, "description": "instalment day of the month"},
        **MOVE_MORE},
        "description": "what the kind needs and nothing else; a request is the linked person's own (a move names "
                       "everyone on the bill as information, never as their consent)"},
    "CouncilTaxRequest": {"type": "object", "required": ["id", "kind", "state", "created_at"], "properties": {
        "id": {"type": "string", "description": "our reference, given at once"}, "link_id": {"type": "string"},
        "kind": {"type": "string"}, "details": {"type": "object"},
        "state": {"type": "string", "enum": ["queued", "taken", "refused", "failed"]},
        "created_at": {"type": "string", "format": "date-time"},
        "back_office_reference": {"type": "string", "nullable": True, "description": "once the back office took it"},
        "taken_at": {"type": "string", "format": "date-time", "nullable": True},
        "tries": {"type": "integer"}}},
    "CouncilTaxRequests": {"type": "object", "required": ["requests"], "properties": {
        "requests": {"type": "array", "items": {"$ref": "#/components/schemas/CouncilTaxRequest"}}}},
    "CouncilTaxRequestsGivenUp": {"type": "object", "required": ["requests"], "properties": {
        "requests": {"type": "array", "items": {"type": "object", "properties": {
            "id": {"type": "string"}, "kind": {"type": "string"}, "details": {"type": "object"},
            "state": {"type": "string"}, "account_ref": {"type": "string"}, "person_ref": {"type": "string"},
            "user_id": {"type": "string"}, "created_at": {"type": "string", "format": "date-time"},
            "tries": {"type": "integer"}, "last_error": {"type": "string", "nullable": True}}}}}},
}
