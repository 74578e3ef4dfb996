"""North Lanarkshire's own rules, as data in its demo folder (doorstep councils add --dir): its
FOI requests are due under the Freedom of Information (Scotland) Act 2002 (s.10: the twentieth
working day after receipt), its complaints by the SPSO's model complaints handling procedure
(stage 1 in 5 working days, stage 2 in 20), each rule with the words that say so and where it is
written; and its local public holidays in its settings, counted in its clocks."""
import json
import shutil
from datetime import date

import pytest

from chalicelib import tenancy
from chalicelib.storage.councils import CouncilStore
from doorstep_cli.council_pack import add as add_folder
from support.councils_support import DEMO, NL, NL_HOST, add, at, demo_secrets_in, york

FOLDER = DEMO / "north-lanarkshire"


@pytest.fixture(autouse=True)
def north_lanarkshires_secrets(monkeypatch, tmp_path):
    demo_secrets_in(monkeypatch, tmp_path, FOLDER)


def test_north_lanarkshire_s_folder_loads_scotland_s_foi_and_complaints_rules_with_their_sources(deps):
    add(deps, york())
    said = []
    assert add_folder(FOLDER, CouncilStore(), deps, say=said.append) == 0
    assert "due_rules.json: 3 loaded" in said
    with tenancy.acting_for(NL):
        rules = {r.service_code: r for r in deps.for_council().due_rules.all()}
    assert {code: r.working_days for code, r in rules.items()} == {
        "foi_request": 20, "complaint": 5, "complaint_stage_2": 20}
    assert rules["foi_request"].basis == "20 working days under the Freedom of Information (Scotland) Act 2002"
    assert "legislation.gov.uk/asp/2002/13/section/10" in rules["foi_request"].source
    assert "SPSO" in rules["complaint"].basis and "spso.org.uk" in rules["complaint_stage_2"].source
    assert deps.due_rules.get("complaint") is None  # York's rules are its own: none of these


def test_a_complaint_made_at_north_lanarkshire_before_its_september_weekend_is_due_after_it(client, deps):
    from chalicelib.councils import registry
    add(deps, york())
    assert add_folder(FOLDER, CouncilStore(), deps, say=lambda line: None) == 0
    registry.forget()
    with tenancy.acting_for(NL):
        here = deps.for_council()
        assert here.calendar.holiday(date(2026, 9, 28)) == "September weekend (Monday)"
        from chalicelib.handlers.shared import placement
        from chalicelib.storage.records import Report
        from datetime import datetime, timezone
        received = datetime(2026, 9, 24, 15, tzinfo=timezone.utc)  # a Thursday; Friday and Monday are local holidays
        report = Report(id="c1", service_code="complaint", state="open", created_at=received, updated_at=received)
        assert placement.due_by_rule(here, report) == "2026-10-05"  # Tue 29 Sep to Mon 5 Oct: 5 working days
    assert client.get("/v1/council", at(NL_HOST)).status_code == 200


def test_a_due_rule_for_no_category_of_the_council_or_without_its_source_is_refused_and_nothing_is_written(
        deps, tmp_path):
    add(deps, york())
    folder = tmp_path / "north-lanarkshire"
    shutil.copytree(FOLDER, folder)
    rules = json.loads((folder / "due_rules.json").read_text())
    rules.append({"service_code": "council_tax", "working_days": 10, "basis": "x", "source": "y"})
    del rules[0]["source"]
    (folder / "due_rules.json").write_text(json.dumps(rules))
    said = []
    assert add_folder(folder, CouncilStore(), deps, say=said.append) == 1
    assert said[-3:] == [
        "due_rules.json rule 1: basis and source must each say, in up to 300 characters, which rule this is and "
        "where it is written",
        "due_rules.json rule 4: service_code 'council_tax' is not one of the council's categories",
        "2 problem(s): nothing written"]
    assert CouncilStore().get(NL, consistent=True) is None


def test_an_foi_request_at_north_lanarkshire_counts_scotland_s_bank_holidays_but_not_its_local_ones(deps):
    """FOISA s.73: a working day is any but a Saturday, a Sunday, Christmas Day or a Scottish bank
    holiday, so the council's September weekend does not stop the statutory clock; its complaints
    procedure's working days are the council's own, and skip it."""
    from datetime import datetime, timezone
    from chalicelib.handlers.shared import placement
    from chalicelib.storage.records import Report
    add(deps, york())
    assert add_folder(FOLDER, CouncilStore(), deps, say=lambda line: None) == 0
    received = datetime(2026, 9, 24, 15, tzinfo=timezone.utc)  # Thursday; Friday 25 and Monday 28: local holidays
    with tenancy.acting_for(NL):
        here = deps.for_council()
        foi = Report(id="f1", service_code="foi_request", state="open", created_at=received, updated_at=received)
        stage_2 = Report(id="c2", service_code="complaint_stage_2", state="open", created_at=received,
                         updated_at=received)
        assert (placement.due_by_rule(here, foi), placement.due_by_rule(here, stage_2)) == (
            "2026-10-22", "2026-10-26")
