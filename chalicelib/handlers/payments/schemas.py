"""The payments routes' OpenAPI components (loaded only to build /openapi.json)."""

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
}
