"""Everywhere a due date is shown it says which rule made it (issue 71, item 4): a category's
target before Send names its law, an officer's case page says which rule set the due date (or
that it was set by hand), and a response template may say so to the resident. The words are the
rule's own (its `basis`, data beside the rule with its source); the sentences around them are the
catalogues'."""
import json

import pytest

from chalicelib import tenancy
from chalicelib.councils import registry
from chalicelib.storage.councils import CouncilStore
from doorstep_cli.council_pack import add as add_folder
from support.councils_support import DEMO, NL, NL_HOST, YORK_HOST, add, at, demo_secrets_in, signed_in_at, york
from support.staff_support import FOI, load_staff_data, report_at, utc

SCOTTISH_FOI = "20 working days under the Freedom of Information (Scotland) Act 2002"
ENGLISH_FOI = "20 working days under the Freedom of Information Act 2000"


@pytest.fixture(autouse=True)
def north_lanarkshires_secrets(monkeypatch, tmp_path):
    demo_secrets_in(monkeypatch, tmp_path, DEMO / "north-lanarkshire")


def both_councils(deps):
    add(deps, york())
    load_staff_data(deps)
    assert add_folder(DEMO / "north-lanarkshire", CouncilStore(), deps, say=lambda line: None) == 0
    registry.forget()


def test_before_send_each_council_s_foi_target_names_its_own_law(client, deps):
    both_councils(deps)
    scottish = client.get("/v1/services/foi_request", at(NL_HOST)).json_body["target"]
    english = client.get("/v1/services/foi_request", at(YORK_HOST)).json_body["target"]
    assert (scottish["working_days"], scottish["rule"]) == (20, SCOTTISH_FOI)
    assert (english["working_days"], english["rule"]) == (20, ENGLISH_FOI)


def test_an_officer_reads_which_rule_made_a_request_s_due_date_and_that_one_set_by_hand_is_staff_s(client, deps):
    both_councils(deps)
    with tenancy.acting_for(NL):
        report_id = report_at(deps.for_council(), FOI, utc(2026, 11, 27, 12))  # Friday; Monday is St Andrew's Day
    officer = at(NL_HOST, {**signed_in_at(deps, NL, "staff"), "Access-Reason": "Answering the request"})
    read = client.get(f"/v1/staff/reports/{report_id}", officer)
    case = read.json_body
    assert (case["due"], case["due_source"], case["due_rule"]) == ("2026-12-30", "rule", SCOTTISH_FOI)
    changed = client.raw.http.request("PATCH", f"/v1/staff/reports/{report_id}", body=json.dumps(
        {"due": "2027-01-08"}).encode(), headers={"Content-Type": "application/json", "If-Match": read.headers["ETag"],
                                                   **officer})
    assert changed.status_code == 200, changed.body
    case = client.get(f"/v1/staff/reports/{report_id}", officer).json_body
    assert (case["due"], case["due_source"], case["due_rule"]) == ("2027-01-08", "staff", None)


def test_a_response_template_tells_the_resident_which_rule_made_the_date(deps):
    from chalicelib.handlers.reports.wording import PLACEHOLDERS, render
    from chalicelib.storage.records import ResponseTemplate
    both_councils(deps)
    with tenancy.acting_for(NL):
        here = deps.for_council()
        report = here.reports.get(report_at(here, FOI, utc(2026, 11, 27, 12)))
    template = ResponseTemplate(id="t", title="Received", text="We will respond by {due} ({due_rule}).",
                                created_at=utc(2026, 11, 1), updated_at=utc(2026, 11, 1))
    assert render(template, report, {"name": "Freedom of information request"}) == (
        f"We will respond by 30 December 2026 ({SCOTTISH_FOI}).")
    assert "due_rule" in PLACEHOLDERS
