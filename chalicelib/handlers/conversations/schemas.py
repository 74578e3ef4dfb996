"""The conversation routes' OpenAPI components (loaded only to build /openapi.json)."""
from ...api.openapi import REPORT_REFERENCE, identifier
from ...validation import EMAIL, PHONE_SCHEMA, SOME_TEXT
from ..alerts.schemas import SCHEMAS as ALERTS
from .limits import CONVERSATION_ID_PATTERN, MAX_PHOTOS, NAME_MAX, REASON_MAX, SCREENS_PATTERN, STATES, TEXT_MAX

TEXT = {"type": "string", "pattern": SOME_TEXT, "maxLength": TEXT_MAX}
# An alert's push_subscription: the same shape and rules (alerts/channels.push_subscription).
PUSH = {**ALERTS["NewAlert"]["properties"]["push_subscription"],
        "description": "the browser's PushSubscription, for answers while the app is closed"}
NULLABLE_TEXT = {"type": "string", "nullable": True}
CONTEXT = {"type": "object", "additionalProperties": False, "properties": {
    "screen": {"type": "string", "pattern": SCREENS_PATTERN, "example": "property"},
    "report_id": {"type": "string", "pattern": "^[ \t]*[Dd][Ss]-?[0-9A-Za-z]{6}[ \t]*$", "example": "DS-7K3F9Q"},
    "uprn": {"type": "string", "pattern": "^[0-9]{1,12}$"}}}
PHOTOS = {"type": "array", "maxItems": MAX_PHOTOS, "items": {"type": "string", "pattern": "^[0-9a-f]{32}$"},
          "description": "upload ids from POST /v1/uploads (cleaned of EXIF when attached)"}
DESK = {"type": "object", "properties": {"open": {"type": "boolean"}, "hours": {"type": "string"},
                                         "answer_from": NULLABLE_TEXT,
                                         "answer_from_text": NULLABLE_TEXT}}
MESSAGE = {"type": "object", "required": ["seq", "author", "text", "created_at"], "properties": {
    "seq": {"type": "integer", "minimum": 1}, "author": {"type": "string", "enum": ["resident", "staff", "system"]},
    "author_name": NULLABLE_TEXT, "text": {"type": "string"}, "created_at": {"type": "string"},
    "photos": {"type": "array", "items": {"type": "object"}}}}
CHOICE = {"type": "string", "nullable": True, "enum": ["email", "phone", "end", None],
          "description": "what the waiting resident chose when offered another way"}
ROW = {"type": "object", "required": ["id", "state"], "properties": {
    "id": {"type": "string"}, "state": {"type": "string", "enum": list(STATES)}, "context": {"type": "object"},
    "name": NULLABLE_TEXT, "waited_s": {"type": "integer", "nullable": True}, "waiting_since": NULLABLE_TEXT,
    "offered_at": NULLABLE_TEXT, "choice": CHOICE, "chosen_at": NULLABLE_TEXT}}
QUEUE = {"type": "object", "nullable": True, "description": "while it waits (resident only)", "properties": {
    "place": {"type": "integer", "minimum": 1}, "more_ahead": {"type": "boolean"},
    "wait_s": {"type": "integer", "nullable": True,
               "description": "expected from recent residents' waits; null when none was answered lately"},
    "waited_s": {"type": "integer"}, "offer_in_s": {"type": "integer", "description": "0: offered now"},
    "offer": {"type": "object", "nullable": True, "properties": {"phone": {"type": "string"},
                                                                "email": NULLABLE_TEXT}}}}

