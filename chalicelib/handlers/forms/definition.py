"""A form definition checked before it is stored: every error at once, each
with its JSON path ("$.pages[2].routes[0].goto"), so whoever wrote it mends
them all in one go.

Two steps: the schema (definition_schema.py, through jsonschema, imported
here only: a resident's request never validates a definition, so no cold
start pays for it), then what a schema cannot say (checks.py): ids that
must exist and be unique, routes that only go forward, conditions on the
page itself or an earlier one, pages that something reaches.
"""
from ...errors import ValidationFailed
from ...validation import digits
from . import wording
from .checks import path_of, semantic_errors

_validator = {}


def errors(definition):
    """[(json path, message)] of everything wrong with `definition`, in
    document order; [] when it is a sound definition."""
    found = schema_errors(definition)
    if isinstance(definition, dict):
        found += semantic_errors(definition)
    seen, unique = set(), []
    for path, message in sorted(found, key=lambda e: _order(e[0])):
        if (path, message) not in seen:
            seen.add((path, message))
            unique.append((path, message))
    return unique


def check(definition):
    """The definition, or ValidationFailed naming each error's path."""
    found = errors(definition)
    if found:
        raise ValidationFailed(found, message=wording.definition_refused(len(found)))
    return definition


def schema_errors(definition):
    validator = _validator.get("v")
    if validator is None:
        from jsonschema import Draft202012Validator
        from .definition_schema import SCHEMA
        validator = _validator["v"] = Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)
    found = []
    for error in validator.iter_errors(definition):
        found.extend(_explain(error))
    return found


def _explain(error):
    where = list(error.absolute_path)
    if error.validator == "required":
        missing = [name for name in error.validator_value if name not in (error.instance or {})]
        return [(path_of([*where, name]), wording.REQUIRED) for name in missing]
    if error.validator == "additionalProperties":
        allowed = set(error.schema.get("properties", {}))
        return [(path_of([*where, name]), wording.not_a_property(name))
                for name in error.instance if name not in allowed]
    if error.validator == "enum" and where and where[-1] == "type" and "questions" in where:
        return [(path_of(where), wording.unknown_type(error.instance, error.validator_value))]
    if error.validator in ("enum", "const"):
        values = error.validator_value if error.validator == "enum" else [error.validator_value]
        return [(path_of(where), wording.one_of(values))]
    if error.validator == "pattern" and where and where[-1] in ("id", "goto", "next", "question"):
        return [(path_of(where), wording.BAD_ID)]
    return [(path_of(where), error.message)]


def _order(path):
    """Document order for paths: indexes compared as numbers."""
    import re
    return [(0, int(p), "") if digits(p) else (1, 0, p) for p in re.split(r"[\[\].]+", path) if p]
