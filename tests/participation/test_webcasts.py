"""Webcasts linked to items: the provider's address from configuration, an
officer marking "now on item N" live, chapters set afterwards, a resident
going from an item to that minute, and YouTube's description text checked
against YouTube's rules."""
from datetime import datetime, timedelta

import pytest

from support.participation_support import APPLICATION, HEADING, LONDON, PLANNING_MEETING, REPORT_ONLY

WEBCAST = f"/v1/meetings/{PLANNING_MEETING}/webcast"
STAFF = f"/v1/staff/meetings/{PLANNING_MEETING}/webcast"
SIX_PM = datetime(2026, 12, 7, 18, 0, tzinfo=LONDON)


@pytest.fixture
def provider(monkeypatch):
    monkeypatch.setenv("DOORSTEP_WEBCAST_URL", "https://york.public-i.tv/core/portal/webcast_interactive/{meeting_id}")


def put(client, path, body, headers):
    import json
    return client.raw.http.put(path, body=json.dumps(body), headers={"Content-Type": "application/json", **headers})


def chapters(client, officer, given, version=0):
    return put(client, STAFF + "/chapters", {"chapters": given}, {**officer.auth, "If-Match": f'"{version}"'})


def test_an_officer_marks_items_live_and_afterwards_a_resident_jumps_to_that_minute(client, council, people, provider):
    for item_id, later in ((HEADING, 0), (APPLICATION, 95), (REPORT_ONLY, 25 * 60)):
        council.move_to(SIX_PM + timedelta(seconds=later))
        marked = client.post(STAFF + "/now", {"item_id": item_id}, people("staff").auth)  # a session of its time
        assert marked.status_code == 200 and marked.json_body["now_on"] == item_id
    council.move_to(SIX_PM + timedelta(days=1))
    webcast = client.get(WEBCAST).json_body
    assert webcast["url"] == "https://york.public-i.tv/core/portal/webcast_interactive/2101"
    application = next(c for c in webcast["chapters"] if c["item_id"] == APPLICATION)
    assert (application["at"], application["url"]) == (
        "1:35", "https://york.public-i.tv/core/portal/webcast_interactive/2101?t=95")
    text = client.get(STAFF + "/youtube.txt", people("staff").auth)
    assert text.body.decode() == ("0:00 Applications\n1:35 4a Land at Acomb Road: 40 homes\n"
                                  "25:00 5 Appeals performance\n")


def test_now_on_is_marked_only_on_the_meetings_day_around_its_start_and_the_webcast_says_when(
        client, council, people, provider):
    says = "Items can be marked as they start from 5pm on Monday 7 December 2026 until 6am on Tuesday 8 December 2026."
    for early in (SIX_PM - timedelta(days=7), SIX_PM - timedelta(hours=1, minutes=1)):  # a week, a minute too soon
        council.move_to(early)
        assert client.get(WEBCAST).json_body["live"]["open"] is False
        refused = client.post(STAFF + "/now", {"item_id": HEADING}, people("staff").auth)
        assert refused.status_code == 422 and refused.json_body["error"]["code"] == "not_meeting_time"
        assert refused.json_body["error"]["message"].startswith(
            "Items can be marked only while the meeting is on: from 5pm on Monday 7 December 2026 until 6am on "
            "Tuesday 8 December 2026.")
        assert client.get(WEBCAST).json_body["now_on"] is None  # the public page does not say "Live"
    council.move_to(SIX_PM - timedelta(hours=1))
    webcast = client.get(WEBCAST).json_body
    assert webcast["live"]["open"] is True and webcast["live"]["says"] == says
    assert client.post(STAFF + "/now", {"item_id": HEADING}, people("staff").auth).status_code == 200
    council.move_to(SIX_PM + timedelta(hours=12))  # 6am: the longest evening is over
    late = client.post(STAFF + "/now", {"item_id": APPLICATION}, people("staff").auth)
    assert late.status_code == 422 and late.json_body["error"]["code"] == "not_meeting_time"


def test_the_webcast_says_whether_youtube_would_take_its_chapters_before_anyone_asks(
        client, council, people, provider):
    officer = people("staff")
    assert client.get(WEBCAST).json_body["youtube"] == {
        "ready": False, "problems": ["YouTube needs at least 3 chapters; there are 0."]}
    given = [{"item_id": HEADING, "at_s": 0}, {"item_id": APPLICATION, "at_s": 60},
             {"item_id": REPORT_ONLY, "at_s": 120}]
    assert chapters(client, officer, given).status_code == 200
    assert client.get(WEBCAST).json_body["youtube"] == {"ready": True, "problems": []}
    assert client.get(STAFF + "/youtube.txt", officer.auth).status_code == 200


def test_youtube_chapters_that_break_its_rules_are_refused_saying_which(client, council, people, provider):
    officer = people("staff")
    assert chapters(client, officer, [{"item_id": HEADING, "at_s": 5}, {"item_id": APPLICATION, "at_s": 9}]
                    ).status_code == 200
    refused = client.get(STAFF + "/youtube.txt", officer.auth)
    assert refused.status_code == 422 and refused.json_body["error"]["code"] == "chapters_not_accepted"
    assert [f["message"] for f in refused.json_body["error"]["fields"]] == [
        "YouTube needs at least 3 chapters; there are 2.",
        "The first chapter must start at 0:00; it starts at 0:05.",
        "The chapter at 0:09 is 4 s after the one at 0:05: YouTube needs at least 10 s."]


