"""Items placed by their words: the sync tags each agenda item and
forthcoming decision by ward and topic, and staff replace the mapping of
topics to words, naming the version they read."""
import json

import pytest

from chalicelib.handlers.democracy import sync
from support.democracy_support import ROAD_REPAIRS_SESSION
from support.democracy_support import council_clock, moderngov  # noqa: F401 (fixtures)
from support.wards_support import ward

PATH = "/v1/staff/meetings/topics"


@pytest.fixture
def synced(deps, moderngov, council_clock):
    deps.wards.put_many([ward("w1", -1.2, 53.9, name="Acomb"), ward("w2", -1.1, 53.9, name="Clifton")])
    return deps.replace(clock=council_clock)


def patch(client, person, body, if_match=None):
    headers = {"Content-Type": "application/json", **person.auth, **({"If-Match": if_match} if if_match else {})}
    return client.raw.http.patch(PATH, body=json.dumps(body), headers=headers)


def test_the_sync_places_each_item_and_forthcoming_decision_by_ward_and_topic(synced):
    sync.run(synced)
    items = {i["title"]: i for i in synced.democracy.meeting(ROAD_REPAIRS_SESSION)["items"]}
    assert (items["Road repairs in Acomb ward"]["wards"], items["Road repairs in Acomb ward"]["topics"]) == (
        ["Acomb"], ["highways"])
    assert items["Residents' parking on Bootham, Clifton ward"]["topics"] == ["transport"]
    plan = {d["id"]: d for d in synced.democracy.document("forward_plan")[0]}
    assert (plan["701"]["wards"], plan["701"]["topics"]) == (["Acomb"], ["highways"])


def test_staff_replace_the_mapping_naming_the_version_they_read_and_the_sync_tags_by_it(
        client, people, synced, council_clock):
    officer = people("staff")
    read = client.get(PATH, officer.auth)
    assert read.headers["ETag"] == '"0"' and "highways" in read.json_body["topics"]
    mine = {"topics": {"roads": ["pothole", "carriageway"], "parking": ["parking"]}}
    assert patch(client, officer, mine).status_code == 428
    changed = patch(client, officer, mine, '"0"')
    assert changed.status_code == 200 and changed.headers["ETag"] == '"1"' and changed.json_body["edited"]
    late = patch(client, people("staff"), {"topics": {"other": ["bins"]}}, '"0"')
    assert late.status_code == 409 and late.json_body["current"]["topics"] == {
        "parking": ["parking"], "roads": ["carriageway", "pothole"]}
    sync.run(synced)
    items = {i["title"]: i for i in synced.democracy.meeting(ROAD_REPAIRS_SESSION)["items"]}
    assert items["Road repairs in Acomb ward"]["topics"] == ["roads"]


@pytest.mark.parametrize("body, status", [({}, 400), ({"topics": {}}, 400), ({"topics": {"roads": []}}, 400),
                                          ({"topics": {"roads": "pothole"}}, 400), ({"topics": {"_about": ["x"]}}, 422),
                                          ({"topics": {"roads": ["  "]}}, 422)])
def test_a_mapping_that_cannot_place_anything_gets_a_clear_4xx(client, people, synced, body, status):
    answer = patch(client, people("staff"), body, '"0"')
    assert answer.status_code == status and answer.json_body["error"]["fields"]


def test_residents_cannot_read_or_change_the_mapping(client, people, synced):
    resident = people()
    assert client.get(PATH, resident.auth).status_code == 403
    assert patch(client, resident, {"topics": {"roads": ["pothole"]}}, '"0"').status_code == 403
