"""Told of an agenda item by everything a resident has: their reports, their
"me too"s, the reports they follow and the petitions they signed, every one
of their keys counted in one message; what they were told of and why kept
for them alone (their history, their export, gone at erasure), with a
private calendar link they can stop."""
from datetime import timedelta

import pytest

from chalicelib.handlers.democracy import sync
from support.alert_support import FakeDeliver
from support.democracy_support import MORNING, ROAD_REPAIRS_SESSION
from support.democracy_support import council, council_clock, moderngov  # noqa: F401 (fixtures)

PUBLISHED = f"meeting_agenda_published-{ROAD_REPAIRS_SESSION}"
DECIDED = f"meeting_decisions_published-{ROAD_REPAIRS_SESSION}"
ACOMB = {"lat": 53.955, "lon": -1.135}  # inside the test's square Acomb ward (w0)
HULL_ROAD = {"lat": 53.955, "lon": -1.095}  # w2: its item is street lighting, highways too


def told(deps, event_id=PUBLISHED):
    """{e-mail address: message} of one event's whole fan-out."""
    from chalicelib.handlers.alerts.worker import dispatch_event
    from chalicelib.storage.reports.reports import EventModel
    fake = FakeDeliver()
    dispatch_event(deps, EventModel.get(event_id), fake, sleep=lambda s: None)
    return {a: m for c, a, m in fake.calls if c == "email"}


def report(client, person, where, email=None, **more):
    from conftest import pothole
    made = client.post("/v1/reports", pothole(contact={"email": email or person.user.email}, **where, **more),
                       person.auth if person else None)
    assert made.status_code == 201, made.body
    return made.json_body["id"]


def item_titles(message):
    return message["body"].split("On its agenda: ", 1)[1]


def test_every_key_a_resident_has_counts_in_one_message_not_only_the_first_found(client, council, people):
    ada = people(email="ada@example.org")
    report(client, ada, ACOMB)  # a pothole in Acomb: road repairs there
    report(client, ada, HULL_ROAD)  # and one in Hull Road: its street lighting item, highways too
    sync.run(council)
    messages = told(council)
    assert list(messages) == ["ada@example.org"]  # one message, on the first key's page
    named = item_titles(messages["ada@example.org"])
    assert "Road repairs in Acomb ward" in named and "Street lighting" in named


def test_a_me_too_and_a_followed_report_count_as_a_report_of_ones_own(client, council, people):
    stranger = report(client, None, ACOMB, email="stranger@example.org")
    bea, cal = people(email="bea@example.org"), people(email="cal@example.org")
    assert client.post(f"/v1/reports/{stranger}/supporters", {}, bea.auth).status_code == 200
    follow = client.post("/v1/alerts", {"kind": "report", "report_id": stranger, "channels": ["email"]}, cal.auth)
    assert follow.status_code == 201, follow.body
    sync.run(council)
    messages = told(council)
    assert {"bea@example.org", "cal@example.org"} <= set(messages)
    assert "Road repairs in Acomb ward" in messages["bea@example.org"]["title"]
    bea_history = client.get("/v1/me/meetings", headers=bea.auth).json_body["meetings"]
    [meeting] = bea_history
    assert meeting["meeting_id"] == ROAD_REPAIRS_SESSION
    [item] = meeting["items"]
    assert [r["why"] for r in item["reasons"]] == ["supported"] and item["reasons"][0]["report_id"] == stranger
    cal_reasons = client.get("/v1/me/meetings", headers=cal.auth).json_body["meetings"][0]["items"][0]["reasons"]
    assert [r["why"] for r in cal_reasons] == ["followed"]


def test_a_withdrawn_me_too_says_nothing_of_the_residents_interests(client, council, people):
    stranger = report(client, None, ACOMB, email="stranger@example.org")
    dee = people(email="dee@example.org")
    client.post(f"/v1/reports/{stranger}/supporters", {}, dee.auth)
    assert client.raw.http.delete(f"/v1/reports/{stranger}/supporters/me", headers=dee.auth).status_code == 200
    sync.run(council)
    assert "dee@example.org" not in told(council)


