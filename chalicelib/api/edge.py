"""Ids and references checked at the edge, once, for every route.

An id a caller sends ends up in a DynamoDB key, or in `x in CHOICES`: one of
the wrong type, of more bytes than a key holds (2,048) or empty is a 500 if
it gets that far. So before a view reads them:

- every path parameter, of every route, must be text of 1 to PATH_MAX
  characters from a path segment's own alphabet (RFC 3986 pchar, once
  decoded), and fit the parameter's schema in the route's operation (its
  pattern, length, enum, date format): anything else names nothing that can
  exist, so 404 not_found;
- a JSON body's fields, and a query's parameters, that the route's OpenAPI
  operation declares as identifiers (openapi.identifier) must be text within
  that declaration's length and pattern, and its fields with an `enum` must
  be text: anything else is 400 validation_failed naming the field;
- a query's other texts must be within their declared maxLength: a search's
  words cut to fit answered another question than the one asked, and a longer
  code was told as no such code (422) where the document refuses it (400);
- a JSON body whose schema says it takes no other fields (additionalProperties
  false, at any depth) must send none: 400 validation_failed naming each, before
  the view runs, whatever the view reads first.

The declaration in /openapi.json is the rule, so a client reading the
document and this check cannot disagree. null is left to the view (for many
fields it means "none").
"""
import contextvars
import functools
import importlib
import re
from contextlib import contextmanager
from datetime import date

from .. import wording as words
from ..errors import NotFound, ValidationFailed

PATH_MAX = 300  # the longest path value (a body's signed link); far under a key's 2,048 bytes
PATH_VALUE = re.compile(r"[A-Za-z0-9._~!$&'()*+,;=:@-]{1,%d}" % PATH_MAX)
IDENTIFIER = "x-identifier"
SCHEMA_MODULES = {}  # capability: its schemas module, as the registry wires them
_route = contextvars.ContextVar("doorstep_route", default=None)


@contextmanager
def serving(route, params, raw_body=None):
    """The view of `route` runs inside: its path and its body's fields (`raw_body`, as sent) checked
    against its operation, its declaration at hand for body() and query(), and for the object rules
    the desk whose officers it opens a resident's things to (auth/policy.py)."""
    from ..auth.policy import serving as opening_to
    check_path(params, {p["name"]: p.get("schema", {}) for p in route.doc.get("parameters", [])
                        if p.get("in") == "path"})
    token = _route.set(route)
    try:
        check_closed(raw_body)
        with opening_to(route.access, route.holds, route.method):
            yield
    finally:
        _route.reset(token)


def check_path(params, schemas=None):
    """404 for a path parameter no id can be, or none its route's operation has room for."""
    for name, value in (params or {}).items():
        if not isinstance(value, str) or not PATH_VALUE.fullmatch(value) or not _fits(value, (schemas or {})
                                                                                      .get(name, {})):
            raise NotFound(words.NOT_FOUND)


def _fits(value, schema):
    if "enum" in schema:
        return value in schema["enum"]
    if schema.get("format") == "date":
        try:
            date.fromisoformat(value)
        except ValueError:
            return False
    return schema.get("minLength", 1) <= len(value) <= schema.get("maxLength", PATH_MAX) and (
        "pattern" not in schema or documented(schema["pattern"]).search(value) is not None)


@functools.cache
def documented(pattern):
    """The document's pattern as the document reads it: OpenAPI's patterns are ECMA-262's, whose `$` (outside a
    class, not escaped) is the text's end alone. Python's `$` is also the place before a last line end, so
    "tpl_1\n" fitted ^[A-Za-z0-9_.:@+-]+$ here and reached the view, where the document refuses it."""
    out, in_class, escaped = [], False, False
    for ch in pattern:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"  # the document's classes never begin with a literal "]"
        elif ch == "[":
            in_class = True
        elif ch == "$":
            ch = r"\Z"
        out.append(ch)
    return re.compile("".join(out))


def check_closed(sent):
    """400 naming each field the current route's JSON body schema does not take; a body that is
    not a JSON object is left to the view, which says so in its words."""
    import json
    schema = _body_schema()
    if not schema or not sent:
        return
    try:
        body = json.loads(sent)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return
    problems = [(name, words.NOT_TAKEN) for name in _undeclared(body, schema, "")]
    if problems:
        raise ValidationFailed(problems)


def _undeclared(value, schema, at):
    """The places in `value` its schema (additionalProperties false) does not take, as "a.b[0].c"."""
    schema = _resolved(schema)
    if isinstance(value, dict) and "properties" in schema:
        found = []
        for name, inner in value.items():
            place = f"{at}.{name}" if at else name
            if name in schema["properties"]:
                found += _undeclared(inner, schema["properties"][name], place)
            elif schema.get("additionalProperties") is False:
                found.append(place)
        return found
    if isinstance(value, list) and isinstance(schema.get("items"), dict):
        return [p for n, inner in enumerate(value) for p in _undeclared(inner, schema["items"], f"{at}[{n}]")]
    return []


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
        if isinstance(value, str) and len(value) > schema.get("maxLength", len(value)):
            return [(field, words.AT_MOST.format(max=schema["maxLength"]))]  # a query's text; a body's enum too
        return []
    if not isinstance(value, str):
        return [(field, words.ID_NOT_TEXT)]
    if not schema.get("minLength", 1) <= len(value) <= schema["maxLength"]:
        return [(field, words.ID_LENGTH.format(max=schema["maxLength"]))]
    if not documented(schema["pattern"]).search(value):
        return [(field, words.ID_CHARACTERS)]
    return []


def _declared(where):
    """{name: schema} of the current route's body fields or query parameters worth checking."""
    route = _route.get()
    if route is None:
        return {}
    if where == "query":
        return {p["name"]: p.get("schema", {}) for p in route.doc.get("parameters", [])
                if p.get("in") == "query" and ({IDENTIFIER, "maxLength"} & set(p.get("schema", {})))}
    return {name: s for name, s in _body_schema().get("properties", {}).items() if s.get(IDENTIFIER) or "enum" in s}


def _body_schema():
    """The current route's JSON body schema, its $ref followed ({}: it takes none)."""
    route = _route.get()
    if route is None:
        return {}
    return _resolved(route.doc.get("requestBody", {}).get("content", {}).get("application/json", {})
                     .get("schema", {}))


def _resolved(schema):
    """`schema`, or the component its $ref names (a body's, or a field's within it)."""
    ref = schema.get("$ref", "") if isinstance(schema, dict) else ""
    if not ref:
        return schema if isinstance(schema, dict) else {}
    return _component(_route.get().capability, ref.rsplit("/", 1)[-1])


def _component(capability, name):
    """A capability's body schema: its schemas module is read only for routes that take a body."""
    for owner in sorted(SCHEMA_MODULES, key=lambda c: c != capability):  # its own first; one refers to another's
        found = importlib.import_module(SCHEMA_MODULES[owner]).SCHEMAS.get(name)
        if found is not None:
            return found
    return {}
