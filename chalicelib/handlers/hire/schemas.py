"""The hire routes' OpenAPI components (loaded only to build /openapi.json)."""
from ..feedback.schemas import ASKED
from .limits import (BOOKING_ID_PATTERN, HIRER_TYPES, MAX_SESSION_HOURS, MAX_WEEKS, NAME_MAX, PLACE_ID_PATTERN,
                     PURPOSE_MAX, REASON_MAX)

PENCE = {"type": "integer", "minimum": 0, "description": "pence"}
STR = {"type": "string"}
TEXT = {"type": "string", "minLength": 1, "maxLength": REASON_MAX, "pattern": "\\S", "description": "more than spaces"}
WHEN = {"date": {"type": "string", "format": "date", "description": "the (first) session's date"},
        "start": {"type": "string", "pattern": "^([01][0-9]|2[0-3]):00$", "description": "London time, on the hour"},
        "hours": {"type": "integer", "minimum": 1, "maximum": MAX_SESSION_HOURS},
        "weeks": {"type": "integer", "minimum": 1, "maximum": MAX_WEEKS, "description": "a block: the same weekday "
                                                                                       "and time for this many weeks"}}
PLACE = {"type": "object", "properties": {
    "id": {"type": "string", "pattern": PLACE_ID_PATTERN}, "name": STR, "kind": {"type": "string",
                                                                                 "enum": ["hall", "room", "pitch"]},
    "kind_name": STR, "capacity": {"type": "integer"},
    "prices": {"type": "object", "additionalProperties": PENCE, "description": "per hour, by hirer type"},
    "deposit": PENCE, "hours": {"type": "object"}, "closures": {"type": "array", "items": {"type": "array"}},
    "refunds": {"type": "array", "items": {"type": "object", "properties": {
        "notice_hours": {"type": "integer"}, "percent": {"type": "integer"}}}},
    "terms": STR, "terms_version": STR}}
BOOKING = {"type": "object", "required": ["id", "status", "place", "sessions", "total"], "properties": {
    "id": {"type": "string", "pattern": BOOKING_ID_PATTERN},
    "status": {"type": "string", "enum": ["held", "confirmed", "released"]}, "place": STR,
    "place_name": {"type": "string", "description": "the place as people know it (its page and My Account)"},
    "hirer_type": {"type": "string", "enum": list(HIRER_TYPES)}, "hirer_name": STR, "purpose": STR,
    "amount": PENCE, "total": PENCE, "total_text": STR, "terms": STR,
    "deposit": {"type": "object", "description": "{amount, status: held|returned|kept, returned, reason, by, at}"},
    "sessions": {"type": "array", "items": {"type": "object", "properties": {
        "date": {"type": "string", "format": "date"}, "start": STR, "end": STR, "amount": PENCE,
        "status": {"type": "string", "enum": ["booked", "cancelled"]},
        "refund": {"type": "object", "nullable": True, "description": "{percent, amount, notice_hours, status}"}}}},
    "skipped": {"type": "array", "items": {"type": "string", "format": "date"}},
    "why": {"type": "string", "nullable": True}, "taken_by": {"type": "object", "nullable": True},
    "hold_until": {"type": "string", "format": "date-time", "nullable": True},
    "ends_at": {"type": "string", "format": "date-time", "nullable": True,
                "description": "the end of its last session still booked: its deposit is checked from then"},
    "created_at": {"type": "string", "format": "date-time", "nullable": True},
    "confirmed_at": {"type": "string", "format": "date-time", "nullable": True},
    "payment": {"type": "object", "nullable": True}, "feedback": ASKED}}

# What the server requires of fields together, declared so the document and the server agree
# (OpenAPI 3.0 has no if/then nor dependentRequired: each is an anyOf of the cases the server takes).
# A group's or a business's booking names them; a resident's need not.
NAMED = {"anyOf": [{"properties": {"hirer_type": {"enum": ["resident"]}}},
                   {"required": ["hirer_name"], "properties": {"hirer_name": {"pattern": "\\S"}}}]}
# Waived goes with a reason (more than spaces); a card payment with none (absent or blank).
WAIVED = {"anyOf": [{"properties": {"payment": {"enum": ["card"]}, "waive_reason": {"pattern": "^\\s*$"}}},
                    {"required": ["waive_reason"], "properties": {"payment": {"enum": ["waived"]},
                                                                  "waive_reason": {"pattern": "\\S"}}}]}
SKIP = {"type": "array", "maxItems": MAX_WEEKS, "items": {"type": "string", "format": "date"},
        "description": "the block's clashing dates, left out as the hirer agreed (no more than its weeks: 422)"}

