"""Questions residents send while a meeting is webcast, about the item now
being discussed: moderated by democratic services, the approved ones shown to
the chair and everyone watching, a first name and ward only by consent, and
chat's refusals (blocked, rate, length) with the committee's word limit."""
from datetime import datetime, timedelta

import pytest

from support.participation_support import APPLICATION, LONDON, PLANNING_MEETING, REPORT_ONLY

SEND = f"/v1/meetings/{PLANNING_MEETING}/live-questions"
DESK = f"/v1/staff/meetings/{PLANNING_MEETING}/live-questions"
SIX_PM = datetime(2026, 12, 7, 18, 0, tzinfo=LONDON)


@pytest.fixture
def live(client, council, people):
    """The Planning Committee at 6pm, an officer marking it live on the application."""
    council.move_to(SIX_PM)
    officer = people("staff")  # a session of its time
    assert client.post(f"/v1/staff/meetings/{PLANNING_MEETING}/webcast/now", {"item_id": APPLICATION},
                       officer.auth).status_code == 200
    council.move_to(SIX_PM + timedelta(minutes=5))
    return officer


@pytest.fixture
def wards(deps):
    from support.wards_support import ward
    deps.wards.put_many([ward("w-micklegate", -1.095, 53.950, name="Micklegate")])


def ask(client, person, words="Will the 40 homes have parking?", key=None, **extra):
    headers = {**person.auth, **({"Idempotency-Key": key} if key else {})}
    return client.post(SEND, {"question": words, **extra}, headers)


def decide(client, officer, question, decision, version=None):
    return client.post(f"{DESK}/{question['id']}/decision", {"decision": decision},
                       {**officer.auth, "If-Match": f'"{version or question["version"]}"'})


def shown(client):
    return client.get(SEND).json_body


def test_a_question_is_refused_until_the_meeting_is_live_and_then_is_on_the_item_now_on(client, council, people):
    council.move_to(SIX_PM - timedelta(minutes=10))
    ada, officer = people(), people("staff")
    early = ask(client, ada)
    assert early.status_code == 409 and early.json_body["error"]["code"] == "not_live"
    council.move_to(SIX_PM)
    assert client.post(f"/v1/staff/meetings/{PLANNING_MEETING}/webcast/now", {"item_id": APPLICATION},
                       officer.auth).status_code == 200
    made = ask(client, ada)
    assert made.status_code == 201
    assert (made.json_body["item_id"], made.json_body["status"]) == (APPLICATION, "waiting")
    council.move_to(datetime(2026, 12, 8, 0, 0, tzinfo=LONDON))  # the meeting's day is over
    assert ask(client, people()).json_body["error"]["code"] == "not_live"


def test_a_question_typed_while_the_chair_moved_on_is_refused_naming_the_item_now_on(client, live, people):
    ada = people()
    assert ask(client, ada, item_id=APPLICATION).status_code == 201
    assert client.post(f"/v1/staff/meetings/{PLANNING_MEETING}/webcast/now", {"item_id": REPORT_ONLY},
                       live.auth).status_code == 200
    late = ask(client, ada, item_id=APPLICATION)
    assert late.status_code == 409 and late.json_body["error"]["code"] == "item_moved_on"
    assert late.json_body["error"]["message"].startswith("The meeting has moved on to item 5: Appeals performance.")


def test_a_question_sent_twice_on_a_bad_signal_is_stored_once(client, live, people):
    ada = people()
    first = ask(client, ada, key="live-0001")
    again = ask(client, ada, key="live-0001")
    assert (first.status_code, again.status_code) == (201, 201) and again.json_body["id"] == first.json_body["id"]
    assert again.headers.get("Idempotent-Replayed") == "true"
    assert len(client.get(DESK, live.auth).json_body["questions"]) == 1
    other = ask(client, ada, words="Another question entirely", key="live-0001")
    assert other.status_code == 422 and other.json_body["error"]["code"] == "idempotency_key_reused"


def test_chats_refusals_too_long_too_many_words_too_many_and_blocked(client, live, people, deps):
    ada = people()
    too_long = ask(client, ada, "x" * 501)
    assert too_long.status_code == 400 and too_long.json_body["error"]["code"] == "validation_failed"
    wordy = ask(client, ada, " ".join(["word"] * 61))
    assert wordy.status_code == 422 and wordy.json_body["error"]["code"] == "too_many_words"
    assert wordy.json_body["error"]["message"] == (
        "Your question has 61 words: questions during the meeting take at most 60.")
    empty = ask(client, ada, "  ")
    assert empty.status_code == 400 and "Enter your question" in str(empty.json_body)
    codes = [ask(client, ada, f"Question {n}?").status_code for n in range(4)]
    assert codes == [201, 201, 201, 429]  # three a minute, as a client
    bo = people()
    deps.conversations.block(f"user:{bo.user.id}", "Abusive messages", live.user.id, live.user.email,
                             "CV-0000000000000001", deps.clock())
    blocked = ask(client, bo)
    assert blocked.status_code == 403 and blocked.json_body["error"]["code"] == "blocked"


