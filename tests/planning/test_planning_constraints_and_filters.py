"""The constraints at a home and on an application, from Planning Data's
datasets (the repository's demo), with no DynamoDB read; and area alerts
that ask for some types of application only, or only while comments are
open, told accordingly."""
from datetime import datetime, timezone

import pytest

from chalicelib.handlers.alerts.audience import alerts_under
from chalicelib.handlers.alerts.fanout import audience_of
from chalicelib.handlers.planning import routes, sync
from chalicelib.handlers.planning.kinds import kind_of
from support.alert_support import area, push_alert, push_subscription
from support.planning_support import council_clock, public_access, york_addresses  # noqa: F401 (fixtures)

assert routes  # its import registers the planning events' audience
ELEVEN_MICKLEGATE = "lat=53.956295&lon=-1.089668"  # a grade II* building in the historic core, by the Ouse
NINE_MICKLEGATE = "lat=53.956199&lon=-1.089409"  # next door: 17 m east, past the listed outline
HOLGATE_ROAD = (-1.09934, 53.952606)  # 3 Holgate Road: outside the core; 26/00444/FUL validated on Thursday


def test_the_constraints_at_a_home_are_each_datasets_shapes_that_hold_it_and_not_next_doors_outline(client):
    answer = client.get(f"/v1/planning/applications?{ELEVEN_MICKLEGATE}")
    assert [c["words"] for c in answer.json_body["constraints"]] == [
        "Conservation area: Central Historic Core", "Listed building, grade II*: 11 Micklegate",
        "Flood zone 2: River Ouse"]
    assert answer.json_body["constraints"][0]["url"] == "https://www.planning.data.gov.uk/entity/44000001"
    nextdoor = client.get(f"/v1/planning/applications?{NINE_MICKLEGATE}").json_body["constraints"]
    assert [c["dataset"] for c in nextdoor] == ["conservation-area", "flood-risk-zone"]
    out = client.get(f"/v1/planning/applications?lat={HOLGATE_ROAD[1]}&lon={HOLGATE_ROAD[0]}").json_body
    assert out["constraints"] == []


def test_types_are_the_registers_words_first_then_the_references_letters():
    assert kind_of("Householder", "26/00412/FUL") == "householder"  # York ends FUL for both: the words decide
    assert kind_of("Trees in Conservation Area", "26/00421/TCA") == "trees"
    assert kind_of("", "DC/26/1388/TCA") == "trees" and kind_of("", "BH2017/04225") == "other"
    assert kind_of("Prior Approval", "26/00001/PA") == "other"


def test_an_area_alert_by_type_is_checked_and_a_type_unknown_or_on_another_kind_refused(client):
    made = client.post("/v1/alerts", push_alert(1, **area(500), planning_types=["trees", "householder"],
                                                planning_open_only=True))
    assert made.status_code == 201, made.body
    assert (made.json_body["planning_types"], made.json_body["planning_open_only"]) == (["householder", "trees"], True)
    bad = client.post("/v1/alerts", push_alert(2, **area(500), planning_types=["sheds"]))
    assert bad.status_code == 400 and bad.json_body["error"]["fields"][0]["field"] == "planning_types"
    twice = client.post("/v1/alerts", push_alert(3, **area(500), planning_types=["trees", "trees"]))
    assert twice.status_code == 400
    ward = client.post("/v1/alerts", push_alert(4, kind="report", report_id="DS-234567", planning_open_only=True))
    assert ward.status_code == 422 and ward.json_body["error"]["fields"][0]["field"] == "planning_open_only"


def area_alert(alert_id, radius_m, **filters):
    from chalicelib.handlers.alerts.targets import circle_keys
    from chalicelib.storage.alerts.alerts import AlertIndexModel, AlertModel
    circle = {"lat": HOLGATE_ROAD[1], "lon": HOLGATE_ROAD[0] + 0.003, "radius_m": radius_m, **filters}
    rows = circle_keys("area", circle)
    AlertModel(alert_id, kind="area", channels={"push": push_subscription()}, target=circle,
               index_keys=[r[0] for r in rows], created_at=datetime(2026, 11, 23, tzinfo=timezone.utc)).save()
    for key, lat, lon, radius in rows:
        AlertIndexModel(key, alert_id, lat=lat, lon=lon, radius_m=radius).save()


def told(deps, event_id):
    from chalicelib.storage.binding import record_of
    from chalicelib.storage.records import Event
    from chalicelib.storage.reports.reports import EventModel
    audience = audience_of(deps, record_of(Event, EventModel.get(event_id)))
    return sorted(a.id for a in alerts_under(deps, audience.keys(), audience.check, audience.hears))


@pytest.fixture
def synced(york_addresses, public_access, council_clock):
    deps = york_addresses.replace(clock=council_clock)
    sync.run(deps)
    return deps


def test_a_new_householder_application_reaches_alerts_of_its_type_and_open_ones_not_those_for_trees(
        synced, council_clock):
    area_alert("every-type", 500)
    area_alert("householder", 500, planning_types=["householder"])
    area_alert("trees-only", 500, planning_types=["trees", "listed_building"])
    area_alert("open-only", 500, planning_open_only=True)
    council_clock.advance(days=2)  # Thursday: 26/00444/FUL, a garden room, validated today
    sync.run(synced)
    assert told(synced, "planning.26-00444-ful.new") == ["every-type", "householder", "open-only"]


def test_an_application_first_seen_decided_reaches_no_alert_asking_only_while_comments_are_open(
        synced, public_access, council_clock):
    from support.planning_support import FLATS
    area_alert("every-type", 2000)
    area_alert("open-only", 2000, planning_open_only=True)
    public_access.decide(FLATS, "Refused")  # validated before the window: new to us, and decided
    council_clock.advance(hours=7)
    sync.run(synced)
    assert told(synced, "planning.26-00355-ful.new") == ["every-type"]
