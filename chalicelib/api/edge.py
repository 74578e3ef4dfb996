"""Ids and references checked at the edge, once, for every route.

An id a caller sends ends up in a DynamoDB key, or in `x in CHOICES`: one of
the wrong type, of more bytes than a key holds (2,048) or empty is a 500 if
it gets that far. So before a view reads them:

- every path parameter, of every route, must be text of 1 to PATH_MAX
  characters from a path segment's own alphabet (RFC 3986 pchar, once
  decoded): anything else names nothing that can exist, so 404 not_found;
- a JSON body's fields, and a query's parameters, that the route's OpenAPI
  operation declares as identifiers (openapi.identifier) must be text within
  that declaration's length and pattern, and its fields with an `enum` must
  be text: anything else is 400 validation_failed naming the field.

The declaration in /openapi.json is the rule, so a client reading the
document and this check cannot disagree. null is left to the view (for many
fields it means "none").
"""
import contextvars
import importlib
import re
from contextlib import contextmanager

from .. import wording as words
from ..errors import NotFound, ValidationFailed

PATH_MAX = 300  # the longest path value (a body's signed link); far under a key's 2,048 bytes
PATH_VALUE = re.compile(r"[A-Za-z0-9._~!$&'()*+,;=:@-]{1,%d}" % PATH_MAX)
IDENTIFIER = "x-identifier"
SCHEMA_MODULES = {}  # capability: its schemas module, as the registry wires them
_route = contextvars.ContextVar("doorstep_route", default=None)


@contextmanager
def serving(route, params):
    """The view of `route` runs inside: its path checked, its declaration at hand for body() and query(),
    and for the object rules the desk whose officers it opens a resident's things to (auth/policy.py)."""
    from ..auth.policy import serving as opening_to
    check_path(params)
    token = _route.set(route)
    try:
        with opening_to(route.access, route.holds, route.method):
            yield
    finally:
        _route.reset(token)


def check_path(params):
    """404 for a path parameter no id can be."""
    for value in (params or {}).values():
        if not isinstance(value, str) or not PATH_VALUE.fullmatch(value):
            raise NotFound(words.NOT_FOUND)


def check_body(body):
    problems = [p for name, schema in _declared("body").items() if name in body
                for p in _problems(name, body[name], schema)]
    if problems:
        raise ValidationFailed(problems)


def check_query(params):
    problems = [p for name, schema in _declared("query").items() if params.get(name) not in (None, "")
                for p in _problems(name, params[name], schema)]  # ?token= is no token: the view says so
    if problems:
        raise ValidationFailed(problems)


def _problems(field, value, schema):
    if value is None:
        return []
    if "enum" in schema and (isinstance(value, (dict, list)) or
                             (schema.get("type") == "string" and not isinstance(value, str))):
        return [(field, words.ONE_OF.format(choices=", ".join(map(str, schema["enum"]))))]
    if not schema.get(IDENTIFIER):
        return []
    if not isinstance(value, str):
        return [(field, words.ID_NOT_TEXT)]
    if not schema.get("minLength", 1) <= len(value) <= schema["maxLength"]:
        return [(field, words.ID_LENGTH.format(max=schema["maxLength"]))]
    if not re.search(schema["pattern"], value):
        return [(field, words.ID_CHARACTERS)]
    return []


def _declared(where):
    """{name: schema} of the current route's body fields or query parameters worth checking."""
    route = _route.get()
    if route is None:
        return {}
    if where == "query":
        return {p["name"]: p.get("schema", {}) for p in route.doc.get("parameters", [])
                if p.get("in") == "query" and p.get("schema", {}).get(IDENTIFIER)}
    ref = (route.doc.get("requestBody", {}).get("content", {}).get("application/json", {})
           .get("schema", {}).get("$ref", ""))
    schema = _component(route.capability, ref.rsplit("/", 1)[-1]) if ref else {}
    return {name: s for name, s in schema.get("properties", {}).items() if s.get(IDENTIFIER) or "enum" in s}


def _component(capability, name):
    """A capability's body schema: its schemas module is read only for routes that take a body."""
    for owner in sorted(SCHEMA_MODULES, key=lambda c: c != capability):  # its own first; one refers to another's
        found = importlib.import_module(SCHEMA_MODULES[owner]).SCHEMAS.get(name)
        if found is not None:
            return found
    return {}
