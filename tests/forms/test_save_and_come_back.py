"""Save and come back: anonymous through an e-mailed link and the code shown
when saving (both needed, the link spent once used, five wrong codes spend
it), signed in from any device; and what a page saved costs in DynamoDB."""
import re
from datetime import timedelta

from support.effects_support import dies_after_commit  # noqa: F401
from support.forms_support import CONTACT, Filler, charity_branch, fields, published, small_png, uploaded


def link_sent(to):
    from chalicelib.storage.outbox import OutboxModel
    rows = sorted(OutboxModel.recipient_index.query(to), key=lambda m: m.created_at)
    return [re.search(r"/forms/resume\?s=([\w-]+)&t=([\w.-]+)", m.body).groups() for m in rows]


def test_an_anonymous_resident_comes_back_on_another_browser_through_the_link_and_code(client, deps):
    published(deps, "grant-enquiry")
    filler = Filler(client, "grant-enquiry")
    filler.answer("applicant-type", applicant_type="charity")
    filler.answer("charity", charity_name="York Food Bank", charity_number="1123456")
    saved = client.post(f"/v1/form-submissions/{filler.id}/save", {"email": "ada@example.org"}, filler.auth)
    assert saved.status_code == 200 and re.fullmatch(r"\d{6}", saved.json_body["code"])
    [(submission_id, token)] = link_sent("ada@example.org")
    assert submission_id == filler.id
    stored = deps.form_submissions.get(filler.id)
    assert token not in str(vars(stored)) and saved.json_body["code"] not in str(vars(stored))  # digests only
    wrong = client.post("/v1/form-submissions/resume", {"submission_id": filler.id, "token": token, "code": "000000"
                                                        if saved.json_body["code"] != "000000" else "111111"})
    assert wrong.status_code == 400 and fields(wrong) == {"code": "Enter the code you were shown when you saved "
                                                                  "your form"}
    back = client.post("/v1/form-submissions/resume",
                       {"submission_id": filler.id, "token": token, "code": saved.json_body["code"]})
    assert back.status_code == 200 and back.json_body["next"] == "accounts"
    assert back.json_body["taken"] == ["applicant-type", "charity"]
    other_browser = {"Form-Token": back.json_body["token"]}
    assert client.get(f"/v1/form-submissions/{filler.id}/pages/charity", other_browser).json_body["answers"][
        "charity_name"] == "York Food Bank"
    assert filler.read().status_code == 404  # the first browser's token is no longer good
    again = client.post("/v1/form-submissions/resume",
                        {"submission_id": filler.id, "token": token, "code": saved.json_body["code"]})
    assert again.status_code == 404 and again.json_body["error"]["code"] == "resume_link_not_found"


def test_five_wrong_codes_spend_the_link_and_an_old_link_expires(client, deps):
    import dataclasses
    from chalicelib.handlers.forms.resuming import resume, save
    published(deps, "general-enquiry")
    filler = Filler(client, "general-enquiry")

    def saved_link(form_token, clock=deps):
        """(link token, code) of a save now."""
        code = save(clock, filler.id, {"email": "bo@example.org"}, form_token)["code"]
        return link_sent("bo@example.org")[-1][1], code

    def tries(token, code, times):
        wrong = "1" * 6 if code != "1" * 6 else "2" * 6
        for _ in range(times):
            answer = client.post("/v1/form-submissions/resume", {"submission_id": filler.id, "token": token,
                                                                 "code": wrong})
            assert answer.status_code == 400 and fields(answer) == {"code": "Enter the code you were shown when "
                                                                             "you saved your form"}
        return client.post("/v1/form-submissions/resume", {"submission_id": filler.id, "token": token, "code": code})

    # Before: four wrong codes leave the link good, and the right code then opens the form.
    first = client.post(f"/v1/form-submissions/{filler.id}/save", {"email": "bo@example.org"}, filler.auth)
    assert first.status_code == 200
    [(_, token)] = link_sent("bo@example.org")
    opened = tries(token, first.json_body["code"], 4)
    assert opened.status_code == 200, opened.json_body
    # After: the fifth wrong code spends it; the right code afterwards finds nothing.
    spent = tries(*saved_link(opened.json_body["token"]), 5)
    assert spent.status_code == 404 and spent.json_body["error"]["code"] == "resume_link_not_found"
    # A link is good for 7 days to the second: at its last second it opens the form, a second later nothing.
    now = deps.clock()
    at = lambda moment: dataclasses.replace(deps, clock=lambda: moment)  # noqa: E731
    token, code = saved_link(opened.json_body["token"], at(now))
    last = resume(at(now + timedelta(days=7) - timedelta(seconds=1)), {"submission_id": filler.id, "token": token,
                                                                       "code": code})
    token, code = saved_link(last["token"], at(now))
    import pytest
    from chalicelib.errors import NotFound
    with pytest.raises(NotFound):
        resume(at(now + timedelta(days=7)), {"submission_id": filler.id, "token": token, "code": code})


def test_blank_or_over_long_codes_spend_none_of_the_tries(client, deps):
    """Neither is a code anyone was shown: five of them leave the link good for the right code."""
    published(deps, "general-enquiry")
    filler = Filler(client, "general-enquiry")
    saved = client.post(f"/v1/form-submissions/{filler.id}/save", {"email": "cy@example.org"}, filler.auth)
    [(_, token)] = link_sent("cy@example.org")
    for code in (" ", "\t", "\ufeff", "1" * 21, " " * 21):
        answer = client.post("/v1/form-submissions/resume", {"submission_id": filler.id, "token": token, "code": code})
        assert answer.status_code == 400 and list(fields(answer)) == ["code"], answer.json_body
    opened = client.post("/v1/form-submissions/resume",
                         {"submission_id": filler.id, "token": token, "code": saved.json_body["code"]})
    assert opened.status_code == 200, opened.json_body


