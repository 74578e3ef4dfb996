"""What the API says of councils and their addresses."""

NO_COUNCIL_HERE = "No council is served at this address."
REQUIRED = "Is required."
NOT_A_SETTING = "Is not a setting a council has."
ADDRESS_TAKEN = "Another council of this deployment has one of these web addresses."


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
    "roles": "A role's id must be lower case letters, digits and underscores, starting with a letter (1 to 40).",
    "desks": "A desk's id must be lower case letters, digits and underscores, starting with a letter.",
    "team": "Must be a team's id: lower case letters, digits, hyphens and underscores (1 to 40).",
    "with": "Must be a council's id: lower case letters, digits and hyphens, starting with a letter.",
}
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
            "maxItems": f"Must list at most {limit}."}[kind]
