"""Residents are told of planning applications through the alerts: a new
one reaches the area alerts whose circle holds it, with its distance and
direction from the alert's centre in words; a decision reaches those who
asked for updates in their area; each change is one event, however often
the sync sees it, and a register's first sync tells nobody of what was
there before."""
from datetime import datetime, timedelta, timezone

import pytest

from chalicelib.handlers.alerts.audience import alerts_under
from chalicelib.handlers.alerts.fanout import audience_of
from chalicelib.handlers.planning import routes, sync
from chalicelib.handlers.planning.notices import where_words
from support.alert_support import push_subscription
from support.planning_support import LISTED_BUILDING
from support.planning_support import council_clock, public_access, york_addresses  # noqa: F401 (fixtures)

HOLGATE_ROAD = (-1.09934, 53.952606)  # 3 Holgate Road: 26/00444/FUL is validated on the Thursday
EAST_OF_IT = -1.089425  # the same latitude, 650 m east


assert routes  # its import registers the planning events' audience, as wiring app.py does


def planning_events():
    from chalicelib.storage.reports.reports import EventModel
    return sorted(((e.id, e.kind) for e in EventModel.scan() if e.kind.startswith("planning_")))


def area_alert(alert_id, lon, lat, radius_m, updates=False):
    """A confirmed area alert, made a day before, with its circle's rows as the API writes them."""
    from chalicelib.handlers.alerts.targets import circle_keys
    from chalicelib.storage.alerts.alerts import AlertIndexModel, AlertModel
    circle = {"lat": lat, "lon": lon, "radius_m": radius_m}
    rows = circle_keys("area", circle) + (circle_keys("area_updates", circle, 64) if updates else [])
    AlertModel(alert_id, kind="area", channels={"push": push_subscription()}, target=circle,
               index_keys=[r[0] for r in rows], created_at=datetime(2026, 11, 23, tzinfo=timezone.utc)).save()
    for key, row_lat, row_lon, radius in rows:
        AlertIndexModel(key, alert_id, lat=row_lat, lon=row_lon, radius_m=radius).save()


def told(deps, event_id):
    from chalicelib.storage.reports.reports import EventModel
    from chalicelib.storage.records import Event
    from chalicelib.storage.binding import record_of
    event = record_of(Event, EventModel.get(event_id))
    audience = audience_of(deps, event)
    return {a.id: audience.message_for(a) for a in alerts_under(deps, audience.keys(), audience.check)}


@pytest.fixture
def synced(york_addresses, public_access, council_clock):
    deps = york_addresses.replace(clock=council_clock)
    sync.run(deps)
    return deps


def test_a_registers_first_sync_tells_nobody_of_what_was_there_before(synced):
    assert planning_events() == []


def test_a_new_application_reaches_the_circles_that_hold_it_650_m_west_of_one_centre(synced, council_clock):
    area_alert("holds-it", EAST_OF_IT, HOLGATE_ROAD[1], 1000)
    area_alert("too-small", EAST_OF_IT, HOLGATE_ROAD[1], 600)  # 650 m away: just outside
    council_clock.advance(days=2)
    sync.run(synced)
    assert planning_events() == [("planning.26-00444-ful.new", "planning_application_new")]
    messages = told(synced, "planning.26-00444-ful.new")
    assert list(messages) == ["holds-it"]
    assert messages["holds-it"]["title"] == "Planning application 650 m west: 26/00444/FUL"
    assert messages["holds-it"]["body"].startswith("Erection of single storey garden room at 3 Holgate Road")
    assert messages["holds-it"]["url"].endswith("/planning/26-00444-ful")


def test_a_decision_is_one_event_however_often_seen_and_reaches_only_those_asking_for_updates(
        synced, public_access, council_clock):
    micklegate = (-1.089668, 53.956295)  # 11 Micklegate
    area_alert("updates", *micklegate, 300, updates=True)
    area_alert("new-ones-only", *micklegate, 300)
    council_clock.advance(hours=7)
    public_access.decide(LISTED_BUILDING, "Approved")
    sync.run(synced)
    council_clock.advance(hours=7)
    sync.run(synced)  # the list read again: the same decision, no second event
    assert planning_events() == [("planning.26-00418-lbc.decided", "planning_application_decided")]
    messages = told(synced, "planning.26-00418-lbc.decided")
    assert list(messages) == ["updates"]
    assert messages["updates"]["title"] == "Planning decision at your alert's centre: 26/00418/LBC"
    assert "Approved on Tuesday 24 November 2026" in messages["updates"]["body"]


@pytest.mark.parametrize("to,words", [((-1.0819, 53.9623 + 0.0045), "500 m north"),
                                      ((-1.0819 - 0.0107, 53.9623 - 0.0064), "1.0 km south-west"),
                                      ((-1.0819 + 0.0001, 53.9623), "at your alert's centre")])
def test_distance_and_direction_in_words(to, words):
    assert where_words(-1.0819, 53.9623, *to) == words


def test_a_resident_follows_one_application_and_is_told_of_its_decision_alone(
        synced, public_access, council_clock, client):
    from support.alert_support import push_alert
    made = client.post("/v1/alerts", push_alert(kind="planning", application_id="26-00418-lbc"))
    assert made.status_code == 201 and made.json_body["reference"] == "26/00418/LBC"
    assert client.post("/v1/alerts", push_alert(kind="planning", application_id="26-99999-ful")).json_body[
        "error"]["code"] == "application_not_found"
    assert client.post("/v1/alerts", push_alert(kind="planning")).status_code == 422
    council_clock.advance(hours=7)
    public_access.decide(LISTED_BUILDING, "Refused")
    sync.run(synced)
    messages = told(synced, "planning.26-00418-lbc.decided")
    assert list(messages) == [made.json_body["id"]]
    assert messages[made.json_body["id"]]["title"] == "Planning decision (you follow it): 26/00418/LBC"
