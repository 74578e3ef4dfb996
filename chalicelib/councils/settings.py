"""A council's settings added or changed: checked whole against the schema
(schema.py) first, then written with its addresses and its audit in one
transaction (storage/councils.py), or refused with every field's path and
reason and nothing written."""
from ..errors import ApiError, ValidationFailed
from . import registry
from . import wording as words

_validator = {}


def problems(document):
    """[(path, reason)] of what in `document` the schema refuses; [] when it is whole."""
    validator = _validator.get("v")
    if validator is None:
        from jsonschema import Draft202012Validator
        from .schema import SCHEMA
        validator = _validator["v"] = Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)
    found = []
    for error in sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.absolute_path))):
        where = "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path)
        if error.validator == "required":
            found += [(f"{where}.{name}", words.REQUIRED) for name in error.validator_value
                      if name not in (error.instance or {})]
        elif error.validator == "additionalProperties":
            allowed = set(error.schema.get("properties", {}))
            found += [(f"{where}.{name}", words.NOT_A_SETTING) for name in error.instance if name not in allowed]
        else:
            found.append((where, _reason(error)))
    return found + _role_problems(document) + _share_problems(document)


def _share_problems(document):
    """A team shared with the council itself (the schema cannot compare two fields)."""
    shares = document.get("shares") if isinstance(document, dict) else None
    return [(f"$.shares[{n}].with", words.SHARED_WITH_ITSELF) for n, share in enumerate(shares or [])
            if isinstance(share, dict) and share.get("with") == document.get("id")] if isinstance(shares, list) else []


def _role_problems(document):
    """[(path, reason)] of the council's staff roles that name an account's kind or a desk the deployment
    does not have (its desks are the code's: the schema cannot know them)."""
    roles = (document.get("staff_roles") or {}).get("roles") if isinstance(document, dict) else None
    if not isinstance(roles, dict):
        return []
    from ..auth.desks import ACCOUNT_KINDS, packaged_configuration
    desks = packaged_configuration()["desks"]
    found = []
    for role_id, role in sorted(roles.items()):
        opened = role.get("desks") if isinstance(role, dict) else None
        missing = [d for d in opened if isinstance(d, str) and d not in desks] if isinstance(opened, list) else []
        if role_id in ACCOUNT_KINDS:
            found.append((f"$.staff_roles.roles.{role_id}", words.ROLE_IS_A_KIND))
        elif missing:
            found.append((f"$.staff_roles.roles.{role_id}", words.not_desks(missing, desks)))
    return found


def _reason(error):
    """The schema's complaint in the catalogue's words."""
    field = next((p for p in reversed(list(error.absolute_path)) if isinstance(p, str)), "")
    kind = error.validator
    if kind == "pattern":
        return words.FORMS.get(field, words.NOT_IN_FORM)
    if kind in ("enum", "const"):
        return words.one_of(error.validator_value if kind == "enum" else [error.validator_value])
    if kind == "type":
        return words.must_be(error.validator_value)
    if kind == "format":
        return words.NOT_AN_EMAIL
    if kind in ("minLength", "maxLength", "minItems", "maxItems"):
        return words.size(kind, error.validator_value)
    if kind == "uniqueItems":
        return words.TWICE
    return words.NOT_IN_FORM


class AddressTaken(ApiError):
    status = 409
    code = "address_taken"

    def __init__(self):
        super().__init__(words.ADDRESS_TAKEN, fields=[{"field": "$.hosts", "message": words.ADDRESS_TAKEN}])


def write(store, document, expected_version, now, by):
    """Add a council (expected_version 0) or change one; the new version. ValidationFailed
    naming each refused field; AddressTaken; the store's EditConflict when it moved on."""
    found = problems(document)
    if found:
        raise ValidationFailed(found, message=words.settings_refused(len(found)))
    from ..storage.councils import AddressTaken as Taken
    before = store.get(document["id"], consistent=True) if expected_version else None
    old = before[0] if before else {}
    try:
        version = store.put(document, expected_version, now, by, changes(old, document),
                            old_hosts=old.get("hosts") or ())
    except Taken:
        raise AddressTaken() from None
    registry.forget(document["id"])
    return version


def changes(before, after):
    """{setting: [before, after]} of the top-level settings that differ (the area as changed, not whole)."""
    out = {}
    for name in sorted(set(before) | set(after)):
        if before.get(name) != after.get(name):
            out[name] = ["(changed)", "(changed)"] if name == "area" and name in before and name in after \
                else [before.get(name), after.get(name)]
    return out
