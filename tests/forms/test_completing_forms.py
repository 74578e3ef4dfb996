"""A resident completes a form a page at a time: routes with several
branches, GOV.UK-style errors in the question's own words, back, check your
answers with only the pages taken, and a reference at once; someone part-way
keeps the version they started; a start is idempotent."""
import uuid

import pytest

from support.forms_support import CONTACT, Filler, charity_branch, demo, fields, published, put, uploaded
from chalicelib import tenancy


def uploads(client, deps, n, filler):
    from conftest import jpeg_with_gps
    return [uploaded(client, deps, jpeg_with_gps(), auth=filler.auth) for _ in range(n)]


def test_each_applicant_type_takes_its_own_branch(client, deps):
    published(deps, "grant-enquiry")
    charity, business, person = (Filler(client, "grant-enquiry") for _ in range(3))
    assert charity.answer("applicant-type", applicant_type="charity").json_body["next"] == "charity"
    assert business.answer("applicant-type", applicant_type="business").json_body["next"] == "business"
    assert person.answer("applicant-type", applicant_type="individual").json_body["next"] == "individual"
    done = charity_branch(charity, uploads(client, deps, 2, charity))
    assert done.json_body == {"next": "check", "taken": ["applicant-type", "charity", "accounts", "project",
                                                         "contact"]}
    saved = business.answer("business", business_name="Acme Bakery Ltd", employees="12")
    assert saved.json_body["next"] == "project"  # no accounts page for a business
    assert person.answer("individual", date_of_birth={"day": "9", "month": "12", "year": "1815"}).json_body[
        "next"] == "project"


def test_answers_are_refused_in_the_questions_own_words_with_each_field(client, deps):
    published(deps, "grant-enquiry")
    person = Filler(client, "grant-enquiry")
    person.answer("applicant-type", applicant_type="individual")
    blank = person.answer("individual", date_of_birth={"day": "", "month": "", "year": ""})
    assert blank.status_code == 400 and fields(blank) == {"date_of_birth": "Enter date of birth"}
    unreal = person.answer("individual", date_of_birth={"day": "30", "month": "2", "year": "1990"})
    assert fields(unreal) == {"date_of_birth": "Date of birth must be a real date"}
    part = person.answer("individual", date_of_birth={"day": "3", "month": "", "year": "1990"})
    assert fields(part) == {"date_of_birth.month": "Date of birth must include a month"}
    assert person.answer("individual", date_of_birth={"day": "1", "month": "1", "year": "1990"}).status_code == 200
    project = person.answer("project", project="x" * 2001, amount="lots")
    assert fields(project) == {"project": "The answer to \u201cWhat would the grant pay for?\u201d must be 2000 characters or fewer",
                               "amount": "Amount you would ask for, in pounds must be a number"}
    assert project.json_body["error"]["code"] == "validation_failed"
    person.answer("project", project="Bunting", amount="40")
    contact = person.answer("contact", name={"first": "Ada", "last": ""}, email="ada@", phone="12")
    assert fields(contact) == {
        "name.last": "Enter the last name",
        "email": "Enter your email address in the correct format, like name@example.com",
        "phone": "Enter your phone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192"}


def test_a_page_not_reached_cannot_be_answered_and_back_follows_the_path(client, deps):
    published(deps, "grant-enquiry")
    filler = Filler(client, "grant-enquiry")
    early = filler.answer("project", project="A van", amount="10")
    assert early.status_code == 409 and early.json_body["error"]["code"] == "page_not_reached"
    filler.answer("applicant-type", applicant_type="business")
    filler.answer("business", business_name="Acme", employees="3")
    page = filler.page("project").json_body
    assert page["back"] == "business" and page["page"]["questions"][0]["id"] == "project"
    assert filler.page("business").json_body["answers"] == {"business_name": "Acme", "employees": 3}
    assert filler.page("applicant-type").json_body["back"] is None


