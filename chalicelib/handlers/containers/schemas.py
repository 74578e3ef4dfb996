"""The container routes' OpenAPI components (loaded only to build /openapi.json)."""
from ..feedback.schemas import ASKED
from ..waste.limits import WAIVE_REASON_MAX
from ..waste.schemas import waived
from .limits import CANCEL_REASON_MAX, CONTAINER_ID_PATTERN, NOTES_MAX, REASON_MAX, REASONS, REQUEST_ID_PATTERN, \
    STOCK_CHANGE_MAX

PENCE = {"type": "integer", "minimum": 0, "description": "pence"}
NEW = {"uprn": {"type": "string", "pattern": "^[0-9]{1,12}$"},
       "container": {"type": "string", "pattern": CONTAINER_ID_PATTERN,
                     "description": "one of GET /v1/places/{uprn}/containers"},
       "reason": {"type": "string", "enum": list(REASONS), "description": "the council's list may name fewer"},
       "notes": {"type": "string", "maxLength": NOTES_MAX, "description": "where to leave it, for the crew"}}
REQUEST = {"type": "object", "required": ["id", "status", "uprn", "container", "reason", "amount"], "properties": {
    "id": {"type": "string", "pattern": REQUEST_ID_PATTERN},
    "status": {"type": "string", "enum": ["held", "confirmed", "released", "cancelled", "delivered",
                                                "not_delivered"]},
    "uprn": {"type": "string"}, "address": {"type": "string"}, "container": {"type": "string"},
    "name": {"type": "string"}, "stream": {"type": "string"}, "reason": {"type": "string"}, "amount": PENCE,
    "amount_text": {"type": "string"}, "depot": {"type": "string"}, "notes": {"type": "string"},
    "delivery_date": {"type": "string", "nullable": True, "format": "date", "description": "the crew's day, once confirmed"},
    "why": {"type": "string", "nullable": True, "description": "why it was released, or the crew's reason it was not delivered"},
    "taken_by": {"type": "object", "nullable": True},
    "cancelled_by": {"type": "object", "nullable": True, "description": "who cancelled it, when (and staff's reason)"},
    "refund": {"type": "object", "nullable": True, "description": "a paid one cancelled: what it owes back, and "
               "once made (status done), what was refunded", "properties": {
                   "status": {"type": "string", "enum": ["due", "done"]}, "amount": PENCE, "made": PENCE}},
    "delivered_on": {"type": "string", "nullable": True, "format": "date"},
    "cancellable": {"type": "boolean", "description": "false once delivered or ended"},
    "hold_until": {"type": "string", "nullable": True, "format": "date-time"},
    "created_at": {"type": "string", "nullable": True, "format": "date-time"},
    "confirmed_at": {"type": "string", "nullable": True, "format": "date-time"}, "feedback": ASKED,
    "ended_at": {"type": "string", "nullable": True, "format": "date-time"},
    "job_id": {"type": "string", "nullable": True, "description": "the crew's delivery job, once confirmed"},
    "job": {"type": "object", "nullable": True, "description": "staff reading one request: its delivery job "
            "{id, team, status, due, updated_at}"},
    "payment": {"type": "object", "nullable": True, "properties": {
        "id": {"type": "string"}, "status": {"type": "string"}, "finished": {"type": "boolean"}, "amount": PENCE,
        "refunded": PENCE, "next_url": {"type": "string", "nullable": True}}}}}
DEPOT_NAMES = {"type": "object", "additionalProperties": {"type": "string"}, "description": "each depot's name"}
STOCK_ITEM = {"type": "object", "properties": {
    "moved": {"type": "object", "nullable": True, "description": "the count's last change of any kind: {at, what "
              "(counted, ordered, released, cancelled, staff), add, request?, by?}"},
    "depot": {"type": "string"}, "container": {"type": "string"}, "name": {"type": "string"},
    "count": {"type": "integer", "minimum": 0}, "version": {"type": "integer", "description": "for If-Match"},
    "audit": {"type": "array", "description": "staff's latest changes, newest first", "items": {
        "type": "object", "properties": {"at": {"type": "string", "format": "date-time"}, "by": {"type": "string"},
                                         "add": {"type": "integer"}, "seen": {"type": "integer"},
                                         "reason": {"type": "string"}}}}}}

SCHEMAS = {
    "PropertyContainers": {"type": "object", "required": ["uprn", "containers", "reasons"], "properties": {
        "uprn": {"type": "string"}, "address": {"type": "string"},
        "reasons": {"type": "array", "items": {"type": "object", "properties": {
            "id": {"type": "string"}, "name": {"type": "string"}, "charged": {"type": "boolean"}}}},
        "containers": {"type": "array", "items": {"type": "object", "properties": {
            "id": {"type": "string"}, "name": {"type": "string"}, "stream": {"type": "string"},
            "prices": {"type": "object", "additionalProperties": PENCE, "description": "by reason"},
            "in_stock": {"type": "boolean", "description": "false: the depot has none; ordering it is refused"},
            "request_open": {"type": "boolean", "description": "a request is open for it at this address"},
            "open_request": {"type": "string", "nullable": True,
                             "description": "the open request's reference: for its own resident (or staff) only"}}}}}},
    "ContainerRequestNew": {"type": "object", "required": ["uprn", "container", "reason"],
                            "additionalProperties": False, "properties": NEW},
    "StaffContainerRequestNew": {"type": "object", "required": ["uprn", "container", "reason", "payment"],
                                 "additionalProperties": False, "properties": {
        **NEW, "payment": {"type": "string", "enum": ["card", "waived"]},
        "waive_reason": {"type": "string", "maxLength": WAIVE_REASON_MAX, "description": "required with waived"},
        "caller_email": {"type": "string", "format": "email"}}, **waived("waive_reason")},
    "ContainerRequest": REQUEST,
    "ContainerCancel": {"type": "object", "additionalProperties": False, "properties": {
        "reason": {"type": "string", "maxLength": CANCEL_REASON_MAX, "pattern": "\\S",
                   "description": "staff's, required of them"}}},
    "StaffContainerRequests": {"type": "object", "required": ["requests"], "properties": {
        "status": {"type": "string"}, "depot": {"type": "string", "nullable": True},
        "depots": {"type": "array", "items": {"type": "string"}, "description": "the council's depots"},
        "depot_names": DEPOT_NAMES,
        "requests": {"type": "array", "items": REQUEST},
        "next": {"type": "string", "nullable": True, "description": "the next page's cursor"}}},
    "ContainerStockItem": STOCK_ITEM,
    "ContainerStock": {"type": "object", "required": ["depot", "containers"], "properties": {
        "depot": {"type": "string"}, "depots": {"type": "array", "items": {"type": "string"}},
        "depot_names": DEPOT_NAMES, "containers": {"type": "array", "items": STOCK_ITEM}}},
    "ContainerStockChange": {"type": "object", "required": ["add", "reason"], "additionalProperties": False,
                             "properties": {
        "add": {"type": "integer", "minimum": -STOCK_CHANGE_MAX, "maximum": STOCK_CHANGE_MAX,
                "description": "more than 0: delivered to the depot; less than 0: written off (0 is refused: 422)"},
        "reason": {"type": "string", "minLength": 1, "maxLength": REASON_MAX, "pattern": "\\S"}}},
    "MyContainerRequests": {"type": "object", "required": ["requests"], "properties": {
        "requests": {"type": "array", "items": REQUEST}}},
}
