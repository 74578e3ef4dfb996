"""The accounts routes' OpenAPI components (loaded only to build /openapi.json),
with the limits the handlers enforce (limits.py)."""
from ...validation import PHONE_SCHEMA, SOME_TEXT, token_schema
from .limits import (ADDRESS_MAX, DEVICE_TOKEN_MAX, EMAIL_MAX, EMAIL_PATTERN, EXTERNAL_TOKEN_MAX, NAME_MAX, PASSWORD_MAX,
                     PASSWORD_MIN, TOKEN_MAX, UPRN_PATTERN)

EMAIL = {"type": "string", "pattern": EMAIL_PATTERN, "maxLength": EMAIL_MAX, "example": "ada@example.org"}
TOKEN = token_schema(TOKEN_MAX)
NEW_PASSWORD = {"type": "string", "minLength": PASSWORD_MIN, "maxLength": PASSWORD_MAX, "description": (
    "Also refused, with 422: one of the most common passwords, or the name or e-mail address itself.")}
NAME = {"type": "string", "pattern": SOME_TEXT, "maxLength": NAME_MAX}


def _obj(required, **props):
    schema = {"type": "object", "properties": {k: v if isinstance(v, dict) else {"type": v} for k, v in props.items()}}
    if required:
        schema["required"] = list(required)  # OpenAPI 3.0 forbids an empty list
    return schema


SCHEMAS = {
    # DELETE /v1/me's answer when a legal hold keeps something of the person (handlers/accounts/me.delete_me).
    "ErasureKept": _obj(["kept", "message"], kept={"type": "array", "items": _obj(
        ["kind", "id"], kind={"type": "string", "enum": ["reports", "repairs", "chats", "accounts"]}, id="string")},
        message="string"),
    "Register": _obj(["email", "password", "name"], email=EMAIL, password=NEW_PASSWORD, name=NAME),
    "Login": _obj(["email", "password"], email=EMAIL,
                  password={"type": "string", "minLength": 1, "maxLength": PASSWORD_MAX},
                  device_token={"type": "string", "maxLength": DEVICE_TOKEN_MAX, "description": (
                      "from this device's last sign-in or password reset: lets its owner in while "
                      "strangers' guesses hold other devices back")}),
    "RefreshToken": _obj(["refresh_token"], refresh_token=TOKEN),
    "OneTimeToken": _obj(["token"], token=TOKEN),
    "ResetRequest": _obj(["email"], email=EMAIL),
    "ResetConfirm": _obj(["token", "password"], token=TOKEN, password=NEW_PASSWORD),
    "ExternalToken": _obj(["token"], token=token_schema(EXTERNAL_TOKEN_MAX)),
    "ProviderStart": _obj([], next={"type": "string", "pattern": "^/(?!/)", "maxLength": 300,
                                    "description": "where the app goes once signed in (a path on this site)"}),
    "ProviderFinish": _obj(["code", "state"], code={"type": "string", "minLength": 1, "maxLength": 2000},
                           state={"type": "string", "minLength": 1, "maxLength": 2000}),
    "Tokens": _obj(["access_token", "refresh_token", "token_type", "expires_in"], access_token="string",
                   refresh_token="string", token_type="string", expires_in="integer", device_token="string",
                   user={"type": "object", "properties": {"id": {"type": "string"}, "role": {"type": "string"}}}),
    "Profile": {"type": "object", "required": ["id", "email", "email_verified", "name", "notifications", "role"],
                "properties": {
                    "id": {"type": "string"}, "email": {"type": "string", "nullable": True},
                    "email_verified": {"type": "boolean"}, "name": {"type": "string", "nullable": True},
                    # Optional details a resident may never have given.
                    "phone": {"type": "string", "nullable": True}, "address": {"type": "string", "nullable": True},
                    "uprn": {"type": "string", "nullable": True},
                    "moving_to": {"type": "object", "nullable": True, "description": "a move told (handlers/moving):"
                                  " the new home's uprn and address (none: leaving the area) and from when; "
                                  "address and uprn are the new home's from that day"},
                    "bins_calendar_url": {"type": "string", "description": "your own bin-day calendar to "
                                          "subscribe to: your home's collections, the new home's from a move's "
                                          "date, ended when you move away; the same until you stop it"},
                    "elsewhere": {"type": "array", "description": "the other councils of this service whose "
                                  "address you have signed in at: what you made there is at their address",
                                  "items": {"type": "object", "properties": {
                                      "council": {"type": "string"}, "name": {"type": "string"},
                                      "url": {"type": "string", "description": "your account at its address"}}}},
                    "notifications": {"type": "object", "properties": {
                        c: {"type": "boolean"} for c in ("email", "sms", "push")}},
                    "role": {"type": "string", "enum": ["resident", "crew", "staff", "admin"]},
                    "team": {"type": "string", "nullable": True},
                    "created_at": {"type": "string", "format": "date-time"}}},
    "ProfileUpdate": {"type": "object", "minProperties": 1, "additionalProperties": False, "properties": {
        "name": NAME,
        "phone": {**PHONE_SCHEMA, "nullable": True, "description": "null or empty: none"},
        "address": {"type": "string", "nullable": True, "maxLength": ADDRESS_MAX},
        "uprn": {"type": "string", "nullable": True, "pattern": UPRN_PATTERN},
        "notifications": {"type": "object", "additionalProperties": False, "properties": {
            c: {"type": "boolean"} for c in ("email", "sms", "push")}}}},
}
