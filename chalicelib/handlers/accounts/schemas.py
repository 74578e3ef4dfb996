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
    "Profile": _obj(["id"], id="string", email="string", email_verified="boolean", name="string",
                    phone="string", address="string", uprn="string", notifications="object", role="string"),
    "ProfileUpdate": _obj([], name="string", phone="string", address="string", uprn="string",
                          notifications="object"),
}
