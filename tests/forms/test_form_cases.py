"""A form sent becomes a case in the existing staff inbox, from the
submission's own event: private, in the form's category, due by the form's
working-day target (counted past weekends and bank holidays), opened once
however often the event is delivered; and the copy of the answers is queued
once. The events are handed to forms' effects as the alert worker hands
them (shared/effects.py), without their claims: each effect is written to be
run again after a crash that left it done and not settled."""
import dataclasses
from datetime import datetime, timezone

from support.forms_support import published
from support.officers import all_roles

CHRISTMAS_EVE_EVE = datetime(2026, 12, 23, 16, 0, tzinfo=timezone.utc)  # a Wednesday before three bank holidays


def sent(deps, principal=None):
    """A general enquiry completed and sent at the pinned moment: its submission id."""
    from chalicelib.handlers.forms import completing, sending
    now = dataclasses.replace(deps, clock=lambda: CHRISTMAS_EVE_EVE, principal=principal)
    started, _ = completing.start(now, "general-enquiry", {}, None)
    token = started.get("token")
    completing.answer(now, started["id"], "question", {"answers": {
        "subject": "bins", "enquiry": "My green bin was not emptied on Monday."}}, token)
    completing.answer(now, started["id"], "property", {"answers": {}}, token)
    completing.answer(now, started["id"], "contact", {"answers": {
        "name": "Ada Lovelace", "email": principal.email if principal else "ada@example.org"}}, token)
    return sending.submit(now, started["id"], {}, token)["reference"]


def inserted():
    """The events table's rows, as the stream carries them."""
    from chalicelib.storage.reports.reports import EventModel
    return [e.serialize() for e in EventModel.scan()]


def deliver(deps, images=None):
    """Each form_submitted event's effects run (their claims passed by): its case opened and its copy queued."""
    from chalicelib.handlers.forms import cases, copies
    from chalicelib.storage.alerts.alerts import event_from_image
    events = [event_from_image(i) for i in (inserted() if images is None else images)]
    for event in (e for e in events if e.kind == "form_submitted"):
        cases.on_submitted(deps, event, None)
        copies.on_submitted(deps, event, None)


def test_a_form_sent_is_a_private_case_in_the_staff_inbox_due_by_its_working_days(client, deps, people):
    from chalicelib.handlers.forms.cases import case_of
    published(deps, "general-enquiry")
    reference = sent(deps)
    deliver(deps)
    deliver(deps)  # the event carried out again: still one case
    case_id = case_of(deps, reference)
    officer = people("staff", categories=["general_enquiry"])
    inbox = client.get("/v1/staff/reports?service_code=general_enquiry", officer.auth).json_body
    rows = [r for r in inbox["reports"]]
    assert [(r["id"], r["due"], r["private"]) for r in rows] == [(case_id, "2027-01-04", True)]
    case = client.get(f"/v1/staff/reports/{case_id}", {**officer.auth, "Access-Reason": "Answering the enquiry"}
                      ).json_body
    assert reference in case["description"] and "Your question: My green bin was not emptied" in case["description"]
    assert case["contact"]["email"] == "ada@example.org"
    assert client.get(f"/v1/reports/{case_id}").status_code == 404  # not public at all, as a form sent is not
    assert client.get(f"/v1/reports/{case_id}/updates").status_code == 404
    other = client.get(f"/v1/staff/reports/{case_id}", people("staff", categories=["pothole"]).auth)
    assert other.status_code == 403  # outside that officer's categories


def test_the_copy_of_the_answers_is_queued_once_from_the_same_event(deps):
    from chalicelib.storage.outbox import OutboxModel
    published(deps, "general-enquiry")
    reference = sent(deps)
    records = inserted()
    deliver(deps, records)
    deliver(deps, records)  # delivered again
    copies = list(OutboxModel.recipient_index.query("ada@example.org"))
    assert [m.subject for m in copies] == [f"Ask the council a question: your answers (reference {reference})"]
    assert "Your question: My green bin was not emptied on Monday." in copies[0].body
    assert "We answer most questions within 5 working days." in copies[0].body


