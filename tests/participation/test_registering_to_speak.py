"""Registering to speak on an agenda item, by its committee's rules: York's
5pm two working days before, the Planning Committee's three per item for or
against; a place taken first come first served; one person once per item;
the confirmation by e-mail and text with a withdraw link."""
from datetime import datetime, timedelta

from support.participation_support import (APPLICATION, HEADING, LONDON, PLANNING_CLOSES, PLANNING_MEETING,
                                           REPORT_ONLY, XMAS_CLOSES, XMAS_ITEM, XMAS_MEETING, outbox, speak_path,
                                           speaker)


def test_a_resident_registers_to_speak_against_a_planning_application(client, council, people):
    ada = people(email="ada@example.org")
    made = client.post(speak_path(), speaker(), ada.auth)
    assert made.status_code == 201, made.json_body
    assert {k: made.json_body[k] for k in ("status", "side", "mode", "needs")} == {
        "status": "registered", "side": "against", "mode": "in_person", "needs": ["hearing_loop"]}
    assert "email" not in made.json_body and "phone" not in made.json_body


def test_a_registration_a_minute_late_is_refused_with_the_deadline_in_words(client, council, people):
    council.move_to(PLANNING_CLOSES - timedelta(minutes=1))
    assert client.post(speak_path(), speaker(), people().auth).status_code == 201
    council.move_to(PLANNING_CLOSES + timedelta(minutes=1))
    late = client.post(speak_path(), speaker(), people().auth)
    assert late.status_code == 422 and late.json_body["error"]["code"] == "registration_closed"
    assert late.json_body["error"]["message"] == "Registration closed at 5pm on Thursday 3 December 2026."


def test_bank_holidays_move_the_deadline_back_to_the_working_day_before(client, council, people):
    speaking = client.get(f"/v1/meetings/{XMAS_MEETING}/speaking").json_body
    assert speaking["closes"] == "5pm on Wednesday 23 December 2026"
    council.move_to(XMAS_CLOSES - timedelta(minutes=1))
    assert client.post(speak_path(XMAS_MEETING, XMAS_ITEM), speaker(side=None), people().auth).status_code == 201
    council.move_to(XMAS_CLOSES + timedelta(minutes=1))  # Thursday 24th would still be open without the holidays
    late = client.post(speak_path(XMAS_MEETING, XMAS_ITEM), speaker(side=None), people().auth)
    assert late.json_body["error"]["message"] == "Registration closed at 5pm on Wednesday 23 December 2026."


def test_one_person_registers_once_per_item(client, council, people):
    ada = people()
    assert client.post(speak_path(), speaker(), ada.auth).status_code == 201
    again = client.post(speak_path(), speaker(side="for"), ada.auth)
    assert again.status_code == 409 and again.json_body["error"]["code"] == "already_registered"


def test_a_planning_item_takes_three_speakers_and_the_fourth_hears_it_is_full(client, council, people):
    made = [client.post(speak_path(), speaker(side=side), people().auth) for side in ("for", "against", "for", "for")]
    assert [m.status_code for m in made] == [201, 201, 201, 409]
    assert made[3].json_body["error"] == {"code": "item_full",
                                          "message": "All 3 places to speak on this item are taken."}
    speaking = client.get(f"/v1/meetings/{PLANNING_MEETING}/speaking").json_body
    assert speaking["items"] == [{"id": APPLICATION, "number": "4a", "title": "Land at Acomb Road: 40 homes",
                                  "places_left": 0}]


def test_planning_asks_for_or_against_and_a_decision_session_does_not(client, council, people):
    ada = people()
    no_side = client.post(speak_path(), speaker(side=None), ada.auth)
    assert no_side.status_code == 400 and no_side.json_body["error"]["fields"][0]["field"] == "side"
    sided = client.post(speak_path(XMAS_MEETING, XMAS_ITEM), speaker(side="for"), ada.auth)
    assert sided.status_code == 400 and sided.json_body["error"]["fields"][0]["field"] == "side"


def test_bad_registrations_get_a_clear_4xx(client, council, people):
    ada = people()
    cases = [(speak_path(), speaker(mode="by pigeon"), 400, "validation_failed"),
             (speak_path(), speaker(needs=["a horse"]), 400, "validation_failed"),
             (speak_path(), speaker(name=""), 400, "validation_failed"),
             (speak_path(), {**speaker(), "shoe_size": 9}, 400, "validation_failed"),
             (speak_path(), [], 400, "validation_failed"),
             (speak_path(item_id=REPORT_ONLY), speaker(), 422, "speaking_not_allowed"),
             (speak_path(item_id=HEADING), speaker(), 404, "item_not_found"),
             (speak_path(item_id="99"), speaker(), 404, "item_not_found"),
             (speak_path(item_id="12a"), speaker(), 404, "not_found"),  # no item's id has that form
             (speak_path(meeting_id="9999"), speaker(), 404, "meeting_not_found"),
             (speak_path(meeting_id="abc"), speaker(), 404, "not_found")]
    for path, body, status, code in cases:
        answer = client.post(path, body, ada.auth)
        assert (path, answer.status_code, answer.json_body["error"]["code"]) == (path, status, code)
    assert client.post(speak_path(), speaker()).status_code == 401


