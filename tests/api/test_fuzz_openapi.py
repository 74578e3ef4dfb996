"""The API against its own description: schemathesis generates requests from
/openapi.json, for every operation, as an anonymous caller, a resident and
a member of staff, over real HTTP. Whatever it sends, the API never answers
5xx (but a documented 503 with Retry-After: an outside system away), every
answer matches its documented schema, and a request the document calls
valid is never refused as malformed: 400 means the request breaks the
document, 422 (documented where it can happen) that it breaks a rule the
document states in words (parts that must go together, the council's own
categories, area and password policy)."""
import pytest

from support.fuzzing import KEPT, code_under_test_loaded, explore
from support.served import served  # noqa: F401 (fixture)

# Generated cases per operation, per mode (valid and invalid data), per caller: at least
# LEAST, then more while they keep finding answers not seen before (tests/support/fuzzing.py).
LEAST, MOST = 2, 8
CALLERS = ("anonymous", "resident", "staff")
# Each caller's operations in PARTS tests (every PARTS-th operation): one test of a caller's
# 300-odd operations took two and a half minutes, the suite's longest, and ended the run on one worker.
# Hypothesis draws other cases from a part than from the whole (schemathesis's caches change what it
# draws): each part must pass on its own, and every document must be true for any draw.
PARTS = 4
# The three callers of a part run on one worker, one after another, and send the cases the first drew
# (derandomized, each drew the same ones: drawing is most of the fuzzing's CPU).
PART_OF = [pytest.param(part, marks=pytest.mark.xdist_group(f"openapi_fuzzing_part_{part}")) for part in range(PARTS)]
MIN_CASES = 700 // PARTS  # per caller and part: over 2,000 in all
# Longer than any answer takes on a busy machine: a slow answer is not a failure (a hung one is).
ANSWER_WAIT_S = 120


def caller_headers(deps, who):
    if who == "anonymous":
        return {}
    from chalicelib.handlers.accounts import auth, users
    from support.officers import every_role
    if who == "operator":  # the deployment's operator: a resident's account with the operator's flag
        user = users.create_user(deps, "fuzz-operator@example.org", "resident", name="Fuzz operator")
        user = users.set_operator(deps, user.email, True)
    else:
        extra = {}
        if who == "crew":  # a crew member belongs to a team
            from chalicelib.handlers.staff.teams import create_team
            create_team(deps, "fuzz-team", "Fuzz team")
            extra = {"team": "fuzz-team"}
        user = users.create_user(deps, f"fuzz-{who}@example.org", who, name=f"Fuzz {who}", **every_role(who, extra))
    return {"Authorization": "Bearer " + auth.start_session(deps, user, deps.clock())["access_token"]}


def error_code(response):
    """The answer's error code, if it is one: two refusals of one status may be two rules."""
    try:
        return response.json()["error"]["code"]
    except (ValueError, KeyError, TypeError):
        return None


def forget_counts():
    """Each operation starts with the caller's allowances whole (rate limits
    are tested on their own); otherwise later operations would meet 429 only."""
    from chalicelib.storage.counters import CounterModel
    with CounterModel.batch_write() as batch:
        for row in CounterModel.scan():
            batch.delete(row)


def refused(who, operation):
    """Whether the operation's rule refuses `who` whatever is sent (the authorisation
    matrix proves each refusal, with valid requests): such an operation gets one
    hostile case only, enough to show hostile input is refused in the one shape
    before anything reads it. Valid cases for it, and more hostile ones, met the
    same refusal every time. 387 of the 1,071 caller and operation pairs are
    refused; four cases each were a sixth of the fuzzing's CPU (347 s to 290 s)."""
    from chalicelib.api.registry import REGISTRY
    from chalicelib.auth.rules import ADMIN, ANYONE, CREW, OPERATOR, SIGNED_IN
    access = REGISTRY.routes[(operation.method.upper(), operation.path)].access
    return {"anonymous": access != ANYONE, "resident": access not in (ANYONE, SIGNED_IN),
            "staff": access in (ADMIN, CREW, OPERATOR)}[who]


