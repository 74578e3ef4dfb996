"""Staff's side of meetings: the sync's health as staff read it (the last
good answer and its age, failures in a row, what the committee system
answered, when the next run asks), and an agenda item's tags, which staff
correct naming the version they read; a correction outlives the sync's
later copies of the agenda, even one racing it."""
import json

import pytest

from chalicelib.handlers.democracy import sync
from support.democracy_support import MORNING, ROAD_REPAIRS_SESSION
from support.democracy_support import council_clock, moderngov  # noqa: F401 (fixtures)
from support.wards_support import ward

HEALTH = "/v1/staff/meetings/health"
TAGS = f"/v1/staff/meetings/{ROAD_REPAIRS_SESSION}/tags"
ROAD_REPAIRS = "14023"  # the agenda item "Road repairs in Acomb ward"
PART_B = "14026"  # a heading: no tags of its own


@pytest.fixture
def synced(deps, moderngov, council_clock):
    """Three wards, one sync at the council's morning, and the app's clock there too."""
    import time_machine
    deps.wards.put_many([ward("w1", -1.2, 53.9, name="Acomb"), ward("w2", -1.1, 53.9, name="Clifton"),
                         ward("w3", -1.0, 53.9, name="Westfield")])
    deps = deps.replace(clock=council_clock)
    sync.run(deps)
    moderngov.calls.clear()
    with time_machine.travel(MORNING, tick=False) as traveller:
        deps.travel = traveller
        yield deps


def later(synced, council_clock, **delta):
    council_clock.advance(**delta)
    synced.travel.move_to(council_clock.now)


def retag(client, person, item, body, if_match=None):
    headers = {"Content-Type": "application/json", **person.auth, **({"If-Match": if_match} if if_match else {})}
    return client.raw.http.patch(f"/v1/staff/meetings/{ROAD_REPAIRS_SESSION}/items/{item}/tags",
                                 body=json.dumps(body), headers=headers)


def item_of(meeting, item_id):
    return next(i for i in meeting["items"] if i["id"] == item_id)


def test_staff_see_what_the_committee_system_answered_how_often_it_failed_and_when_it_is_asked_again(
        client, people, synced, moderngov, council_clock):
    good = client.get(HEALTH, people("staff").auth).json_body
    assert good["sources"]["agendas"]["failures"] == 0 and good["age_s"] == 0 and not good["stale"]
    moderngov.challenge = True
    for _ in range(2):
        later(synced, council_clock, hours=1)  # the meetings' lists are asked hourly, and first
        sync.run(synced)
    seen = client.get(HEALTH, people("staff").auth).json_body  # a new session: an access token lasts minutes
    committees = seen["sources"]["meetings"]
    assert (committees["failure"], committees["answered"], committees["failures"]) == ("blocked", "html_page", 2)
    assert committees["age_s"] == 2 * 3600 and seen["age_s"] == 2 * 3600 and seen["stale"] is False
    assert seen["next_try_by"] == "2026-11-24T12:15:00Z"  # the last run at noon (GMT) and the schedule's 15 minutes
    moderngov.challenge, moderngov.delay_s = False, 1.0
    from chalicelib.handlers.democracy.backoffice import configured
    configured(synced).timeout_s = 0.2  # a council's that answers too slowly
    later(synced, council_clock, hours=1)
    sync.run(synced)
    slow = client.get(HEALTH, people("staff").auth).json_body["sources"]["meetings"]
    assert (slow["failure"], slow["answered"], slow["failures"]) == ("unreachable", "timed_out", 3)
    moderngov.delay_s = 0
    moderngov.down = True  # every call a 503
    later(synced, council_clock, hours=1)
    sync.run(synced)
    down = client.get(HEALTH, people("staff").auth).json_body["sources"]["meetings"]
    assert (down["answered"], down["status"], down["failures"]) == ("http_status", 503, 4)
    moderngov.down = False
    later(synced, council_clock, hours=1)
    sync.run(synced)
    assert client.get(HEALTH, people("staff").auth).json_body["sources"]["meetings"]["failures"] == 0
    moderngov.close()  # nothing listening: the connection refused
    later(synced, council_clock, hours=1)
    sync.run(synced)
    gone = client.get(HEALTH, people("staff").auth).json_body["sources"]["meetings"]
    assert (gone["failure"], gone["answered"], gone["failures"]) == ("unreachable", "refused", 1)


