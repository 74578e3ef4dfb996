"""What the document says of a value is what the handlers do with it.

A blank text the document calls valid is never refused as malformed.
Handlers read most texts without the spaces around them, so " " is a missing
value to them. Where /openapi.json gave such a text only a length of at least
one, a generated client (and the fuzzing) could send " " as valid and be told
its request was malformed: a school child's name, a template's title, a
refund's reason, the conversation search's `q`. Each text of a body or a query
that the document leaves blank-able is sent blank, one at a time, in a valid
case of its operation (put there when the case leaves it out), by a member of staff with full scope and with the path
naming things that exist; the answer must not be a 400 unless the same case
sent unchanged was one, naming the same fields. The cases are the hostile fields' kept draw
(same xdist group), drawn once for all of an operation's texts.

A fraction where the document says integer is refused, naming the parameter."""
import copy

import pytest

from support.served import served  # noqa: F401 (fixture)
from test_fuzz_hostile_fields import existing, kept_cases, naming_what_exists, operations  # noqa: F401

pytestmark = pytest.mark.xdist_group("hostile_fields")
TRIED = 8  # valid cases tried for one that holds the text


def blank_able(schema, components, path=()):
    """(path, blank) of every text a blank satisfies: the path's keys (0 for a list's first item, "*" for any
    key), and as many spaces as the text's least length (one for a text that may be empty)."""
    if "$ref" in schema:
        schema = components[schema["$ref"].rsplit("/", 1)[-1]]
    if schema.get("type") == "string" and not ({"pattern", "enum", "format"} & set(schema)):
        yield path, " " * max(1, schema.get("minLength", 0))
    for key, value in (schema.get("properties") or {}).items():
        yield from blank_able(value, components, path + (key,))
    if isinstance(schema.get("items"), dict):
        yield from blank_able(schema["items"], components, path + (0,))
    if isinstance(schema.get("additionalProperties"), dict):
        yield from blank_able(schema["additionalProperties"], components, path + ("*",))
    for alternative in schema.get("oneOf", []) + schema.get("anyOf", []) + schema.get("allOf", []):
        yield from blank_able(alternative, components, path)


def blanked(body, path, blank):
    """A copy of the body with the text at `path` blank, put there when its place is missing from the case (a
    key of an object the case holds, or a list's first item), or None when the case has no place for it."""
    body = copy.deepcopy(body)
    node = body
    for n, key in enumerate(path):
        last = n == len(path) - 1
        if key == "*":
            key = next(iter(node), None) if isinstance(node, dict) else None
        holds = isinstance(node, dict) and key in node or isinstance(node, list) and key == 0 and node
        if last and (holds or isinstance(node, dict) and isinstance(key, str)):  # 0 is a list's place
            node[key] = blank
            return body
        if last and isinstance(node, list) and key == 0:
            node.append(blank)
            return body
        if not holds:
            return None
        node = node[key]
    return None


def answer(response):
    """(status, the fields it names)."""
    try:
        named = {f["field"] for f in response.json()["error"].get("fields", [])} if response.status_code >= 400 else set()
    except (ValueError, KeyError, TypeError):
        named = {"(not the error shape)"}
    return response.status_code, named


def before_and_after(case, where, changed, url, headers):
    """The case's answer as drawn, and with its body or query changed."""
    before = answer(case.call(base_url=url, headers=headers, timeout=30))
    setattr(case, where, changed)
    return before, answer(case.call(base_url=url, headers=headers, timeout=30))


OPAQUE = {"cursor", "after"}  # only what the API handed out is one; anything else is refused as malformed


def valid(schema, body, operation):
    """Whether the document calls `body` valid: its anyOf and oneOf too, which tie a text to another field."""
    from openapi_schema_validator import OAS30Validator
    return OAS30Validator({**schema, "components": operation.schema.raw_schema["components"]}).is_valid(body)


NOT_READ = (401, 403, 404)  # the caller or the path refused before the request's values were read


