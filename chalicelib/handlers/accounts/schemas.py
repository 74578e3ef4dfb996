"""The accounts routes' OpenAPI components (loaded only to build /openapi.json)."""


def _obj(required, **props):
    schema = {"type": "object", "properties": {k: {"type": v} for k, v in props.items()}}
    if required:
        schema["required"] = list(required)  # OpenAPI 3.0 forbids an empty list
    return schema


SCHEMAS = {
    "Register": _obj(["email", "password", "name"], email="string", password="string", name="string"),
    "Login": _obj(["email", "password"], email="string", password="string"),
    "RefreshToken": _obj(["refresh_token"], refresh_token="string"),
    "OneTimeToken": _obj(["token"], token="string"),
    "ResetRequest": _obj(["email"], email="string"),
    "ResetConfirm": _obj(["token", "password"], token="string", password="string"),
    "ExternalToken": _obj(["token"], token="string"),
    "Tokens": _obj(["access_token", "refresh_token", "token_type", "expires_in"], access_token="string",
                   refresh_token="string", token_type="string", expires_in="integer"),
    "Profile": {"type": "object", "required": ["id", "email", "email_verified", "name", "notifications", "role"],
                "properties": {
                    "id": {"type": "string"}, "email": {"type": "string", "nullable": True},
                    "email_verified": {"type": "boolean"}, "name": {"type": "string", "nullable": True},
                    # Optional details a resident may never have given.
                    "phone": {"type": "string", "nullable": True}, "address": {"type": "string", "nullable": True},
                    "uprn": {"type": "string", "nullable": True},
                    "notifications": {"type": "object", "properties": {
                        c: {"type": "boolean"} for c in ("email", "sms", "push")}},
                    "role": {"type": "string", "enum": ["resident", "crew", "staff", "admin"]},
                    "team": {"type": "string", "nullable": True},
                    "created_at": {"type": "string", "format": "date-time"}}},
    "ProfileUpdate": _obj([], name="string", phone="string", address="string", uprn="string",
                          notifications="object"),
}
