"""Taking part's OpenAPI components (loaded only to build /openapi.json)."""
from ...validation import trimmed_text
from . import limits

TEXT = {"type": "string"}


def words(most):
    """Text of 1 to `most` characters, not only spaces."""
    return {"type": "string", "minLength": 1, "maxLength": most, "pattern": "\\S"}


MAYBE = {"type": "string", "nullable": True}
MOMENT = {"type": "string", "format": "date-time", "nullable": True}
NEEDS = {"type": "array", "items": {"type": "string", "enum": list(limits.NEEDS)}, "uniqueItems": True}
SPEAKER_FIELDS = {
    "name": {**words(limits.NAME_MAX), "description": "as the chair calls it"},
    "phone": {"type": "string", "maxLength": 20, "description": "for the confirmation by text (optional)"},
    "mode": {"type": "string", "enum": list(limits.MODES)},
    "needs": NEEDS,
    "side": {"type": "string", "enum": list(limits.SIDES),
             "description": "for or against: only where the committee hears sides (planning)"}}

REGISTRATION = {
    "id": TEXT, "meeting_id": TEXT, "item_id": TEXT, "name": TEXT, "mode": TEXT, "needs": NEEDS, "side": MAYBE,
    "status": {"type": "string", "enum": ["registered", "accepted", "declined", "withdrawn"]},
    "reason": MAYBE, "late": {"type": "boolean"}, "created_at": MOMENT}

QUESTION = {"id": TEXT, "item_id": TEXT, "member": TEXT, "question": TEXT, "answer": MAYBE,
            "asked_by": {"type": "string", "description": "the asker's name, or \"A resident\" without consent"}}

LIVE_STATUS = {"type": "string", "enum": ["waiting", "approved", "rejected", "answered", "withdrawn"],
               "description": "withdrawn: taken off the screens (its words are then not sent)"}
LIVE = {"id": TEXT, "item_id": TEXT, "status": LIVE_STATUS, "question": MAYBE,
        "asked_by": {"type": "string", "nullable": True,
                     "description": "\"Ada, Micklegate\" by consent, else \"A resident\""},
        "decided_at": MOMENT, "version": {"type": "integer"}}
MY_LIVE = {**LIVE, "meeting_id": TEXT, "name_public": {"type": "boolean"}, "first_name": MAYBE, "ward": MAYBE,
           "created_at": MOMENT}

# A row of My Account's names its meeting and item (null when the meeting is no longer in our copy).
NAMED = {"committee_title": MAYBE, "date": {"type": "string", "format": "date", "nullable": True},
         "time": {**MAYBE, "description": "HH:MM as the committee system gives it, when it gives one"},
         "item_number": MAYBE, "item_title": MAYBE}
MY_QUESTION = {**QUESTION, "name_public": {"type": "boolean"}, "meeting_id": TEXT, "created_at": MOMENT,
               "answered_at": MOMENT}

CHAPTERS = {"type": "array", "items": {"type": "object", "properties": {
    "item_id": TEXT, "number": MAYBE, "title": TEXT, "at_s": {"type": "integer"}, "at": TEXT, "url": MAYBE}}}
