"""The payments routes' OpenAPI components (loaded only to build /openapi.json)."""
from ...validation import trimmed_text

SCHEMAS = {
    "WebhookReceived": {"type": "object", "required": ["received"], "properties": {
        "received": {"type": "boolean"},
        "payment": {"type": "object", "nullable": True, "description": "the payment as checked with the provider",
                    "properties": {"status": {"type": "string", "enum": [
                        "created", "started", "submitted", "capturable", "success", "failed", "cancelled",
                        "error"]}, "finished": {"type": "boolean"}}}}},
    "PaymentView": {"type": "object", "required": ["id", "amount", "status", "finished"], "properties": {
        "id": {"type": "string"}, "amount": {"type": "integer", "description": "pence"},
        "status": {"type": "string"}, "finished": {"type": "boolean"},
        "next_url": {"type": "string", "format": "uri", "nullable": True,
                     "description": "the provider's card page (while unfinished)"},
        "refunded": {"type": "integer", "description": "pence refunded"},
        "code": {"type": "string", "nullable": True, "example": "P0010"}}},
    "PaymentDay": {"type": "object", "required": ["date", "entries", "totals"], "properties": {
        "date": {"type": "string", "format": "date"},
        "entries": {"type": "array", "items": {"type": "object", "properties": {
            "at": {"type": "string", "format": "date-time"}, "kind": {"type": "string", "enum": ["payment", "refund"]},
            "reference": {"type": "string"}, "purpose": {"type": "string"}, "description": {"type": "string"},
            "amount": {"type": "integer", "description": "pence; refunds negative"},
            "payment_id": {"type": "string"}, "provider_id": {"type": "string"},
            "refund_id": {"type": "string", "nullable": True}, "by": {"type": "string", "nullable": True},
            "reason": {"type": "string", "nullable": True}}}},
        "totals": {"type": "object", "properties": {
            "payments": {"type": "integer"}, "refunds": {"type": "integer"}, "net": {"type": "integer"},
            "count": {"type": "integer"}}}}},
    "StaffPayment": {"type": "object", "required": ["id", "amount", "status"], "properties": {
        "id": {"type": "string"}, "purpose": {"type": "string"}, "subject_id": {"type": "string"},
        "reference": {"type": "string"}, "description": {"type": "string"}, "amount": {"type": "integer"},
        "status": {"type": "string"}, "finished": {"type": "boolean"}, "code": {"type": "string", "nullable": True},
        "provider_id": {"type": "string", "nullable": True}, "created_at": {"type": "string", "format": "date-time"},
        "refunded": {"type": "integer"},
        "refunds": {"type": "array", "items": {"type": "object", "properties": {
            "refund_id": {"type": "string"}, "amount": {"type": "integer"}, "status": {"type": "string"},
            "at": {"type": "string"}, "by": {"type": "string"}, "reason": {"type": "string"}}}},
        "refund_amount_available": {"type": "integer", "nullable": True,
                                    "description": "what the provider says is left to refund (null: cannot ask)"}}},
    "StaffRefund": {"type": "object", "required": ["amount", "refund_amount_available", "reason"],
                    "additionalProperties": False, "properties": {
                        "amount": {"type": "integer", "minimum": 1, "description": "pence"},
                        "refund_amount_available": {"type": "integer", "minimum": 0,
                                                    "description": "as read from GET /v1/staff/payments/{id}"},
                        "reason": trimmed_text(1, 500)}},
}
