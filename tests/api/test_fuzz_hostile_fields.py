"""The API against hostile values where it reads ids and references, over
real HTTP: every operation with a JSON body gets, one field at a time, values
of the wrong type and of sizes no key can hold, sent by a member of staff
with full scope (and to the body links with a genuine token), with the path
naming things that exist, so the request gets past "not found" and reaches
the code that reads the field. Then each query parameter in turn gets a value
too long for a key, and each path parameter one no id can be. Whatever is sent, the answer is never a 5xx, and always the
one error shape.

test_fuzz_openapi's generated cases rarely name an existing report or
conversation, so a body's fields were seldom read at all: this is the part
of the fuzzing that reaches them.

The values are shared between two runs. Here, on moto: values of the wrong
type in bodies, refused in Python before any call. On DynamoDB Local
(tests/contract/test_dynamodb_local_hostile_fields.py, which never skips):
sizes no key can hold, in bodies, queries and paths. moto checks a key's size
only on PutItem and UpdateItem, the engine on every call (GetItem, Query and
DeleteItem too), so a size that reaches a key unchecked shows as a 500 there
whatever it shows here; sent here as well, they ran the same code to answers
the engine's run already judged."""
import pytest

from support.served import served  # noqa: F401 (fixture)
from support.staff_support import load_staff_data

LONG = "A" * 3000  # over DynamoDB's 2,048-byte key
WIDE = "\u00fc" * 1100  # 2,200 bytes in 1,100 characters: bytes, not characters, are what a key holds
ON_THE_ENGINE = False  # True in DynamoDB Local's run (its module sets it)
ON_THE_ROAD = {"service_code": "pothole", "lat": 53.9250, "lon": -1.0600, "description": "Pothole in lane one.",
               "fields": {"size": "large"}, "contact": {"name": "Ada Lovelace", "email": "ada@example.org"}}
# With its run on DynamoDB Local (which sets ON_THE_ENGINE): the second starts from the cases the first drew.
pytestmark = pytest.mark.xdist_group("hostile_fields")
CONVERSATION = {"name": "Ada Resident", "email": "ada@example.org", "text": "My bin was not collected."}


@pytest.fixture
def existing(deps, client, people):
    """Path parameters naming things that exist, and a staff administrator's headers."""
    from doorstep_cli.demo_bodies import load_demo_bodies
    from chalicelib.handlers.forwarding import sender
    from chalicelib.handlers.forwarding.officer_links import token_for
    load_demo_bodies(deps, county_endpoint="http://127.0.0.1:9/open311/v2", county_key="k")
    load_staff_data(deps)
    admin = people("admin", name="Fuzz Admin")
    made = client.post("/v1/reports", ON_THE_ROAD)
    assert made.status_code == 201, made.body
    rid = made.json_body["id"]
    assert sender.attempt(deps, rid, "national-highways") == "sent"
    chat = client.post("/v1/conversations", CONVERSATION)
    assert chat.status_code == 201, chat.body
    cid = chat.json_body["id"]
    taken = client.post(f"/v1/staff/conversations/{cid}/take", {}, admin.auth)  # hand-over and answer need it
    assert taken.status_code == 200, taken.body
    template = next(iter(deps.templates.all()), None)
    return {"report_id": rid, "conversation_id": cid, "body_id": "national-highways",
            "service_code": "pothole", "token": token_for(rid, "national-highways", deps.clock()),
            "template_id": getattr(template, "id", None)}, admin.auth


def answered_in_shape(response, path):
    """None, or what is wrong with the answer (Open311's paths keep that spec's error shape, SCIM's RFC 7644's)."""
    if response.status_code >= 500:
        return f"{response.status_code}: {response.text[:300]}"
    if response.status_code >= 400 and path.startswith("/scim/"):
        try:
            error = response.json()
            assert error["schemas"] == ["urn:ietf:params:scim:api:messages:2.0:Error"]
            assert error["status"] == str(response.status_code) and isinstance(error["detail"], str)
        except (ValueError, KeyError, TypeError, AssertionError):
            return f"{response.status_code} not in SCIM's error shape: {response.text[:300]}"
    elif response.status_code >= 400 and not path.startswith("/open311/"):
        try:
            error = response.json()["error"]
            assert isinstance(error["code"], str) and isinstance(error["message"], str)
        except (ValueError, KeyError, TypeError, AssertionError):
            return f"{response.status_code} not in the error shape: {response.text[:300]}"
    return None


def operations(served):
    import schemathesis
    from support.fuzzing import code_under_test_loaded
    code_under_test_loaded()
    from chalicelib.api.openapi import document
    from chalicelib.api.registry import REGISTRY
    schema = schemathesis.openapi.from_dict(document(REGISTRY))
    schema.config.update(base_url=served.url)
    return [result.ok() for result in schema.get_all_operations()]


