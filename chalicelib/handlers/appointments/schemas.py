"""The appointments routes' OpenAPI components (loaded only to build /openapi.json)."""
from ..feedback.schemas import ASKED
from ...validation import PHONE_SCHEMA, token_schema
from .limits import ANSWER_MAX, NAME_MAX
from .links import TOKEN_MAX
LINK_TOKEN = token_schema(TOKEN_MAX)  # an e-mail's cancel, move or leave link

STAMP = {"type": "string", "format": "date-time"}
NULL_STAMP = {**STAMP, "nullable": True}
TEXT = {"type": "string"}
NULL_TEXT = {"type": "string", "nullable": True}
VIEW = {"type": "object", "additionalProperties": True}
MODE = {"type": "string", "enum": ["in_person", "phone", "video"]}
# A phone number's shape; that it is a UK mobile (for the texts) is a rule in words: another number is a 422.
MOBILE = {**PHONE_SCHEMA, "description": "a UK mobile, for the texts (another number: 422)"}
SERVICE = {"type": "object", "required": ["id", "name", "minutes", "mode", "place"], "properties": {
    "id": TEXT, "name": TEXT, "minutes": {"type": "integer"}, "mode": MODE, "place": TEXT, "sender": TEXT,
    "questions": {"type": "array", "items": VIEW}, "book_ahead_days": {"type": "integer"},
    "book_notice_minutes": {"type": "integer"}, "cancel_notice_minutes": {"type": "integer"}}}
SLOT = {"type": "object", "required": ["start", "end", "text", "calendar_id", "places_left"], "properties": {
    "start": STAMP, "end": STAMP, "text": TEXT, "calendar_id": TEXT, "places_left": {"type": "integer"}}}
APPOINTMENT = {
    "type": "object", "required": ["id", "status", "service_id", "start", "end"],
    "properties": {
        "id": TEXT, "status": {"type": "string", "enum": ["held", "booked", "released", "cancelled", "moved",
                                                          "arrived", "seen", "no_show"],
                               "description": "FHIR: held is busy-tentative; released a hold let go"},
        "service_id": TEXT, "service_name": NULL_TEXT, "mode": {**MODE, "nullable": True}, "place": NULL_TEXT,
        "calendar_id": TEXT, "start": STAMP, "end": STAMP, "start_text": TEXT, "hold_until": NULL_STAMP,
        "questions": {"type": "array", "items": VIEW}, "answers": VIEW, "name": NULL_TEXT, "email": NULL_TEXT,
        "phone": NULL_TEXT, "taken_by": {**VIEW, "nullable": True}, "moved_from": NULL_TEXT,
        "booked_at": NULL_STAMP, "created_at": NULL_STAMP, "feedback": ASKED}}

SCHEMAS = {
    "AppointmentServiceList": {"type": "object", "required": ["services"],
                               "properties": {"services": {"type": "array", "items": SERVICE}}},
    "FreeSlots": {"type": "object", "required": ["service", "slots"],
                  "properties": {"service": SERVICE, "slots": {"type": "array", "items": SLOT},
                                 "from": {"type": "string", "format": "date"},
                                 "next_from": {"type": "string", "format": "date", "nullable": True,
                                               "description": "the next page's first day; null past the booking window"}}},
    "HoldNew": {"type": "object", "required": ["service_id", "start"], "additionalProperties": False, "properties": {
        "service_id": {"type": "string", "maxLength": 60}, "start": STAMP,
        "calendar_id": {"type": "string", "maxLength": 60}}},
    "AppointmentBook": {"type": "object", "additionalProperties": False, "properties": {
        "answers": {"type": "object", "additionalProperties": {"type": "string", "maxLength": ANSWER_MAX}},
        "name": {"type": "string", "maxLength": NAME_MAX}, "email": {"type": "string", "maxLength": 254},
        "phone": MOBILE}},
    "Appointment": APPOINTMENT,
    "ManageLink": {"type": "object", "required": ["purpose", "appointment"], "properties": {
        "purpose": {"type": "string", "enum": ["cancel", "move"]}, "appointment": VIEW}},
    "LinkCancel": {"type": "object", "required": ["token"], "additionalProperties": False,
                   "properties": {"token": LINK_TOKEN}},
    "LinkMove": {"type": "object", "required": ["token", "start"], "additionalProperties": False, "properties": {
        "token": LINK_TOKEN, "start": STAMP, "calendar_id": {"type": "string", "maxLength": 60}}},
    "WaitingListJoin": {"type": "object", "required": ["service_id", "before"], "additionalProperties": False,
                        "properties": {"service_id": {"type": "string", "maxLength": 60}, "before": STAMP,
                                       "calendar_id": {"type": "string", "maxLength": 60},
                                       "phone": MOBILE}},
    "AppointmentDay": {"type": "object", "required": ["date", "appointments"], "properties": {
        "date": {"type": "string", "format": "date"}, "calendar_id": NULL_TEXT,
        "calendars": {"type": "array", "items": {"type": "object", "properties": {"id": TEXT, "name": TEXT}}},
        "appointments": {"type": "array", "items": APPOINTMENT}}},
    "AppointmentMark": {"type": "object", "required": ["status"], "additionalProperties": False, "properties": {
        "status": {"type": "string", "enum": ["arrived", "seen", "no_show"]}}},
    "StaffAppointmentNew": {"type": "object", "required": ["service_id", "start", "name"], "additionalProperties": False,
                            "properties": {"service_id": {"type": "string", "maxLength": 60}, "start": STAMP,
                                           "calendar_id": {"type": "string", "maxLength": 60},
                                           "answers": {"type": "object"}, "name": {"type": "string", "maxLength": NAME_MAX},
                                           "email": {"type": "string", "maxLength": 254},
                                           "phone": MOBILE,
                                           "channel": {"type": "string", "enum": ["phone", "desk"]}}},
    "AppointmentBlock": {"type": "object", "required": ["calendar_id", "from", "to"], "additionalProperties": False,
                         "properties": {"calendar_id": {"type": "string", "maxLength": 60}, "from": STAMP, "to": STAMP}},
    "AppointmentBlocked": {"type": "object", "required": ["calendar_id", "blocked", "already_taken"], "properties": {
        "calendar_id": TEXT, "calendar_name": TEXT, "blocked": {"type": "integer"},
        "blocked_starts": {"type": "array", "items": STAMP, "description": "each time blocked, once"},
        "already_taken": {"type": "array", "items": TEXT}}},
    "StaffAppointmentMove": {"type": "object", "required": ["start"], "additionalProperties": False, "properties": {
        "start": STAMP, "calendar_id": {"type": "string", "maxLength": 60}}},
    "WaitingListPlace": {"type": "object", "required": ["service_id", "before", "state"], "properties": {
        "service_id": TEXT, "before": STAMP, "calendar_id": NULL_TEXT, "state": TEXT}},
    "MyAppointments": {"type": "object", "required": ["appointments", "waiting"], "properties": {
        "appointments": {"type": "array", "items": {**APPOINTMENT, "properties": {**APPOINTMENT["properties"], "links": {
            "type": "object", "properties": {"move": TEXT, "cancel": TEXT}}}}},
        "waiting": {"type": "array", "items": {"type": "object", "properties": {
            "service_id": TEXT, "service_name": TEXT, "before": NULL_TEXT}}}}},
    "JustTaken": {"type": "object", "required": ["error", "nearest"], "properties": {
        "error": VIEW, "nearest": {"type": "array", "items": SLOT}}},
}