def test_a_page_not_reached_names_the_page_the_answers_lead_to(client, deps):
    published(deps, "grant-enquiry")
    filler = Filler(client, "grant-enquiry")
    first = filler.page("project")
    assert first.json_body["next"] == "applicant-type"
    assert "\u201cWho is asking for the grant?\u201d" in first.json_body["error"]["message"]
    filler.answer("applicant-type", applicant_type="business")
    off_branch = filler.answer("charity", charity_name="York Food Bank", charity_number="1123456")
    assert off_branch.status_code == 409 and off_branch.json_body["next"] == "business"
    assert "\u201cAbout the business\u201d" in off_branch.json_body["error"]["message"]
    assert "before this one" not in off_branch.json_body["error"]["message"]
    filler.answer("business", business_name="Acme", employees="3")
    filler.answer("project", project="A van", amount="10")
    filler.answer("contact", name={"first": "Ada", "last": "Lovelace"}, email="ada@example.org")
    done = filler.page("charity")
    assert done.json_body["next"] == "check" and "check your answers" in done.json_body["error"]["message"]


def test_check_your_answers_shows_and_sends_only_the_pages_taken(client, deps):
    published(deps, "grant-enquiry")
    filler = Filler(client, "grant-enquiry")
    charity_branch(filler, uploads(client, deps, 2, filler))
    # They go back and change their mind: a business after all.
    assert filler.answer("applicant-type", applicant_type="business").json_body["next"] == "business"
    assert filler.read().json_body["next"] == "business"
    filler.answer("business", business_name="Acme Bakery Ltd", employees="12")
    check = filler.check().json_body
    assert check["complete"] and [p["id"] for p in check["pages"]] == ["applicant-type", "business", "project",
                                                                       "contact"]
    assert "charity_name" not in str(check) and "accounts" not in [p["id"] for p in check["pages"]]
    refused = filler.submit()
    assert fields(refused) == {"declaration": "Confirm the declaration to send your form"}
    sent = filler.submit(declaration=True)
    assert sent.status_code == 200 and sent.json_body["reference"] == filler.id
    assert sent.json_body["state"] == "submitted" and sent.json_body["what_happens_next"].startswith("The community")
    stored = deps.form_submissions.get(filler.id)
    assert set(stored.answers) == {"applicant_type", "business_name", "employees", "project", "amount", "name",
                                   "email", "phone"}  # the charity's answers are not sent
    assert stored.taken == ["applicant-type", "business", "project", "contact"]
    assert filler.submit(declaration=True).json_body["reference"] == filler.id  # again: the same reference
    late = filler.answer("contact", **CONTACT)
    assert late.status_code == 409 and late.json_body["error"]["code"] == "submission_sent"


def test_a_submission_is_sent_with_its_event_in_one_transaction(client, deps):
    from chalicelib.storage.reports.reports import EventModel
    published(deps, "general-enquiry")
    filler = Filler(client, "general-enquiry")
    filler.answer("question", subject="bins", enquiry="When is my green bin emptied?")
    filler.answer("property", property=None)
    incomplete = filler.submit()
    assert incomplete.status_code == 409 and incomplete.json_body["error"]["code"] == "form_incomplete"
    filler.answer("contact", name="Ada Lovelace", email="ada@example.org")
    assert filler.submit().status_code == 200
    events = [e for e in EventModel.scan() if e.kind == "form_submitted"]
    assert [(e.payload["submission_id"], e.payload["team"], e.payload["working_days"]) for e in events] == [
        (filler.id, "customer-services", 5)]