def fuzzed(served, operations, headers, least=LEAST, most=MOST, outcomes=None, who=None, valid_accepted=True):
    """Each operation's generated cases, valid and invalid, sent to `served` with `headers` and checked:
    (cases sent, {operation (mode): failure}). `outcomes` collects what each answered.
    `who`: the caller, whose refused operations get one hostile case only. `valid_accepted`: whether
    a case the document calls valid must be accepted (not where a body is checked against a schema of
    its own that the document names in words: a council's settings)."""
    from schemathesis.checks import not_a_server_error, positive_data_acceptance, response_schema_conformance
    from schemathesis.generation import GenerationMode
    cases, failures = 0, {}

    def documented_422(ctx, response, case):
        """positive_data_acceptance, with 422 allowed where the operation documents it."""
        if response.status_code == 422 and "422" in case.operation.definition.raw.get("responses", {}):
            return None
        return positive_data_acceptance(ctx, response, case)

    def no_server_error(ctx, response, case):
        """not_a_server_error, but for a 503 with Retry-After where the operation documents it: an
        outside system away, or none set up here (no council tax back office is served to the fuzzing,
        so a valid reference meets revenues_not_configured). It is an answer, not a failure."""
        if response.status_code == 503 and "503" in case.operation.definition.raw.get("responses", {}) \
                and "retry-after" in response.headers:
            return None
        return not_a_server_error(ctx, response, case)

    for operation in operations:
        forget_counts()
        shut = bool(who) and refused(who, operation)
        for mode in (GenerationMode.NEGATIVE,) if shut else (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            checks = [no_server_error, response_schema_conformance]
            if mode is GenerationMode.POSITIVE and valid_accepted:
                checks.append(documented_422)

            def send(case):
                # The case may have been drawn in an earlier test, whose server had another address.
                response = case.call(base_url=served.url, headers=headers, timeout=ANSWER_WAIT_S)
                case.validate_response(response, checks=checks, headers=headers)
                if outcomes is not None:
                    outcomes.add((operation.label, mode.value, response.status_code, error_code(response)))
                return response.status_code, error_code(response)

            draw = KEPT.draw((operation.label, mode.value), lambda: operation.as_strategy(generation_mode=mode))
            sent, failure = explore(None, send, least=1 if shut else least, most=1 if shut else most, draw=draw)
            cases += sent
            if failure:
                failures[f"{operation.label} ({mode.value})"] = failure
    return cases, failures


def operations_of(served, path_part=""):
    """The document's operations (those whose path has `path_part`), sent to `served`."""
    import schemathesis
    code_under_test_loaded()
    from chalicelib.api.openapi import document
    from chalicelib.api.registry import REGISTRY
    schema = schemathesis.openapi.from_dict(document(REGISTRY))
    schema.config.update(base_url=served.url)
    return schema, [r.ok() for r in schema.get_all_operations() if path_part in r.ok().path]


@pytest.mark.parametrize("part", PART_OF)
@pytest.mark.parametrize("who", CALLERS)
def test_generated_requests_get_no_5xx_keep_the_schema_and_valid_ones_are_not_refused(served, deps, who, part):
    _, operations = operations_of(served)
    cases, failures = fuzzed(served, operations[part::PARTS], caller_headers(deps, who), who=who)
    print(f"{who}, part {part + 1} of {PARTS}: {cases} generated requests")
    assert not failures, "\n\n".join(f"{k}:\n{v}" for k, v in failures.items())
    assert cases >= MIN_CASES


def test_the_operators_own_routes_fuzzed_as_the_operator_get_no_5xx_and_keep_the_schema(served, deps):
    """The other callers meet the operator's routes refused: these are the cases that reach their work
    (adding a council, changing its settings) with anything in them. A settings document is checked
    against the council's JSON Schema (councils/schema.py), which the document names but does not
    repeat: one it calls valid may be refused, with each field named (tests/councils)."""
    _, operations = operations_of(served, "/v1/operator")
    assert operations
    cases, failures = fuzzed(served, operations, caller_headers(deps, "operator"), least=4, most=12,
                             valid_accepted=False)
    assert not failures, "\n\n".join(f"{k}:\n{v}" for k, v in failures.items())
    assert cases >= 8 * len(operations)


@pytest.mark.parametrize("who, rule", [("admin", "admin"), ("crew", "crew")])
def test_the_routes_of_administrators_and_crews_fuzzed_as_them_get_no_5xx_and_keep_the_schema(served, deps, who,
                                                                                              rule):
    """The three callers above meet these refused (their one hostile case each): these are the cases that
    reach the work of the one kind of account each is open to. An administrator's documents say less
    than their checks (a body's area, a form's definition, a template's fields, the settings: checked
    against schemas of their own): valid-by-the-document cases refused are not failures for them, a 5xx
    or an answer off its schema is."""
    from chalicelib.api.registry import REGISTRY
    _, operations = operations_of(served)
    theirs = [o for o in operations if REGISTRY.routes[(o.method.upper(), o.path)].access == rule]
    assert theirs
    cases, failures = fuzzed(served, theirs, caller_headers(deps, who), who=None, valid_accepted=who != "admin")
    assert not failures, "\n\n".join(f"{k}:\n{v}" for k, v in failures.items())
    assert cases >= 2 * LEAST * len(theirs)
