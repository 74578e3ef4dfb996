"""A form sent is written with its `form_submitted` event; its case and its
copy of the answers are the event's effects (shared/effects.py). If the
process dies after the submission is stored and before either is carried
out, the stream and the alert worker carry them out, once however often
they run: one case in the inbox, one copy with one Message-ID. And the
resident is told of each change to their case, signed in or not."""
from support.effects_support import dies_after_commit, events_of_kind, run_stream  # noqa: F401
from support.forms_support import Filler, charity_branch, published, small_png, uploaded
from support.kill_support import message_ids
from support.questionnaire_support import mails_to
from support.staff_support import Officer


def grant_enquiry_sent(client, deps, auth=None):
    """The grant enquiry completed as a charity with a file, and sent: its reference."""
    filler = Filler(client, "grant-enquiry", auth=auth)
    charity_branch(filler, [uploaded(client, deps, small_png(), "image/png", filler.auth)])
    sent = filler.submit(declaration=True)
    assert sent.status_code == 200, sent.json_body
    return sent.json_body["reference"]


def copies(reference):
    return [m for m in mails_to("ada@example.org") if reference in (m.subject or "")]


def test_a_form_sent_becomes_one_case_and_one_copy_when_the_process_dies_after_it_is_sent(
        client, deps, people, dies_after_commit):
    from chalicelib.handlers.forms.cases import case_of
    published(deps, "grant-enquiry")
    dies_after_commit()
    reference = grant_enquiry_sent(client, deps)
    assert case_of(deps, reference) is None and copies(reference) == []
    [event] = events_of_kind("form_submitted")
    assert event.payload["submission_id"] == reference
    assert run_stream(deps, "form_submitted") == [] and run_stream(deps, "form_submitted") == []
    officer = Officer(client, people("staff", categories=["grant_enquiry"]))
    inbox = officer.inbox(service_code="grant_enquiry").json_body["reports"]
    assert [(r["id"], r["private"]) for r in inbox] == [(case_of(deps, reference), True)]
    [copy] = copies(reference)
    assert len(set(message_ids([copy]))) == 1 and "York Food Bank" in copy.body
    assert deps.effects.status(event.id, "forms.case")[0] == deps.effects.status(event.id, "forms.copy")[0] == "done"


def test_the_request_that_sends_a_form_opens_its_case_and_queues_its_copy_itself(client, deps):
    from chalicelib.handlers.forms.cases import case_of
    published(deps, "grant-enquiry")
    reference = grant_enquiry_sent(client, deps)
    assert case_of(deps, reference) is not None and len(copies(reference)) == 1
    assert run_stream(deps, "form_submitted") == []  # the stream finds both claimed and done
    assert len(copies(reference)) == 1


def test_an_anonymous_resident_sends_a_grant_enquiry_and_is_told_by_e_mail_when_staff_answer_its_case(
        client, deps, people):
    from chalicelib import workdays
    from chalicelib.handlers.forms.cases import case_of
    from chalicelib.stamps import london_today
    published(deps, "grant-enquiry")
    reference = grant_enquiry_sent(client, deps)
    case_id = case_of(deps, reference)
    sent_at = deps.form_submissions.get(reference).submitted_at
    officer = Officer(client, people("staff", categories=["grant_enquiry"]))
    [row] = officer.inbox(service_code="grant_enquiry").json_body["reports"]
    assert (row["id"], row["due"]) == (case_id, workdays.add_working_days(london_today(sent_at), 10).isoformat())
    answered = officer.patch(case_id, {"status": "investigating",
                                       "public_update": "We have your accounts and will call you this week."})
    assert answered.status_code == 200, answered.body
    assert run_stream(deps, "report_state_changed") == []
    mails = mails_to("ada@example.org")
    assert not [m for m in mails if case_id in m.subject]  # no "DS-…: Open" alongside the copy
    [told] = [m for m in mails if m.subject.endswith(f"{reference}: Investigating")]
    assert "We have your accounts and will call you this week." in told.body
    assert told.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"  # theirs to stop
    assert "York Food Bank" not in told.body  # the answers are in the copy, not in every notice


def test_a_signed_in_resident_follows_their_case_only_at_their_verified_address(client, deps, people):
    from chalicelib.handlers.forms.cases import case_of
    published(deps, "grant-enquiry")
    resident = people(email="ada@example.org")
    case_id = case_of(deps, grant_enquiry_sent(client, deps, resident.auth))
    [follow] = deps.alerts.of_user(resident.user.id)
    assert follow.target == {"report_id": case_id} and follow.channels == {"email": "ada@example.org"}
