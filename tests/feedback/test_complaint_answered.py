"""A complaint is answered (issue 72, the front door's complaint): its category says it needs a way to
answer it (`contact: required`), so the API refuses one with neither an email address nor a phone number,
naming `contact`, whoever sends it; a street report stays free to be anonymous; and the complaint's view
says the date the council will answer by under its procedure, and which rule made it."""
from datetime import datetime, timezone

import pytest
import time_machine

from chalicelib import tenancy
from conftest import pothole

THURSDAY = datetime(2026, 11, 26, 14, 0, tzinfo=timezone.utc)  # before St Andrew's Day (Monday 30 November)
COMPLAINT = {"service_code": "complaint", "description": "The crew left our gate open three weeks running.",
             "fields": {"service_area": "Bins"}}


@pytest.mark.parametrize("contact", [None, {}, {"name": "Ada Resident"}, {"name": "Ada Resident", "email": ""}])
def test_an_anonymous_complaint_with_no_way_to_answer_it_is_refused_naming_contact(client, contact):
    body = {**COMPLAINT, **({"contact": contact} if contact is not None else {})}
    r = client.post("/v1/reports", body, {"Idempotency-Key": "complaint-without-contact-0001"})
    assert r.status_code == 422, r.json_body
    assert [f["field"] for f in r.json_body["error"]["fields"]] == ["contact"]
    assert "email address or a phone number" in r.json_body["error"]["fields"][0]["message"]
    # Nothing was made: the same key with a contact is a new complaint, not a replay of a refusal.
    made = client.post("/v1/reports", {**body, "contact": {"phone": "07700 900123"}},
                       {"Idempotency-Key": "complaint-without-contact-0001"})
    assert made.status_code == 201 and made.headers.get("Idempotent-Replayed") is None


@pytest.mark.parametrize("contact", [{"email": "ada@example.org"}, {"phone": "07700 900123"}])
def test_a_complaint_with_an_email_or_a_phone_is_taken(client, contact):
    r = client.post("/v1/reports", {**COMPLAINT, "contact": contact})
    assert r.status_code == 201, r.json_body
    assert r.json_body["contact"] == contact


def test_a_signed_in_residents_complaint_is_answered_at_their_own_email(client, people):
    ada = people("resident", email="ada.signed.in@example.org")
    r = client.post("/v1/reports", COMPLAINT, ada.auth)
    assert r.status_code == 201, r.json_body
    assert r.json_body["contact"]["email"] == "ada.signed.in@example.org"


def test_an_ordinary_street_report_without_contact_is_still_taken(client):
    body = pothole()
    del body["contact"]
    r = client.post("/v1/reports", body)
    assert r.status_code == 201, r.json_body
    assert "contact" not in r.json_body or r.json_body["contact"] == {}


def test_a_partners_complaint_with_no_way_to_answer_it_is_refused_too(deps):
    from chalicelib.errors import ApiError
    from chalicelib.handlers.reports import create as reports
    with pytest.raises(ApiError) as refused:
        reports.create_report(deps, COMPLAINT, partner=True)
    assert refused.value.status == 422 and [f["field"] for f in refused.value.fields] == ["contact"]


def test_the_categories_say_which_is_a_complaint_needing_a_way_to_answer_it(client):
    services = {s["service_code"]: s for s in client.get("/v1/services").json_body["services"]}
    assert (services["complaint"]["kind"], services["complaint"]["contact"]) == ("complaint", "required")
    assert (services["pothole"]["kind"], services["pothole"]["contact"]) == ("report", "optional")


@pytest.mark.parametrize("setting,reason", [({"contact": "maybe"}, "contact must be"),
                                            ({"kind": "grumble"}, "kind must be")])
def test_a_council_pack_with_a_category_setting_it_cannot_keep_is_refused(setting, reason):
    from doorstep_cli.council_pack import check_category
    assert reason in check_category({"service_code": "complaint", "name": "Complaint", "group": "Feedback",
                                     "location": "none", **setting}, set())


def test_a_complaint_at_north_lanarkshire_says_the_date_it_will_be_answered_by_and_the_spso_rule(client, deps):
    """Stage 1 in 5 working days on Scotland's calendar: made on Thursday 26 November, answered by Friday
    4 December, St Andrew's Day (Monday 30 November) not one of them (England's calendar would say the 3rd)."""
    from doorstep_cli.council_pack import load_categories, load_due_rules
    from support.councils_support import DEMO, NL, NL_HOST, add, at, north_lanarkshire, york
    add(deps, york(), north_lanarkshire())
    with tenancy.acting_for(NL):
        here = deps.for_council()
        assert load_categories(here, DEMO / "north-lanarkshire" / "categories.json")[1] == []
        assert load_due_rules(here, DEMO / "north-lanarkshire" / "due_rules.json")[1] == []
    with time_machine.travel(THURSDAY, tick=False):
        refused = client.post("/v1/reports", COMPLAINT, at(NL_HOST))
        r = client.post("/v1/reports", {**COMPLAINT, "contact": {"email": "ada@example.org"}}, at(NL_HOST))
    assert refused.status_code == 422 and refused.json_body["error"]["fields"][0]["field"] == "contact"
    assert r.status_code == 201, r.json_body
    target = r.json_body["target"]
    assert target["date"] == "2026-12-04" and "SPSO" in target["rule"]


def test_doorstep_seed_gives_a_demo_councils_complaint_loaded_before_its_kind_and_contact(deps):
    """A stage whose North Lanarkshire was added before the settings: its complaint reads as a report and
    may be anonymous until `doorstep seed` (which reloads York's categories) reloads the demo folders' too."""
    from doorstep_cli.councils import demo_councils, reload_demo_categories
    from support.councils_support import NL, add, york
    add(deps, york())
    demo_councils(deps)
    with tenancy.acting_for(NL):
        here = deps.for_council()
        before = {k: v for k, v in here.services.get("complaint").items() if k not in ("kind", "contact")}
        here.services.put(before, sort=0)
        assert "kind" not in here.services.get("complaint")
    assert reload_demo_categories(deps) > 0
    with tenancy.acting_for(NL):
        again = deps.for_council().services.get("complaint")
    assert (again["kind"], again["contact"]) == ("complaint", "required")