def test_an_old_report_beside_a_recent_one_names_only_the_recent_ones_item(client, council, people):
    import time_machine
    from chalicelib.handlers.accounts import auth
    from chalicelib.ids import utc_now
    from conftest import Person
    with time_machine.travel(MORNING - timedelta(days=400), tick=False):
        eve = people(email="eve@example.org")
        report(client, eve, ACOMB)
    eve = Person(eve.user, auth.start_session(council, eve.user, utc_now()))  # signed in again today
    report(client, eve, HULL_ROAD)
    sync.run(council)
    named = item_titles(told(council)["eve@example.org"])
    assert "Street lighting" in named and "Acomb" not in named  # the union honours the year too


def test_the_history_is_the_residents_alone_and_in_their_export_and_gone_at_erasure(client, council, people):
    fay, other = people(email="fay@example.org"), people(email="other@example.org")
    report(client, fay, ACOMB)
    sync.run(council)
    told(council)
    reasons = client.get("/v1/me/meetings", headers=fay.auth).json_body["meetings"][0]["items"][0]["reasons"]
    assert reasons[0]["why"] == "reported" and reasons[0]["ward"] == "Acomb"
    assert client.get("/v1/me/meetings", headers=other.auth).json_body["meetings"] == []
    assert client.get("/v1/me/meetings").status_code == 401
    exported = client.get("/v1/me/export", headers=fay.auth).json_body
    assert exported["meetings_told_of"]["told_of"][0]["meeting_id"] == ROAD_REPAIRS_SESSION
    link = client.post("/v1/me/meetings/calendar", {}, fay.auth).json_body["url"]
    assert client.raw.http.delete("/v1/me", headers=fay.auth).status_code in (200, 204)
    assert council.told.of_user(fay.user.id) == []
    assert client.get(link.split("localhost", 1)[-1].split(":8000", 1)[-1]).status_code == 404


def path_of(url):
    from urllib.parse import urlsplit
    return urlsplit(url).path


def test_my_meetings_calendar_lists_what_i_was_told_of_never_why_and_a_new_link_stops_the_old(client, council,
                                                                                              people):
    gus = people(email="gus@example.org")
    ref = report(client, gus, ACOMB)
    sync.run(council)
    told(council)
    first = client.post("/v1/me/meetings/calendar", {}, gus.auth)
    assert first.status_code == 201
    feed = client.get(path_of(first.json_body["url"]))
    assert feed.status_code == 200 and feed.headers["Content-Type"].startswith("text/calendar")
    text = feed.body.decode() if isinstance(feed.body, bytes) else feed.body
    assert f"my-meeting-{ROAD_REPAIRS_SESSION}@doorstep" in text and "Road repairs in Acomb ward" in text
    assert ref not in text and "reported" not in text and "gus@" not in text  # what, never why or who
    assert "no-store" in feed.headers["Cache-Control"]
    second = client.post("/v1/me/meetings/calendar", {}, gus.auth).json_body["url"]
    assert client.get(path_of(first.json_body["url"])).status_code == 404  # replaced: the old link is dead
    assert client.get(path_of(second)).status_code == 200
    token = path_of(second).split("/")[-2]
    assert client.get(path_of(second).replace(token, token[:-2] + "xx")).status_code == 404  # a guessed secret
    assert client.raw.http.delete("/v1/me/meetings/calendar", headers=gus.auth).status_code == 204
    assert client.get(path_of(second)).status_code == 404  # revoked
    assert client.get("/v1/me/meetings", headers=gus.auth).json_body["calendar"] == {"active": False}


@pytest.mark.parametrize("token", ["nodot", ".", "a.", ".b", "x" * 300 + ".y", "a.b.c", "%00.%ff", "0a1b.c2d3"])
def test_a_calendar_link_never_made_answers_404_whatever_its_shape(client, token):
    answer = client.get(f"/v1/feeds/my-meetings/{token}/meetings.ics")
    assert answer.status_code in (400, 404) and answer.json_body["error"]["code"] in (
        "calendar_not_found", "validation_failed", "not_found")  # not_found: no route takes such a path
