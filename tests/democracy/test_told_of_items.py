"""Told of the item that concerns you: when an agenda is published, residents
who follow its committee, a ward or a topic its items are tagged with are
told of those items, once, by the alerts' fan-out, with the date, the item,
how to take part and a one-tap stop; nobody else is told, and nothing public
says who was."""
from datetime import timedelta

import pytest

from chalicelib.handlers.democracy import sync
from support.alert_support import FakeDeliver, push_alert
from support.democracy_support import MORNING, ROAD_REPAIRS_SESSION, TRANSPORT
from support.democracy_support import council, council_clock, moderngov  # noqa: F401 (fixtures)

PUBLISHED = f"meeting_agenda_published-{ROAD_REPAIRS_SESSION}"


def published(deps):
    sync.run(deps)
    return deps


def follow(client, n, **target):
    answer = client.post("/v1/alerts", push_alert(n, kind="meetings", **target))
    assert answer.status_code == 201, answer.body
    return answer.json_body


def told(deps):
    from chalicelib.handlers.alerts.worker import dispatch_event
    from chalicelib.storage.reports.reports import EventModel
    fake = FakeDeliver()
    dispatch_event(deps, EventModel.get(PUBLISHED), fake, sleep=lambda s: None)
    return {a["endpoint"].rsplit("-", 1)[1]: m for c, a, m in fake.calls}


def test_a_follower_of_a_ward_is_told_of_its_item_with_the_date_taking_part_and_a_stop(client, council):
    follow(client, 1, ward="w0")  # Acomb
    follow(client, 2, ward="w3")  # Westfield: nothing of it on this agenda
    messages = told(published(council))
    assert set(messages) == {"1"}
    m = messages["1"]
    assert "Road repairs in Acomb ward" in m["title"] and "Street lighting" not in m["body"]
    assert "Executive Member for Transport" in m["body"] and "November 2026" in m["body"]
    assert "speak" in m["body"] or "councillors" in m["body"]
    [road_repairs] = [i["id"] for i in council.democracy.meeting(ROAD_REPAIRS_SESSION)["items"]
                      if i["title"] == "Road repairs in Acomb ward"]
    assert m["url"].endswith(f"/meetings/{ROAD_REPAIRS_SESSION}#item-{road_repairs}")
    assert "/v1/alerts/unsubscribe?token=" in m["unsubscribe_url"]


def test_followers_of_the_committee_and_a_topic_are_told_once_however_often_the_event_comes(client, council):
    follow(client, 1, committee=TRANSPORT)
    follow(client, 2, topic="highways")
    follow(client, 3, committee="1")  # the Council's: not this meeting
    assert set(told(published(council))) == {"1", "2"}
    assert told(council) == {}  # the event again (a stream's retry): each was told already


def test_a_meetings_follow_names_exactly_one_committee_ward_or_topic(client, council):
    both = client.post("/v1/alerts", push_alert(1, kind="meetings", committee=TRANSPORT, topic="highways"))
    assert both.status_code == 422
    bad = client.post("/v1/alerts", push_alert(1, kind="meetings", topic="<Highways>"))
    assert bad.status_code == 400 and bad.json_body["error"]["fields"][0]["field"] == "topic"
    nowhere = client.post("/v1/alerts", push_alert(1, kind="meetings", ward="nowhere"))
    assert nowhere.status_code == 404


def test_nothing_public_says_who_was_told(client, council):
    follow(client, 1, ward="w0")
    told(published(council))
    page = client.get(f"/v1/meetings/{ROAD_REPAIRS_SESSION}").body
    assert b"push.example.net" not in page and b"told" not in page.lower()



def told_by_email(deps):
    from chalicelib.handlers.alerts.worker import dispatch_event
    from chalicelib.storage.reports.reports import EventModel
    fake = FakeDeliver()
    dispatch_event(deps, EventModel.get(PUBLISHED), fake, sleep=lambda s: None)
    return {a: m for c, a, m in fake.calls if c == "email"}


ACOMB = {"lat": 53.955, "lon": -1.135}  # inside the test's square Acomb ward (w0)
HULL_ROAD = {"lat": 53.955, "lon": -1.095}  # w2: its item is street lighting, highways too
WESTFIELD = {"lat": 53.955, "lon": -1.075}  # w3: no item of its own on this agenda


def test_a_resident_who_reported_a_pothole_in_a_ward_is_told_of_the_road_repairs_there(client, council, people):
    from conftest import pothole
    acomb, hull_road, westfield = (people(email=f"{n}@example.org") for n in ("acomb", "hull.road", "westfield"))
    for person, where in ((acomb, ACOMB), (acomb, ACOMB), (hull_road, HULL_ROAD), (westfield, WESTFIELD)):
        made = client.post("/v1/reports", pothole(contact={"email": person.user.email}, **where), person.auth)
        assert made.status_code == 201, made.body
    messages = told_by_email(published(council))
    assert set(messages) == {"acomb@example.org", "hull.road@example.org"}  # two reports in Acomb, one message
    m = messages["acomb@example.org"]
    assert "Road repairs in Acomb ward" in m["title"] and "Street lighting" not in m["body"]
    assert "/v1/alerts/unsubscribe?token=" in m["unsubscribe_url"]
    assert "Street lighting" in messages["hull.road@example.org"]["title"]  # the same topic, its own ward's item


def test_a_report_more_than_a_year_old_says_nothing_of_todays_interests(client, council, people):
    import time_machine
    from conftest import pothole
    with time_machine.travel(MORNING - timedelta(days=400), tick=False):  # signed in then, as they were
        old = people(email="acomb@example.org")
        made = client.post("/v1/reports", pothole(contact={"email": old.user.email}, **ACOMB), old.auth)
        assert made.status_code == 201, made.body
    with time_machine.travel(MORNING - timedelta(days=300), tick=False):  # within the year: still an interest
        recent = people(email="acomb.recent@example.org")
        made = client.post("/v1/reports", pothole(contact={"email": recent.user.email}, **ACOMB), recent.auth)
        assert made.status_code == 201, made.body
    assert set(told_by_email(published(council))) == {"acomb.recent@example.org"}
