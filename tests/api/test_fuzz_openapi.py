"""The API against its own description: schemathesis generates requests from
/openapi.json, for every operation, as an anonymous caller, a resident and
a member of staff, over real HTTP. Whatever it sends, the API never answers
5xx, every answer matches its documented schema, and a request the document
calls valid is never refused as malformed: 400 means the request breaks the
document, 422 (documented where it can happen) that it breaks a rule the
document states in words (parts that must go together, the council's own
categories, area and password policy)."""
import pytest

from support.served import served  # noqa: F401 (fixture)

PER_OPERATION = 4  # generated cases per operation, per mode (valid and invalid data), per caller
CALLERS = ("anonymous", "resident", "staff")
MIN_CASES = 700  # per caller: over 2,000 in all


def caller_headers(deps, who):
    if who == "anonymous":
        return {}
    from chalicelib.handlers.accounts import auth, users
    user = users.create_user(deps, f"fuzz-{who}@example.org", who, name=f"Fuzz {who}")
    return {"Authorization": "Bearer " + auth.start_session(deps, user, deps.clock())["access_token"]}


def forget_counts():
    """Each operation starts with the caller's allowances whole (rate limits
    are tested on their own); otherwise later operations would meet 429 only."""
    from chalicelib.storage.counters import CounterModel
    with CounterModel.batch_write() as batch:
        for row in CounterModel.scan():
            batch.delete(row)


@pytest.mark.parametrize("who", CALLERS)
def test_generated_requests_get_no_5xx_keep_the_schema_and_valid_ones_are_not_refused(served, deps, who):
    import schemathesis
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis.errors import Unsatisfiable
    from schemathesis.checks import not_a_server_error, positive_data_acceptance, response_schema_conformance
    from schemathesis.generation import GenerationMode
    from chalicelib.api.openapi import document
    from chalicelib.api.registry import REGISTRY

    schema = schemathesis.openapi.from_dict(document(REGISTRY))
    schema.config.update(base_url=served.url)
    headers = caller_headers(deps, who)
    cases, failures = 0, {}

    def documented_422(ctx, response, case):
        """positive_data_acceptance, with 422 allowed where the operation documents it."""
        if response.status_code == 422 and "422" in case.operation.definition.raw.get("responses", {}):
            return None
        return positive_data_acceptance(ctx, response, case)

    for result in schema.get_all_operations():
        operation = result.ok()
        forget_counts()
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            checks = [not_a_server_error, response_schema_conformance]
            if mode is GenerationMode.POSITIVE:
                checks.append(documented_422)

            @settings(max_examples=PER_OPERATION, deadline=None, database=None, phases=[Phase.generate],
                      suppress_health_check=list(HealthCheck), derandomize=True)
            @given(operation.as_strategy(generation_mode=mode))
            def call(case):
                nonlocal cases
                cases += 1
                response = case.call(headers=headers, timeout=30)
                case.validate_response(response, checks=checks, headers=headers)

            try:
                call()
            except Unsatisfiable:
                pass  # nothing to generate: no parameters, or no invalid value exists for them
            except (Exception, BaseExceptionGroup) as error:
                # A flaky failure's own message names none of its causes: keep theirs too
                causes = [repr(e) for e in getattr(error, "exceptions", ())]
                failures[f"{operation.label} ({mode.value})"] = "\n".join([str(error)] + causes)[:3000]
    print(f"{who}: {cases} generated requests over {len(schema.raw_schema['paths'])} paths")
    assert not failures, "\n\n".join(f"{k}:\n{v}" for k, v in failures.items())
    assert cases >= MIN_CASES
