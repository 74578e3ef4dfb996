"""The alert routes' part of the OpenAPI description (merged by openapi.spec)."""
from ...api.openapi import _anon, _q

ALERT = "#/components/schemas/Alert"
TOKEN_Q = _q("token", "the alert's unsubscribe token (from the message's link)", required=True)

PATHS = {
    "/v1/alerts": {
        "post": {**_anon("Subscribe to alerts: a report, an area, a ward, a category or council broadcasts. "
                         "The same subscriber and target again answer the same alert (Idempotent-Replayed). "
                         "E-mail/SMS to an address not proven by a verified account stay pending until "
                         "the confirmation link is used", "NewAlert", "201", ALERT, (400, 404, 422))},
        "get": {**_anon("My alerts (signed in), or the one alert a management token opens", None, "200",
                        "#/components/schemas/AlertList", (401, 403)),
                "parameters": [_q("token", "an anonymous subscriber's management token")]},
    },
    "/v1/alerts/{alert_id}": {"delete": {
        **_anon("Delete an alert: its owner, or with its management token", None, "204", "Deleted", (403, 404)),
        "parameters": [{"name": "alert_id", "in": "path", "required": True, "schema": {"type": "string"}},
                       _q("token", "the management token, for anonymous subscribers")]}},
    "/v1/alerts/confirm": {"post": _anon("Confirm an e-mail or SMS alert (double opt-in) with the token sent "
                                         "to that address", "AlertToken", "200", ALERT, (400, 403))},
    "/v1/alerts/unsubscribe": {
        "get": {**_anon("What an unsubscribe link would stop (a GET never unsubscribes: mail scanners "
                        "follow links)", None, "200", "Unsubscribe status", (403,)), "parameters": [TOKEN_Q]},
        "post": {**_anon("Unsubscribe (RFC 8058 one-click: form body List-Unsubscribe=One-Click, or empty)",
                         None, "200", "Unsubscribed", (403,)), "parameters": [TOKEN_Q]},
    },
}

_CIRCLE = {"lat": {"type": "number"}, "lon": {"type": "number"},
           "radius_m": {"type": "number", "minimum": 50, "maximum": 5000}}

SCHEMAS = {
    "NewAlert": {"type": "object", "required": ["kind", "channels"], "properties": {
        "kind": {"type": "string", "enum": ["report", "area", "ward", "category", "broadcast"]},
        "channels": {"type": "array", "items": {"type": "string", "enum": ["push", "email", "sms"]}},
        "push_subscription": {"type": "object", "description": "the browser's PushSubscription.toJSON()",
                              "properties": {"endpoint": {"type": "string", "format": "uri"},
                                             "keys": {"type": "object", "properties": {
                                                 "p256dh": {"type": "string"}, "auth": {"type": "string"}}}}},
        "email": {"type": "string"}, "phone": {"type": "string"},
        "report_id": {"type": "string", "description": "kind report"}, **_CIRCLE,
        "ward": {"type": "string", "description": "a ward id (GET /v1/councillors): kind ward, or a broadcast's place"},
        "service_code": {"type": "string", "description": "kind category"},
        "area": {"type": "object", "properties": _CIRCLE, "description": "kind category: only within it"},
        "topics": {"type": "array", "items": {"type": "string", "enum": ["bins", "roads", "emergencies"]},
                   "description": "kind broadcast, with a ward or lat/lon/radius_m"}}},
    "AlertToken": {"type": "object", "required": ["token"], "properties": {"token": {"type": "string"}}},
    "Alert": {"type": "object", "required": ["id", "kind", "channels", "confirmed"], "properties": {
        "id": {"type": "string"}, "kind": {"type": "string"},
        "channels": {"type": "array", "items": {"type": "string"}},
        "confirmed": {"type": "boolean"}, "pending": {"type": "array", "items": {"type": "string"}},
        "email": {"type": "string"}, "phone": {"type": "string"}, "push_endpoint": {"type": "string"},
        "management_token": {"type": "string", "description": "anonymous subscribers, once: keep it to "
                                                              "list or delete this alert"},
        "created_at": {"type": "string", "format": "date-time"}}},
    "AlertList": {"type": "object", "properties": {"alerts": {"type": "array", "items": {"$ref": ALERT}}}},
}

