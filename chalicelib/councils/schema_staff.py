"""The JSON Schema of a council's staff sign-in (its settings' `staff_sign_in`): the directory its
officers sign in with, how its groups become desks, whether officers may still use a password, and
its SCIM provisioning's token. docs/decisions/staff-sign-in.md says why each is so; what a schema
cannot say (a group's roles are the council's roles) is checked in councils/checks_staff.py."""
from .. import tenancy


def _object(properties, required=()):
    return {"type": "object", "properties": properties, "required": list(required), "additionalProperties": False}


def _text(most):
    return {"type": "string", "minLength": 1, "maxLength": most, "pattern": r"\S"}


ISSUER = r"^(https://[a-z0-9.-]+(:[0-9]{1,5})?|http://(127\.0\.0\.1|localhost)(:[0-9]{1,5})?)(/[^\s\"'<>\\]*)?$"
HOST = r"^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$"
SECRET = _object({"secret": {"type": "string", "pattern": r"^[a-z0-9][a-z0-9-]{0,62}$"}}, required=("secret",))
CLAIM = {"type": "string", "pattern": r"^[A-Za-z_][A-Za-z0-9_.:/-]{0,99}$"}
ROLE_ID = r"^[a-z][a-z0-9_]{0,39}$"
TEAM_ID = r"^[a-z0-9][a-z0-9_-]{0,39}$"
# Where the ID token says who the officer is (Entra ID's names, the defaults: auth/directory.py).
CLAIMS = _object({name: CLAIM for name in ("username", "email", "name", "groups", "tenant")})

PROVIDER = _object({
    "id": {"type": "string", "pattern": tenancy.ID.pattern},
    "name": _text(60),  # on its button: "Sign in with your City of York Council account"
    "issuer": {"type": "string", "pattern": ISSUER, "maxLength": 300},
    "tenant": _text(100),  # the tenant claim's value every token must carry (Entra's tid)
    "client_id": _text(200),
    "client_auth": {"enum": ["client_secret", "private_key_jwt"]},
    "client_key": SECRET,  # the client secret, or the private key's PEM: by name, never the value
    "claims": CLAIMS,
    "hosts": {"type": "array", "minItems": 1, "maxItems": 10, "uniqueItems": True,
              "items": {"type": "string", "pattern": HOST}},
}, required=("id", "name", "issuer", "tenant", "client_id", "client_auth", "client_key"))

GROUP = {**_object({
    "group": _text(200),  # the directory's id for it (Entra's object id), or an app role's value
    "name": _text(120),  # what the council calls it, for its administrator's screen
    "kind": {"enum": ["crew", "staff", "admin"]},
    "roles": {"type": "array", "maxItems": 50, "uniqueItems": True, "items": {"type": "string", "pattern": ROLE_ID}},
    "team": {"type": "string", "pattern": TEAM_ID},
}, required=("group", "name", "kind")),
    "allOf": [{"if": {"properties": {"kind": {"const": "crew"}}}, "then": {"required": ["team"]}}]}

STAFF_SIGN_IN = _object({
    "providers": {"type": "array", "minItems": 1, "maxItems": 5, "items": PROVIDER},
    "groups": {"type": "array", "maxItems": 200, "items": GROUP},
    "mfa": {"enum": ["required", "not_required"]},
    "passwords": {"enum": ["allowed", "break_glass"]},
    "scim": _object({"token": SECRET}, required=("token",)),
    "unused_days": {"type": "integer", "minimum": 7, "maximum": 3650},
}, required=("providers",))