def test_someone_part_way_keeps_the_version_they_started(client, deps, people):
    published(deps, "grant-enquiry")
    before = Filler(client, "grant-enquiry")
    before.answer("applicant-type", applicant_type="individual")
    changed = demo("grant-enquiry")
    changed["pages"][4]["questions"][0]["label"] = "Your date of birth"
    changed["pages"][5]["questions"][1]["max"] = 100  # a smaller grant from now on
    put(client, "/v1/staff/forms/grant-enquiry", changed, {**people("admin").auth, "If-Match": '"2"'})
    client.post("/v1/staff/forms/grant-enquiry/publish", {}, {**people("admin").auth, "If-Match": '"3"'})
    after = Filler(client, "grant-enquiry")
    assert (before.read().json_body["version"], after.started.json_body["version"]) == (1, 2)
    after.answer("applicant-type", applicant_type="individual")
    assert fields(after.answer("individual", date_of_birth={})) == {"date_of_birth": "Enter your date of birth"}
    assert fields(before.answer("individual", date_of_birth={})) == {"date_of_birth": "Enter date of birth"}
    before.answer("individual", date_of_birth={"day": "1", "month": "1", "year": "1990"})
    assert before.answer("project", project="A hall roof", amount="5000").status_code == 200  # v1's limit


def test_the_same_idempotency_key_starts_one_submission_and_gives_its_token_again(client, deps):
    published(deps, "general-enquiry")
    key = str(uuid.uuid4())
    first, again = Filler(client, "general-enquiry", key=key), Filler(client, "general-enquiry", key=key)
    assert first.id == again.id and again.started.headers["Idempotent-Replayed"] == "true"
    assert first.auth["Form-Token"] == again.auth["Form-Token"]
    assert Filler(client, "general-enquiry", key=str(uuid.uuid4())).id != first.id


def test_only_the_token_or_the_signed_in_owner_opens_a_submission(client, deps, people):
    published(deps, "general-enquiry")
    anonymous = Filler(client, "general-enquiry")
    owner = people()
    mine = Filler(client, "general-enquiry", auth=owner.auth)
    assert "token" not in mine.started.json_body
    assert client.get(f"/v1/form-submissions/{anonymous.id}").status_code == 404
    assert client.get(f"/v1/form-submissions/{anonymous.id}", {"Form-Token": "x" * 32}).status_code == 404
    assert client.get(f"/v1/form-submissions/{mine.id}", people().auth).status_code == 404
    assert mine.read().status_code == 200


def test_a_link_out_form_is_listed_with_its_words_and_cannot_be_started(client, deps):
    published(deps, "blue-badge")
    listed = client.get("/v1/forms").json_body["forms"]
    assert listed[0]["link_out"]["url"] == "https://www.gov.uk/apply-blue-badge"
    refused = client.post("/v1/forms/blue-badge/submissions", {})
    assert refused.status_code == 409 and refused.json_body["error"]["code"] == "form_links_out"


def test_three_sends_at_once_make_one_submission_event_and_all_get_the_same_reference(client, deps):
    import threading
    from chalicelib.handlers.forms.sending import submit
    from chalicelib.storage.reports.reports import EventModel
    published(deps, "general-enquiry")
    filler = Filler(client, "general-enquiry")
    filler.answer("question", subject="roads", enquiry="Who grits Bishopthorpe Road?")
    filler.answer("property", property=None)
    filler.answer("contact", name="Ada Lovelace", email="ada@example.org")
    barrier, answers = threading.Barrier(3), []

    def send():
        barrier.wait()
        answers.append(submit(deps, filler.id, {}, filler.auth["Form-Token"])["reference"])
    racers = [threading.Thread(target=tenancy.carried(send)) for _ in range(3)]
    for racer in racers:
        racer.start()
    for racer in racers:
        racer.join()
    assert answers == [filler.id] * 3
    assert len([e for e in EventModel.scan() if e.kind == "form_submitted"]) == 1


def test_a_client_starting_forms_in_a_loop_meets_the_minutes_limit(client, deps, monkeypatch):
    import itertools
    from datetime import datetime, timedelta, timezone
    from chalicelib import ids
    start, ticks = datetime.now(timezone.utc).replace(second=5, microsecond=0), itertools.count()

    class Stepped(datetime):  # 5 s into a minute, a millisecond a read: the burst never straddles two windows
        @classmethod
        def now(cls, tz=None):
            moment = start + timedelta(milliseconds=next(ticks))
            return moment.astimezone(tz) if tz else moment.replace(tzinfo=None)
    monkeypatch.setattr(ids, "datetime", Stepped)
    published(deps, "general-enquiry")
    answers = [client.post("/v1/forms/general-enquiry/submissions", {}).status_code for _ in range(11)]
    assert answers == [201] * 10 + [429]