SCHEMAS = {
    "SpeakerNew": {"type": "object", "additionalProperties": False, "required": ["name", "mode"],
                   "properties": SPEAKER_FIELDS},
    "SpeakingLink": {"type": "object", "additionalProperties": False, "required": ["token"],
                     "properties": {"token": {"type": "string", "minLength": 1, "maxLength": limits.TOKEN_MAX,
                                                       "pattern": "^\\S+$"}}},
    "SpeakingRules": {"type": "object", "required": ["committees", "sets", "audit", "version"], "properties": {
        "committees": {"type": "array", "items": {"type": "object", "properties": {
            "id": {"type": "string"}, "title": {"type": "string"},
            "rules": {**MAYBE, "description": "the set chosen; null: none chosen, the default applies"},
            "speaking_items_ahead": {"type": "boolean"}}}},
        "default": {"type": "string"}, "sets": {"type": "array", "items": {"type": "object"}},
        "audit": {"type": "array", "items": {"type": "object"}}, "version": {"type": "integer"}}},
    "SpeakingRulesChoice": {"type": "object", "additionalProperties": False, "required": ["committee_id", "rules"],
                            "properties": {"committee_id": {"type": "string", "maxLength": 12},
                                           "rules": {"type": "string", "nullable": True, "maxLength": 60}}},
    "SpeakingLinkFor": {"type": "object", "required": ["meeting_id", "item_id", "status", "holding"], "properties": {
        "meeting_id": {"type": "string"}, "item_id": {"type": "string"},
        "committee_title": MAYBE, "date": MAYBE, "time": MAYBE, "item_number": MAYBE,
        "item_title": {**MAYBE, "description": "null when the meeting or item is no longer in our copy"},
        "status": {"type": "string", "enum": ["registered", "accepted", "declined", "withdrawn"]},
        "holding": {"type": "boolean", "description": "whether the link can still withdraw it"}}},
    "SpeakerRegistration": {"type": "object", "required": ["id", "meeting_id", "item_id", "status"],
                            "properties": REGISTRATION},
    "SpeakerForStaff": {"type": "object", "required": ["id", "status", "version"], "properties": {
        **REGISTRATION, "email": MAYBE, "phone": MAYBE, "version": {"type": "integer"}, "decided_at": MOMENT}},
    "SpeakersList": {"type": "object", "required": ["meeting_id", "registrations"], "properties": {
        "meeting_id": TEXT, "committee_title": TEXT, "date": TEXT, "minutes_each": {"type": "integer"},
        "closes_at": TEXT,
        "registrations": {"type": "array", "items": {"$ref": "#/components/schemas/SpeakerForStaff"}}}},
    "LateSpeakerNew": {"type": "object", "additionalProperties": False,
                       "required": ["item_id", "name", "mode", "reason"],
                       "properties": {**SPEAKER_FIELDS, "item_id": {"type": "string", "pattern": limits.ID_PATTERN},
                                      "email": {"type": "string", "format": "email", "maxLength": 254},
                                      "reason": words(limits.REASON_MAX)}},
    "SpeakerDecision": {"type": "object", "additionalProperties": False, "required": ["decision"], "properties": {
        "decision": {"type": "string", "enum": ["accept", "decline"]},
        "reason": {**words(limits.REASON_MAX),
                   "description": "required to decline: the speaker is told it"}}},
    "Speaking": {"type": "object", "required": ["meeting_id", "closes_at", "open"], "properties": {
        "meeting_id": TEXT, "closes_at": MOMENT, "closes": {"type": "string", "description": "the deadline in words"},
        "open": {"type": "boolean"}, "minutes_each": {"type": "integer"}, "per_meeting": {"type": "integer"},
        "per_item": {"type": "integer", "nullable": True}, "sides": {"type": "boolean"},
        "places_left": {"type": "integer"},
        "items": {"type": "array", "items": {"type": "object", "properties": {
            "id": TEXT, "number": MAYBE, "title": TEXT, "places_left": {"type": "integer"}}}},
        "questions": {"type": "object", "description": "written questions: their deadline (in words too) and "
                                                       "word limit, for any item that is not a heading",
                      "properties": {"closes_at": MOMENT, "closes": TEXT, "open": {"type": "boolean"},
                                     "words": {"type": "integer"}}}}},
    "QuestionNew": {"type": "object", "additionalProperties": False, "required": ["name", "member", "question"],
                    "properties": {"name": words(limits.NAME_MAX),
                                   "member": {**words(limits.NAME_MAX),
                                              "description": "the councillor the question is put to"},
                                   "question": {**words(limits.QUESTION_MAX),
                                                "description": "within the committee's word limit"},
                                   "name_public": {"type": "boolean", "description": "print my name with it"}}},
    "QuestionAnswer": {"type": "object", "additionalProperties": False, "required": ["answer"], "properties": {
        "answer": words(limits.ANSWER_MAX)}},
    "PublishedQuestion": {"type": "object", "properties": QUESTION},
    "PublishedQuestions": {"type": "object", "required": ["questions"], "properties": {
        "meeting_id": TEXT, "published_from": MOMENT,
        "questions": {"type": "array", "items": {"$ref": "#/components/schemas/PublishedQuestion"}}}},
    "MyQuestion": {"type": "object", "properties": MY_QUESTION},
    "StaffQuestion": {"type": "object", "properties": {
        **QUESTION, "name_public": {"type": "boolean"}, "meeting_id": TEXT, "created_at": MOMENT,
        "answered_at": MOMENT, "email": MAYBE, "version": {"type": "integer"}}},
    "StaffQuestions": {"type": "object", "required": ["questions"], "properties": {
        "meeting_id": TEXT, "questions": {"type": "array", "items": {"$ref": "#/components/schemas/StaffQuestion"}}}},
    "WebcastNow": {"type": "object", "additionalProperties": False, "required": ["item_id"], "properties": {
        "item_id": {"type": "string", "pattern": limits.ID_PATTERN}}},
    "WebcastChapters": {"type": "object", "additionalProperties": False, "required": ["chapters"], "properties": {
        "chapters": {"type": "array", "maxItems": 200, "items": {
            "type": "object", "additionalProperties": False, "required": ["item_id", "at_s"], "properties": {
                "item_id": {"type": "string", "pattern": limits.ID_PATTERN},
                "at_s": {"type": "integer", "minimum": 0, "maximum": 86400}}}}}},
    "Webcast": {"type": "object", "required": ["meeting_id", "chapters"], "properties": {
        "meeting_id": TEXT, "url": MAYBE, "now_on": MAYBE, "version": {"type": "integer"},
        "chapters": CHAPTERS,
        "live": {"type": "object", "description": "when items may be marked now on: the meeting's day, around its "
                 "start", "properties": {"open": {"type": "boolean"}, "from": TEXT, "until": TEXT, "says": TEXT}},
        "youtube": {"type": "object", "description": "whether youtube.txt can be given, and if not why",
                    "properties": {"ready": {"type": "boolean"}, "problems": {"type": "array", "items": TEXT}}}}},
    "WebcastImported": {"type": "object", "required": ["meeting_id", "chapters", "matched", "unmatched"],
                        "properties": {
        "meeting_id": TEXT, "url": MAYBE, "now_on": MAYBE, "version": {"type": "integer"},
        "chapters": CHAPTERS,
        "matched": {"type": "array", "items": {"type": "object", "properties": {
            "title": TEXT, "at_s": {"type": "integer"}, "at": TEXT, "item_id": TEXT}}},
        "unmatched": {"type": "array", "items": {"type": "object", "properties": {
            "title": TEXT, "at_s": {"type": "integer"}, "at": TEXT, "message": TEXT}}}}},
    "LiveQuestionNew": {"type": "object", "additionalProperties": False, "required": ["question"], "properties": {
        "question": {**words(limits.LIVE_TEXT_MAX), "description": "within the committee's live word limit"},
        "item_id": {"type": "string", "pattern": limits.ID_PATTERN,
                    "description": "the item the resident saw on: refused (item_moved_on) if the meeting moved on"},
        "name_public": {"type": "boolean", "description": "show my first name and ward with it"},
        "first_name": {**words(limits.FIRST_NAME_MAX), "description": "with name_public; its first word is shown"},
        "ward_id": {**trimmed_text(1, limits.WARD_ID_MAX),
                    "description": "with name_public: a ward's id, as GET /v1/places or /v1/councillors give it"}}},
    "LiveQuestionDecision": {"type": "object", "additionalProperties": False, "required": ["decision"],
                             "properties": {"decision": {"type": "string", "enum": list(limits.LIVE_DECISIONS)}}},
    "LiveQuestion": {"type": "object", "required": ["id", "status", "version"], "properties": LIVE},
    "LiveQuestions": {"type": "object", "required": ["meeting_id", "questions"], "properties": {
        "meeting_id": TEXT, "now_on": MAYBE, "live": {"type": "boolean"}, "socket_url": MAYBE,
        "questions": {"type": "array", "items": {"$ref": "#/components/schemas/LiveQuestion"}}}},
    "MyLiveQuestion": {"type": "object", "required": ["id", "status"], "properties": MY_LIVE},
    "StaffLiveQuestion": {"type": "object", "required": ["id", "status", "version"], "properties": {
        **MY_LIVE, "user_id": MAYBE, "decided_by": MAYBE}},
    "StaffLiveQuestions": {"type": "object", "required": ["meeting_id", "questions"], "properties": {
        "meeting_id": TEXT, "now_on": MAYBE, "socket_url": MAYBE,
        "questions": {"type": "array", "items": {"$ref": "#/components/schemas/StaffLiveQuestion"}}}},
    "MyTakingPart": {"type": "object", "required": ["speaking", "questions"], "properties": {
        "speaking": {"type": "array", "items": {"type": "object", "properties": {
            **REGISTRATION, "withdraw_url": MAYBE, **NAMED}}},
        "questions": {"type": "array", "items": {"type": "object", "properties": {**MY_QUESTION, **NAMED}}},
        "live_questions": {"type": "array", "items": {"type": "object", "properties": {**MY_LIVE, **NAMED}}}}},
}
