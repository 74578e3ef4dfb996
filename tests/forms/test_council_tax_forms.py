"""The council tax forms: a signed-in resident's linked account fills in its
reference and its property, and the form sent is handed to the back office
through the revenues queue (one request, whatever runs twice; waiting while
the back office is down), beside its case. A form naming its team's address
sends the answers there too, once."""
import pytest

from support.alert_support import outbox_to
from support.effects_support import events_of_kind, run_stream
from support.forms_support import Filler, demo, fields, published
from support.revenues_support import BILLS, DEV, linked
from support.revenues_support import civica, council_morning  # noqa: F401 (fixtures)

HULL_ROAD = [("990000000148", ["4 Hull Road", "York"], "YO10 4EE", 53.9507, -1.0510, "Hull Road")]


@pytest.fixture
def dev(client, deps, people, civica, council_morning):
    """Dev Patel, signed in, linked to his account 500345686 at 4 Hull Road."""
    from conftest import store_addresses
    store_addresses(deps, HULL_ROAD)
    person = people(email="dev.patel@example.org")
    linked(client, person, BILLS[DEV])
    return person


def discount_sent(client, person, alone_since="2026-11-01"):
    published_form = Filler(client, "council-tax-single-person-discount", auth=person.auth)
    offered = published_form.page("account").json_body["prefill"]
    for page_id, answers in [
            ("account", {**offered, "name": {"full": "Dev Patel"}}),
            ("from", {"alone_since": dict(zip(("year", "month", "day"), alone_since.split("-"))),
                      "reason": "bereavement"}),
            ("contact", {"email": "dev.patel@example.org"})]:
        saved = published_form.answer(page_id, **answers)
        assert saved.status_code == 200, saved.json_body
    sent = published_form.submit(declaration=True)
    assert sent.status_code == 200, sent.json_body
    return sent.json_body["reference"]


def test_a_linked_resident_finds_their_account_and_property_filled_in(client, deps, dev, people):
    published(deps, "council-tax-single-person-discount")
    offered = Filler(client, "council-tax-single-person-discount", auth=dev.auth).page("account").json_body["prefill"]
    assert offered == {"account_number": "500345686",
                       "property": {"uprn": "990000000148", "text": "4 Hull Road, York", "postcode": "YO10 4EE"}}
    stranger = people()  # signed in, no council tax account linked
    assert Filler(client, "council-tax-single-person-discount", auth=stranger.auth).page(
        "account").json_body["prefill"] == {}


def test_a_discount_sent_is_one_request_the_back_office_takes_whatever_runs_twice(client, deps, dev, civica):
    from chalicelib.handlers.forms.handing_on import hand_to_revenues
    published(deps, "council-tax-single-person-discount")
    reference = discount_sent(client, dev)
    [request] = deps.revenue_requests.of_user(dev.user.id)
    assert (request["kind"], request["details"], request["state"]) == (
        "single_person_discount", {"action": "apply", "date": "2026-11-01"}, "taken")
    assert hand_to_revenues(deps, reference) is None  # run again: the key made from the reference is taken
    assert run_stream(deps, "form_submitted") == [] and run_stream(deps, "revenue_request") == []
    assert len(deps.revenue_requests.of_user(dev.user.id)) == 1 and civica.requests.count() == 1


def test_a_move_sent_while_the_back_office_is_down_waits_in_the_revenues_queue(client, deps, dev, civica,
                                                                                council_morning):
    from datetime import timedelta
    from chalicelib.handlers.revenues.sending import send_due
    published(deps, "council-tax-moving-home")
    civica.down = True
    mover = Filler(client, "council-tax-moving-home", auth=dev.auth)
    offered = mover.page("account").json_body["prefill"]
    mover.answer("account", **offered, name={"full": "Dev Patel"})
    assert mover.page("moving-from").json_body["prefill"] == {}  # down, and no copy kept: typed instead
    for page_id, answers in [
            ("moving-from", {"old_property": {"uprn": "990000000148"},
                             "moving_date": {"day": "5", "month": "1", "year": "2027"}}),
            ("moving-within", {"staying": "no"}),
            ("forwarding", {"forwarding_address": {"line1": "4 Quay Street", "town": "Whitby",
                                                   "postcode": "YO21 3PY"}}),
            ("contact", {"email": "dev.patel@example.org"})]:
        assert mover.answer(page_id, **answers).status_code == 200
    assert mover.submit(declaration=True).status_code == 200
    [request] = deps.revenue_requests.of_user(dev.user.id)
    assert request["state"] == "queued" and request["details"] == {
        "move": "out", "date": "2027-01-05", "address": "4 Quay Street, Whitby", "postcode": "YO21 3PY"}
    civica.down = False
    council_morning.shift(timedelta(minutes=2))
    assert send_due(deps) == {"taken": 1}
    assert civica.requests.count("move") == 1


def test_a_form_for_an_account_the_resident_is_not_linked_to_is_a_case_and_no_request(client, deps, dev, people):
    from chalicelib.handlers.forms.cases import case_of
    published(deps, "council-tax-single-person-discount")
    stranger = people()
    filler = Filler(client, "council-tax-single-person-discount", auth=stranger.auth)
    filler.answer("account", account_number="500345686", name={"full": "Someone Else"},
                  property={"uprn": "990000000148"})
    filler.answer("from", alone_since={"day": "1", "month": "11", "year": "2026"}, reason="bereavement")
    filler.answer("contact", email="someone@example.org")
    reference = filler.submit(declaration=True).json_body["reference"]
    assert case_of(deps, reference) is not None
    assert deps.revenue_requests.of_user(stranger.user.id) == [] and deps.revenue_requests.of_user(dev.user.id) == []


def test_a_form_naming_its_teams_address_sends_the_answers_there_once(client, deps):
    from chalicelib.handlers.forms.handing_on import send_to_team
    definition = demo("general-enquiry")
    definition["receiving"]["email"] = "enquiries@york.example.gov.uk"
    published(deps, "general-enquiry", definition)
    filler = Filler(client, "general-enquiry")
    filler.answer("question", subject="bins", enquiry="Bins not emptied on Friday")
    filler.answer("property", property=None)
    filler.answer("contact", name={"full": "Ada Lovelace"}, email="ada@example.org")
    reference = filler.submit(declaration=True).json_body["reference"]
    [event] = events_of_kind("form_submitted")
    assert event.payload["hand_on"] == ["team"]
    send_to_team(deps, reference)  # again, as after a crash
    [mail] = outbox_to("enquiries@york.example.gov.uk")
    assert reference in mail.subject and "Bins not emptied on Friday" in mail.body


def test_a_hand_on_naming_no_question_of_the_form_is_refused_with_its_path(deps):
    from chalicelib.errors import ValidationFailed
    definition = demo("council-tax-single-person-discount")
    definition["hand_on"]["answers"] = {"account": "account_no"}
    with pytest.raises(ValidationFailed) as refused:
        published(deps, "council-tax-single-person-discount", definition)
    assert {f["field"]: f["message"] for f in refused.value.fields} == {
        "$.hand_on.answers.account": "No question has the id 'account_no'.",
        "$.hand_on.answers": "Name the question whose answer is the request's date"}

