"""What the API says of councils and their addresses."""

NO_COUNCIL_HERE = "No council is served at this address."
SERVICE_ENDED = ("{name}'s online service here has ended: this address no longer takes reports, sign-ins or "
                 "requests. Contact the council directly.")
COUNCIL_LEFT = ("This council has left the deployment (doorstep councils offboard): its settings are not "
                "changed, and its id and addresses are no council's again.")
SERVICE_ENDED_UNNAMED = ("This council's online service here has ended: this address no longer takes reports, "
                         "sign-ins or requests. Contact the council directly.")
REQUIRED = "Is required."
NOT_A_SETTING = "Is not a setting a council has."
ADDRESS_TAKEN = "Another council of this deployment has one of these web addresses."
JURISDICTION_TAKEN = "Another council of this deployment has this Open311 jurisdiction."


def settings_refused(count):
    return "The settings were not changed: 1 field is refused." if count == 1 else \
        f"The settings were not changed: {count} fields are refused."


NOT_IN_FORM = "Is not in the form this setting takes."
NOT_AN_EMAIL = "Must be an email address, like name@example.gov.uk."
TWICE = "Names one thing twice."
FORMS = {
    "id": "Must be lower case letters, digits and hyphens, starting with a letter (2 to 40).",
    "hosts": "Must be a web address's host name in lower case, like york.example.gov.uk.",
    "public_url": "Must be an address like https://york.example.gov.uk, with no path.",
    "colour": "Must be a colour written like #1d4f91.",
    "open311_jurisdiction": "Must be a web domain in lower case, like york.gov.uk.",
    "logo": "Must be an image's address: a path on this site like /icons/york.svg, or an https address.",
    "src": "Must be an image's address: a path on this site like /icons/york-192.png, or an https address.",
    "website": "Must be an https address, like https://www.york.gov.uk.",
    "email": NOT_AN_EMAIL,
    "sizes": "Must be sizes like 192x192 (several with spaces between), or any.",
    "postcode_districts": "Must be a postcode's district in capitals, like YO1 or YO10.",
    "roles": "A role's id must be lower case letters, digits and underscores, starting with a letter (1 to 40).",
    "desks": "A desk's id must be lower case letters, digits and underscores, starting with a letter.",
    "team": "Must be a team's id: lower case letters, digits, hyphens and underscores (1 to 40).",
    "with": "Must be a council's id: lower case letters, digits and hyphens, starting with a letter.",
    "url": "Must be an https address, like https://revenues.example.gov.uk/path (plain http on this machine only).",
    "chapters_url": "Must be the provider's address with {meeting_id} in it, like https://example.tv/{meeting_id}.",
    "secret": "Must name the council's secret (lower case letters, digits and hyphens, 1 to 63), like "
              "civica-password or scotaccount-key: never the secret itself.",
    "contract": "Must be the contract's code: letters, digits, hyphens and underscores (1 to 40).",
    "plan_id": "Must be the forward plan's number, like 1.",
    "nightly": "Must be a window of London time, like 01:30-04:15.",
    "quiet": "Must be a window of London time, like 00:30-06:30, or nothing.",
    "issuer": "Must be an https address, like https://authz.scotaccount.service.gov.scot (http on this machine only).",
    "jwks_url": "Must be an https address (http on this machine only).",
}
NO_SUCH_ACCOUNT = "Must name one of the accounts set up below it (test or live)."
HTTPS_ONLY = "Must be an https address: a back office is reached over the internet."


def unknown_secret(name):
    return (f"Names a secret this deployment does not hold for the council: add {name!r} to its secrets "
            "first (docs/decisions/councils.md says where).")


AREA_BEFORE, AREA_NOW = "(the area before)", "(the area now)"  # an area in the audit: not its points
WAS, IS = "(what it was)", "(what it is now)"  # a change too long for its audit row: which, not what
NOT_A_WORD = "Is not a word of the app: name it by its key in the app's catalogue, like home.bin_days."
NOT_OFFERED = "{council} does not offer this service online."
# A service the council does not provide, with where to go instead (its settings' `instead`).
PROVIDED_ELSEWHERE = "{council} does not provide this service: {name} does. {how}"
PHONE_OR_WEB = "Phone {phone} or go to {website}."
PHONE_ONLY = "Phone {phone}."
WEB_ONLY = "Go to {website}."
NOWHERE_TO_GO = "Must give a phone number, a web address or both."


def instead_of_offered(service):
    return (f"Names where to go instead of a service this council offers: switch it off "
            f"(services.{service}: false), or take this out.")


def provided_elsewhere(council, where):
    phone, website = where.get("phone"), where.get("website")
    how = (PHONE_OR_WEB if phone and website else PHONE_ONLY if phone else WEB_ONLY).format(phone=phone,
                                                                                            website=website)
    return PROVIDED_ELSEWHERE.format(council=council, name=where["name"], how=how)