def test_staff_correct_an_items_wards_and_topics_naming_the_version_they_read(client, people, synced):
    officer = people("staff")
    read = client.get(TAGS, officer.auth)
    assert read.headers["ETag"] == '"0"'
    road = next(i for i in read.json_body["items"] if i["id"] == ROAD_REPAIRS)
    assert (road["wards"], road["topics"], road["edited_at"]) == (["Acomb"], ["highways"], None)
    assert PART_B not in {i["id"] for i in read.json_body["items"]}
    assert read.json_body["wards"] == ["Acomb", "Clifton", "Westfield"] and "highways" in read.json_body["topics"]
    mine = {"wards": ["Acomb", "Westfield"], "topics": ["highways"]}
    assert retag(client, officer, ROAD_REPAIRS, mine).status_code == 428
    changed = retag(client, officer, ROAD_REPAIRS, mine, '"0"')
    assert changed.status_code == 200 and changed.headers["ETag"] == '"1"'
    late = retag(client, people("staff"), ROAD_REPAIRS, {"wards": [], "topics": []}, '"0"')
    assert late.status_code == 409 and late.headers["ETag"] == '"1"'
    assert item_of(late.json_body["current"], ROAD_REPAIRS)["wards"] == ["Acomb", "Westfield"]
    meeting = synced.democracy.meeting(ROAD_REPAIRS_SESSION)
    assert item_of(meeting, ROAD_REPAIRS)["wards"] == ["Acomb", "Westfield"] and "Westfield" in meeting["wards"]
    listed = client.get("/v1/meetings?ward=Westfield").json_body["meetings"]
    assert ROAD_REPAIRS_SESSION in {m["id"] for m in listed}
    back = retag(client, officer, ROAD_REPAIRS, {"from_words": True}, '"1"')
    assert item_of(back.json_body, ROAD_REPAIRS)["wards"] == ["Acomb"]
    assert item_of(back.json_body, ROAD_REPAIRS)["edited_at"] is None


def test_a_correction_outlives_the_syncs_later_copies_of_the_agenda(client, people, synced, moderngov, council_clock):
    officer = people("staff")
    retag(client, officer, ROAD_REPAIRS, {"wards": ["Westfield"], "topics": []}, '"0"')
    moderngov.add_paper(ROAD_REPAIRS_SESSION, "Supplementary: revised map")  # the agenda changes
    council_clock.advance(minutes=30)
    assert ROAD_REPAIRS_SESSION in sync.run(synced)["changed_ids"]
    meeting = synced.democracy.meeting(ROAD_REPAIRS_SESSION)
    assert (item_of(meeting, ROAD_REPAIRS)["wards"], item_of(meeting, ROAD_REPAIRS)["topics"]) == (["Westfield"], [])
    assert any(p["title"] == "Supplementary: revised map" for i in meeting["items"] for p in i["papers"])


def test_an_edit_landing_while_the_sync_copies_the_agenda_is_not_undone(client, people, synced, moderngov,
                                                                       council_clock, monkeypatch):
    """The sync reads the row, an officer corrects a tag, the sync writes: a
    plain put would undo the correction; the sync's write is conditioned on
    the tags' version and made again over the row as it now is."""
    officer, store = people("staff"), synced.democracy
    moderngov.add_paper(ROAD_REPAIRS_SESSION, "Supplementary: revised map")
    original, raced = store.save_meeting, []

    def officer_first(meeting, events=()):
        if meeting["id"] == ROAD_REPAIRS_SESSION and not raced:
            raced.append(retag(client, officer, ROAD_REPAIRS, {"wards": ["Clifton"], "topics": []}, '"0"').status_code)
        return original(meeting, events)

    monkeypatch.setattr(store, "save_meeting", officer_first)
    council_clock.advance(minutes=30)
    sync.run(synced)
    meeting = store.meeting(ROAD_REPAIRS_SESSION)
    assert raced == [200] and item_of(meeting, ROAD_REPAIRS)["wards"] == ["Clifton"]
    assert any(p["title"] == "Supplementary: revised map" for i in meeting["items"] for p in i["papers"])


@pytest.mark.parametrize("item, body, status", [
    (ROAD_REPAIRS, {"wards": ["Atlantis"], "topics": []}, 422),
    (ROAD_REPAIRS, {"wards": ["Acomb"], "topics": ["astronomy"]}, 422),
    (ROAD_REPAIRS, {"wards": "Acomb", "topics": []}, 400),
    (ROAD_REPAIRS, {"topics": []}, 400),
    (ROAD_REPAIRS, {"from_words": True, "wards": []}, 400),
    (PART_B, {"wards": [], "topics": []}, 404),
    ("99999", {"wards": [], "topics": []}, 404),
    ("14o23", {"wards": [], "topics": []}, 404),  # no item's id has that form
])
def test_a_tag_edit_that_cannot_be_made_gets_a_clear_4xx(client, people, synced, item, body, status):
    answer = retag(client, people("staff"), item, body, '"0"')
    assert answer.status_code == status, answer.json_body
    assert answer.json_body["error"]["message"]