def test_an_approved_question_shows_to_everyone_and_a_rejected_one_never(client, live, people):
    kept = ask(client, people(), "Will the 40 homes have parking?").json_body
    dropped = ask(client, people(), "Why is the chair so useless?").json_body
    assert shown(client)["questions"] == [] and shown(client)["now_on"] == APPLICATION
    approved = decide(client, live, kept, "approve")
    assert approved.status_code == 200 and approved.json_body["status"] == "approved"
    assert decide(client, live, dropped, "reject").status_code == 200
    assert [(q["question"], q["status"]) for q in shown(client)["questions"]] == [
        ("Will the 40 homes have parking?", "approved")]
    answered = decide(client, live, approved.json_body, "answered")
    assert answered.status_code == 200 and answered.headers["ETag"] == '"3"'
    assert [q["status"] for q in shown(client)["questions"]] == ["answered"]
    assert "useless" not in str(shown(client))


def test_a_decision_needs_the_version_read_and_a_state_it_may_follow(client, live, people):
    made = ask(client, people()).json_body
    assert decide(client, live, made, "answered").status_code == 409  # not approved yet
    assert decide(client, live, made, "approve").status_code == 200
    stale = decide(client, live, made, "reject")  # a second officer, from the list as it was
    assert stale.status_code == 409 and stale.json_body["error"]["code"] == "edit_conflict"
    assert client.post(f"{DESK}/{made['id']}/decision", {"decision": "approve"}, live.auth).status_code == 428
    off = decide(client, live, made, "reject", version=2)  # an approved one taken off the screens
    assert off.status_code == 200 and shown(client)["questions"] == []


def test_only_a_first_name_and_ward_are_shown_and_only_by_consent(client, live, people, wards):
    shy = ask(client, people(), "Where will the buses stop?").json_body
    open_ = ask(client, people(), "How many trees are kept?", name_public=True, first_name="Ada Lovelace",
                ward_id="w-micklegate").json_body
    for made in (shy, open_):
        assert decide(client, live, made, "approve").status_code == 200
    asked = {q["question"]: q["asked_by"] for q in shown(client)["questions"]}
    assert asked == {"Where will the buses stop?": "A resident", "How many trees are kept?": "Ada, Micklegate"}
    assert "Lovelace" not in str(shown(client)) and "@example.org" not in str(shown(client))
    unnamed = ask(client, people(), name_public=True)
    assert unnamed.status_code == 400 and {p["field"] for p in unnamed.json_body["error"]["fields"]} == {
        "first_name", "ward_id"}
    nowhere = ask(client, people(), name_public=True, first_name="Bo", ward_id="w-atlantis")
    assert nowhere.status_code == 422 and nowhere.json_body["error"]["fields"][0]["field"] == "ward_id"


def test_bad_live_questions_and_decisions_get_a_clear_4xx(client, live, people):
    ada = people()
    for body in ({"question": "Fine?", "x": 1}, {"question": "Fine?", "name_public": "yes"},
                 {"question": "Fine?", "item_id": "heading"}, {"question": 5}, {}):
        answer = client.post(SEND, body, ada.auth)
        assert answer.status_code == 400 and answer.json_body["error"]["code"] == "validation_failed"
    assert client.post(SEND.replace(PLANNING_MEETING, "9999"), {"question": "Fine?"}, ada.auth).status_code == 404
    assert client.post(SEND, {"question": "Fine?"}).status_code == 401
    made = ask(client, ada).json_body
    assert client.get(DESK, ada.auth).status_code == 403
    assert decide(client, ada, made, "approve").status_code == 403
    assert client.post(f"{DESK}/{made['id']}/decision", {"decision": "publish"},
                       {**live.auth, "If-Match": '"1"'}).status_code == 400
    assert client.post(f"{DESK}/{'0' * 32}/decision", {"decision": "approve"},
                       {**live.auth, "If-Match": '"1"'}).status_code == 404


def test_my_live_questions_are_in_my_account_and_go_at_erasure(client, live, people, deps):
    ada = people()
    made = ask(client, ada).json_body
    mine = client.get("/v1/me/taking-part", ada.auth).json_body["live_questions"]
    assert [(q["id"], q["status"]) for q in mine] == [(made["id"], "waiting")]
    from chalicelib.handlers.participation.mine import erase
    assert erase(deps, ada.user.id)["live_questions"] == 1
    assert client.get(DESK, live.auth).json_body["questions"] == []


def test_a_retry_of_a_stored_question_is_answered_even_when_the_minute_is_spent(client, live, people):
    ada = people()
    sent = [ask(client, ada, f"Question {n}?", key=f"live-000{n}") for n in range(3)]
    assert [s.status_code for s in sent] == [201, 201, 201]
    again = ask(client, ada, "Question 0?", key="live-0000")  # its answer was lost: the phone sends it again
    assert again.status_code == 201 and again.json_body["id"] == sent[0].json_body["id"]
    assert ask(client, ada, "Question 3?", key="live-0003").status_code == 429
