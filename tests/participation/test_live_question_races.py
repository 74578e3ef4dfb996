"""Live questions under races: two officers deciding the same question at once
from the same version (one decision stands, the other is told it changed, and
one event, so one frame, follows); the same question sent twice at once with
one Idempotency-Key (one question stored, both answered with it)."""
from support.racing import at_once
from tests.participation.conftest import council  # noqa: F401 (also where the tests run again on DynamoDB Local)
from tests.participation.test_live_questions import DESK, ask, live  # noqa: F401


def _decided_events(question_id):
    from chalicelib.storage.alerts.alerts import event_from_image
    from chalicelib.storage.reports.reports import EventModel
    return [e for e in (event_from_image(m.serialize()) for m in EventModel.scan())
            if e.kind == "live_question_decided" and (e.payload or {}).get("question_id") == question_id]


def test_two_officers_deciding_one_question_at_once_one_decision_stands(client, live, people):
    made = ask(client, people()).json_body
    officers = [(live, "approve"), (people("staff"), "reject")]
    answers = at_once(lambda o: client.post(f"{DESK}/{made['id']}/decision", {"decision": o[1]},
                                            {**o[0].auth, "If-Match": '"1"'}), officers)
    assert sorted(a.status_code for a in answers) == [200, 409]
    won = next(a.json_body for a in answers if a.status_code == 200)
    listed = client.get(DESK, live.auth).json_body["questions"]
    assert [(q["status"], q["version"]) for q in listed] == [(won["status"], 2)]
    assert [e.payload["status"] for e in _decided_events(made["id"])] == [won["status"]]


def test_one_question_sent_twice_at_once_with_one_key_is_stored_once(client, live, people):
    ada = people()
    answers = at_once(lambda _: ask(client, ada, "Will there be a bus stop?", key="live-race-1"), range(2))
    assert [a.status_code for a in answers] == [201, 201]
    assert answers[0].json_body["id"] == answers[1].json_body["id"]
    assert len(client.get(DESK, live.auth).json_body["questions"]) == 1
