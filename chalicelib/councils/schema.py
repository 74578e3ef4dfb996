"""The JSON Schema (draft 2020-12) of a council's settings document: what makes
a council of the deployment. Checked whole before anything is written
(councils/settings.py): a document that fails is refused with each field's
path and reason, and nothing of it is applied. What a schema cannot say (a
word's key is the web catalogue's, white words can be read on the colour) is
checked beside it (councils/checks.py)."""
from .. import tenancy
from .backoffices import SCHEMA as BACK_OFFICES
from .schema_retention import RETENTION
from .schema_business import BUSINESS
from .schema_staff import STAFF_SIGN_IN
from .services import SWITCHABLE

HOST = r"^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$"
# An Open311 jurisdiction_id: a web domain (GeoReport v2 suggests the council's main website's),
# so with at least one dot, which a council's id never has: the two cannot name different councils.
DOMAIN = HOST.replace(")*$", ")+$")
URL = r"^https?://[a-z0-9.-]+(:[0-9]{1,5})?$"
WEBSITE = r"^https://[a-z0-9.-]+(:[0-9]{1,5})?(/[^\s\"'<>\\]*)?$"
# An image on the deployment's own site ("/icons/york.png") or on a council's (https only: the app's pages
# are served over https, and their policy loads images from the site itself or https).
IMAGE = r"^(/[A-Za-z0-9._~/-]+|https://[a-z0-9.-]+(:[0-9]{1,5})?/[^\s\"'<>\\]*)$"
JURISDICTIONS = ("england", "wales", "scotland")
SOME = r"\S"
# An address with one @, something either side and a dot after it: jsonschema's "email" format asks only
# for an @, and "dpo@york" would be printed in the privacy notice as the way to reach the council.
EMAIL = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
MOST_WORDS = 300
WORD_MOST = 400  # the catalogue's longest message is under 200 characters


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
# The PWA manifest's icons (W3C Web App Manifest): without them, the deployment's own.
ICON = _object({
    "src": {"type": "string", "pattern": IMAGE, "maxLength": 300},
    "sizes": {"type": "string", "pattern": r"^(any|[0-9]{2,4}x[0-9]{2,4}( [0-9]{2,4}x[0-9]{2,4})*)$"},
    "type": {"enum": ["image/png", "image/svg+xml", "image/webp"]},
    "purpose": {"enum": ["any", "maskable", "monochrome"]},
}, required=("src", "sizes", "type"))

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

DATE = r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
# Where the law lets a council choose (docs/decisions/rules.md): a Scottish council's local public
# holidays, which count wherever the law's "working day" excludes public holidays.
RULES = _object({
    "local_holidays": {"type": "array", "maxItems": 400, "items": _object({
        "date": {"type": "string", "pattern": DATE}, "name": _text(80)}, required=("date", "name"))},
    # The band D council tax the council set for each financial year (by its start, in pence), with
    # where it was published: the other bands follow from it by the jurisdiction's rule (council_tax.py).
    "council_tax": _object({"band_d": {"type": "array", "maxItems": 100, "items": _object({
        "year": {"type": "integer", "minimum": 1993, "maximum": 2100},
        "amount": {"type": "integer", "minimum": 1, "maximum": 100_000_000},
        "source": _text(300)}, required=("year", "amount"))}}),
})

# Where a resident goes for a service this council does not provide (Newcastle-under-Lyme's homes are
# Aspire Housing's): named beside the switch, answered with its routes' 404 and shown where the app would
# have offered it. A phone, a web address or both: checks.py says so in words, and that the service is off.
ELSEWHERE = _object({
    "name": _text(120),  # "Aspire Housing"
    "phone": _text(40),
    "website": {"type": "string", "pattern": WEBSITE, "maxLength": 300},
}, required=("name",))
# Where a sign-in provider is: https, or plain http on this machine alone (a local stack's provider).
ISSUER = r"^(https://[a-z0-9.-]+(:[0-9]{1,5})?|http://(127\.0\.0\.1|localhost)(:[0-9]{1,5})?)(/[^\s\"'<>\\]*)?$"
SECRET_NAME = r"^[a-z0-9][a-z0-9-]{0,62}$"  # the council's own secret's name (auth/providers.py finds it)
# The national account a council signs residents in with (auth/providers.py): where it is, the client id it
# gave the council, the level of assurance asked of a sign-in (auth/assurance.py), and the relying party's
# private key by reference, {"secret": <name>}, as the council's back offices name theirs: never the key.
_ATTRIBUTES = _object({"url": {"type": "string", "pattern": ISSUER, "maxLength": 300},
                       "issuer": {"type": "string", "pattern": ISSUER, "maxLength": 300},
                       "jwks_url": {"type": "string", "pattern": ISSUER, "maxLength": 300}},
                      required=("url", "issuer", "jwks_url"))
