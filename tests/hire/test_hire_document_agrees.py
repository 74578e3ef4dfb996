"""The hire routes' OpenAPI document declares what the server requires of
fields together, so a request the document calls valid is never refused as
malformed (400), and one the server refuses the document refuses too:
waived goes with a waive_reason, a card payment with none, a group's or a
business's booking names them. (OpenAPI 3.0 has no if/then: each rule is an
anyOf of the cases the server takes.) The same cases are sent to the server."""
import pytest

from chalicelib.handlers.hire import routes  # noqa: F401  (registers the payment hook and effects)
from support.hire_support import NOW, at, resident, tuesdays
from support.pay_support import pay  # noqa: F401

STAFF_BOOKING = {**tuesdays(weeks=1), "payment": "card"}
CASES = [  # (schema, body, what the server answers: 400 malformed, or anything else)
    ("StaffHireBookingNew", {**STAFF_BOOKING, "payment": "waived"}, 400),  # no waive_reason
    ("StaffHireBookingNew", {**STAFF_BOOKING, "payment": "waived", "waive_reason": "   "}, 400),
    ("StaffHireBookingNew", {**STAFF_BOOKING, "waive_reason": "The council's own use"}, 400),  # card with a reason
    ("StaffHireBookingNew", {**STAFF_BOOKING, "hirer_name": ""}, 400),  # a group unnamed
    ("StaffHireBookingNew", {k: v for k, v in STAFF_BOOKING.items() if k != "hirer_name"}, 400),
    ("StaffHireBookingNew", {**STAFF_BOOKING, "hirer_type": "commercial", "hirer_name": " "}, 400),
    ("StaffHireBookingNew", {**STAFF_BOOKING, "payment": "waived", "waive_reason": "Polling station"}, 201),
    ("StaffHireBookingNew", {**STAFF_BOOKING, "waive_reason": ""}, 201),  # blank goes with card
    ("StaffHireBookingNew", {**STAFF_BOOKING, "hirer_type": "resident", "hirer_name": ""}, 400),  # a caller unnamed
    ("StaffHireBookingNew", {**STAFF_BOOKING, "hirer_type": "resident", "hirer_name": "Ada Lovelace"}, 201),
    ("HireBookingNew", {**tuesdays(weeks=1), "hirer_name": ""}, 400),
    ("HireBookingNew", {**tuesdays(weeks=1, hirer_type="resident"), "hirer_name": ""}, 201),
    ("HireBookingNew", tuesdays(weeks=1, skip=["2027-11-30", "2027-12-07"]), 422),  # more than its weeks: a rule
]


@pytest.fixture(scope="module")
def document():
    import app  # noqa: F401  (every capability's routes, and so their schemas)
    from chalicelib.api.openapi import document as build
    from chalicelib.api.registry import REGISTRY
    return build(REGISTRY)


def valid(document, name, body):
    from openapi_schema_validator import OAS30Validator
    schema = {"$ref": f"#/components/schemas/{name}", "components": document["components"]}
    return OAS30Validator(schema).is_valid(body)


def answer(deps, name, body):
    from chalicelib.errors import ApiError
    from chalicelib.handlers.hire.booking import create
    from chalicelib.handlers.hire.staff import take
    try:
        if name == "StaffHireBookingNew":
            take(at(deps, NOW, resident(role="staff")), body, None)
        else:
            create(at(deps, NOW), body, None)
    except ApiError as refused:
        return refused.status
    return 201


@pytest.mark.parametrize("name, body, status", CASES)
def test_the_document_refuses_what_the_server_refuses_as_malformed_and_takes_what_it_takes(
        deps, pay, document, name, body, status):
    assert answer(deps, name, body) == status
    assert valid(document, name, body) == (status != 400), body
