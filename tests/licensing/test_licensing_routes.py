"""The licensing routes over HTTP: the register and its open data hold the
public fields only, a page of it is one Query whatever the number of
licences, bad input is a clear 4xx in the one error shape, and every route
fuzzed gets no 5xx and keeps its documented shape."""
import json

import pytest

from chalicelib.handlers.licensing import routes  # noqa: F401  (registers the payment hook, as app.py does)
from chalicelib.handlers.payments import routes as payment_routes  # noqa: F401  (a finished payment's effect)
from support.licensing_support import york_types  # noqa: F401
from support.pay_support import pay  # noqa: F401
from support.served import served  # noqa: F401 (fixture)
from support.licensing_support import at, london, paid, started

PUB = {"name": "The Golden Fleece", "address": "16 Pavement, York YO1 9UP", "uprn": "990000000501",
       "lat": 53.9592, "lon": -1.0801}


def test_bad_register_and_type_questions_are_answered_4xx_in_the_one_error_shape(client, york_types):
    for path, status, field in (("/v1/licensing/types?activity=juggling", 422, "activity"),
                                ("/v1/licensing/register?state=granted", 422, "state"),
                                ("/v1/licensing/register?type=pet-shop", 422, "type"),
                                ("/v1/licensing/register?cursor=not-json", 422, "cursor")):
        answer = client.get(path)
        assert answer.status_code == status, (path, answer.body)
        assert answer.json_body["error"]["fields"][0]["field"] == field
    made = client.post("/v1/licensing/cases/LC-7K3F9Q/representations", {"grounds": "x"})
    assert made.status_code == 404 and made.json_body["error"]["code"] == "licence_case_not_found"
    assert client.post("/v1/licensing/cases/not-a-case/representations", {}).status_code == 404


def test_the_register_lists_the_public_fields_only_and_costs_one_query_a_page_whatever_its_size(client, deps, pay,
                                                                                                 york_types):
    from chalicelib.storage import metering
    who = at(deps, london(2026, 6, 12, 11))
    for n in range(3):
        paid(who, started(who, {"type": "premises-licence", "band": "B", "premises": dict(PUB, name=f"Pub {n}"),
                                "applicant": {"name": "Jo Landlord"}}))
    from chalicelib.handlers.licensing.reading import register_view
    deps.council  # noqa: B018  (the council's settings, read once per process: not the register's cost)
    with metering.metered() as meter:
        register_view(deps, {"type": "premises-licence"})
    assert meter.operations == ["GetItem", "Query"]  # the council's types, one page of the index
    answer = client.get("/v1/licensing/register?type=premises-licence")
    assert answer.status_code == 200 and len(answer.json_body["cases"]) == 3
    text = json.dumps(answer.json_body)
    assert "Jo Landlord" not in text and "applicant" not in text and "example.org" not in text
    assert "representations_until" in text
    csv_text = client.get("/v1/licensing/register.csv").body.decode()
    assert csv_text.splitlines()[0].startswith("id,premises.name,premises.address") and "Jo Landlord" not in csv_text


@pytest.mark.xdist_group("licensing_fuzzing")  # the second caller sends the cases the first drew
@pytest.mark.parametrize("who", ("resident", "staff"))
def test_the_licensing_routes_fuzzed_get_no_5xx_and_keep_their_documented_shape(served, deps, who, capsys):
    from api.test_fuzz_openapi import caller_headers, fuzzed, operations_of
    _, operations = operations_of(served, "/licensing")
    outcomes = set()
    cases, failures = fuzzed(served, operations, caller_headers(deps, who), 4, 12, outcomes)
    with capsys.disabled():
        print(f"\n{who}: {cases} generated requests over {len(operations)} licensing operations")
    assert len(operations) == 28  # with renewing, the consultees' link, documents, withdrawing, requests, checks, the annual fee (pay, dispute)
    assert not failures, "\n\n".join(f"{k}:\n{v}" for k, v in failures.items())
