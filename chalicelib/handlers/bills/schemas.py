"""Paying bills' OpenAPI components (loaded only to build /openapi.json)."""
PENCE = {"type": "integer", "description": "pence"}
TEXT = {"type": "string"}
NULLABLE_TEXT = {"type": ["string", "null"]}

SCHEMAS = {
    "Fund": {"type": "object", "required": ["id", "name", "hint", "reference_label", "reference_rule", "least", "most",
                                            "amount_fixed"], "properties": {
        "id": TEXT, "name": TEXT, "hint": TEXT, "reference_label": TEXT, "reference_rule": TEXT,
        "reference_example": TEXT, "reference_pattern": TEXT, "least": PENCE, "most": PENCE,
        "amount_fixed": {"type": "boolean", "description": "the bill's issuer says what is due; nothing is typed"}}},
    "Funds": {"type": "object", "required": ["funds"], "properties": {
        "funds": {"type": "array", "items": {"$ref": "#/components/schemas/Fund"}}}},
    "BillCheckRequest": {"type": "object", "required": ["fund", "reference"], "properties": {
        "fund": {"type": "string", "maxLength": 40}, "reference": {"type": "string", "maxLength": 40}}},
    "BillCheck": {"type": "object", "required": ["fund", "reference", "amount_fixed", "offers"], "properties": {
        "fund": TEXT, "reference": {"type": "string", "description": "as the fund writes it"},
        "amount_fixed": {"type": "boolean"}, "amount_due": {"type": ["integer", "null"], "description": "pence"},
        "least": PENCE, "most": PENCE, "issued_on": NULLABLE_TEXT, "discount_ends": NULLABLE_TEXT,
        "offers": {"type": "array", "description": "a linked council tax account's: the balance, the next "
                                                   "instalment (signed-in owner only; empty for anyone else)",
                   "items": {"type": "object", "properties": {"kind": TEXT, "amount": PENCE, "due": NULLABLE_TEXT,
                                                             "label": TEXT}}}}},
    "BillNew": {"type": "object", "properties": {
        "fund": {"type": "string", "maxLength": 40}, "reference": {"type": "string", "maxLength": 40},
        "amount": {**PENCE, "description": "pence; ignored where the issuer fixes the amount"},
        "email": {"type": "string", "maxLength": 254, "description": "where the receipt goes"},
        "link": {"type": "string", "maxLength": 64,
                 "description": "a staff payment link's id instead of fund, reference and amount"}}},
    "Bill": {"type": "object", "required": ["id", "fund", "reference", "amount"], "properties": {
        "id": TEXT, "fund": TEXT, "fund_name": TEXT, "reference": TEXT, "amount": PENCE, "amount_text": TEXT,
        "description": TEXT, "created_at": TEXT, "status": NULLABLE_TEXT,
        "payment": {"type": ["object", "null"], "properties": {
            "id": TEXT, "status": TEXT, "finished": {"type": "boolean"}, "code": NULLABLE_TEXT,
            "next_url": {"type": ["string", "null"], "description": "the card page (until it finishes)"}}}}},
    "Bills": {"type": "object", "required": ["bills"], "properties": {
        "bills": {"type": "array", "items": {"$ref": "#/components/schemas/Bill"}}}},
    "Reconciliation": {"type": "object", "required": ["date", "funds", "differences"], "properties": {
        "date": TEXT, "differences": {"type": "integer", "description": "payments that differ, all funds"},
        "funds": {"type": "array", "items": {"type": "object", "properties": {
            "fund": TEXT, "fund_code": TEXT, "settled_total": PENCE, "posted_total": PENCE, "file_total": PENCE,
            "settled_count": {"type": "integer"}, "posted_count": {"type": "integer"},
            "file_count": {"type": "integer"},
            "differences": {"type": "array", "items": {"type": "object", "properties": {
                "payment_id": TEXT, "settled": {"type": ["integer", "null"]}, "posted": {"type": ["integer", "null"]},
                "file": {"type": ["integer", "null"]}}}}}}}}},
    "PayLinkNew": {"type": "object", "required": ["fund", "reference"], "properties": {
        "fund": {"type": "string", "maxLength": 40}, "reference": {"type": "string", "maxLength": 40},
        "amount": PENCE, "expires_days": {"type": "integer", "minimum": 1, "maximum": 30}}},
    "PayLink": {"type": "object", "required": ["id", "url", "fund", "reference", "expires_at"], "properties": {
        "id": TEXT, "url": TEXT, "fund": TEXT, "fund_name": TEXT, "reference": TEXT,
        "amount": {"type": ["integer", "null"], "description": "pence; null: the issuer's amount due"},
        "amount_text": NULLABLE_TEXT, "expires_at": TEXT, "used": {"type": "boolean"}}},
}