def test_chapters_set_afterwards_need_the_version_read(client, council, people, provider):
    officer = people("staff")
    given = [{"item_id": HEADING, "at_s": 0}, {"item_id": APPLICATION, "at_s": 60},
             {"item_id": REPORT_ONLY, "at_s": 3700}]
    assert chapters(client, officer, given).json_body["version"] == 1
    assert chapters(client, officer, given).status_code == 409
    assert client.get(STAFF + "/youtube.txt", officer.auth).body.decode().splitlines()[2].startswith("1:01:40 ")


def test_bad_chapters_get_a_clear_4xx(client, council, people):
    officer = people("staff")
    for given in ([{"item_id": HEADING, "at_s": -1}], [{"item_id": 99, "at_s": 0}],
                  [{"item_id": HEADING, "at_s": "0"}], "all of them", [{"item_id": HEADING}]):
        answer = chapters(client, officer, given)
        assert answer.status_code == 400, given
    assert client.post(STAFF + "/now", {"item_id": "99"}, officer.auth).status_code == 404
    assert client.post(STAFF + "/now", {"item": APPLICATION}, officer.auth).status_code == 400
    assert put(client, STAFF + "/chapters", {"chapters": []}, officer.auth).status_code == 428
    assert client.get(WEBCAST).json_body["url"] is None  # no provider configured


def test_residents_cannot_mark_chapters(client, council, people):
    assert client.post(STAFF + "/now", {"item_id": APPLICATION}, people().auth).status_code == 403


def test_chapters_out_of_order_at_one_time_or_off_the_agenda_are_refused_by_their_path_never_sorted(
        client, council, people):
    officer = people("staff")
    kept = [{"item_id": HEADING, "at_s": 0}, {"item_id": APPLICATION, "at_s": 95}]
    assert chapters(client, officer, kept).status_code == 200
    cases = {
        "out of order": ([{"item_id": HEADING, "at_s": 0}, {"item_id": APPLICATION, "at_s": 1500},
                          {"item_id": REPORT_ONLY, "at_s": 95}],
                         [("$.chapters[2].at_s", "5 Appeals performance must start after 4a Land at Acomb Road: "
                                                 "40 homes, which starts at 25:00")]),
        "at one time": ([{"item_id": HEADING, "at_s": 0}, {"item_id": APPLICATION, "at_s": 95},
                         {"item_id": REPORT_ONLY, "at_s": 95}],
                        [("$.chapters[2].at_s", "5 Appeals performance must start after 4a Land at Acomb Road: "
                                                "40 homes, which starts at 1:35")]),
        "off the agenda": ([{"item_id": HEADING, "at_s": 0}, {"item_id": "99", "at_s": 95}],
                           [("$.chapters[1].item_id", "Chapter 2 names item 99, which is not on this meeting's "
                                                      "agenda")]),
        "every problem at once": ([{"item_id": APPLICATION, "at_s": 60}, {"item_id": "99", "at_s": 30},
                                   {"item_id": REPORT_ONLY, "at_s": 30}],
                                  [("$.chapters[1].item_id", "Chapter 2 names item 99, which is not on this "
                                                             "meeting's agenda"),
                                   ("$.chapters[1].at_s", "item 99 must start after 4a Land at Acomb Road: 40 homes, "
                                                          "which starts at 1:00"),
                                   ("$.chapters[2].at_s", "5 Appeals performance must start after item 99, which "
                                                          "starts at 0:30")])}
    for case, (given, said) in cases.items():
        answer = chapters(client, officer, given, version=1)
        error = answer.json_body["error"]
        assert (answer.status_code, error["code"]) == (422, "validation_failed"), case
        assert [(f["field"], f["message"]) for f in error["fields"]] == said, case
    assert [(c["item_id"], c["at_s"]) for c in client.get(WEBCAST).json_body["chapters"]] == [
        (HEADING, 0), (APPLICATION, 95)]  # nothing saved, nothing reordered
    assert chapters(client, officer, kept + [{"item_id": REPORT_ONLY, "at_s": 96}], version=0).status_code == 409
    assert put(client, STAFF + "/chapters", {"chapters": kept}, officer.auth).status_code == 428


def test_a_list_saved_with_two_chapters_5_s_apart_is_kept_and_refused_by_the_youtube_export_saying_which(
        client, council, people):
    """A save checks order, not YouTube's spacing: the export does, as before, and says which chapter."""
    officer = people("staff")
    given = [{"item_id": HEADING, "at_s": 0}, {"item_id": APPLICATION, "at_s": 60},
             {"item_id": REPORT_ONLY, "at_s": 65}]
    assert chapters(client, officer, given).status_code == 200
    refused = client.get(STAFF + "/youtube.txt", officer.auth)
    assert (refused.status_code, refused.json_body["error"]["code"]) == (422, "chapters_not_accepted")
    assert [(f["field"], f["message"]) for f in refused.json_body["error"]["fields"]] == [
        ("chapters[2]", "The chapter at 1:05 is 5 s after the one at 1:00: YouTube needs at least 10 s.")]


def test_live_marks_5_s_apart_are_kept_as_marked_and_the_export_says_which_youtube_would_refuse(
        client, council, people):
    """A live mark is a moment: YouTube's 10 s are not asked of it (docs/decisions/participation.md)."""
    for item_id, later in ((HEADING, 0), (APPLICATION, 5), (REPORT_ONLY, 600)):
        council.move_to(SIX_PM + timedelta(seconds=later))
        marked = client.post(STAFF + "/now", {"item_id": item_id}, people("staff").auth)  # a session of its time
        assert marked.status_code == 200
    assert [(c["item_id"], c["at_s"]) for c in client.get(WEBCAST).json_body["chapters"]] == [
        (HEADING, 0), (APPLICATION, 5), (REPORT_ONLY, 600)]
    refused = client.get(STAFF + "/youtube.txt", people("staff").auth)
    assert [f["field"] for f in refused.json_body["error"]["fields"]] == ["chapters[1]"]
