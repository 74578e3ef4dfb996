"""Every route holds to its own OpenAPI operation at the edge (api/edge.py),
whatever its view does (issue 73): a path value its parameter's schema has no
room for (too long, too short, another pattern, not one of its enum, not a
date) is a 404, as for any path value no id can be; a JSON body with a field
its schema says it does not take (additionalProperties false, at any depth)
is a 400 naming the field, before the view reads anything. Walked over every
route of the registry, each sent by a caller its access rule lets in."""
import re
from datetime import date

import pytest

from support.repairs_support import DRIPPING_TAP, tenant, tenant_drs  # noqa: F401 (fixtures)
from support.revenues_support import civica, council_morning  # noqa: F401 (fixtures)

EXTRA = "not_in_the_schema"
# Path characters (RFC 3986 pchar) that break a schema in each of the ways one can.
CANDIDATES = ("~", "Z~9", "x", "0", "not-one-of-these", "2026-13-45", "a" * 301)


def _breaks(value, schema):
    if not re.fullmatch(r"[A-Za-z0-9._~!$&'()*+,;=:@-]{1,300}", value):
        return False  # not a path value at all: refused for that already
    if "enum" in schema:
        return value not in schema["enum"]
    if schema.get("format") == "date":
        try:
            date.fromisoformat(value)
            return False
        except ValueError:
            return True
    return not (schema.get("minLength", 0) <= len(value) <= schema.get("maxLength", 10 ** 6)) or (
        "pattern" in schema and not re.search(schema["pattern"], value))


def breaking(schema):
    """A path value `schema` has no room for, or None (a schema as wide as any path value: a token's)."""
    over = ["a" * (schema["maxLength"] + 1)] if "maxLength" in schema else []
    return next((v for v in (*over, *CANDIDATES) if _breaks(v, schema)), None)


def fitting(schema):
    """A path value `schema` takes (for the parameters besides the one broken)."""
    if "enum" in schema:
        return schema["enum"][0]
    if schema.get("format") == "date":
        return "2026-11-30"
    if "pattern" in schema:
        return simplest(schema["pattern"])
    return "a" * max(1, schema.get("minLength", 1))


def simplest(pattern):
    """The simplest text `pattern` matches: each set's first character, each repeat its fewest, each
    alternative its first (the path patterns are anchored sets, literals and counted repeats)."""
    from re import _constants as c, _parser as parser
    first = {c.CATEGORY_DIGIT: "0", c.CATEGORY_WORD: "a"}

    def one_of(items):
        op, av = items[0]
        return chr(av) if op is c.LITERAL else chr(av[0]) if op is c.RANGE else first.get(av, "a")

    def build(items):
        out = ""
        for op, av in items:
            if op is c.LITERAL:
                out += chr(av)
            elif op is c.IN:
                out += one_of(av)
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
                out += build(av[2]) * av[0]
            elif op is c.SUBPATTERN:
                out += build(av[-1])
            elif op is c.BRANCH:
                out += build(av[1][0])
            elif op is not c.AT:
                out += "a"
        return out
    return build(parser.parse(pattern))


def path_schemas(route):
    return {p["name"]: p.get("schema", {}) for p in route.doc.get("parameters", []) if p.get("in") == "path"}


def constrained(schema):
    return bool({"pattern", "minLength", "maxLength", "enum", "format"} & set(schema))


def closed_body(route):
    from chalicelib.api.edge import _component
    schema = route.doc.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema", {})
    if "$ref" in schema:
        schema = _component(route.capability, schema["$ref"].rsplit("/", 1)[-1])
    return schema.get("additionalProperties") is False


@pytest.fixture
def callers(people, deps):
    from chalicelib.auth.rules import ADMIN, CREW, OPERATOR
    from chalicelib.handlers.accounts.users import set_operator
    from support.staff_support import load_staff_data
    load_staff_data(deps)  # the demo's teams: a crew member is of one
    crew, admin, staff, operator = people("crew", team="north"), people("admin"), people("staff"), people("resident")
    set_operator(deps, operator.user.email, True)  # the deployment's operator, whose routes are theirs alone
    return lambda rule: {ADMIN: admin, CREW: crew, OPERATOR: operator}.get(rule, staff).auth


def send(client, route, path, headers, body=b"{}"):
    return client.raw.http.request(route.method, path, body=body,
                                   headers={"Content-Type": "application/json", **headers})


def test_a_path_value_its_parameter_has_no_room_for_is_a_404_on_every_route(client, callers):
    from chalicelib.api.registry import REGISTRY
    wrong = []
    for route in REGISTRY.routes.values():
        schemas = path_schemas(route)
        for name, schema in schemas.items():
            if not constrained(schema) or breaking(schema) is None:
                continue
            values = {other: fitting(s) for other, s in schemas.items()} | {name: breaking(schema)}
            path = re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)], route.path)
            answer = send(client, route, path, callers(route.access))
            scim = route.path.startswith("/scim/")  # RFC 7644's shape there: its status, no code
            if answer.status_code != 404 or (answer.json_body.get("status") != "404" if scim
                                             else answer.json_body["error"]["code"] != "not_found"):
                wrong.append(f"{route.method} {path}: {answer.status_code} {answer.body[:120]!r}")
    assert wrong == [], "\n".join(wrong)


def test_a_body_field_its_schema_does_not_take_is_a_400_naming_it_on_every_route(client, callers):
    from chalicelib.api.registry import REGISTRY
    wrong = []
    for route in REGISTRY.routes.values():
        if not closed_body(route):
            continue
        values = {name: fitting(s) for name, s in path_schemas(route).items()}
        path = re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)], route.path)
        answer = send(client, route, path, callers(route.access), body=b'{"%s": 1}' % EXTRA.encode())
        fields = [f["field"] for f in (answer.json_body.get("error") or {}).get("fields") or []]
        if answer.status_code != 400 or fields != [EXTRA]:
            wrong.append(f"{route.method} {path}: {answer.status_code} {answer.body[:120]!r}")
    assert wrong == [], "\n".join(wrong)


def test_a_field_a_nested_object_does_not_take_is_named_with_its_place(client, tenant):
    refused = client.post("/v1/repairs", {**DRIPPING_TAP, "access": {"pets": "A dog", "key": "under the mat"}},
                          tenant.auth)
    assert refused.status_code == 400
    assert [f["field"] for f in refused.json_body["error"]["fields"]] == ["access.key"]


def test_a_staff_home_history_takes_a_home_of_up_to_40_characters_as_it_says(client, people):
    officer = people("staff")
    why = {**officer.auth, "Access-Reason": "Checking the home's history"}  # a tenant's home: read with a reason
    assert client.get(f"/v1/staff/repairs/homes/{'R' * 40}", why).status_code == 200
    refused = client.get(f"/v1/staff/repairs/homes/{'R' * 60}", why)
    assert refused.status_code == 404 and refused.json_body["error"]["code"] == "not_found"
