"""The petition routes' OpenAPI components (loaded only to build /openapi.json)."""
from ...api.openapi import identifier
from ...validation import EMAIL, SOME_TEXT, WHITESPACE
from .limits import ACTION_MAX, BACKGROUND_MAX, DETAILS_MAX, NAME_MAX, NOTE_MAX, REJECTIONS, RESPONSE_MAX

POSTCODE = rf"^[{WHITESPACE}]*[A-Za-z]{{1,2}}[0-9][A-Za-z0-9]?[{WHITESPACE}]*[0-9][A-Za-z]{{2}}[{WHITESPACE}]*$"


def at_least(n):
    """A pattern for text with n characters or more once the blanks around it are trimmed."""
    return rf"[^{WHITESPACE}][\s\S]{{{n - 2},}}[^{WHITESPACE}]"


STAMP = {"type": "string", "format": "date-time", "nullable": True}
TEXT = {"type": "string"}
PETITION_SUMMARY = {
    "id": {"type": "string", "example": "PT-7K3F9Q"},
    "state": {"type": "string", "enum": ["pending", "sponsored", "open", "rejected", "closed"]},
    "action": TEXT, "signature_count": {"type": "integer", "minimum": 0},
    "ward": {"type": "string", "nullable": True}, "opened_at": STAMP, "closes_at": STAMP, "closed_at": STAMP,
    "links": {"type": "object", "additionalProperties": {"type": "string"}}}
SIGNER = {"name": {"type": "string", "pattern": SOME_TEXT, "maxLength": NAME_MAX},
          "email": {"type": "string", "pattern": EMAIL.pattern, "maxLength": 254, "example": "ada@example.org"},
          "postcode": {"type": "string", "pattern": POSTCODE, "example": "YO1 7HH"},
          "in_area": {"type": "boolean", "enum": [True],
                      "description": "they live, work or study in the council's area"}}