_PROVIDER = {**_object({
    "id": {"type": "string", "pattern": tenancy.ID.pattern},
    "name": _text(60),  # on its button: "Sign in with ScotAccount"
    "issuer": {"type": "string", "pattern": ISSUER, "maxLength": 300},
    "client_id": _text(200),
    "client_key": _object({"secret": {"type": "string", "pattern": SECRET_NAME}}, required=("secret",)),
    "level": {"enum": ["gpg44-medium", "gpg45-medium"]},
    "attributes": _ATTRIBUTES,  # where a verified identity is told (ScotAccount's /attributes/values)
    # What else ScotAccount is asked to share (auth/assurance.py): the e-mail it verified. Its address
    # is not asked: docs/decisions/accounts.md says why.
    "verified_attributes": {"type": "array", "maxItems": 1, "uniqueItems": True, "items": {"enum": ["email"]}},
}, required=("id", "name", "issuer", "client_id", "client_key", "level")),
    "allOf": [{"if": {"properties": {"level": {"const": "gpg45-medium"}}, "required": ["level"]},
               "then": {"required": ["attributes"]}},
              {"if": {"properties": {"verified_attributes": {"minItems": 1}}, "required": ["verified_attributes"]},
               "then": {"required": ["attributes"]}}]}
# What a transaction costs the council by channel, in whole pence (issue 72's figures: cost per transaction and
# the saving); a channel left out is costed at North Lanarkshire's business case (handlers/feedback/figures.py).
# `assisted`, an officer doing it on the resident's behalf: the phone's cost unless the council says otherwise.
_PENCE = {"type": "integer", "minimum": 0, "maximum": 100_000}
CHANNEL_COSTS = _object({name: _PENCE for name in ("online", "phone", "face_to_face", "assisted")})
SIGN_IN = _object({"providers": {"type": "array", "minItems": 1, "maxItems": 5, "items": _PROVIDER}},
                  required=("providers",))

SCHEMA = _object({
    "id": {"type": "string", "pattern": tenancy.ID.pattern},
    "name": _text(120),  # "City of York Council"
    "short_name": _text(60),  # "York": in sentences ("York's bin days")
    "hosts": {"type": "array", "minItems": 1, "maxItems": 10, "uniqueItems": True,
              "items": {"type": "string", "pattern": HOST}},
    "public_url": {"type": "string", "pattern": URL, "maxLength": 300},
    "jurisdiction": {"enum": list(JURISDICTIONS)},
    "open311_jurisdiction": {"type": "string", "pattern": DOMAIN},  # "york.gov.uk"; its id names it too
    "area": AREA,
    # The postcode districts ("YO1") wholly or partly inside the area: a postcode of one of them
    # that the gazetteer lacks is the council's unknown one, any other is over the border.
    "postcode_districts": {"type": "array", "maxItems": 300, "uniqueItems": True,
                           "items": {"type": "string", "pattern": r"^[A-Z]{1,2}[0-9][0-9A-Z]?$"}},
    "branding": _object({
        "colour": {"type": "string", "pattern": r"^#[0-9a-f]{6}$"},  # the header's, behind white words
        "logo": {"type": "string", "pattern": IMAGE, "maxLength": 300},
        "phone": _text(40),
        "emergency_phone": _text(40),  # "Danger to life or property? Phone ..., day or night."
        "email": {"type": "string", "format": "email", "maxLength": 254},
        "website": {"type": "string", "pattern": WEBSITE, "maxLength": 300},
        "icons": {"type": "array", "minItems": 1, "maxItems": 6, "items": ICON},
    }),
    # A service switched off (false) is hidden from the app's home and its routes answer 404; absent: on.
    "services": _object({name: {"type": "boolean"} for name in SWITCHABLE}),
    "instead": _object({name: ELSEWHERE for name in SWITCHABLE}),
    # The app's words the council says otherwise: a key of the web catalogue, its text with the same {placeholders}.
    # (Its keys are checked against the catalogue itself: councils/checks.py.)
    "words": {"type": "object", "maxProperties": MOST_WORDS, "additionalProperties": _text(WORD_MOST)},
    "staff_roles": STAFF_ROLES,
    "shares": SHARES,
    "rules": RULES,
    # Its revenues system, repairs scheduler, committee system... each with its address and options;
    # secrets named by reference, never held here (backoffices.py).
    "back_offices": BACK_OFFICES,
    "sign_in": SIGN_IN,
    # How its officers sign in, their desks from its directory's groups, and SCIM (schema_staff.py).
    "staff_sign_in": STAFF_SIGN_IN,
    "channel_costs": CHANNEL_COSTS,
    # What starting a business offers here: activities and their licences, the trade waste price list.
    "business": BUSINESS,
    # Who residents write to about their information (UK GDPR Articles 13(1)(b) and 30(1)(a)): shown in the
    # privacy notice and the record of processing; absent, the notice says the council has named none here.
    "data_protection_officer": _object({
        "name": _text(120),  # a person or a team: "Information Governance Team"
        "email": {"type": "string", "format": "email", "pattern": EMAIL, "maxLength": 254},
        "postal_address": _text(300),
    }, required=("name", "email")),
    # How long each kind of record is kept, from which event, and what then, and how long its deleted
    # files stay in backups (schema_retention.py; docs/decisions/retention.md and offboarding.md).
    "retention": RETENTION,
}, required=("id", "name", "short_name", "hosts", "jurisdiction"))