SCHEMAS = {
    "ConversationNew": {"type": "object", "additionalProperties": False, "properties": {
        "name": {"type": "string", "pattern": SOME_TEXT, "maxLength": NAME_MAX},
        "email": {"type": "string", "pattern": EMAIL.pattern, "maxLength": 254},
        "phone": {**PHONE_SCHEMA}, "context": CONTEXT, "text": TEXT,
        "photos": PHOTOS, "push_subscription": PUSH},
        "description": "Signed in: nothing is required. Anonymous: name, and email or phone (else 422). "
                       "Photos need text with them (else 422)."},
    "Conversation": {"type": "object", "required": ["id", "state", "last_seq", "desk"], "properties": {
        "id": {"type": "string", "pattern": CONVERSATION_ID_PATTERN},
        "state": {"type": "string", "enum": list(STATES)}, "context": {"type": "object"},
        "officer_name": NULLABLE_TEXT, "last_seq": {"type": "integer"},
        "report_ids": {"type": "array", "items": {"type": "string"}},
        "rating": {"type": "integer", "nullable": True}, "desk": DESK, "queue": QUEUE, "choice": CHOICE,
        "offered_at": NULLABLE_TEXT, "chosen_at": NULLABLE_TEXT,
        "socket_url": {"type": "string", "nullable": True,
                       "description": "the WebSocket the screens open for live messages (see README: Live chat); "
                                      "null: poll .../messages with the cursor"},
        "token": {"type": "string", "nullable": True, "description": "anonymous only, once: opens it as ?token="}}},
    "ChatMessageNew": {"type": "object", "additionalProperties": False, "required": ["text"], "properties": {
        "text": TEXT, "photos": PHOTOS}},
    "ChatAnswer": {"type": "object", "additionalProperties": False, "properties": {
        "text": TEXT, "photos": PHOTOS,
        "template": identifier("a response template's id (GET /v1/staff/templates)")}},
    "ChatMessage": MESSAGE,
    "ChatMessages": {"type": "object", "required": ["messages", "cursor"], "properties": {
        "conversation_id": {"type": "string"}, "state": {"type": "string"},
        "messages": {"type": "array", "items": MESSAGE}, "cursor": {"type": "integer"},
        "more": {"type": "boolean"}}},
    "ChatChoice": {"type": "object", "additionalProperties": False, "required": ["choice"], "properties": {
        "choice": {"type": "string", "enum": ["email", "phone", "end"]},
        "email": {"type": "string", "pattern": EMAIL.pattern, "maxLength": 254,
                  "description": "where to answer, when the conversation has no e-mail address yet"}}},
    "ChatRating": {"type": "object", "additionalProperties": False, "required": ["rating"], "properties": {
        "rating": {"type": "integer", "minimum": 1, "maximum": 5}}},
    "ChatQueue": {"type": "object", "required": ["waiting", "mine"], "properties": {
        "waiting": {"type": "array", "items": ROW}, "mine": {"type": "array", "items": ROW},
        "most_at_once": {"type": "integer"}, "desk": DESK,
        "socket_url": {"type": "string", "nullable": True,
                       "description": "open ?desk=queue&access_token= on it to be nudged when the queue changes"}}},
    "ChatSearch": {"type": "object", "required": ["q", "matched_by", "conversations"], "properties": {
        "q": {"type": "string"},
        "matched_by": {"type": "string", "enum": ["conversation", "report", "email", "phone"]},
        "conversations": {"type": "array", "items": ROW}}},
    "ChatHandOver": {"type": "object", "additionalProperties": False, "required": ["to"], "properties": {
        "to": identifier("the colleague's account id")}},
    "ChatReportLink": {"type": "object", "additionalProperties": False, "required": ["report_id"], "properties": {
        "report_id": identifier(None, REPORT_REFERENCE, 20, example="DS-7K3F9Q")}},
    "ChatReportMade": {"type": "object", "required": ["report_id"], "properties": {
        "report_id": {"type": "string"}, "url": {"type": "string"}, "conversation": {"type": "object"}}},
    "ChatReportDraft": {"type": "object", "required": ["conversation_id", "service_code", "place", "fields"],
                        "properties": {
        "conversation_id": {"type": "string"}, "service_code": NULLABLE_TEXT,
        "matched_words": {"type": "array", "items": {"type": "string"},
                          "description": "the resident's words the category was chosen by"},
        "place": {"type": "object", "nullable": True, "properties": {
            "lat": {"type": "number"}, "lon": {"type": "number"}, "uprn": {"type": "string"},
            "address": NULLABLE_TEXT, "from": {"type": "string", "enum": ["property", "report"]},
            "report_id": {"type": "string"}}},
        "description": NULLABLE_TEXT, "fields": {"type": "object"}}},
    "ChatBlock": {"type": "object", "additionalProperties": False, "required": ["reason"], "properties": {
        "reason": {"type": "string", "pattern": r"\S.*\S.*\S", "maxLength": REASON_MAX}}},
    "MyConversations": {"type": "object", "required": ["conversations"], "properties": {
        "conversations": {"type": "array", "items": {"type": "object"}}}},
    "ChatAudit": {"type": "object", "properties": {"conversation_id": {"type": "string"},
                                                   "entries": {"type": "array", "items": {"type": "object"}}}},
}
