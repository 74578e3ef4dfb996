"""Paying bills' OpenAPI components (loaded only to build /openapi.json)."""
from .funds import all_funds

PENCE = {"type": "integer", "description": "pence"}
# The council's funds (its funds file): a fund not among them breaks the document (400).
FUND = {"type": "string", "enum": [f.id for f in all_funds()]}
REFERENCE = {"type": "string", "minLength": 1, "maxLength": 40,
             "description": "as on the bill; its fund's rule (format, check digit) is checked: 422 reference_invalid"}
AMOUNT = {"type": "integer", "minimum": 1, "maximum": 10_000_000,
          "description": "pence; outside the fund's least and most: 422 amount_outside_limits"}
EMAIL = {"type": "string", "maxLength": 254, "description": "where the receipt goes (422 email_invalid if not an "
                                                            "address)"}
TEXT = {"type": "string"}
NULLABLE_TEXT = {"type": "string", "nullable": True}

SCHEMAS = {
    "Fund": {"type": "object", "required": ["id", "name", "hint", "reference_label", "reference_rule", "least", "most",
                                            "amount_fixed"], "properties": {
        "id": TEXT, "name": TEXT, "hint": TEXT, "reference_label": TEXT, "reference_rule": TEXT,
        "reference_example": TEXT, "reference_pattern": TEXT, "least": PENCE, "most": PENCE,
        "amount_fixed": {"type": "boolean", "description": "the bill's issuer says what is due; nothing is typed"}}},
    "Funds": {"type": "object", "required": ["funds"], "properties": {
        "funds": {"type": "array", "items": {"$ref": "#/components/schemas/Fund"}}}},
    "BillCheckRequest": {"type": "object", "required": ["fund", "reference"], "additionalProperties": False,
                         "properties": {"fund": FUND, "reference": REFERENCE}},
    "BillCheck": {"type": "object", "required": ["fund", "reference", "amount_fixed", "offers"], "properties": {
        "fund": TEXT, "reference": {"type": "string", "description": "as the fund writes it"},
        "amount_fixed": {"type": "boolean"}, "amount_due": {"type": "integer", "nullable": True, "description": "pence"},
        "least": PENCE, "most": PENCE, "issued_on": NULLABLE_TEXT, "discount_ends": NULLABLE_TEXT,
        "offers": {"type": "array", "description": "a linked council tax account's: the balance, the next "
                                                   "instalment (signed-in owner only; empty for anyone else)",
                   "items": {"type": "object", "properties": {"kind": TEXT, "amount": PENCE, "due": NULLABLE_TEXT,
                                                             "label": TEXT}}}}},
    "BillNew": {"oneOf": [
        {"type": "object", "required": ["fund", "reference"], "additionalProperties": False, "properties": {
            "fund": FUND, "reference": REFERENCE, "email": EMAIL,
            "amount": {**AMOUNT, "description": "pence, needed unless the issuer fixes the amount (then ignored); "
                                                "outside the fund's limits: 422"}}},
        {"type": "object", "required": ["link"], "additionalProperties": False, "properties": {
            "link": {"type": "string", "minLength": 1, "maxLength": 64,
                     "description": "a staff payment link's id (its fund, reference and amount)"},
            "email": EMAIL}}]},
    "Bill": {"type": "object", "required": ["id", "fund", "reference", "amount"], "properties": {
        "id": TEXT, "fund": TEXT, "fund_name": TEXT, "reference": TEXT, "amount": PENCE, "amount_text": TEXT,
        "payment_reference": {"type": "string", "nullable": True, "example": "PY-7K3F9QRT",
                              "description": "the payer's reference for this payment (receipt, My Account)"},
        "description": TEXT, "created_at": TEXT, "status": NULLABLE_TEXT,
        "payment": {"type": "object", "nullable": True, "properties": {
            "id": TEXT, "status": TEXT, "finished": {"type": "boolean"}, "code": NULLABLE_TEXT,
            "next_url": {"type": "string", "nullable": True, "description": "the card page (until it finishes)"}}},
        "feedback": {"type": "object", "description": "once paid: how did it go? POST /v1/feedback with its token",
                     "properties": {"service": TEXT, "token": TEXT}}}},
    "Bills": {"type": "object", "required": ["bills"], "properties": {
        "bills": {"type": "array", "items": {"$ref": "#/components/schemas/Bill"}}}},
    "Reconciliation": {"type": "object", "required": ["date", "funds", "differences"], "properties": {
        "date": TEXT, "provider_reached": {"type": "boolean", "description": "false: the provider could not be "
                                                                              "asked; settled is null"},
        "differences": {"type": "integer", "description": "payments that differ, all funds"},
        "funds": {"type": "array", "description": "funds paid by reference, then services' (containers, hire)",
                  "items": {"type": "object", "properties": {
            "fund": TEXT, "fund_code": TEXT, "name": TEXT, "settled_total": {"type": "integer", "nullable": True},
            "posted_total": PENCE, "file_total": PENCE, "settled_count": {"type": "integer", "nullable": True}, "posted_count": {"type": "integer"},
            "file_count": {"type": "integer"},
            "differences": {"type": "array", "items": {"type": "object", "properties": {
                "payment_id": TEXT, "settled": {"type": "integer", "nullable": True}, "posted": {"type": "integer", "nullable": True},
                "file": {"type": "integer", "nullable": True}}}}}}}}},
    "PayLinkNew": {"type": "object", "required": ["fund", "reference"], "additionalProperties": False,
                   "properties": {"fund": FUND, "reference": REFERENCE, "amount": AMOUNT,
                                  "expires_days": {"type": "integer", "minimum": 1, "maximum": 30},
                                  "email": {"type": "string", "maxLength": 254,
                                            "description": "send the link to this address (from the link's event)"},
                                  "phone": {"type": "string", "maxLength": 20,
                                            "description": "send the link by text to this mobile number"},
                                  "confirm": {"type": "boolean", "description": "make it although another link "
                                              "for the fund and reference is live or in progress"}}},
    "PayLink": {"type": "object", "required": ["id", "url", "fund", "reference", "expires_at"], "properties": {
        "id": TEXT, "url": TEXT, "fund": TEXT, "fund_name": TEXT, "reference": TEXT,
        "amount": {"type": "integer", "nullable": True, "description": "pence; null: the issuer's amount due"},
        "amount_text": NULLABLE_TEXT, "expires_at": TEXT, "used": {"type": "boolean"},
        "state": {"type": "string", "enum": ["live", "in_progress", "paid", "expired"],
                  "description": "in_progress: a payment through it started and has not finished"},
        "created_at": NULLABLE_TEXT, "started_at": {**NULLABLE_TEXT, "description": "when its payment started"},
        "paid_at": NULLABLE_TEXT,
        "sending": {"type": "array", "items": {"type": "string", "enum": ["email", "phone"]},
                    "description": "how the link is being sent (never to whom)"}}},
}
