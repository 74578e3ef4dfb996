"""A council's settings added or changed: checked whole against the schema
(schema.py), and what a schema cannot say beside it (checks.py: the words'
keys are the app's catalogue's; white words can be read on the colour), then written with its addresses and its audit in one transaction
(storage/councils.py), or refused with every field's path and reason and
nothing written."""
import json
import re

from ..errors import ApiError, ValidationFailed
from . import registry
from . import wording as words

_validator = {}
NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
# A document is one DynamoDB item (at most 400 KB, with its other attributes): an unsimplified boundary of
# tens of thousands of points would be refused by DynamoDB itself, as a failure rather than an answer.
MOST_BYTES = 350_000
AUDIT_MOST_BYTES = 150_000  # a change's before and after, in its own item: every word said otherwise at once


def problems(document):
    """[(path, reason)] of what in `document` the schema and the checks beside it refuse; [] when whole."""
    validator = _validator.get("v")
    if validator is None:
        from jsonschema import Draft202012Validator
        from .schema import SCHEMA
        validator = _validator["v"] = Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)
    found = []
    for error in sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.absolute_path))):
        where = path(error.absolute_path)
        if error.validator == "required":
            found += [(f"{where}.{name}", words.REQUIRED) for name in error.validator_value
                      if name not in (error.instance or {})]
        elif error.validator == "additionalProperties":
            allowed = set(error.schema.get("properties", {}))
            found += [(path([*error.absolute_path, name]), words.NOT_A_SETTING)
                      for name in error.instance if name not in allowed]
        else:
            found.append((where, _reason(error)))
    if isinstance(document, dict):
        from . import backoffices, checks, checks_retention, checks_staff
        found += checks.problems(document) + _role_problems(document) + _share_problems(document)
        found += checks_staff.problems(document) + checks_retention.problems(document)
        found += backoffices.problems(document)
        size = len(json.dumps(document))  # as the item holds it (storage/councils.py's JSONAttribute)
        if size > MOST_BYTES:
            found.append(("$", words.too_big(size, MOST_BYTES)))
    return sorted(set(found))


def path(parts):
    """A JSON path: $.branding.colour, $.hosts[0], $.words["home.bin_days"] (a key that is no name, quoted)."""
    out = "$"
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else f".{part}" if NAME.match(part) else f"[{json.dumps(part)}]"
    return out


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
    if kind in ("minLength", "maxLength", "minItems", "maxItems", "maxProperties", "minimum", "maximum"):
        return words.size(kind, error.validator_value)
    if kind == "uniqueItems":
        return words.TWICE
    return words.NOT_IN_FORM


class AddressTaken(ApiError):
    status = 409
    code = "address_taken"

    def __init__(self):
        super().__init__(words.ADDRESS_TAKEN, fields=[{"field": "$.hosts", "message": words.ADDRESS_TAKEN}])


class JurisdictionTaken(ApiError):
    status = 409
    code = "jurisdiction_taken"

    def __init__(self):
        super().__init__(words.JURISDICTION_TAKEN, fields=[{"field": "$.open311_jurisdiction",
                                                             "message": words.JURISDICTION_TAKEN}])


class CouncilLeft(ApiError):
    status = 409
    code = "council_left"

    def __init__(self):
        super().__init__(words.COUNCIL_LEFT)


def refused(found):
    return ValidationFailed(found, message=words.settings_refused(len(found)))


def write(store, document, expected_version, now, by, before=None):
    """Add a council (expected_version 0) or change one; the new version. ValidationFailed
    naming each refused field; AddressTaken; JurisdictionTaken; the store's EditConflict
    when it moved on. `before`: the settings as the caller read them at expected_version
    (else read here)."""
    found = problems(document)
    if found:
        raise refused(found)
    from ..storage import councils as stored
    if before is None and expected_version:
        read = store.get(document["id"], consistent=True)
        before = read[0] if read else {}
    old = before or {}
    try:
        version = store.put(document, expected_version, now, by, bounded(changes(old, document)),
                            old_hosts=old.get("hosts") or (), old_jurisdiction=old.get("open311_jurisdiction"))
    except stored.AddressTaken:
        raise AddressTaken() from None
    except stored.JurisdictionTaken:
        raise JurisdictionTaken() from None
    except stored.CouncilLeft:
        raise CouncilLeft() from None
    registry.forget(document["id"])
    return version


def bounded(change):
    """`change`, or, when it is too long for its audit row (every word said otherwise at once), which
    settings changed without what they were and are: who changed them and when are kept all the same."""
    if len(json.dumps(change)) <= AUDIT_MOST_BYTES:
        return change
    return {name: [None if was is None else words.WAS, None if now is None else words.IS]
            for name, (was, now) in change.items()}


def changes(before, after):
    """{setting: [before, after]} of what differs: a group of settings (branding, services, words, retention)
    by each of its own ("branding.colour", "words.home.bin_days"); the area as changed, not whole."""
    out = {}
    for name in sorted(set(before) | set(after)):
        old, new = before.get(name), after.get(name)
        if old == new:
            continue
        if name == "area":  # a boundary's thousands of points are no line to read: that it changed is
            out[name] = [None if old is None else words.AREA_BEFORE, None if new is None else words.AREA_NOW]
        elif name in ("branding", "services", "words", "retention") and isinstance(old or {}, dict) and isinstance(new or {}, dict):
            old, new = old or {}, new or {}
            out.update({f"{name}.{key}": [old.get(key), new.get(key)]
                        for key in sorted(set(old) | set(new)) if old.get(key) != new.get(key)})
        else:
            out[name] = [old, new]
    return out