SCHEMAS = {
    "PetitionNew": {"type": "object", "additionalProperties": False, "required": ["action", "background"],
                    "description": "lat and lon go together (422 otherwise); a place outside the council's "
                                   "area is refused with 422",
                    "properties": {"action": {"type": "string", "pattern": at_least(10), "maxLength": ACTION_MAX},
                                   "background": {"type": "string", "pattern": at_least(10),
                                                  "maxLength": BACKGROUND_MAX},
                                   "details": {"type": "string", "maxLength": DETAILS_MAX},
                                   "lat": {"type": "number", "minimum": -90, "maximum": 90},
                                   "lon": {"type": "number", "minimum": -180, "maximum": 180},
                                   "ward": {"type": "string", "maxLength": 100}}},
    "Petition": {"type": "object", "required": ["id", "state", "action", "signature_count"], "properties": {
        **PETITION_SUMMARY, "background": TEXT, "details": TEXT,
        "place": {"type": "object", "nullable": True, "properties": {"lat": {"type": "number"},
                                                                     "lon": {"type": "number"}}},
        "sponsor_count": {"type": "integer"}, "sponsors_needed": {"type": "integer"},
        "response_threshold": {"type": "integer"}, "debate_threshold": {"type": "integer"},
        "created_at": STAMP, "version": {"type": "integer"},
        "response": {"type": "object", "nullable": True, "properties": {"text": TEXT, "at": STAMP}},
        "debate": {"type": "object", "nullable": True, "properties": {
            "date": TEXT, "note": TEXT, "at": STAMP,
            # at a council meeting's agenda item (PUT /v1/staff/meetings/{id}/items/{item}/petitions/{petition})
            "meeting_id": TEXT, "item_id": TEXT, "time": TEXT, "committee": TEXT, "item_title": TEXT,
            "meeting_url": TEXT, "decision": {"type": "string", "nullable": True}}},
        "rejection": {"type": "object", "nullable": True, "properties": {
            "reason": {"type": "string", "enum": list(REJECTIONS)}, "reason_text": TEXT, "note": TEXT}},
        "by_ward": {"type": "array", "items": {"type": "object", "properties": {
            "ward": TEXT, "signatures": {"type": "integer"}}}},
        "sponsor_link": {"type": "string", "description": "its creator and staff only"}}},
    "PetitionList": {"type": "object", "required": ["state", "petitions"], "properties": {
        "state": TEXT, "next_cursor": {"type": "string", "nullable": True},
        "petitions": {"type": "array", "items": {"type": "object", "properties": {
            **PETITION_SUMMARY, "responded": {"type": "boolean"}}}}}},
    "StaffPetitionList": {"type": "object", "required": ["state", "petitions"], "properties": {
        "state": TEXT, "next_cursor": {"type": "string", "nullable": True},
        "petitions": {"type": "array", "items": {"$ref": "#/components/schemas/Petition"}}}},
    "SignatureNew": {"type": "object", "additionalProperties": False,
                     "required": ["name", "email", "postcode", "in_area"], "properties": SIGNER},
    "SponsorNew": {"type": "object", "additionalProperties": False,
                   "required": ["name", "email", "postcode", "in_area", "token"],
                   "properties": {**SIGNER, "token": identifier("from the sponsors' link", max_length=200)}},
    "SigningAccepted": {"type": "object", "properties": {"status": {"type": "string", "enum": ["check_email"]},
                                                         "message": TEXT}},
    "SignatureConfirm": {"type": "object", "additionalProperties": False, "required": ["token"],
                         "properties": {"token": identifier(max_length=300)}},
    "SignatureConfirmed": {"type": "object", "properties": {
        "confirmed": {"type": "boolean"}, "sponsor": {"type": "boolean"},
        "petition": {"type": "object", "properties": {"id": TEXT, "action": TEXT, "state": TEXT,
                                                      "signature_count": {"type": "integer"}}}}},
    "PetitionPublish": {"type": "object", "additionalProperties": False,
                        "properties": {"note": {"type": "string", "maxLength": NOTE_MAX}}},
    "PetitionReject": {"type": "object", "additionalProperties": False, "required": ["reason"], "properties": {
        "reason": {"type": "string", "enum": list(REJECTIONS)}, "note": {"type": "string", "maxLength": NOTE_MAX}}},
    "PetitionResponse": {"type": "object", "additionalProperties": False, "required": ["text"],
                         "properties": {"text": {"type": "string", "pattern": SOME_TEXT,
                                                 "maxLength": RESPONSE_MAX}}},
    "PetitionDebate": {"type": "object", "additionalProperties": False, "required": ["date"], "properties": {
        "date": {"type": "string", "format": "date"}, "note": {"type": "string", "maxLength": NOTE_MAX}}},
    "SignatureInvalidation": {"type": "object", "additionalProperties": False, "description": (
        "at least one of domain, postcode, client, since and until (422 otherwise); all given must match"),
        "properties": {
        "domain": {"type": "string", "maxLength": 253, "example": "example.net"},
        "postcode": {"type": "string", "pattern": POSTCODE},
        "client": {"type": "string", "maxLength": 100, "description": "the client address signatures came from"},
        "since": {"type": "string", "format": "date-time"}, "until": {"type": "string", "format": "date-time"},
        "dry_run": {"type": "boolean"}}},
    "InvalidationResult": {"type": "object", "properties": {
        "matched": {"type": "integer"}, "invalidated": {"type": "integer"},
        "uncounted": {"type": "integer", "description": "confirmed, counted signatures taken off the count"},
        "dry_run": {"type": "boolean"}, "criteria": {"type": "object"}, "signature_count": {"type": "integer"}}},
    "FollowerNew": {"type": "object", "additionalProperties": False,
                    "description": "without email: the signed-in account's verified e-mail (422 otherwise)",
                    "properties": {"email": SIGNER["email"]}},
    "FollowAccepted": {"type": "object", "required": ["status"], "properties": {
        "status": {"type": "string", "enum": ["check_email", "following"]}, "message": TEXT}},
    "FollowerToken": {"type": "object", "additionalProperties": False, "required": ["token"],
                      "properties": {"token": identifier(max_length=300)}},
    "FollowerState": {"type": "object", "properties": {
        "following": {"type": "boolean"},
        "petition": {"type": "object", "properties": {"id": TEXT, "action": TEXT, "state": TEXT}}}},
}
