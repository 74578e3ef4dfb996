"""The waste routes' OpenAPI components (loaded only to build /openapi.json)."""
from .limits import (BOOKING_ID_PATTERN, CATALOGUE_MAX, ITEM_ID_PATTERN, ITEM_NAME_MAX, LOCATION_MAX, MAX_ITEMS_LIMIT,
                     NOTES_MAX, PRICE_MAX)

PENCE = {"type": "integer", "minimum": 0, "description": "pence"}
ITEM = {"type": "object", "required": ["id", "name", "price"], "additionalProperties": False, "properties": {
    "id": {"type": "string", "pattern": ITEM_ID_PATTERN}, "name": {"type": "string", "maxLength": ITEM_NAME_MAX},
    "price": {**PENCE, "maximum": PRICE_MAX}}}
RULES = {"minimum_charge": PENCE, "max_items": {"type": "integer", "minimum": 1, "maximum": MAX_ITEMS_LIMIT},
         "capacity_per_day": {"type": "integer", "minimum": 0}, "window_days": {"type": "integer", "minimum": 1},
         "round_stream": {"type": "string", "enum": ["refuse", "recycling", "garden", "food"]}}

SCHEMAS = {
    "BulkyCatalogue": {"type": "object", "required": ["items", "minimum_charge", "max_items"], "properties": {
        "items": {"type": "array", "items": ITEM}, **RULES, "currency": {"type": "string", "example": "GBP"},
        "version": {"type": "integer"}}},
    "BulkyCatalogueEdit": {"type": "object", "additionalProperties": False,
                           "required": ["items", "minimum_charge", "max_items", "capacity_per_day", "window_days"],
                           "properties": {"items": {"type": "array", "minItems": 1, "maxItems": CATALOGUE_MAX,
                                                    "items": ITEM}, **RULES}},
    "BulkyDates": {"type": "object", "required": ["uprn", "round", "dates"], "properties": {
        "uprn": {"type": "string"}, "round": {"type": "string"},
        "dates": {"type": "array", "items": {"type": "object", "properties": {
            "date": {"type": "string", "format": "date"}, "weekday": {"type": "string"},
            "places_left": {"type": "integer"},
            "cut_off": {"type": "string", "format": "date-time",
                        "description": "booking, changes and cancelling close at this moment"}}}}}},
    "BulkyBookingNew": {"type": "object", "required": ["uprn", "date", "items"], "additionalProperties": False,
                        "properties": {
                            "uprn": {"type": "string", "pattern": "^[0-9]{1,12}$"},
                            "date": {"type": "string", "format": "date", "description": "one of the offered days"},
                            "items": {"type": "array", "minItems": 1, "maxItems": MAX_ITEMS_LIMIT,
                                      "items": {"type": "string", "pattern": ITEM_ID_PATTERN},
                                      "description": "item ids from the catalogue; repeat one for two of it"},
                            "location": {"type": "string", "maxLength": LOCATION_MAX,
                                         "description": "where the items will be left"},
                            "notes": {"type": "string", "maxLength": NOTES_MAX}}},
    "BulkyBooking": {"type": "object", "required": ["id", "status", "date", "items", "amount"], "properties": {
        "id": {"type": "string", "pattern": BOOKING_ID_PATTERN},
        "status": {"type": "string", "enum": ["held", "confirmed", "released", "cancelled"]},
        "uprn": {"type": "string"}, "address": {"type": "string"}, "date": {"type": "string", "format": "date"},
        "items": {"type": "array", "items": ITEM}, "amount": PENCE,
        "amount_text": {"type": "string", "example": "£25.00"},
        "location": {"type": "string"}, "notes": {"type": "string"},
        "cancel_before": {"type": "string", "format": "date-time"},
        "hold_until": {"type": "string", "format": "date-time", "nullable": True},
        "created_at": {"type": "string", "format": "date-time"},
        "confirmed_at": {"type": "string", "format": "date-time", "nullable": True},
        "cancelled_at": {"type": "string", "format": "date-time", "nullable": True},
        "reason": {"type": "string", "nullable": True},
        "refund": {"type": "object", "nullable": True, "properties": {
            "status": {"type": "string", "enum": ["due", "done"]}, "amount": PENCE,
            "refund_id": {"type": "string", "nullable": True}}},
        "payment": {"nullable": True, "allOf": [{"$ref": "#/components/schemas/PaymentView"}]}}},
}
