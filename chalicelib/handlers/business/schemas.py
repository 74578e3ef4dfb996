"""The business routes' OpenAPI components (loaded only to build /openapi.json)."""
from ...validation import trimmed_text
from . import limits, planning_rule

DAY = {"type": "string", "format": "date"}
PART = {"type": "object", "required": ["name", "kind", "state"], "properties": {
    "name": {"type": "string"}, "kind": {"type": "string", "enum": list(limits.ORDER)},
    "state": {"type": "string", "description": "business_rates: sent, waiting, not_rated, no_back_office; "
                                               "trade_waste: offered, requested, elsewhere, not_offered; licence: "
                                               "not_applied, applied, granted, suspended, ended (refused, withdrawn, revoked, surrendered or expired: apply again); planning: no_permission, permitted_if, permission_needed, "
                                               "unknown"},
    "text": {"type": "string", "nullable": True, "description": "the state in words"},
    "facts": {"type": "object", "description": "business_rates: reference, rateable_value (whole pounds), estimate "
                                               "{rates, relief, to_pay (pence), percent, why, scheme {name, source, "
                                               "url, checked}}; trade_waste: prices, first {date, weekday}, bins, "
                                               "weekly (pence); licence: id, licence_name, link (apply at this council with the "
                                               "business's details, or the case), case {id, state}; planning: from_class, to_class, rule, url, link"},
    "choices": {"type": "array", "items": {"type": "string"}}, "version": {"type": "integer"},
    "updated_at": {"type": "string", "format": "date-time", "nullable": True}}}
BRIEF = {"id": {"type": "string"}, "address": {"type": "string"}, "activity": {"type": "string"}, "starts": DAY,
         "trading_name": {"type": "string", "nullable": True}, "created_at": {"type": "string", "format": "date-time"}}
ACTIVITY = {"type": "string", "enum": list(planning_rule.activities())}

SCHEMAS = {
    "BusinessNew": {"type": "object", "required": ["uprn", "activity", "starts", "ratepayer"],
                    "additionalProperties": False, "properties": {
        "uprn": {"type": "string", "pattern": limits.UPRN_PATTERN, "description": "the premises, from the address list"},
        "activity": {**ACTIVITY, "description": "what the business will do: one of the council's activities"},
        "starts": {**DAY, "description": "the day it starts: up to 6 months ahead, 12 months back"},
        "ratepayer": {"type": "object", "required": ["name", "kind"], "additionalProperties": False, "properties": {
            "name": trimmed_text(1, limits.NAME_MAX),
            "kind": {"type": "string", "enum": ["person", "company"]},
            "company_number": {"type": "string", "pattern": limits.COMPANY_NUMBER}}},
        "trading_name": trimmed_text(1, limits.NAME_MAX),
        "last_use": {**ACTIVITY, "description": "what the premises were last used for (planning's change of use)"},
        "other_premises_rv": {"type": "array", "maxItems": limits.OTHERS_MAX, "items": {
            "type": "integer", "minimum": 1, "maximum": limits.RV_MAX},
            "description": "the rateable value of each other premises the business occupies, whole pounds"}}},
    "BusinessChoice": {"type": "object", "required": ["choice", "bins"], "additionalProperties": False, "properties": {
        "choice": {"type": "string", "enum": ["request"]},
        "bins": {"type": "array", "minItems": 1, "maxItems": 20, "items": {
            "type": "object", "required": ["container", "count"], "additionalProperties": False, "properties": {
                "container": {"type": "string", "maxLength": 32}, "count": {"type": "integer", "minimum": 1,
                                                                            "maximum": 50}}}}}},
    "Businesses": {"type": "object", "required": ["businesses"], "properties": {
        "businesses": {"type": "array", "items": {"type": "object", "properties": BRIEF}}}},
    "Business": {"type": "object", "required": ["id", "parts", "under_way", "held_up"], "properties": {
        **BRIEF, "uprn": {"type": "string"}, "last_use": {"type": "string", "nullable": True},
        "ratepayer": {"type": "object"}, "parts": {"type": "array", "items": PART},
        "under_way": {"type": "boolean", "description": "the services are still being told: its parts may grow "
                      "or change, so read it again in a few seconds"},
        "held_up": {"type": "boolean", "description": "telling the services was given up after its tries: its "
                    "dead letter is logged for the operators, and the parts stand as far as they were made"}}},
    "TradeRequests": {"type": "object", "required": ["requests"], "properties": {
        "requests": {"type": "array", "items": {"type": "object"}}}},
    "TradePrices": {"type": "object", "required": ["containers"], "properties": {
        "containers": {"type": "array", "items": {"type": "object"}}}},
}