def test_the_speaker_is_confirmed_by_email_and_text_and_withdraws_by_the_link(client, council, people):
    import re
    ada = people(email="ada@example.org")
    client.post(speak_path(), speaker(), ada.auth)
    mail, = outbox("ada@example.org")[-1:]
    assert mail.subject == "You are registered to speak: Planning Committee, Monday 7 December 2026"
    assert "item 4a: Land at Acomb Road: 40 homes" in mail.body and "against the application" in mail.body
    assert "a hearing loop" in mail.body
    text, = outbox("+447700900123")
    assert text.body.startswith("Registered to speak at Planning Committee, Monday 7 December 2026, item 4a.")
    token = re.search(r"withdraw\?token=(\S+)", mail.body).group(1)
    gone = client.post("/v1/speaking/withdraw", {"token": token})
    assert gone.status_code == 200 and gone.json_body["status"] == "withdrawn"
    again = client.post("/v1/speaking/withdraw", {"token": token}).json_body["error"]
    assert (again["code"], again["message"]) == ("not_holding_a_place",
                                                 "That registration is no longer holding a place.")
    assert client.post(speak_path(), speaker(), ada.auth).status_code == 201  # their place came back to them


def test_a_withdraw_link_is_for_withdrawing_and_ends_with_the_meeting(client, council, people):
    import re
    from chalicelib.handlers.participation.links import LABEL
    from chalicelib.handlers.shared.signed_links import seal, unseal
    tokens = {}
    for name in ("ada", "bob"):
        made = client.post(speak_path(), speaker(), people(email=f"{name}@example.org").auth)
        assert made.status_code == 201, made.json_body
        tokens[name] = re.search(r"withdraw\?token=(\S+)", outbox(f"{name}@example.org")[-1].body).group(1)
    meeting_id, registration_id, purpose, until = unseal(tokens["ada"], LABEL, 500)
    assert (meeting_id, purpose) == (PLANNING_MEETING, "withdraw")
    not_for_withdrawing = [tokens["ada"][:-2] + ("AA" if not tokens["ada"].endswith("AA") else "BB"),  # forged
                           seal(LABEL, [meeting_id, registration_id, "decide", until]),  # genuine, another purpose
                           seal(b"alert-unsubscribe", [meeting_id, registration_id, "withdraw", until])]  # another label
    for token in not_for_withdrawing:
        refused = client.post("/v1/speaking/withdraw", {"token": token})
        assert (refused.status_code, refused.json_body["error"]["code"]) == (404, "link_not_valid"), token
    ends = datetime(2026, 12, 8, 0, 0, tzinfo=LONDON)  # the end of the Planning meeting's day (7 December)
    council.move_to(ends - timedelta(minutes=1))
    last_minute = client.post("/v1/speaking/withdraw", {"token": tokens["bob"]})
    assert last_minute.status_code == 200 and last_minute.json_body["status"] == "withdrawn"
    council.move_to(ends + timedelta(minutes=1))
    late = client.post("/v1/speaking/withdraw", {"token": tokens["ada"]})
    assert late.status_code == 403 and late.json_body["error"]["code"] == "link_expired"


def test_a_withdraw_link_says_which_meeting_and_item_it_withdraws_from_before_it_is_used(client, council, people):
    import re
    made = client.post(speak_path(), speaker(), people(email="ada@example.org").auth)
    assert made.status_code == 201, made.json_body
    token = re.search(r"withdraw\?token=(\S+)", outbox("ada@example.org")[-1].body).group(1)
    read = client.get(f"/v1/speaking/withdraw?token={token}")
    assert read.status_code == 200, read.body
    assert "items=2" in read.headers["Server-Timing"]  # the registration and the meeting
    assert read.json_body == {"meeting_id": PLANNING_MEETING, "item_id": APPLICATION,
                              "committee_title": "Planning Committee", "date": "2026-12-07", "time": "18:00",
                              "item_number": "4a", "item_title": "Land at Acomb Road: 40 homes",
                              "status": "registered", "holding": True}
    assert "Ada" not in read.body.decode() and "07700" not in read.body.decode()  # never who
    assert client.post("/v1/speaking/withdraw", {"token": token}).status_code == 200  # reading changed nothing
    after = client.get(f"/v1/speaking/withdraw?token={token}").json_body
    assert (after["status"], after["holding"]) == ("withdrawn", False)
    forged = client.get(f"/v1/speaking/withdraw?token={token[:-2]}{'AA' if not token.endswith('AA') else 'BB'}")
    assert (forged.status_code, forged.json_body["error"]["code"]) == (404, "link_not_valid")
    assert client.get("/v1/speaking/withdraw").status_code == 400


def test_a_retried_registration_answers_the_first(client, council, people):
    ada = people()
    headers = {**ada.auth, "Idempotency-Key": "speak-once-please"}
    first = client.post(speak_path(), speaker(), headers)
    again = client.post(speak_path(), speaker(), headers)
    assert again.status_code == 201 and again.json_body["id"] == first.json_body["id"]
    assert again.headers.get("Idempotent-Replayed") == "true"