def test_a_signed_in_residents_name_is_offered_and_check_your_answers_says_the_option_chosen(client, deps, people):
    short = demo("pest-control")
    short["pages"] = [short["pages"][0], short["pages"][2]]  # what needs treating, then who you are
    published(deps, "pest-control", short)
    ada = Filler(client, "pest-control", auth=people(name="Ada Lovelace").auth)
    assert ada.answer("pest", pest="wasps").status_code == 200
    assert ada.page("contact").json_body["prefill"]["name"] == {"full": "Ada Lovelace"}  # typed by nobody
    [pest] = [q for p in ada.check().json_body["pages"] for q in p["questions"] if q["id"] == "pest"]
    assert {o["value"]: o["label"] for o in pest["options"]}[pest["answer"]] == "A wasps' nest"  # not "wasps"


# Each demo question asked as people ask one, and what a resident is told when it is left empty. The engine's
# words used to put the question after "Select" or "Enter" ("Select what would you like to tell us").
LEFT_EMPTY = [
    ("complaints-comments-compliments", {}, "kind", {}, {"feedback_type": "Select what you would like to tell us"}),
    ("complaints-comments-compliments", {"kind": {"feedback_type": "complaint"}}, "complaint",
     {"what_happened": "A bin lorry blocked the road", "put_right": "Talk to the crew"},
     {"service": "Enter which service it is about", "when": "Enter when it happened"}),
    ("general-enquiry", {}, "question", {"enquiry": "When is my bin day?"},
     {"subject": "Select what your question is about"}),
    ("pest-control", {"pest": {"pest": "rats"}}, "where", {},
     {"property": "Select the address to treat", "seen": "Enter where you have seen them"}),
]


@pytest.mark.parametrize("form_id, before, page, given, said", LEFT_EMPTY,
                         ids=[f"{f}-{p}" for f, _, p, _, _ in LEFT_EMPTY])
def test_a_question_asked_as_people_ask_it_is_refused_in_its_own_words_when_left_empty(client, deps, form_id, before,
                                                                                      page, given, said):
    published(deps, form_id)
    filler = Filler(client, form_id)
    for earlier, answers in before.items():
        assert filler.answer(earlier, **answers).status_code == 200
    assert fields(filler.answer(page, **given)) == said


def test_a_question_asked_with_no_words_of_its_own_is_quoted_whole_never_put_after_select_or_enter():
    from chalicelib.handlers.forms.wording import required
    asked = {"id": "q", "label": "Do you support a residents' parking zone on Micklegate?"}
    assert required({**asked, "type": "selection"}) == \
        "Select an answer to \u201cDo you support a residents' parking zone on Micklegate?\u201d"
    assert required({**asked, "type": "text", "label": "Why do you not support it?"}) == \
        "Answer \u201cWhy do you not support it?\u201d"
    assert required({**asked, "type": "file", "label": "Have you a photo of it?"}) == \
        "Select a file for \u201cHave you a photo of it?\u201d"
    # A question whose words need no turning round keeps the short words, as does a label that asks nothing.
    assert required({"id": "q", "type": "selection", "label": "What needs treating?"}) == "Select what needs treating"
    assert required({"id": "q", "type": "selection", "label": "Who is asking for the grant?"}) == \
        "Select who is asking for the grant"
    assert required({"id": "q", "type": "text", "label": "NHS number"}) == "Enter NHS number"
    assert required({**asked, "type": "selection", "error_if_empty": "Select yes if you support it"}) == \
        "Select yes if you support it"
