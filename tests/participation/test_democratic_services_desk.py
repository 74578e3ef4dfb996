"""Democratic services: each meeting's registrations, accepted or declined
with a reason (the speaker told), a late one at the chair's discretion, and
the speakers' list the chair prints, with no one's contact details."""
import csv
import io

from support.participation_support import (APPLICATION, PLANNING_CLOSES, PLANNING_MEETING, outbox, speak_path,
                                           speaker)

DESK = f"/v1/staff/meetings/{PLANNING_MEETING}/speakers"


def registered(client, people, **extra):
    ada = people(email=extra.pop("email", None) or None) if extra.get("email") else people()
    return client.post(speak_path(), speaker(**extra), ada.auth).json_body


def decide(client, officer, registration, decision, version=1, reason=None):
    body = {"decision": decision, **({"reason": reason} if reason else {})}
    return client.post(f"{DESK}/{registration['id']}/decision", body, {**officer.auth, "If-Match": f'"{version}"'})


def test_an_officer_accepts_a_speaker_against_and_the_printable_list_shows_them(client, council, people):
    officer = people("staff")
    made = client.post(speak_path(), speaker(name="Ada Lovelace"), people(email="ada@example.org").auth).json_body
    listed = client.get(DESK, officer.auth).json_body["registrations"]
    assert [(r["name"], r["email"], r["status"], r["version"]) for r in listed] == [
        ("Ada Lovelace", "ada@example.org", "registered", 1)]
    accepted = decide(client, officer, made, "accept")
    assert accepted.status_code == 200 and accepted.json_body["status"] == "accepted"
    assert accepted.headers["ETag"] == '"2"'
    assert "Your place to speak is confirmed: Planning Committee, Monday 7 December 2026" in {
        m.subject for m in outbox("ada@example.org")}
    printed = client.get(DESK + ".csv", officer.auth)
    assert printed.headers["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(printed.body.decode())))
    assert rows[1] == ["1", "4a", "Land at Acomb Road: 40 homes", "Ada Lovelace", "against", "in person",
                       "a hearing loop", "3", "accepted", ""]
    assert "ada@example.org" not in printed.body.decode() and "7700" not in printed.body.decode()


def test_a_declined_speaker_is_told_the_reason_and_their_place_is_freed(client, council, people):
    officer = people("staff")
    made = client.post(speak_path(), speaker(), people(email="bo@example.org").auth).json_body
    no_reason = decide(client, officer, made, "decline")
    assert no_reason.status_code == 400 and no_reason.json_body["error"]["fields"][0]["field"] == "reason"
    declined = decide(client, officer, made, "decline", reason="The application was withdrawn.")
    assert declined.json_body["status"] == "declined"
    mail, = (m for m in outbox("bo@example.org") if "declined" in m.subject)
    assert mail.subject.startswith("Your request to speak was declined")
    assert "The application was withdrawn." in mail.body
    speaking = client.get(f"/v1/meetings/{PLANNING_MEETING}/speaking").json_body
    assert speaking["places_left"] == 10 and speaking["items"][0]["places_left"] == 3


def test_a_stale_or_missing_version_is_refused(client, council, people):
    officer = people("staff")
    made = client.post(speak_path(), speaker(), people().auth).json_body
    assert decide(client, officer, made, "accept").status_code == 200
    stale = decide(client, officer, made, "decline", version=1, reason="Too late")
    assert stale.status_code == 409 and stale.json_body["error"]["code"] == "edit_conflict"
    missing = client.post(f"{DESK}/{made['id']}/decision", {"decision": "accept"}, officer.auth)
    assert missing.status_code == 428


def test_the_chair_adds_a_late_speaker_past_the_deadline_and_a_full_item(client, council, people):
    for _ in range(3):
        client.post(speak_path(), speaker(side="for"), people().auth)
    council.move_to(PLANNING_CLOSES.replace(hour=20))
    officer = people("staff")
    late = client.post(DESK, {**speaker(name="Cy Late", side="for"), "item_id": APPLICATION,
                              "email": "cy@example.org", "reason": "The applicant's agent, at the chair's wish"},
                       officer.auth)
    assert late.status_code == 201 and late.json_body["status"] == "accepted" and late.json_body["late"]
    assert outbox("cy@example.org")[-1].subject.startswith("Your place to speak is confirmed")
    rows = list(csv.reader(io.StringIO(client.get(DESK + ".csv", officer.auth).body.decode())))
    assert [r[3] for r in rows[1:]] == ["Ada Lovelace"] * 3 + ["Cy Late"] and rows[4][9] == "yes"


def test_residents_cannot_open_the_desk(client, council, people):
    assert client.get(DESK, people().auth).status_code == 403
    assert client.get(DESK + ".csv", people().auth).status_code == 403
    assert client.get(DESK).status_code == 401


def test_bad_desk_requests_get_a_clear_4xx(client, council, people):
    officer = people("staff")
    made = client.post(speak_path(), speaker(), people().auth).json_body
    cases = [(f"{DESK}/{made['id']}/decision", {"decision": "maybe"}, 400),
             (f"{DESK}/{'0' * 32}/decision", {"decision": "accept"}, 404),
             (f"{DESK}/nope/decision", {"decision": "accept"}, 404),
             (DESK, {**speaker(), "item_id": APPLICATION}, 400),  # no reason
             (DESK, {**speaker(), "reason": "x"}, 400),  # no item
             (DESK, {**speaker(), "item_id": "99", "reason": "x"}, 404)]
    for path, body, status in cases:
        answer = client.post(path, body, {**officer.auth, "If-Match": '"1"'})
        assert (path, answer.status_code) == (path, status), answer.json_body


def test_the_speakers_list_is_one_query_after_the_meeting(deps, client, council, people):
    from chalicelib.handlers.participation.desk import listing
    from chalicelib.storage.metering import metered
    for _ in range(3):
        client.post(speak_path(), speaker(), people().auth)
    with metered() as meter:
        found = listing(deps, PLANNING_MEETING)
    # the meeting, the registrations, the committee's chosen rules
    assert len(found["registrations"]) == 3 and meter.operations == ["GetItem", "Query", "GetItem"]
