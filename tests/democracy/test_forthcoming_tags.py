"""A forthcoming decision's wards and topics corrected on the meetings desk
(issue 62): naming the version read (If-Match: 428 without, 409 stale),
audited with who, when, from and to, kept across the sync's later copies of
the forward plan, listed by the residents' ward filter as corrected, and
given back to the plan's own."""
import json

import pytest

from chalicelib.handlers.democracy import sync
from support.democracy_support import council_clock, moderngov  # noqa: F401 (fixtures)
from test_staff_meetings import later, synced  # noqa: F401 (fixture)

TAGS = "/v1/staff/decisions/forthcoming/tags"
ROAD_REPAIRS = "701"  # "Road repairs in Acomb ward", the plan's wards: Acomb


def retag(client, person, decision, body, if_match=None):
    headers = {"Content-Type": "application/json", **person.auth, **({"If-Match": if_match} if if_match else {})}
    return client.raw.http.patch(f"/v1/staff/decisions/forthcoming/{decision}/tags", body=json.dumps(body),
                                 headers=headers)


def listed(client, ward):
    return [d["id"] for d in client.get(f"/v1/decisions/forthcoming?ward={ward}").json_body["decisions"]]


def test_staff_correct_a_forthcoming_decisions_wards_and_topics_audited_and_kept_across_the_sync(
        client, people, synced, moderngov, council_clock):
    officer = people("staff")
    read = client.get(TAGS, officer.auth)
    assert read.status_code == 200 and read.headers["ETag"] == '"0"'
    road = next(d for d in read.json_body["decisions"] if d["id"] == ROAD_REPAIRS)
    assert (road["wards"], road["topics"], road["edited_at"]) == (["Acomb"], ["highways"], None)
    assert read.json_body["wards"] == ["Acomb", "Clifton", "Westfield"] and read.json_body["audit"] == []
    assert ROAD_REPAIRS not in listed(client, "Westfield")
    mine = {"wards": ["Acomb", "Westfield"], "topics": ["highways"]}
    assert retag(client, officer, ROAD_REPAIRS, mine).status_code == 428
    changed = retag(client, officer, ROAD_REPAIRS, mine, '"0"')
    assert changed.status_code == 200 and changed.headers["ETag"] == '"1"'
    [entry] = changed.json_body["audit"]
    assert (entry["by"], entry["decision_id"], entry["from"], entry["to"]) == (
        officer.user.email, ROAD_REPAIRS, {"wards": ["Acomb"], "topics": ["highways"]}, mine)
    late = retag(client, people("staff"), ROAD_REPAIRS, {"wards": [], "topics": []}, '"0"')
    assert late.status_code == 409 and late.headers["ETag"] == '"1"'
    assert ROAD_REPAIRS in listed(client, "Westfield") and ROAD_REPAIRS in listed(client, "Acomb")
    moderngov.calls.clear()
    later(synced, council_clock, days=1)  # the forward plan copied again
    sync.run(synced)
    assert any("forward" in c.lower() or "plan" in c.lower() for c in map(str, moderngov.calls)), moderngov.calls
    assert ROAD_REPAIRS in listed(client, "Westfield")  # the sync's copy did not undo it
    back = retag(client, people("staff"), ROAD_REPAIRS, {"from_words": True}, '"1"')  # a day on: a new session
    assert back.status_code == 200, back.json_body
    road = next(d for d in back.json_body["decisions"] if d["id"] == ROAD_REPAIRS)
    assert (road["wards"], road["edited_at"], len(back.json_body["audit"])) == (["Acomb"], None, 2)
    assert ROAD_REPAIRS not in listed(client, "Westfield")


@pytest.mark.parametrize("decision, body, status", [
    (ROAD_REPAIRS, {"wards": ["Atlantis"], "topics": []}, 422),
    (ROAD_REPAIRS, {"wards": ["Acomb"], "topics": ["astronomy"]}, 422),
    (ROAD_REPAIRS, {"wards": "Acomb", "topics": []}, 400),
    ("99999", {"wards": [], "topics": []}, 404),
    ("70x", {"wards": [], "topics": []}, 404),  # no decision's id has that form
])
def test_a_forthcoming_decision_tag_edit_that_cannot_be_made_gets_a_clear_4xx(client, people, synced, decision,
                                                                             body, status):
    answer = retag(client, people("staff"), decision, body, '"0"')
    assert answer.status_code == status, answer.json_body
    assert answer.json_body["error"]["message"]


def test_a_resident_cannot_correct_a_forthcoming_decisions_tags(client, people, synced):
    assert client.get(TAGS, people().auth).status_code == 403
    assert retag(client, people(), ROAD_REPAIRS, {"wards": [], "topics": []}, '"0"').status_code == 403
