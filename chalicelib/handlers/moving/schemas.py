"""The moving routes' OpenAPI components (loaded only to build /openapi.json)."""
from ..feedback.schemas import ASKED
from ..revenues.schemas import MOVE_MORE
from ...validation import trimmed_text

DAY = {"type": "string", "format": "date"}
PART = {"type": "object", "required": ["name", "kind", "state"], "properties": {
    "name": {"type": "string"}, "kind": {"type": "string",
                                         "enum": ["council_tax", "council_tax_new", "address", "bin_days", "garden",
                                                  "bulky", "container", "alert"]},
    "state": {"type": "string", "description": "sent, no_account, moved, stopped, refunding, refunded, ended, "
                                               "offered, kept, cancelled, stayed, linked, declined, "
                                               "undone"},
    "text": {"type": "string", "nullable": True, "description": "the state in words"},
    "facts": {"type": "object", "description": "council_tax: closing_from (the old account's end), "
                                               "new_account_ref, and the back office's copy: read_at, age_s, "
                                               "stale (the last copy shown while it is away)"},
    "choices": {"type": "array", "items": {"type": "string"}},
    "updated_at": {"type": "string", "format": "date-time", "nullable": True}}}
MOVE = {"id": {"type": "string"}, "move": {"type": "string", "enum": ["in", "out", "within"]}, "date": DAY,
        "from_address": {"type": "string", "nullable": True}, "to_address": {"type": "string", "nullable": True},
        "created_at": {"type": "string", "format": "date-time"}}

SCHEMAS = {
    "MoveNew": {"type": "object", "required": ["move", "date", "people"], "additionalProperties": False, "properties": {
        "move": {"type": "string", "enum": ["in", "out", "within"]},
        "date": {**DAY, "description": "the day of the move: no more than 14 days ahead"},
        "from_uprn": {"type": "string", "pattern": "^[0-9]{1,12}$",
                      "description": "out, within: the home left (my saved address when not given)"},
        "to_uprn": {"type": "string", "pattern": "^[0-9]{1,12}$", "description": "in, within: the new home"},
        **{k: MOVE_MORE[k] for k in ("people", "furnished", "tenure", "contact", "tenancy_end", "forwarding")}}},
    "MoveChoice": {"type": "object", "required": ["choice"], "additionalProperties": False, "properties": {
        "choice": {"type": "string", "enum": ["keep", "cancel", "move", "stay", "stop", "link",
                                                           "decline"]}}},
    "MoveUndo": {"type": "object", "required": ["reason"], "additionalProperties": False, "properties": {
        "reason": trimmed_text(5, 300)}},
    "Moves": {"type": "object", "required": ["moves"], "properties": {
        "moves": {"type": "array", "items": {"type": "object", "properties": MOVE}}}},
    "Move": {"type": "object", "required": ["id", "move", "date", "parts", "under_way", "held_up", "elsewhere"],
             "properties": {
        **MOVE, "people": {"type": "array", "items": {"type": "string"}}, "late": {"type": "boolean"},
        "tenure": {"type": "string", "nullable": True}, "forwarding": {"type": "string", "nullable": True},
        "parts": {"type": "array", "items": PART},
        "under_way": {"type": "boolean", "description": "the move's changes are still being made: its parts may "
                      "grow or change, so read it again in a few seconds"},
        "held_up": {"type": "boolean", "description": "making the move's changes was given up after its tries: "
                    "its dead letter is logged for the operators, and the parts stand as far as they were made"},
        "elsewhere": {"type": "array", "items": {"type": "object", "properties": {
            "text": {"type": "string"}, "url": {"type": "string"}}}},
        "feedback": ASKED,
        "council_tax_estimate": {"type": "object", "nullable": True, "description": "the new home's council tax "
                                 "from the move date to the year's end by the council's rules, line by line (as "
                                 "an account's charges, each with for_the_year): an estimate; null moving out or "
                                 "for a home not banded", "properties": {
                                     "band": {"type": "string"}, "from": {"type": "string", "format": "date"},
                                     "year": {"type": "integer"}, "total": {"type": "integer"},
                                     "lines": {"type": "array", "items": {"type": "object"}}}}}},
    "StaffMove": {"type": "object", "required": ["id", "parts", "audit", "under_way", "held_up"], "properties": {
        **MOVE, "parts": {"type": "array", "items": {**PART, "properties": {
            **PART["properties"], "version": {"type": "integer", "description": "the undo's If-Match"},
            "undoable": {"type": "boolean"}}}}, "audit": {"type": "array", "items": {"type": "object"}},
        "late_note": {"type": "string", "nullable": True},
        "under_way": {"type": "boolean", "description": "its changes are still being made"},
        "held_up": {"type": "boolean", "description": "making its changes was given up after its tries: the "
                    "operator runs them again (doorstep effects again, infra/README.md)"}}},
}
