"""The waste routes' OpenAPI components (loaded only to build /openapi.json)."""
from ...api.openapi import identifier
from ..feedback.schemas import ASKED
from ..staff.limits import TEAM_ID_PATTERN
from .limits import (WAIVE_REASON_MAX, BOOKING_ID_PATTERN, CATALOGUE_MAX, GARDEN_BINS_LIMIT, ITEM_ID_PATTERN, ITEM_NAME_MAX,
                     LOCATION_MAX, MAX_ITEMS_LIMIT, NOTES_MAX, PRICE_MAX, SUBSCRIPTION_ID_PATTERN)

from ...validation import SOME_TEXT

PENCE = {"type": "integer", "minimum": 0, "description": "pence"}


def crew_team(description):
    """A crews' team by its id, as teams are named (staff/limits.TEAM_ID_PATTERN: at most 40 characters)."""
    return identifier(description, TEAM_ID_PATTERN, 40)
# Item ids a booking names: the catalogue's (GET /v1/waste/bulky/items), so one not on it, or more than
# its max_items, is a rule (422); the shape and the hard bounds are the document's (400).
BOOKED_ITEMS = {"type": "array", "minItems": 1, "maxItems": MAX_ITEMS_LIMIT,
                "items": {"type": "string", "pattern": ITEM_ID_PATTERN},
                "description": "item ids from the catalogue; repeat one for two of it (not on it, or more than its "
                               "max_items: 422)"}


def waived(field):
    """What assisted.for_a_caller requires together, as hire's schemas state it (OpenAPI 3.0 has no
    if/then): waived with a reason (more than spaces); card with none (absent, or spaces alone)."""
    return {"anyOf": [
        {"properties": {"payment": {"enum": ["card"]}, field: {"pattern": "^[ \\t\\r\\n]*$"}}},
        {"required": [field], "properties": {"payment": {"enum": ["waived"]}, field: {"pattern": SOME_TEXT}}}]}


ITEM = {"type": "object", "required": ["id", "name", "price"], "additionalProperties": False, "properties": {
    "id": {"type": "string", "pattern": ITEM_ID_PATTERN}, "name": {"type": "string", "maxLength": ITEM_NAME_MAX},
    "price": {**PENCE, "maximum": PRICE_MAX}}}
RULES = {"minimum_charge": PENCE, "max_items": {"type": "integer", "minimum": 1, "maximum": MAX_ITEMS_LIMIT},
         "capacity_per_day": {"type": "integer", "minimum": 0}, "window_days": {"type": "integer", "minimum": 1},
         "round_stream": {"type": "string", "enum": ["refuse", "recycling", "garden", "food"]},
         "pricing": {"type": "string", "enum": ["per_item", "banded"],
                     "description": "per_item: the items' prices added up, at least minimum_charge; banded: the "
                                    "first band whose up_to reaches the number of items"},
         "bands": {"type": "array", "maxItems": 10, "items": {
             "type": "object", "required": ["up_to", "price"], "additionalProperties": False, "properties": {
                 "up_to": {"type": "integer", "minimum": 1, "maximum": MAX_ITEMS_LIMIT},
                 "price": {**PENCE, "maximum": PRICE_MAX * MAX_ITEMS_LIMIT}}}},
         "crew_team": crew_team("the crews' team that collects (its jobs); absent in an edit: unchanged"),
         "not_collected": {"type": "string", "enum": ["rebook", "refund"],
                           "description": "a collection the crew could not make: a free rebooking (once) or a "
                                          "full refund; absent in an edit: unchanged"}}