SCHEMAS = {
    "HirePlace": PLACE,
    "HirePlaces": {"type": "object", "properties": {"places": {"type": "array", "items": PLACE}}},
    "HireTimes": {"type": "object", "properties": {"place": STR, "days": {"type": "array", "items": {
        "type": "object", "properties": {"date": {"type": "string", "format": "date"}, "closed": {"type": "boolean"},
                                         "hours": {"type": "array", "items": {"type": "object", "properties": {
                                             "start": {"type": "string", "format": "date-time"},
                                             "free": {"type": "boolean"}}}}}}}}},
    "HireCheckNew": {"type": "object", "required": ["date", "start", "hours"], "additionalProperties": False,
                     "properties": WHEN},
    "HireCheck": {"type": "object", "properties": {
        "place": STR, "free": {"type": "integer"}, "clashes": {"type": "array", "items": {"type": "string"}},
        "sessions": {"type": "array", "items": {"type": "object", "properties": {
            "date": {"type": "string", "format": "date"}, "start": STR,
            "state": {"type": "string", "enum": ["free", "taken", "held", "blocked", "closed", "past"],
                      "description": "blocked: closed by the council for maintenance (its reason is not shown); "
                                     "held: held for someone paying, until held_until"},
            "held_until": {"type": "string", "format": "date-time"}}}}}},
    "HireBookingNew": {"type": "object", "additionalProperties": False,
                       "required": ["place", "hirer_type", "date", "start", "hours", "terms_accepted"], "properties": {
        "place": {"type": "string", "pattern": PLACE_ID_PATTERN},
        "hirer_type": {"type": "string", "enum": list(HIRER_TYPES)},
        "hirer_name": {"type": "string", "maxLength": NAME_MAX, "description": "required for a group or business"},
        "purpose": {"type": "string", "maxLength": PURPOSE_MAX}, **WHEN, "skip": SKIP,
        "terms_accepted": {"type": "boolean", "enum": [True]}}, "allOf": [NAMED]},
    "HireBooking": BOOKING,
    "HireBlockCancel": {"type": "object", "required": ["reason"], "additionalProperties": False,
                        "properties": {"reason": {**TEXT, "description": "why, as the caller gave it (kept with each "
                                                                         "session)"}}},
    "StaffHireBookingNew": {"type": "object", "additionalProperties": False,
                            "required": ["place", "hirer_type", "hirer_name", "date", "start", "hours",
                                         "terms_accepted", "payment"],
                            "properties": {
        "place": {"type": "string", "pattern": PLACE_ID_PATTERN},
        "hirer_type": {"type": "string", "enum": list(HIRER_TYPES)},
        "hirer_name": {"type": "string", "minLength": 1, "maxLength": NAME_MAX, "pattern": "\\S",
                       "description": "the caller's name, or their group's or business's"}, "purpose": {"type": "string", "maxLength": PURPOSE_MAX},
        **WHEN, "skip": SKIP,
        "terms_accepted": {"type": "boolean", "enum": [True], "description": "the caller accepted them"},
        "payment": {"type": "string", "enum": ["card", "waived"]},
        "waive_reason": {"type": "string", "maxLength": REASON_MAX,
                         "description": "required with waived (more than spaces), blank or absent with card"},
        "caller_email": {"type": "string", "format": "email"}}, "allOf": [NAMED, WAIVED]},
    "MyHireBookings": {"type": "object", "properties": {"bookings": {"type": "array", "items": BOOKING}}},
    "HireCalendar": {"type": "object", "properties": {
        "place": STR, "from": {"type": "string", "format": "date"}, "days": {"type": "integer"},
        "calendar": {"type": "array", "description": "day by day: its open hours and any blocked outside them",
                     "items": {"type": "object", "properties": {
                         "date": {"type": "string", "format": "date"},
                         "closed": {"type": "string", "nullable": True,
                                    "enum": ["bank_holiday", "closure", "not_open", None]},
                         "hours": {"type": "array", "items": {"type": "object", "properties": {
                             "start": {"type": "string", "format": "date-time"},
                             "time": {"type": "string", "description": "HH:MM, London"},
                             "state": {"type": "string", "enum": ["free", "held", "booked", "blocked"]},
                             "booking_id": {"type": "string", "nullable": True},
                             "reason": {"type": "string", "nullable": True, "description": "a block's"},
                             "block": {"type": "string", "description": "a block's id, to remove it"}}}}}}},
        "hours": {"type": "array", "description": "the hours taken, as one list",
                  "items": {"type": "object", "properties": {
                      "start": {"type": "string", "format": "date-time"},
                      "kind": {"type": "string", "enum": ["held", "booked", "blocked"]}, "booking_id": STR}}},
        "bookings": {"type": "object", "description": "the bookings named, by id",
                     "additionalProperties": {"type": "object", "properties": {
                         "hirer_name": {"type": "string", "nullable": True}, "hirer_type": STR, "status": STR,
                         "deposit": {"type": "string", "nullable": True}, "taken_by": {"type": "boolean"}}}}}},
    "HireBlockNew": {"type": "object", "required": ["date", "start", "hours", "reason"], "additionalProperties": False,
                     "properties": {"date": {"type": "string", "format": "date",
                                             "description": "in the years the council's calendar covers"},
                                    "start": {"type": "string", "pattern": "^([01][0-9]|2[0-3]):00$",
                                              "description": "London time, on the hour"},
                                    "hours": {"type": "integer", "minimum": 1, "maximum": MAX_SESSION_HOURS * 2},
                                    "reason": TEXT}},
    "HireBlock": {"type": "object", "properties": {"place": STR, "block": STR, "id": STR,
                                                   "hours": {"type": "array", "items": STR}}},
    "HireBlockRemoved": {"type": "object", "properties": {
        "place": STR, "id": STR, "hours": {"type": "array", "items": STR}, "reason": STR, "by": STR,
        "at": {"type": "string", "format": "date-time"}, "removed_by": STR,
        "removed_at": {"type": "string", "format": "date-time"}}},
    "HireDepositsWaiting": {"type": "object", "properties": {"bookings": {"type": "array", "items": {
        "type": "object", "properties": {
            "id": {"type": "string", "pattern": BOOKING_ID_PATTERN}, "place": STR, "place_name": STR,
            "hirer_name": {"type": "string", "nullable": True}, "hirer_type": STR, "deposit": PENCE,
            "ended": {"type": "string", "format": "date-time", "description": "its last session's end"}}}}}},
    "HireDepositCheck": {"type": "object", "required": ["returned", "reason"], "additionalProperties": False,
                         "properties": {"returned": PENCE, "reason": TEXT}},
}
