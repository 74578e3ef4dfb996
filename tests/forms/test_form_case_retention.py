"""When a form's retention ends its case's answers go with the submission:
the case stays in the staff inbox as a tombstone (references, form, dates,
state) with nothing the resident told or was told; a case still open keeps
them until it has been closed two weeks; a sweep run again changes nothing."""
import dataclasses
from datetime import timedelta

from tests.forms.test_form_retention import SENT, at, grant_sent

THIRTY_DAYS = timedelta(days=30)


def case_closed(deps, reference, moment, words="Your grant is approved, Ada: £12,000 for the van."):
    from chalicelib.handlers.forms.cases import case_of
    from chalicelib.handlers.reports.transition import transition
    report = deps.reports.get(case_of(deps, reference))
    change = transition(at(deps, moment), report, moment, action="inspect", by=("s1", "grants@york.gov.uk"),
                        state="closed", text=words)
    deps.reports.apply([change])
    return report.id


def sent_with_case(client, deps):
    filler = grant_sent(client, deps, retention_days=30)
    from chalicelib.handlers.forms.cases import case_of
    case_id = case_of(deps, filler.id)
    assert case_id and "York Food Bank" in deps.reports.get(case_id).description
    return filler, case_id


def test_a_closed_cases_answers_contact_and_words_go_the_night_its_forms_retention_ends(client, deps, people):
    from chalicelib.handlers.forms.retention import sweep
    from chalicelib.storage.metering import metered
    filler, case_id = sent_with_case(client, deps)
    case_closed(deps, filler.id, SENT + timedelta(days=3))
    assert deps.alerts.rows(f"report#{case_id}")  # the anonymous resident follows it at the copy's address
    assert sweep(at(deps, SENT + THIRTY_DAYS - timedelta(minutes=1))) == {"deleted": 0, "redacted": 0, "kept": 0}
    assert deps.reports.get(case_id).contact["email"] == "ada@example.org"
    with metered() as swept:
        done = sweep(at(deps, SENT + THIRTY_DAYS + timedelta(minutes=1)))
    assert done == {"deleted": 1, "redacted": 1, "kept": 0}
    case = deps.reports.get(case_id)
    assert (case.state, case.private, case.contact, case.user_id, case.reporter_email_hash) == (
        "closed", True, {}, None, None)
    assert case.fields == {"form": "grant-enquiry", "form_reference": filler.id,
                           "redacted_at": (SENT + THIRTY_DAYS + timedelta(minutes=1)).isoformat()}
    assert "York Food Bank" not in case.description and filler.id in case.description
    assert case.created_at == SENT and case.summary.endswith(filler.id)
    assert [u.text for u in deps.reports.updates(case_id)] == [None, None]  # states and times kept
    assert deps.alerts.rows(f"report#{case_id}") == []
    officer = people("staff", categories=["grant_enquiry"])
    listed = client.get("/v1/staff/reports?service_code=grant_enquiry&status=closed", officer.auth).json_body
    assert [r["id"] for r in listed["reports"]] == [case_id]  # still counted where staff count
    found = client.get("/v1/staff/reports?q=food", officer.auth).json_body
    assert found["reports"] == []  # its answers' words no longer find it
    audit = client.get(f"/v1/staff/reports/{case_id}/audit", officer.auth).json_body
    assert "retention_redacted" in str(audit) and "York Food Bank" not in str(audit)
    assert set(swept.operations) <= {"Query", "GetItem", "BatchGetItem", "UpdateItem", "TransactWriteItems",
                                     "TransactWriteItem", "DeleteItem"}
    print(f"\nsweep, one redacted case: {swept.calls} calls {sorted(swept.operations)}")
    assert swept.calls <= 16, swept.operations
    assert sweep(at(deps, SENT + THIRTY_DAYS + timedelta(days=1))) == {"deleted": 0, "redacted": 0, "kept": 0}


def test_a_case_still_open_keeps_its_answers_until_closed_two_weeks(client, deps):
    from chalicelib.handlers.forms.retention import sweep
    filler, case_id = sent_with_case(client, deps)
    past = SENT + THIRTY_DAYS + timedelta(minutes=1)
    assert sweep(at(deps, past)) == {"deleted": 0, "redacted": 0, "kept": 1}
    assert deps.form_submissions.get(filler.id).delete_at == past + timedelta(days=7)  # looked at weekly
    assert "York Food Bank" in deps.reports.get(case_id).description
    closed = SENT + timedelta(days=33)
    case_closed(deps, filler.id, closed)
    assert sweep(at(deps, past + timedelta(days=7))) == {"deleted": 0, "redacted": 0, "kept": 1}
    assert deps.form_submissions.get(filler.id).delete_at == closed + timedelta(days=14)
    assert sweep(at(deps, closed + timedelta(days=14) - timedelta(minutes=1))) == {
        "deleted": 0, "redacted": 0, "kept": 0}
    assert sweep(at(deps, closed + timedelta(days=14, minutes=1))) == {"deleted": 1, "redacted": 1, "kept": 0}
    assert "York Food Bank" not in deps.reports.get(case_id).description


def test_a_sweep_that_died_after_redacting_deletes_the_submission_next_night_and_redacts_nothing_again(
        client, deps):
    from chalicelib.handlers.forms.case_retention import close_out
    from chalicelib.handlers.forms.retention import sweep
    filler, case_id = sent_with_case(client, deps)
    case_closed(deps, filler.id, SENT + timedelta(days=1))
    past = SENT + THIRTY_DAYS + timedelta(minutes=1)
    assert close_out(at(deps, past), deps.form_submissions.get(filler.id), past) == "redacted"
    version = deps.reports.get(case_id).version
    assert sweep(at(deps, past + timedelta(days=1))) == {"deleted": 1, "redacted": 0, "kept": 0}
    assert deps.reports.get(case_id).version == version


def test_a_case_staff_change_as_it_is_redacted_is_left_for_the_next_night(client, deps):
    from chalicelib.handlers.forms import case_retention
    from chalicelib.handlers.forms.retention import sweep
    filler, case_id = sent_with_case(client, deps)
    case_closed(deps, filler.id, SENT + timedelta(days=1))
    stale = deps.reports.get(case_id)
    case_closed(deps, filler.id, SENT + timedelta(days=2), words="Closed again after a call.")
    past = SENT + THIRTY_DAYS + timedelta(minutes=1)
    real_get = deps.reports.get
    racing = dataclasses.replace(deps, clock=lambda: past)
    racing.reports.get = lambda rid: stale if rid == case_id else real_get(rid)  # read before staff's change
    try:
        assert sweep(racing) == {"deleted": 0, "redacted": 0, "kept": 1}
    finally:
        del racing.reports.get
    assert "York Food Bank" in deps.reports.get(case_id).description
    assert case_retention.close_out(at(deps, past), deps.form_submissions.get(filler.id), past) == "redacted"


def test_a_forms_files_are_gone_with_a_redacted_case(client, deps):
    from chalicelib.handlers.forms.retention import sweep
    from tests.forms.test_form_retention import kept_file
    filler, case_id = sent_with_case(client, deps)
    _, exists = kept_file(deps, filler.id)
    case_closed(deps, filler.id, SENT + timedelta(days=1))
    assert sweep(at(deps, SENT + THIRTY_DAYS + timedelta(minutes=1)))["redacted"] == 1
    assert not exists() and "a file" not in deps.reports.get(case_id).description