def placeholders_kept(names):
    if not names:
        return "Must have no names in curly brackets: the app has nothing to put in them."
    return "Must keep " + ", ".join("{" + n + "}" for n in names) + " and no other names in curly brackets, " \
        "where the app puts its values."


def too_big(size, most):
    return (f"The settings are {size // 1000:,} KB, and at most {most // 1000:,} KB are kept: "
            "simplify the area's boundary, or say fewer words.")


def too_light(ratio, least):
    return (f"Is too light for the header's white words to be read on it (contrast {ratio:.1f} to 1; "
            f"at least {least:g} to 1 is needed): choose a darker one.")


SHARED_WITH_ITSELF = "Must name another council: a council's teams are its own already."
ROLE_IS_A_KIND = "Is an account's kind (resident, crew, staff, admin), not a staff role: name it otherwise."


def not_desks(missing, desks):
    return (f"Opens {', '.join(missing)}, which this deployment has no desk of: its desks are "
            f"{', '.join(desks)}.")


_TYPES = {"string": "text", "object": "a group of settings", "array": "a list", "number": "a number",
          "integer": "a whole number", "boolean": "true or false"}


def one_of(values):
    return "Must be one of: " + ", ".join(map(str, values)) + "."


def must_be(types):
    names = [_TYPES.get(t, t) for t in (types if isinstance(types, list) else [types])]
    return "Must be " + " or ".join(names) + "."


def size(kind, limit):
    return {"minLength": f"Must be at least {limit} characters long.",
            "maxLength": f"Must be at most {limit} characters long.",
            "minItems": f"Must list at least {limit}.",
            "maxItems": f"Must list at most {limit}.",
            "maxProperties": f"Must hold at most {limit}.",
            "minimum": f"Must be at least {limit}.",
            "maximum": f"Must be at most {limit}."}[kind]


# `doorstep councils migrate`: what it says to the council's engineer running it.
MADE_BEFORE_COUNCILS = "This stage was made before councils were kept apart: its records are found by no read " \
                       "until they are a council's. Add its council (doorstep councils add --file), then move " \
                       "them into it (doorstep councils migrate --into <council>)."
NO_SETTINGS = "{council} has no settings stored: add it first (doorstep councils add --file)."
MIGRATED = "{name}: {moved} moved, {mended} mended, {already} already in a council, {expired} left to expire, " \
           "{refused} refused"
WOULD_MIGRATE = "{name}: {moved} would be moved, {mended} would be mended, {already} already in a council, " \
                "{expired} left to expire, {refused} refused"
MIGRATION_PROGRESS = "... {name}: {read} read"
IN_ALL = "in all"
REFUSED_MORE = "  and {count} more refused"
REFUSALS = {
    "unknown_council": "{attribute} names {council}, which has no settings",
    "crossed": "its key is {key_council}'s but {attribute} names {council}",
    "crossed_bare": "its key has no council but {attribute} names {council}",
    "taken": "{council} has an item with its key already (left as it is)",
    "changing": "it kept changing while being moved (run the migration again)",
    "no_kind": "its key names no kind of file (photos/, uploads/...)",
}


def refused(key, reason, detail):
    if reason == "crossed" and detail.get("key_council") is None:
        reason = "crossed_bare"
    return f"  {key}: " + REFUSALS[reason].format(**detail)


# A point this council does not look after: where to report it instead (councils/elsewhere.py).
ELSEWHERE = "That {noun} is looked after by {name}: report it on its own site, {url}"
ELSEWHERE_FIELD = "Looked after by {name}."
NATIONAL = ("That {noun} is outside the area {area} looks after, and no council of this service looks after it. "
            "Report it on FixMyStreet, which sends reports to every council in the UK: {url}")
NATIONAL_NAME = "FixMyStreet"
# FixMyStreet's own page for a point (its councils' sites send people there the same way).
NATIONAL_URL = "https://www.fixmystreet.com/around?latitude={lat}&longitude={lon}"

# A council's staff sign-in (checks_staff.py).
GROUP_TWICE = "Is mapped already: a directory group is mapped once, with every role it gives."
PROVIDER_TWICE = "Is another provider's id already: each has its own."


def not_roles(missing, known):
    return f"Gives {', '.join(missing)}, which are not roles of this council: its roles are {', '.join(known)}."


def not_hosts(strange):
    return f"Names {', '.join(strange)}, which are not this council's addresses (its hosts)."


# A council's retention schedule (checks_retention.py).
def warned_too_early(days, months):
    return (f"Must be fewer days than the {months} months an unused account is kept: a warning {days} days "
            "before would come before the account was last used.")


def not_a_licence_type(type_id, known):
    if not known:
        return f"Names the licence type {type_id!r}, but the council has no licence types."
    return f"Names the licence type {type_id!r}, which is not one of the council's: {', '.join(known)}."
