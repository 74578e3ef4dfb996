"""Assisted digital: staff take a report for a caller, who is sent the
reference and follows it like any reporter."""
from support.alert_support import events_of, outbox_to
from conftest import pothole
from support.staff_support import FOI, officer, staff_data  # noqa: F401  (fixtures)

CALLER = {"name": "Pat Caller", "email": "pat.caller@example.org", "phone": "07700 900777"}


def dispatch_created(deps, report_id):
    from chalicelib.handlers.alerts.worker import dispatch_event
    [event] = [e for e in events_of(report_id) if e.kind == "report_created"]
    return dispatch_event(deps, event, sleep=lambda s: None)


def test_a_phone_callers_report_emails_and_texts_them_the_reference(client, deps, officer):
    body = {**pothole(contact=None), "channel": "phone", "on_behalf_of": CALLER}
    made = officer.post("/v1/staff/reports", body, {"Idempotency-Key": "call-2026-0042"})
    assert made.status_code == 201, made.body
    view = made.json_body
    rid = view["id"]
    assert view["channel"] == "phone" and view["contact"] == CALLER and view["view"] == "staff"
    assert made.headers["ETag"] == '"1"' and view["tracking_token"]
    assert deps.reports.get(rid).user_id is None  # nobody's account: not the officer's
    assert dispatch_created(deps, rid) == {"sent": 2}
    [mail] = outbox_to("pat.caller@example.org")
    [text] = outbox_to("+447700900777")
    assert rid in mail.subject + mail.body and rid in text.body
    [entry] = officer.audit(rid)
    assert entry["action"] == "create_for_caller" and entry["changes"]["channel"]["after"] == "phone"
    assert entry["by"] == "olu.officer@council.example"

    again = officer.post("/v1/staff/reports", body, {"Idempotency-Key": "call-2026-0042"})
    assert again.status_code == 201 and again.json_body["id"] == rid
    assert again.headers["Idempotent-Replayed"] == "true"


def test_a_letter_asking_for_information_is_taken_with_the_same_checks(officer):
    made = officer.post("/v1/staff/reports", {**FOI, "channel": "letter", "on_behalf_of": {
        "name": "Lee Letter", "email": "lee@example.org"}})
    assert made.status_code == 201, made.body
    assert made.json_body["due"] and made.json_body["private_category"]
    bad = officer.post("/v1/staff/reports", {"service_code": "pothole", "channel": "pigeon",
                                             "on_behalf_of": {"name": "No Way To Reach"}})
    assert bad.status_code == 400 and bad.json_body["error"]["fields"][0]["field"] == "channel"
    unreachable = officer.post("/v1/staff/reports", {**FOI, "channel": "letter", "on_behalf_of": {"name": "Anon"}})
    assert unreachable.status_code == 422  # as its description allows: a rule said in words
    assert unreachable.json_body["error"]["fields"][0]["field"] == "on_behalf_of"
    invalid = officer.post("/v1/staff/reports", {**FOI, "description": "", "channel": "email",
                                                 "on_behalf_of": CALLER})
    assert invalid.status_code == 400 and invalid.json_body["error"]["fields"][0]["field"] == "description"


def test_a_resident_cannot_take_reports_for_others(client, people):
    resident = people("resident")
    refused = client.post("/v1/staff/reports", {**pothole(), "channel": "phone", "on_behalf_of": CALLER},
                          resident.auth)
    assert refused.status_code == 403