def test_a_signed_in_resident_carries_on_from_another_device(client, deps, people):
    from chalicelib.handlers.accounts import auth
    published(deps, "grant-enquiry")
    owner = people()
    phone = Filler(client, "grant-enquiry", auth=owner.auth)
    phone.answer("applicant-type", applicant_type="individual")
    assert client.post(f"/v1/form-submissions/{phone.id}/save", {}, owner.auth).json_body == {
        "saved": True, "signed_in": True}
    laptop = {"Authorization": "Bearer " + auth.start_session(deps, owner.user, deps.clock())["access_token"]}
    mine = client.get("/v1/me/form-submissions", laptop).json_body["submissions"]
    assert [(s["id"], s["next"]) for s in mine] == [(phone.id, "individual")]
    assert client.get(f"/v1/form-submissions/{phone.id}/pages/individual", laptop).status_code == 200
    prefill = client.get(f"/v1/form-submissions/{phone.id}/pages/contact", laptop)
    assert prefill.status_code == 409  # not reached yet
    assert client.get("/v1/me/form-submissions", people().auth).json_body["submissions"] == []


def test_a_page_saved_costs_one_read_and_one_write_and_a_submission_one_read_and_one_transaction(
        client, deps, dies_after_commit):
    from chalicelib.handlers.forms import completing, sending
    from chalicelib.handlers.shared import effects
    from chalicelib.storage.metering import metered
    from support.effects_support import events_of_kind
    published(deps, "grant-enquiry")
    filler = Filler(client, "grant-enquiry")
    charity_branch(filler, [uploaded(client, deps, small_png(), "image/png", filler.auth)])
    token = filler.auth["Form-Token"]
    completing.page(deps, filler.id, "contact", token)  # this process has the version's definition now
    with metered() as page_saved:
        completing.answer(deps, filler.id, "contact", {"answers": CONTACT}, token)
    kept = filler.page("accounts").json_body["answers"]["accounts"][0]["upload_id"]
    another = uploaded(client, deps, small_png(), "image/png", filler.auth)
    with metered() as files_saved:
        completing.answer(deps, filler.id, "accounts", {"answers": {"accounts": [kept, another]}}, token)
    with metered() as files_saved_again:
        completing.answer(deps, filler.id, "accounts", {"answers": {"accounts": [kept, another]}}, token)
    dies_after_commit()  # the submission's own cost first, then its effects' (the same request tries them next)
    with metered() as sent:
        sending.submit(deps, filler.id, {"declaration": True}, token)
    [event] = events_of_kind("form_submitted")
    with metered() as followed:
        assert effects.carry_out(deps, effects_event(event)) == {"forms.case": "done", "forms.copy": "done",
                                                                 "forms.hand_on": "done", "forms.files": "done"}
    assert page_saved.operations == ["GetItem", "PutItem"]
    # A new file's upload record is read once; a file kept on an earlier save is the submission's own already.
    assert files_saved.operations == ["GetItem", "GetItem", "PutItem"]
    assert files_saved_again.operations == ["GetItem", "PutItem"]
    assert sent.operations == ["GetItem", "TransactWriteItems"]
    # Each effect its claim and its settle (UpdateItem each). The case: the submission, the case's key, one
    # transaction (report, timeline, event, key). The copy: the submission, the form counted for the
    # council's figures (one transaction: its count and its mark), its outbox row, then its lease and its
    # sent mark.
    # The files: the submission read (then one S3 list, and a delete per file its answers do not name).
    # The hand-on of a form with none (the event says so): its claim and settle, no read.
    assert followed.operations == ["UpdateItem", "GetItem", "GetItem", "TransactWriteItems", "UpdateItem",
                                   "UpdateItem", "GetItem", "TransactWriteItems", "PutItem", "UpdateItem",
                                   "UpdateItem", "UpdateItem",
                                   "UpdateItem", "GetItem", "UpdateItem", "UpdateItem", "UpdateItem"]
    print(f"\nforms cost: page saved {page_saved.calls} calls {page_saved.items} items, "
          f"one file {files_saved.calls}, submission {sent.calls}, its case and copy {followed.calls} "
          f"({followed.operations})")


def effects_event(model):
    from chalicelib.storage.alerts.alerts import event_from_image
    return event_from_image(model.serialize())


def test_the_saved_form_mail_gives_its_last_day_as_the_screen_does_without_a_leading_zero(client, deps):
    import dataclasses
    from datetime import datetime, timezone

    from chalicelib.handlers.forms.resuming import save
    from chalicelib.storage.outbox import OutboxModel
    published(deps, "general-enquiry")
    filler = Filler(client, "general-enquiry")
    tuesday_evening = dataclasses.replace(deps, clock=lambda: datetime(2026, 11, 24, 21, 30, tzinfo=timezone.utc))
    save(tuesday_evening, filler.id, {"email": "cy@example.org"}, filler.auth["Form-Token"])
    [mail] = OutboxModel.recipient_index.query("cy@example.org")
    assert "until 1 December 2026." in mail.body
