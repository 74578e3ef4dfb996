"""Written questions to a member on an item: by the committee's deadline
(noon three working days before, as Guildford's) and within its word limit
(100, as Mid Sussex's); published with their answers after the meeting, the
asker's name only by consent."""
from datetime import datetime, timedelta

from support.participation_support import APPLICATION, LONDON, PLANNING_MEETING

ASK = f"/v1/meetings/{PLANNING_MEETING}/items/{APPLICATION}/questions"
STAFF = f"/v1/staff/meetings/{PLANNING_MEETING}/questions"
CLOSES = datetime(2026, 12, 2, 12, 0, tzinfo=LONDON)  # noon, three working days before Monday 7th


def question(**extra):
    return {"name": "Ada Lovelace", "member": "Cllr Jane Smith",
            "question": "How many of the 40 homes will be affordable?", **extra}


def answered(client, officer, made, words="Twelve, as the report's paragraph 6.2 says."):
    return client.post(f"{STAFF}/{made['id']}/answer", {"answer": words}, {**officer.auth, "If-Match": '"1"'})


def test_a_question_over_the_word_limit_is_refused_with_the_count(client, council, people):
    long = client.post(ASK, question(question=" ".join(["word"] * 101)), people().auth)
    assert long.status_code == 422 and long.json_body["error"]["code"] == "too_many_words"
    assert long.json_body["error"]["message"] == "Your question has 101 words: this committee takes at most 100."
    assert client.post(ASK, question(question=" ".join(["word"] * 100)), people().auth).status_code == 201


def test_a_question_a_minute_after_noon_three_working_days_before_is_refused(client, council, people):
    council.move_to(CLOSES - timedelta(minutes=1))
    told = client.get(f"/v1/meetings/{PLANNING_MEETING}/speaking").json_body["questions"]
    assert told == {"closes_at": "2026-12-02T12:00:00Z", "closes": "noon on Wednesday 2 December 2026",
                    "words": 100, "open": True}  # said before a resident starts to write
    assert client.post(ASK, question(), people().auth).status_code == 201
    council.move_to(CLOSES + timedelta(minutes=1))
    late = client.post(ASK, question(), people().auth)
    assert late.status_code == 422 and late.json_body["error"]["message"] == (
        "Questions closed at noon on Wednesday 2 December 2026.")
    assert client.get(f"/v1/meetings/{PLANNING_MEETING}/speaking").json_body["questions"]["open"] is False


def test_answers_are_published_after_the_meeting_with_the_name_only_by_consent(client, council, people):
    officer = people("staff")
    shy = client.post(ASK, question(), people().auth).json_body
    open_ = client.post(ASK, question(name="Bo Open", name_public=True), people().auth).json_body
    assert answered(client, officer, shy).status_code == 200 and answered(client, officer, open_).status_code == 200
    before = client.get(f"/v1/meetings/{PLANNING_MEETING}/questions").json_body
    assert before["questions"] == []
    council.move_to(datetime(2026, 12, 7, 21, 0, tzinfo=LONDON))
    after = client.get(f"/v1/meetings/{PLANNING_MEETING}/questions").json_body["questions"]
    assert sorted((q["asked_by"], q["answer"][:6]) for q in after) == [("A resident", "Twelve"), ("Bo Open", "Twelve")]
    assert "Ada" not in str(after) and "@example.org" not in str(after)


def test_an_answer_needs_the_version_it_was_read_at(client, council, people):
    officer = people("staff")
    made = client.post(ASK, question(), people().auth).json_body
    assert answered(client, officer, made).json_body["version"] == 2
    stale = answered(client, officer, made, "Another answer")
    assert stale.status_code == 409 and stale.json_body["error"]["code"] == "edit_conflict"


def test_bad_questions_get_a_clear_4xx(client, council, people):
    ada, officer = people(), people("staff")
    for body in (question(question=""), question(member=None), question(name_public="yes"), {**question(), "x": 1}):
        answer = client.post(ASK, {k: v for k, v in body.items() if v is not None}, ada.auth)
        assert answer.status_code == 400 and answer.json_body["error"]["code"] == "validation_failed"
    assert client.post(ASK.replace(APPLICATION, "99"), question(), ada.auth).status_code == 404
    assert client.post(f"{STAFF}/{'0' * 32}/answer", {"answer": "x"}, {**officer.auth, "If-Match": '"1"'}
                       ).status_code == 404
    assert client.post(f"{STAFF}/{'0' * 32}/answer", {}, {**officer.auth, "If-Match": '"1"'}).status_code == 400
    assert client.get(STAFF, ada.auth).status_code == 403
