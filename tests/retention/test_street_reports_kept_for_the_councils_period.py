"""York's administrator sets its street reports' contacts to be removed 12 months after closure; a dry
run lists the reports that would lose theirs; the sweep removes them, their public pages unchanged, and
nothing else: a report closed later, an open one, one reopened, one on hold. Run again it finds nothing
to do; killed mid-batch the next run finishes the rest."""
from datetime import timedelta

import pytest

from support.councils_support import YORK_HOST, at, signed_in_at
from support.retention_support import closed_report, set_schedule, sweep_at, utc, york_keeping

NOW = utc(2026, 6, 15, 3, 45)  # the nightly run, in summer time (04:45 in London)


@pytest.fixture
def york_admin(deps):
    york_keeping(deps)
    return signed_in_at(deps, "york", "admin")


def _public(client, rid):
    page = client.get(f"/v1/reports/{rid}", at(YORK_HOST))
    updates = client.get(f"/v1/reports/{rid}/updates", at(YORK_HOST))
    assert page.status_code == updates.status_code == 200
    return page.json_body, updates.json_body


def test_yorks_reports_lose_their_contact_twelve_months_after_closure_and_keep_their_public_page(
        client, deps, york_admin):
    changed = set_schedule(client, york_admin, {"kinds": {"reports": {"after": "closed", "months": 12,
                                                                      "then": "anonymise"}}})
    assert changed.status_code == 200, changed.json_body
    assert changed.json_body["schedule"]["kinds"]["reports"]["months"] == 12
    assert changed.json_body["schedule"]["kinds"]["reports"]["source"] == "council"
    old = closed_report(deps, utc(2025, 1, 10, 9), utc(2025, 6, 1, 10))  # closed 12.5 months before NOW
    recent = closed_report(deps, utc(2025, 5, 1, 9), utc(2025, 8, 1, 10))  # closed 10.5 months before
    still_open = closed_report(deps, utc(2024, 1, 1, 9), None)
    before = _public(client, old)

    dry = sweep_at(deps, NOW, dry=True)
    assert dry.counts["reports"] == {"would_anonymise": 1}
    assert [r["id"] for r in dry.listed["reports"]] == [old]
    assert dry.listed["reports"][0]["until"] == "2026-06-01"
    assert deps.reports.get(old).contact["email"] == "ada@example.org"  # a dry run changes nothing

    assert sweep_at(deps, NOW).counts["reports"] == {"anonymised": 1, "kept": 0}
    gone = deps.reports.get(old)
    assert gone.contact == {} and gone.reporter_email_hash is None and gone.token_hash is None
    assert gone.retained["then"] == "anonymise"
    assert _public(client, old) == before
    assert deps.reports.get(recent).contact["email"] == "ada@example.org"
    assert deps.reports.get(still_open).contact["email"] == "ada@example.org"

    assert sweep_at(deps, NOW + timedelta(days=1)).counts["reports"] == {"anonymised": 0, "kept": 0}