def hostile():
    """(values for a body's fields, for query parameters, for path parameters) this run sends."""
    if ON_THE_ENGINE:
        return (LONG,), (LONG,), (LONG, WIDE)  # too long for a key, in characters or only in bytes
    return ({"x": 1}, [1]), (), ()  # unhashable, so `x in CHOICES` fails


def kept_cases(operation, examples):
    """The operation's first `examples` valid cases, from the process's kept draw: the runs of this xdist
    group (here, on DynamoDB Local, and test_fuzz_as_documented) draw them once."""
    from schemathesis.generation import GenerationMode
    from support.fuzzing import KEPT
    mode = GenerationMode.POSITIVE
    return KEPT.draw((operation.label, mode.value), lambda: operation.as_strategy(generation_mode=mode))(examples)


def naming_what_exists(drawn, existing):
    """A copy of a kept case to change (schemathesis's own), its path parameters naming things that exist."""
    case = drawn.derive()
    case.path_parameters = {**(case.path_parameters or {}),
                            **{k: existing[k] for k in (case.path_parameters or {}) if existing.get(k)}}
    return case


def probe(operation, existing, headers, failures, url):
    """One generated valid case (the process's kept draw of it), then each field (and each path
    parameter) made hostile in turn, on a copy: the case's parts are set anew for each request, to `url`
    (the case may have been drawn for an earlier test's server)."""
    from test_fuzz_openapi import forget_counts
    drawn = kept_cases(operation, 1)
    if not drawn:
        return  # nothing valid to start from
    case = naming_what_exists(drawn[0], existing)
    real = dict(case.path_parameters)
    body = case.body if isinstance(case.body, dict) else None
    fields = list(body or {}) + list((operation.definition.raw.get("requestBody") and
                                      _properties(operation)) or [])
    forget_counts()
    in_fields, in_query, in_paths = hostile()
    unchanged = []  # the case as drawn, sent only when a 503 asks (sending it first could change what exists)

    def send():
        answer = case.call(base_url=url, headers=headers, timeout=30)
        down = unavailable(answer)
        if down is not None:
            # A back office this stack has none of (council tax's) is a 503 for the case as drawn too: the
            # same 503 for a hostile field is the stack's, not the field's (read before, or not at all).
            if not unchanged:
                unchanged.append(unavailable(naming_what_exists(drawn[0], existing).call(
                    base_url=url, headers=headers, timeout=30)))
            if down == unchanged[0]:
                return None
        return answered_in_shape(answer, operation.path)
    for name in dict.fromkeys(fields):
        for value in in_fields:
            case.path_parameters = dict(real)
            case.body = {**(body or {}), name: value}
            wrong = send()
            if wrong:
                failures[f"{operation.label} body.{name}={str(value)[:12]!r}"] = wrong
    query = case.query if isinstance(case.query, dict) else {}
    for name in [p["name"] for p in operation.definition.raw.get("parameters", []) if p.get("in") == "query"]:
        for value in in_query:
            case.path_parameters, case.body, case.query = dict(real), body if body is not None else case.body, \
                {**query, name: value}
            wrong = send()
            if wrong:
                failures[f"{operation.label} query {name}={value[:12]!r}"] = wrong
    case.query = query
    for name in real:
        for value in in_paths:
            case.path_parameters = {**real, name: value}
            case.body = body if body is not None else case.body
            wrong = send()
            if wrong:
                failures[f"{operation.label} path {name}={value[:12]!r}"] = wrong


def unavailable(response):
    """The error code of a 503 (a back office not there), else None."""
    try:
        return response.json()["error"]["code"] if response.status_code == 503 else None
    except (ValueError, KeyError, TypeError):
        return None


def _properties(operation):
    schema = operation.definition.raw["requestBody"]["content"].get("application/json", {}).get("schema", {})
    name = schema.get("$ref", "").rsplit("/", 1)[-1]
    return list(operation.schema.raw_schema["components"]["schemas"].get(name, {}).get("properties", {}))


def test_hostile_ids_and_references_in_bodies_and_paths_never_get_a_5xx(served, existing):
    ids, staff = existing
    failures = {}
    for operation in operations(served):
        if "requestBody" not in operation.definition.raw and not (ON_THE_ENGINE and operation.path_parameters):
            continue  # nothing this run sends
        headers = {} if operation.path.startswith("/v1/body-links/") else staff
        try:
            probe(operation, ids, headers, failures, served.url)
        except Exception as error:  # noqa: BLE001 (the probe itself failing is a failure to report)
            failures[operation.label] = f"{type(error).__name__}: {str(error)[:300]}"
    assert not failures, "\n".join(f"{k}: {v}" for k, v in sorted(failures.items()))
