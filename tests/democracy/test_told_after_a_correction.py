"""Told after a correction: staff correct a published agenda's item so that it
names a ward it did not, and those the item now concerns, and did not when
the agenda came out, are told of that item alone; nobody told of it already
is told again, a ward taken off and put back tells nobody twice, and a
correction of a meeting that is over tells nobody."""
import json

from chalicelib.handlers.democracy import sync
from chalicelib.handlers.democracy.agendas import ITEM_RETAGGED
from support.alert_support import FakeDeliver, push_alert
from support.democracy_support import PAST_SESSION, ROAD_REPAIRS_SESSION, TRANSPORT
from support.democracy_support import council, council_clock, moderngov  # noqa: F401 (fixtures)

PUBLISHED = f"meeting_agenda_published-{ROAD_REPAIRS_SESSION}"
ROAD_REPAIRS = "14023"  # "Road repairs in Acomb ward": Acomb, highways
WESTFIELD = {"lat": 53.955, "lon": -1.075}  # inside the test's square Westfield ward (w3)


def told(deps, event):
    """{who: message} of one event's whole fan-out: a push alert's number or an e-mail address."""
    from chalicelib.handlers.alerts.worker import dispatch_event
    fake = FakeDeliver()
    dispatch_event(deps, event, fake, sleep=lambda s: None)
    return {(a["endpoint"].rsplit("-", 1)[1] if c == "push" else a): m for c, a, m in fake.calls}


def corrections():
    from chalicelib.storage.reports.reports import EventModel
    return [e for e in EventModel.scan() if e.kind == ITEM_RETAGGED]


def correct(client, officer, wards, version, meeting=ROAD_REPAIRS_SESSION, item=ROAD_REPAIRS):
    headers = {"Content-Type": "application/json", **officer.auth, "If-Match": f'"{version}"'}
    answer = client.raw.http.patch(f"/v1/staff/meetings/{meeting}/items/{item}/tags",
                                   body=json.dumps({"wards": wards, "topics": ["highways"]}), headers=headers)
    assert answer.status_code == 200, answer.body
    return answer


def follow(client, n, **target):
    assert client.post("/v1/alerts", push_alert(n, kind="meetings", **target)).status_code == 201


def test_a_ward_added_to_a_published_item_tells_those_it_now_concerns_of_that_item_alone(client, council, people):
    from conftest import pothole
    follow(client, 1, ward="w0")  # Acomb: told when the agenda came out
    follow(client, 2, ward="w3")  # Westfield: nothing of theirs on the agenda as published
    follow(client, 3, committee=TRANSPORT)  # every item of the committee's: told then
    dan = people(email="dan@example.org")
    assert client.post("/v1/reports", pothole(contact={"email": dan.user.email}, **WESTFIELD),
                       dan.auth).status_code == 201  # a pothole in Westfield: highways there
    from chalicelib.storage.reports.reports import EventModel
    sync.run(council)
    first = told(council, EventModel.get(PUBLISHED))
    assert "2" not in first and "dan@example.org" not in first and {"1", "3"} <= set(first)

    correct(client, people("staff"), ["Acomb", "Westfield"], 0)
    (event,) = corrections()
    messages = told(council, event)
    assert set(messages) == {"2", "dan@example.org"}  # not 1 nor 3: the item concerned them already
    for message in messages.values():
        assert "Road repairs in Acomb ward" in message["body"] and "Street lighting" not in message["body"]
        assert message["url"].endswith(f"#item-{ROAD_REPAIRS}")
    history = client.get("/v1/me/meetings", dan.auth).json_body["meetings"]
    assert [[i["id"] for i in m["items"]] for m in history] == [[ROAD_REPAIRS]]
    assert told(council, event) == {}  # the event again: each told already


def test_a_ward_taken_off_and_put_back_writes_no_new_event_and_an_account_is_never_told_twice(
        client, council, people):
    from conftest import pothole
    dan = people(email="dan@example.org")
    assert client.post("/v1/reports", pothole(contact={"email": dan.user.email}, **WESTFIELD),
                       dan.auth).status_code == 201
    follow(client, 4, ward="w1")  # Clifton
    sync.run(council)
    officer = people("staff")
    correct(client, officer, ["Acomb", "Westfield"], 0)
    (event,) = corrections()
    assert set(told(council, event)) == {"dan@example.org"}
    correct(client, officer, ["Acomb"], 1)  # taken off: nobody to tell
    correct(client, officer, ["Acomb", "Westfield"], 2)  # put back: the same event, not handed on again
    assert [e.id for e in corrections()] == [event.id]
    correct(client, officer, ["Acomb"], 3)
    correct(client, officer, ["Acomb", "Clifton", "Westfield"], 4)  # a new correction: Clifton's news
    (newest,) = [e for e in corrections() if e.id != event.id]  # the clock stands still here: not by time
    assert set(told(council, newest)) == {"4"}  # dan was told of this item already


def test_a_correction_of_a_meeting_that_is_over_tells_nobody(client, council, people):
    sync.run(council)
    past = council.democracy.meeting(PAST_SESSION)
    item = next(i for i in past["items"] if not i.get("heading"))
    correct(client, people("staff"), ["Westfield"], 0, meeting=PAST_SESSION, item=item["id"])
    assert corrections() == []
