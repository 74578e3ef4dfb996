"""The JSON Schema (draft 2020-12) of a council's settings document: what makes
a council of the deployment. Checked whole before anything is written
(councils/settings.py): a document that fails is refused with each field's
path and reason, and nothing of it is applied."""
from .. import tenancy

HOST = r"^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$"
URL = r"^https?://[a-z0-9.-]+(:[0-9]{1,5})?$"
JURISDICTIONS = ("england", "wales", "scotland")
SOME = r"\S"


def _text(most, least=1):
    return {"type": "string", "minLength": least, "maxLength": most, "pattern": SOME}


def _object(properties, required=()):
    return {"type": "object", "properties": properties, "required": list(required), "additionalProperties": False}


_POSITION = {"type": "array", "minItems": 2, "maxItems": 3, "items": {"type": "number"}}
_RING = {"type": "array", "minItems": 4, "items": _POSITION}
AREA = {"type": "object", "required": ["type", "coordinates"], "additionalProperties": False, "properties": {
    "type": {"enum": ["Polygon", "MultiPolygon"]},
    "coordinates": {"type": "array", "minItems": 1, "items": {"type": "array"}}},
    "if": {"properties": {"type": {"const": "Polygon"}}},
    "then": {"properties": {"coordinates": {"items": _RING}}},
    "else": {"properties": {"coordinates": {"items": {"type": "array", "minItems": 1, "items": _RING}}}}}

ROLE_ID = r"^[a-z][a-z0-9_]{0,39}$"
# The council's own staff roles (auth/desks.py), in the roles file's form: each opens desks of the
# deployment (settings.py checks they are), and says in words what it may read and change.
STAFF_ROLES = _object({"roles": {
    "type": "object", "minProperties": 1, "maxProperties": 100, "propertyNames": {"pattern": ROLE_ID},
    "additionalProperties": _object({
        "name": _text(80),
        "desks": {"type": "array", "minItems": 1, "maxItems": 100, "uniqueItems": True,
                  "items": {"type": "string", "pattern": ROLE_ID}},
        "reads": _text(1000),
        "changes": _text(1000),
    }, required=("name", "desks", "reads", "changes"))}}, required=("roles",))

TEAM_ID = r"^[a-z0-9][a-z0-9_-]{0,39}$"  # as handlers/staff/limits.py has it
# The teams this council shares with another (a shared waste service): a crew member another council
# grants with one of them works here only where that council names the same team shared with this one.
SHARES = {"type": "array", "maxItems": 50, "uniqueItems": True, "items": _object({
    "team": {"type": "string", "pattern": TEAM_ID},
    "with": {"type": "string", "pattern": tenancy.ID.pattern},
}, required=("team", "with"))}

SCHEMA = _object({
    "id": {"type": "string", "pattern": tenancy.ID.pattern},
    "name": _text(120),  # "City of York Council"
    "short_name": _text(60),  # "York": in sentences ("York's bin days")
    "hosts": {"type": "array", "minItems": 1, "maxItems": 10, "uniqueItems": True,
              "items": {"type": "string", "pattern": HOST}},
    "public_url": {"type": "string", "pattern": URL, "maxLength": 300},
    "jurisdiction": {"enum": list(JURISDICTIONS)},
    "area": AREA,
    "branding": _object({
        "colour": {"type": "string", "pattern": r"^#[0-9a-f]{6}$"},
        "logo": _text(300),
        "phone": _text(40),
        "email": {"type": "string", "format": "email", "maxLength": 254},
    }),
    "staff_roles": STAFF_ROLES,
    "shares": SHARES,
}, required=("id", "name", "short_name", "hosts", "jurisdiction"))