GARDEN_RULES = {"first_bin_price": {**PENCE, "maximum": PRICE_MAX * 10},
                "other_bin_price": {**PENCE, "maximum": PRICE_MAX * 10},
                "max_bins": {"type": "integer", "minimum": 1, "maximum": GARDEN_BINS_LIMIT},
                "term_days": {"type": "integer", "minimum": 28, "maximum": 731},
                "renewal_opens_days": {"type": "integer", "minimum": 1, "maximum": 120},
                "last_reminder_days": {"type": "integer", "minimum": 1, "maximum": 60},
                "crew_team": crew_team("the crews' team that empties garden bins; absent in an edit: unchanged")}

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
        "address": {"type": "string", "description": "the property's address, for the form to say"},
        "dates": {"type": "array", "items": {"type": "object", "properties": {
            "date": {"type": "string", "format": "date"}, "weekday": {"type": "string"},
            "places_left": {"type": "integer"},
            "cut_off": {"type": "string", "format": "date-time",
                        "description": "booking, changes and cancelling close at this moment"}}}}}},
    "BulkyBookingNew": {"type": "object", "required": ["uprn", "date", "items"], "additionalProperties": False,
                        "properties": {
                            "uprn": {"type": "string", "pattern": "^[0-9]{1,12}$"},
                            "date": {"type": "string", "format": "date", "description": "one of the offered days"},
                            "items": BOOKED_ITEMS,
                            "location": {"type": "string", "maxLength": LOCATION_MAX,
                                         "description": "where the items will be left"},
                            "notes": {"type": "string", "maxLength": NOTES_MAX}}},
    "BulkyBooking": {"type": "object", "required": ["id", "status", "date", "items", "amount"], "properties": {
        "id": {"type": "string", "pattern": BOOKING_ID_PATTERN},
        "status": {"type": "string", "enum": ["held", "confirmed", "released", "cancelled"]},
        "uprn": {"type": "string"}, "address": {"type": "string"}, "date": {"type": "string", "format": "date"},
        "items": {"type": "array", "items": ITEM}, "amount": PENCE,
        "amount_text": {"type": "string", "example": "£25.00"},
        "minimum_charge_top_up": {**PENCE, "description": "what the minimum charge adds above the items' "
                                                        "prices (0: none, and under banded pricing), shown as a "
                                                        "line of its own"},
        "band": {"type": "object", "nullable": True, "description": "the band of banded pricing the booking is "
                 "priced by (its amount is the band's price; its items' prices are the catalogue's, for the "
                 "record); null when priced per item",
                 "properties": {"from": {"type": "integer"}, "up_to": {"type": "integer"}, "price": PENCE}},
        "location": {"type": "string"}, "notes": {"type": "string"},
        "cancel_before": {"type": "string", "format": "date-time"},
        "hold_until": {"type": "string", "format": "date-time", "nullable": True},
        "created_at": {"type": "string", "format": "date-time"},
        "confirmed_at": {"type": "string", "format": "date-time", "nullable": True}, "feedback": ASKED,
        "cancelled_at": {"type": "string", "format": "date-time", "nullable": True},
        "reason": {"type": "string", "nullable": True},
        "refund": {"type": "object", "nullable": True, "properties": {
            "status": {"type": "string", "enum": ["due", "done"]}, "amount": PENCE,
            "refund_id": {"type": "string", "nullable": True}}},
        "payment": {"nullable": True, "allOf": [{"$ref": "#/components/schemas/PaymentView"}]},
        "changes": {"type": "array", "description": "changes made, oldest first; a cheaper one's refund of "
                    "the difference (due, then done)", "items": {"type": "object", "properties": {
                        "seq": {"type": "integer"}, "at": {"type": "string", "format": "date-time"},
                        "before": {"type": "object"}, "after": {"type": "object"},
                        "refund": {"type": "object", "nullable": True, "properties": {
                            "status": {"type": "string", "enum": ["due", "done"]}, "amount": PENCE,
                            "refund_id": {"type": "string", "nullable": True}}},
                        "payment": {"type": "object", "nullable": True, "description": "a dearer change's "
                                    "difference, paid", "properties": {"id": {"type": "string"}, "amount": PENCE}}}}},
        "missed": {"type": "object", "nullable": True, "description": "the crew could not collect it: their "
                   "reason and the council's remedy (rebook: choose a new day free with the change route, once; "
                   "refund: cancelled and refunded in full)", "properties": {
                       "reason": {"type": "string"}, "at": {"type": "string", "format": "date-time"},
                       "remedy": {"type": "string", "enum": ["rebook", "refund"]},
                       "rebooked_at": {"type": "string", "format": "date-time", "nullable": True}}},
        "pending_change": {"type": "object", "nullable": True, "description": "a change costing more, held while "
                           "its difference is paid (then applied; let go when unpaid at hold_until)", "properties": {
                               "seq": {"type": "integer"}, "after": {"type": "object"}, "difference": PENCE,
                               "difference_text": {"type": "string", "example": "£10.00"},
                               "hold_until": {"type": "string", "format": "date-time"},
                               "payment": {"nullable": True, "allOf": [{"$ref": "#/components/schemas/PaymentView"}]}}},
        "taken_by": {"type": "object", "nullable": True, "description": "staff took it for a caller",
                     "properties": {"by": {"type": "string"}, "at": {"type": "string", "format": "date-time"},
                                    "payment": {"type": "string", "enum": ["card", "waived"]},
                                    "reason": {"type": "string", "nullable": True}}},
        "collection": {"type": "object", "nullable": True,
                       "description": "from the collection day: what the crew did (null before)", "properties": {
                           "status": {"type": "string", "enum": ["scheduled", "collected", "not_collected"]},
                           "reason": {"type": "string", "nullable": True, "description": "why not collected"},
                           "at": {"type": "string", "format": "date-time", "nullable": True}}}}},
    "MyBulkyBookings": {"type": "object", "required": ["bookings"], "properties": {
        "bookings": {"type": "array", "items": {"$ref": "#/components/schemas/BulkyBooking"}}}},
    "MyGardenSubscriptions": {"type": "object", "required": ["subscriptions"], "properties": {
        "subscriptions": {"type": "array", "items": {"$ref": "#/components/schemas/GardenSubscription"}}}},
    "StaffBulkyBookingNew": {"type": "object", "required": ["uprn", "date", "items", "payment"],
                             "additionalProperties": False, "properties": {
        "uprn": {"type": "string", "pattern": "^[0-9]{1,12}$"}, "date": {"type": "string", "format": "date"},
        "items": BOOKED_ITEMS,
        "location": {"type": "string", "maxLength": LOCATION_MAX}, "notes": {"type": "string", "maxLength": NOTES_MAX},
        "payment": {"type": "string", "enum": ["card", "waived"]},
        "reason": {"type": "string", "maxLength": WAIVE_REASON_MAX, "description": "required with waived"},
        "caller_email": {"type": "string", "format": "email", "description": "where receipts and reminders go"}},
        **waived("reason")},
    "BulkyBookingChange": {"type": "object", "additionalProperties": False, "minProperties": 1, "properties": {
        "date": {"type": "string", "format": "date", "description": "another offered day"},
        "items": {**BOOKED_ITEMS, "description": "the whole new list, priced at today's catalogue (not on it, or "
                                                 "more than its max_items: 422)"},
        "location": {"type": "string", "maxLength": LOCATION_MAX}, "notes": {"type": "string", "maxLength": NOTES_MAX}}},
    "GardenRules": {"type": "object", "required": ["first_bin_price", "other_bin_price", "max_bins"], "properties": {
        **GARDEN_RULES, "currency": {"type": "string"}, "version": {"type": "integer"}}},
    "GardenRulesEdit": {"type": "object", "additionalProperties": False,
                        "required": [k for k in GARDEN_RULES if k != "crew_team"],
                        "properties": GARDEN_RULES},
    "GardenNew": {"type": "object", "required": ["uprn", "bins"], "additionalProperties": False, "properties": {
        "uprn": {"type": "string", "pattern": "^[0-9]{1,12}$"},
        "bins": {"type": "integer", "minimum": 1, "maximum": GARDEN_BINS_LIMIT,
                 "description": "at most the council's max_bins (GET /v1/waste/garden; more: 422)"}}},
    "GardenSubscription": {"type": "object", "required": ["id", "status", "bins", "amount", "start", "end"],
                           "properties": {
        "id": {"type": "string", "pattern": SUBSCRIPTION_ID_PATTERN}, "uprn": {"type": "string"},
        "address": {"type": "string"},
        "status": {"type": "string", "enum": ["pending", "active", "failed", "cancelled"]},
        "bins": {"type": "integer"}, "amount": PENCE, "amount_text": {"type": "string"},
        "start": {"type": "string", "format": "date"}, "end": {"type": "string", "format": "date"},
        "round": {"type": "string", "nullable": True}, "reason": {"type": "string", "nullable": True},
        "created_at": {"type": "string", "format": "date-time"},
        "confirmed_at": {"type": "string", "format": "date-time", "nullable": True}, "feedback": ASKED,
        "cancelled_at": {"type": "string", "format": "date-time", "nullable": True},
        "payment": {"nullable": True, "allOf": [{"$ref": "#/components/schemas/PaymentView"}]}}},
    "GardenProperty": {"type": "object", "required": ["uprn", "round", "prices"], "properties": {
        "uprn": {"type": "string"}, "round": {"type": "string"},
        "current": {"nullable": True, "allOf": [{"$ref": "#/components/schemas/GardenSubscription"}]},
        "offer": {"type": "object", "nullable": True, "description": "the term that can be paid for now",
                  "properties": {"start": {"type": "string", "format": "date"},
                                 "end": {"type": "string", "format": "date"}, "renewal": {"type": "boolean"}}},
        "renewal_opens": {"type": "string", "format": "date", "nullable": True},
        "prices": {"type": "object"}}},
    "GardenRound": {"type": "object", "required": ["round", "subscriptions"], "properties": {
        "round": {"type": "string"}, "date": {"type": "string", "format": "date"},
        "properties": {"type": "integer"}, "bins": {"type": "integer"},
        "subscriptions": {"type": "array", "items": {"type": "object", "properties": {
            "uprn": {"type": "string"}, "address": {"type": "string"}, "bins": {"type": "integer"},
            "end": {"type": "string", "format": "date"}}}}}},
    "CrewGardenRound": {"type": "object", "required": ["round", "date", "collects", "stops"], "properties": {
        "round": {"type": "string"}, "date": {"type": "string", "format": "date"},
        "collects": {"type": "boolean", "description": "whether the round goes out that day (moves and "
                                                      "cancellations counted); no stops when it does not"},
        "properties": {"type": "integer"}, "bins": {"type": "integer"},
        "stops": {"type": "array", "items": {"type": "object", "properties": {
            "uprn": {"type": "string"}, "address": {"type": "string"}, "bins": {"type": "integer"}}}}}},
    "MissedBins": {"type": "object", "required": ["uprn", "containers"], "properties": {
        "uprn": {"type": "string"},
        "containers": {"type": "array", "items": {"type": "object", "properties": {
            "stream": {"type": "string", "enum": ["refuse", "recycling", "garden", "food"]},
            "label": {"type": "string"}, "collection_date": {"type": "string", "format": "date"},
            "report_until": {"type": "string", "format": "date"},
            "reported": {"type": "string", "nullable": True, "description": "the report made for it already"},
            "ordered": {"type": "array", "description": "containers of this stream the crew delivered to the "
                        "property (ordered: POST /v1/waste/containers/requests) before this collection, so "
                        "collected from it on (to a signed-in caller; empty to anyone else)", "items": {"type": "object", "properties": {
                            "container": {"type": "string"}, "name": {"type": "string"},
                            "delivered_on": {"type": "string", "format": "date"}}}}}}}}},
    "MissedBinNew": {"type": "object", "required": ["stream"], "additionalProperties": False, "properties": {
        "stream": {"type": "string", "enum": ["refuse", "recycling", "garden", "food"]},
        "container": {"type": "string", "description": "one of the collection's `ordered` containers, when it is "
                                                       "the one missed"},
        "notes": {"type": "string", "maxLength": 500}}},
    "MissedBinReported": {"type": "object", "required": ["report_id", "merged"], "properties": {
        "report_id": {"type": "string", "example": "DS-7K3F9Q"}, "merged": {"type": "boolean"},
        "stream": {"type": "string"}, "container": {"type": "string", "nullable": True}, "collection_date": {"type": "string", "format": "date"},
        "url": {"type": "string", "format": "uri"}}},
}
