"""A resident's registrations and questions: in My Account, in the export,
gone at erasure (their place freed for another); their contact details in no
public answer."""
import json

from support.participation_support import APPLICATION, PLANNING_MEETING, speak_path, speaker

ASK = f"/v1/meetings/{PLANNING_MEETING}/items/{APPLICATION}/questions"
QUESTION = {"name": "Ada Lovelace", "member": "Cllr Jane Smith", "question": "How many homes will be affordable?"}


def test_my_registrations_and_questions_show_in_my_account_and_the_export(client, council, people):
    ada = people(email="ada@example.org")
    made = client.post(speak_path(), speaker(), ada.auth).json_body
    client.post(ASK, QUESTION, ada.auth)
    mine = client.get("/v1/me/taking-part", ada.auth).json_body
    assert [r["id"] for r in mine["speaking"]] == [made["id"]]
    assert "/meetings/speaking/withdraw?token=" in mine["speaking"][0]["withdraw_url"]
    assert [q["question"] for q in mine["questions"]] == [QUESTION["question"]]
    exported = client.get("/v1/me/export", ada.auth).json_body["taking_part"]
    assert exported == mine
    assert client.get("/v1/me/taking-part", people().auth).json_body == {"speaking": [], "questions": [], "live_questions": []}


def test_erasure_takes_my_registrations_and_questions_and_frees_my_place(client, council, people):
    ada = people(email="ada@example.org")
    for side in ("for", "against"):
        client.post(speak_path(), speaker(side=side), people().auth)
    client.post(speak_path(), speaker(), ada.auth)
    client.post(ASK, QUESTION, ada.auth)
    officer = people("staff")
    assert client.raw.http.request("DELETE", "/v1/me", headers=ada.auth).status_code == 204
    listed = client.get(f"/v1/staff/meetings/{PLANNING_MEETING}/speakers", officer.auth).json_body["registrations"]
    assert "ada@example.org" not in json.dumps(listed) and len(listed) == 2
    assert client.get(f"/v1/staff/meetings/{PLANNING_MEETING}/questions", officer.auth).json_body["questions"] == []
    speaking = client.get(f"/v1/meetings/{PLANNING_MEETING}/speaking").json_body
    assert speaking["items"][0]["places_left"] == 1 and speaking["places_left"] == 8


def test_a_speakers_contact_details_are_on_no_public_answer(client, council, people):
    ada = people(email="ada@example.org")
    client.post(speak_path(), speaker(name="Ada Lovelace"), ada.auth)
    for path in (f"/v1/meetings/{PLANNING_MEETING}/speaking", f"/v1/meetings/{PLANNING_MEETING}",
                 f"/v1/meetings/{PLANNING_MEETING}/questions", f"/v1/meetings/{PLANNING_MEETING}/webcast"):
        body = client.get(path).body.decode()
        assert "ada@example.org" not in body and "7700" not in body and "Lovelace" not in body, path
