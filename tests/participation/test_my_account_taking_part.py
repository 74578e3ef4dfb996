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


def test_each_row_in_my_account_names_its_committee_date_time_and_item(client, council, people):
    ada = people(email="ada@example.org")
    client.post(speak_path(), speaker(), ada.auth)
    client.post(ASK, QUESTION, ada.auth)
    mine = client.get("/v1/me/taking-part", ada.auth).json_body
    named = {"committee_title": "Planning Committee", "date": "2026-12-07", "time": "18:00", "item_number": "4a",
             "item_title": "Land at Acomb Road: 40 homes"}
    for row in (mine["speaking"][0], mine["questions"][0]):
        assert {k: row[k] for k in named} == named


def _rows_on(deps, user_id, meetings, count):
    """`count` rows of the resident's, registrations, written and live questions in turn, spread over `meetings`
    (each a different item of its meeting each time round: one person registers once per item)."""
    from datetime import datetime, timezone
    at = datetime(2026, 11, 20, 9, 0, tzinfo=timezone.utc)
    for n in range(count):
        meeting_id = meetings[n % len(meetings)]
        row = {"id": f"{user_id}-{n}", "meeting_id": meeting_id, "item_id": f"{meeting_id}0{n // len(meetings) % 4 + 1}",
               "user_id": user_id, "name": "Ada", "question": "Why?", "created_at": at, "name_public": False}
        if n % 3 == 0:
            deps.participation.register({**row, "mode": "in_person", "status": "registered", "capped": False},
                                        {"meeting": 10, "item": None}, uncapped=True)
        elif n % 3 == 1:
            deps.questions.ask({**row, "member": "Cllr Jane Smith", "email": "ada@example.org"})
        else:
            deps.live_questions.send(row)


def test_my_account_reads_one_batch_of_meetings_whatever_the_number_of_rows(deps, council, people):
    """1 row on 1 meeting and 20 rows across 5: the same calls, three Queries of the resident's own and one
    BatchGetItem of the meetings they name, never a GetItem a row."""
    from chalicelib.handlers.participation.mine import mine
    from chalicelib.storage.metering import metered
    from support.participation_support import item
    five = [f"30{n}1" for n in range(5)]
    for n, meeting_id in enumerate(five):
        deps.democracy.save_meeting({
            "id": meeting_id, "committee_id": "3", "committee_title": f"Committee {n}", "date": f"2026-12-1{n}",
            "time": "10:00", "agenda_published": True,
            "items": [item(f"{meeting_id}0{i}", str(i), f"Item {i} of {meeting_id}") for i in (1, 2, 3, 4)]})
    one, many = people(), people()
    _rows_on(deps, one.user.id, five[:1], 1)
    _rows_on(deps, many.user.id, five, 20)
    costs = {}
    for person in (one, many):
        with metered() as meter:
            found = mine(deps, person.user.id)
        rows = found["speaking"] + found["questions"] + found["live_questions"]
        assert all(r["committee_title"] and r["item_title"].endswith(r["meeting_id"]) for r in rows)
        costs[len(rows)] = meter.operations
    assert set(costs) == {1, 20}
    assert costs[1] == costs[20] and costs[20].count("BatchGetItem") == 1 and "GetItem" not in costs[20]


def test_a_row_whose_meeting_has_gone_from_our_copy_still_shows_without_its_names(client, council, people):
    from chalicelib.storage.democracy.democracy import MeetingModel
    ada = people(email="ada@example.org")
    made = client.post(speak_path(), speaker(), ada.auth).json_body
    client.post(ASK, QUESTION, ada.auth)
    MeetingModel(PLANNING_MEETING).delete()  # deleted upstream, and so from our copy
    answer = client.get("/v1/me/taking-part", ada.auth)
    assert answer.status_code == 200
    mine = answer.json_body
    assert [r["id"] for r in mine["speaking"]] == [made["id"]] and len(mine["questions"]) == 1
    for row in (mine["speaking"][0], mine["questions"][0]):
        assert row["committee_title"] is None and row["date"] is None and row["item_title"] is None
    assert client.get("/v1/me/export", ada.auth).json_body["taking_part"] == mine