def test_a_blank_text_the_document_calls_valid_is_not_refused_as_malformed(served, existing):
    from test_fuzz_openapi import forget_counts
    ids, staff = existing
    refused, reached = [], 0
    for operation in operations(served):
        raw = operation.definition.raw
        components = operation.schema.raw_schema["components"]["schemas"]
        body_schema = (raw.get("requestBody") or {}).get("content", {}).get("application/json", {}).get("schema")
        in_body = list(dict.fromkeys(blank_able(body_schema, components))) if body_schema else []
        in_query = [(p["name"], blank) for p in raw.get("parameters", [])
                    if p.get("in") == "query" and p["name"] not in OPAQUE
                    for _, blank in blank_able(p.get("schema", {}), components)]
        if not in_body and not in_query:
            continue
        forget_counts()
        cases = kept_cases(operation, TRIED)
        changes = [("body", *text) for text in in_body] + [("query", *text) for text in in_query]
        for where, what, blank in changes:
            for drawn in cases:
                case = naming_what_exists(drawn, ids)
                if where == "body":
                    changed = blanked(case.body, what, blank) if isinstance(case.body, dict) else None
                else:
                    changed = {**(case.query or {}), what: blank}
                if changed is None or where == "body" and not valid(body_schema, changed, operation):
                    continue  # no such text here, or blank breaks a rule the document states (anyOf)
                (plain, plain_named), (status, named) = before_and_after(case, where, changed, served.url, staff)
                if plain in NOT_READ:
                    continue  # another case may get as far as the text
                reached += 1
                if status == 400 and (plain != 400 or named - plain_named):
                    refused.append(f"{operation.label} {where} {what}: {sorted(named - plain_named)}")
                break
    assert reached >= 100  # texts the handlers read, sent blank (115 in the suite's own draw)
    assert refused == [], "\n".join(refused)


def refused_in_query(served, existing, deps, values_for):
    """Each query parameter sent with each of `values_for(its schema)`, one at a time, in a valid case of its
    operation, by an administrator, or by a crew member where the administrator is refused (the crews'
    routes): (how many reached a handler, those not answered 400 naming the parameter)."""
    from test_fuzz_openapi import caller_headers, forget_counts
    ids, staff = existing
    crew = caller_headers(deps, "crew")
    accepted, reached = [], 0
    for operation in operations(served):
        tried = [(p["name"], values_for(p.get("schema", {}))) for p in operation.definition.raw.get("parameters", [])
                 if p.get("in") == "query"]
        tried = [(name, values) for name, values in tried if values]
        cases = kept_cases(operation, TRIED) if tried else []
        if not cases:
            continue
        forget_counts()
        for name, values in tried:
            for value in values:
                for headers in (staff, crew):
                    case = naming_what_exists(cases[0], ids)
                    (plain, _), (status, named) = before_and_after(
                        case, "query", {**(case.query or {}), name: value}, served.url, headers)
                    if plain not in NOT_READ:
                        break
                else:
                    continue  # neither caller gets as far as the query
                reached += 1
                if status != 400 or name not in named:
                    accepted.append(f"{operation.label} {name}={value[:12]}: {status} {sorted(named)}")
    return reached, accepted


def test_a_fraction_where_the_document_says_integer_is_refused_naming_it(served, existing, deps):
    """`?limit=2.5` on the map, the broadcasts and the failed sends was read as 2 (or 10 for 1e1), as the
    figures' `year=2026.5` was read as 2026: a client's mistake answered as if it were another request."""
    reached, accepted = refused_in_query(served, existing, deps,
                                         lambda schema: ("2.5", "1e1") if schema.get("type") == "integer" else ())
    assert reached >= 30
    assert accepted == [], "\n".join(accepted)


def test_a_query_text_longer_than_the_document_allows_is_refused_naming_it(served, existing, deps):
    """The petitions' `?q=` of 101 characters was cut to its first 100 and searched, and the licence
    register's had no limit at all; a licence type, a calendar or a cursor one character too long was told
    as no such thing (422), where the document refuses it as malformed (400)."""
    reached, accepted = refused_in_query(
        served, existing, deps, lambda schema: ("x" * (schema["maxLength"] + 1),)
        if schema.get("type") == "string" and "maxLength" in schema else ())
    assert reached >= 20
    assert accepted == [], "\n".join(accepted)