def test_a_signed_in_resident_follows_their_case_and_a_preview_opens_none(client, deps, people):
    from chalicelib.handlers.forms import completing
    from chalicelib.handlers.forms.cases import case_of, open_case
    published(deps, "general-enquiry")
    from chalicelib.auth.principal import Principal
    resident = people()
    principal = Principal(user_id=resident.user.id, role="resident", email=resident.user.email)
    reference = sent(deps, principal)
    deliver(deps)
    case_id = case_of(deps, reference)
    assert case_id and deps.reports.get(case_id).user_id == resident.user.id
    staff = dataclasses.replace(deps, principal=Principal(user_id="s1", role="staff", roles=all_roles()))
    preview, _ = completing.start(staff, "general-enquiry", {"preview": True}, None)
    assert open_case(deps, preview["id"]) is None and case_of(deps, preview["id"]) is None


def test_the_resident_hears_nothing_when_the_case_opens_and_each_change_names_their_form(deps):
    from types import SimpleNamespace
    from chalicelib.handlers.alerts.dispatch import build_message, matching_alerts
    from chalicelib.handlers.forms.cases import case_of
    from chalicelib.notify.templates import alert_email
    published(deps, "general-enquiry")
    reference = sent(deps)  # anonymous: followed at the address the copy went to
    deliver(deps)
    case = deps.reports.get(case_of(deps, reference))
    assert matching_alerts(deps, "report_created", case) == []  # the copy of the answers is the one e-mail
    [alert] = matching_alerts(deps, "report_state_changed", case)
    event = SimpleNamespace(id="e1", kind="report_state_changed", payload={"state": "investigating"})
    subject, text, _ = alert_email(build_message(deps, event, case, {}, alert))
    assert subject == f"Ask the council a question {reference}: Investigating"
    assert f'Your form "Ask the council a question" (reference {reference}) is now Investigating.' in text
    assert case.id not in subject and "You asked Doorstep to send you these alerts" not in text
    assert f"Form {reference}" in text


def test_staff_download_a_forms_submissions_as_csv_only_within_their_scope(client, deps, people):
    import csv
    import io
    published(deps, "general-enquiry")
    first, second = sent(deps), sent(deps)
    from chalicelib.handlers.forms import completing
    completing.start(dataclasses.replace(deps, clock=lambda: CHRISTMAS_EVE_EVE), "general-enquiry", {}, None)
    url = "/v1/staff/forms/general-enquiry/submissions.csv"
    answer = client.get(url, people("staff", categories=["general_enquiry"]).auth)
    assert answer.status_code == 200 and answer.headers["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(answer.body.decode() if isinstance(answer.body, bytes) else answer.body)))
    assert rows[0] == ["reference", "submitted_at", "version", "paid", "payment_id", "What is your question about?",
                       "Your question", "The address it is about", "Your name", "Your email address"]
    assert sorted(r[0] for r in rows[1:]) == sorted([first, second])  # not the one still in progress
    assert rows[1][3:] == ["", "", "bins", "My green bin was not emptied on Monday.", "(not answered)", "Ada Lovelace",
                           "ada@example.org"]
    assert client.get(url, people("staff", categories=["pothole"]).auth).status_code == 403


def test_the_answers_in_words_give_a_choice_as_the_resident_read_it():
    import json
    from pathlib import Path
    from types import SimpleNamespace

    from chalicelib.handlers.forms.cases import answers_in_words
    definition = json.loads((Path(__file__).resolve().parents[2] / "doorstep_cli/demo/forms/grant-enquiry.json").read_text())
    sent = SimpleNamespace(form_id="grant-enquiry", form_version=1, id="FM-2B4C6D8F", taken=["applicant-type"],
                           answers={"applicant_type": "charity"}, paid=None)
    assert "Who is asking for the grant?: A registered charity" in answers_in_words(definition, sent).splitlines()
