"""A council's back offices (issue 70): its revenues system, repairs scheduler, committee
system, planning register, payment accounts, bill office and webcasts, each with its own
address and options in the council's settings (`back_offices`), and its secrets named there by
reference, never held: the settings are exported and shown on the admin screen. A reference is
resolved by keystore.council_secret, per council (docs/decisions/councils.md).

The deployment's default council with no entry of a kind in its settings takes that kind's
environment variables (DOORSTEP_CIVICA_URL...), so a deployment made before councils keeps its
back offices; no other council ever does, so a council with none configured cannot reach
another's."""
from .. import tenancy

SECRET_NAME = r"^[a-z0-9][a-z0-9-]{0,62}$"
# A back office's address: http(s), a host, a port, a path (Public Access's /online-applications/).
ADDRESS = r"^https?://[a-z0-9.-]+(:[0-9]{1,5})?(/[^\s\"'<>\\{}]*)?$"
# A webcast's address names its meeting: {meeting_id} is the one brace allowed.
WEBCAST = r"^https?://[a-z0-9.-]+(:[0-9]{1,5})?/[^\s\"'<>\\]*\{meeting_id\}[^\s\"'<>\\]*$"


def _obj(properties, required=("url",)):
    return {"type": "object", "properties": properties, "required": list(required), "additionalProperties": False}


SECRET = _obj({"secret": {"type": "string", "pattern": SECRET_NAME}}, required=("secret",))
URL = {"type": "string", "pattern": ADDRESS, "maxLength": 300}
SECONDS = {"type": "number", "exclusiveMinimum": 0, "maximum": 120}
WINDOW = {"type": "string", "pattern": r"^([0-2][0-9]:[0-5][0-9]-[0-2][0-9]:[0-5][0-9])?$"}  # "01:30-04:15"
ACCOUNT = _obj({"api_key": SECRET, "webhook_secret": SECRET}, required=("api_key", "webhook_secret"))

SCHEMA = _obj({
    "revenues": _obj({"vendor": {"enum": ["civica"]}, "url": URL, "user": SECRET, "password": SECRET,
                      "timeout_s": SECONDS, "nightly": WINDOW}, required=("url", "user", "password")),
    "scheduler": _obj({"vendor": {"enum": ["drs"]}, "url": URL, "login": SECRET, "password": SECRET,
                       "contract": {"type": "string", "pattern": r"^[A-Za-z0-9_-]{1,40}$"}, "timeout_s": SECONDS,
                       "search_days": {"type": "integer", "minimum": 1, "maximum": 60}},
                      required=("url", "login", "password")),
    "committee": _obj({"vendor": {"enum": ["moderngov"]}, "url": URL, "timeout_s": SECONDS,
                       "plan_id": {"type": "string", "pattern": r"^[0-9]{1,9}$"}}),
    "planning": _obj({"vendor": {"enum": ["idox", "planit"]}, "url": URL,
                      "authority": {"type": "string", "maxLength": 80},
                      "wards": {"type": "array", "maxItems": 100, "items": {"type": "string", "minLength": 1,
                                                                             "maxLength": 80}},
                      "gap_s": {"type": "number", "minimum": 0.1, "maximum": 600}, "backoff_s": SECONDS,
                      "tries": {"type": "integer", "minimum": 1, "maximum": 10}, "quiet": WINDOW,
                      "budget": {"type": "integer", "minimum": 1, "maximum": 1000},
                      "weeks": {"type": "integer", "minimum": 1, "maximum": 52}, "timeout_s": SECONDS}),
    # GOV.UK Pay's model: a service has a test and a live account, each with its own API key and webhook
    # signing secret; `account` says which one takes payments now.
    "payments": _obj({"url": URL, "account": {"enum": ["test", "live"]}, "timeout_s": SECONDS,
                      "accounts": {"type": "object", "minProperties": 1, "additionalProperties": False,
                                   "properties": {"test": ACCOUNT, "live": ACCOUNT}}},
                     required=("account", "accounts")),
    "bill_office": _obj({"url": URL, "secret": SECRET}, required=("url", "secret")),
    "webcasts": _obj({"url": {"type": "string", "pattern": WEBCAST, "maxLength": 300},
                      "chapters_url": {"type": "string", "pattern": WEBCAST, "maxLength": 300},
                      "chapters_timeout_s": SECONDS}),
}, required=())


def references(document):
    """[(path, secret name)] of every secret the document's back offices name."""
    found = []

    def walk(value, where):
        if isinstance(value, dict):
            if set(value) == {"secret"} and isinstance(value["secret"], str):
                found.append((f"{where}.secret", value["secret"]))
            for key, inner in value.items():
                walk(inner, f"{where}.{key}")
    offices = document.get("back_offices") if isinstance(document, dict) else None
    walk(offices if isinstance(offices, dict) else {}, "$.back_offices")
    return found


def problems(document):
    """[(path, reason)] of back offices the schema cannot refuse: a secret the deployment does not
    hold for this council, an account in use that is not set up, an address not https when deployed."""
    from ..config import deployed
    from ..keystore import council_secret_known
    from . import wording as words
    council_id = document.get("id") if isinstance(document, dict) else None
    if not isinstance(council_id, str) or not tenancy.ID.match(council_id):
        return []
    found = [(where, words.unknown_secret(name)) for where, name in references(document)
             if not council_secret_known(council_id, name)]
    offices = document.get("back_offices") or {}
    payments = offices.get("payments") if isinstance(offices, dict) else None
    if isinstance(payments, dict) and isinstance(payments.get("accounts"), dict) \
            and payments.get("account") in ("test", "live") and payments["account"] not in payments["accounts"]:
        found.append(("$.back_offices.payments.account", words.NO_SUCH_ACCOUNT))
    if deployed() and isinstance(offices, dict):
        found += [(f"$.back_offices.{kind}.url", words.HTTPS_ONLY) for kind, office in sorted(offices.items())
                  if isinstance(office, dict) and str(office.get("url", "https:")).startswith("http:")]
    return found


def named(council, kind):
    """The council's settings for a back office of `kind`, its secrets' references resolved to
    their values; the environment's for the default council with none of that kind in its settings;
    None when it has none."""
    office = (council.document.get("back_offices") or {}).get(kind)
    if office is not None:
        return resolved(council.id, office)
    if council.id != tenancy.default():
        return None
    from .backoffices_environment import FROM_ENVIRONMENT
    return FROM_ENVIRONMENT[kind]()


def of_current(kind):
    """named() for the council the work in hand is for (tenancy.current())."""
    from .council import council
    return named(council(tenancy.current()), kind)


def resolved(council_id, office):
    from ..keystore import council_secret
    if isinstance(office, dict):
        if set(office) == {"secret"}:
            return council_secret(council_id, office["secret"])
        return {key: resolved(council_id, value) for key, value in office.items()}
    return office


def adapter(deps, kind, build):
    """The adapter of `kind` for the council the work is for (`build(options)`, once per Deps and
    council), or None when it has none. Kept beside the Deps rather than in its fields, so a copy
    made for another council (Deps.for_council) never carries this one's."""
    council = deps.council
    made = deps.__dict__.setdefault("_back_offices", {})
    if (kind, council.id) not in made:
        options = named(council, kind)
        made[(kind, council.id)] = None if options is None else build(options)
    return made[(kind, council.id)]
