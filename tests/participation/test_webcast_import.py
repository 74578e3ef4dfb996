"""Importing a recording's chapters from the webcast provider's index of
item times (a WebVTT chapters track), fetched over real HTTP from a provider
on a free port: each cue matched to an item by its printed number or exact
title, the cues matching nothing listed back, and a provider that is slow,
answers a web page or a file that is not WebVTT changing nothing."""
import json
import time

import pytest

from doorstep_cli.local.webcasts import WebcastProvider
from support.participation_support import APPLICATION, HEADING, PLANNING_MEETING, REPORT_ONLY

WEBCAST = f"/v1/meetings/{PLANNING_MEETING}/webcast"
STAFF = f"/v1/staff/meetings/{PLANNING_MEETING}/webcast"
IMPORT = STAFF + "/chapters/import"
GOOD = """WEBVTT - Planning Committee, 7 December 2026

NOTE the provider's player writes these as the clerk marks each item

1
00:00:00.000 --> 00:01:35.000
Applications

2
00:01:35.000 --> 00:25:00.000 align:start
Item 4a: Land at Acomb Road

3
00:25:00.500 --> 00:40:00.000
<b>5.</b> Appeals performance
"""


@pytest.fixture
def provider(monkeypatch):
    with WebcastProvider() as running:  # its own free port, over real HTTP
        monkeypatch.setenv("DOORSTEP_WEBCAST_CHAPTERS_URL", running.chapters_url)
        running.indexes[PLANNING_MEETING] = GOOD
        yield running


def imported(client, officer, version=0):
    return client.raw.http.post(IMPORT, body=b"", headers={**officer.auth, "If-Match": f'"{version}"'})


def saved(client):
    return [(c["item_id"], c["at_s"]) for c in client.get(WEBCAST).json_body["chapters"]]


def set_by_hand(client, officer):
    chapters = [{"item_id": HEADING, "at_s": 0}, {"item_id": REPORT_ONLY, "at_s": 600}]
    answer = client.raw.http.put(STAFF + "/chapters", body=json.dumps({"chapters": chapters}),
                                 headers={"Content-Type": "application/json", **officer.auth, "If-Match": '"0"'})
    assert answer.status_code == 200
    return [(HEADING, 0), (REPORT_ONLY, 600)]


def test_a_providers_index_becomes_the_chapters_each_cue_matched_by_number_or_title(client, council, people,
                                                                                    provider):
    answer = imported(client, people("staff"))
    assert answer.status_code == 200, answer.body
    body = json.loads(answer.body)
    assert [(m["title"], m["item_id"], m["at"]) for m in body["matched"]] == [
        ("Applications", HEADING, "0:00"), ("Item 4a: Land at Acomb Road", APPLICATION, "1:35"),
        ("5. Appeals performance", REPORT_ONLY, "25:00")]
    assert body["unmatched"] == [] and body["version"] == 1
    assert saved(client) == [(HEADING, 0), (APPLICATION, 95), (REPORT_ONLY, 1500)]
    assert provider.calls == [f"/chapters/{PLANNING_MEETING}.vtt"]


def test_a_cue_matching_no_item_is_listed_back_and_the_rest_are_saved(client, council, people, provider):
    provider.indexes[PLANNING_MEETING] = GOOD.replace("Item 4a: Land at Acomb Road", "Item 7: Any other business")
    body = json.loads(imported(client, people("staff")).body)
    assert body["unmatched"] == [{"title": "Item 7: Any other business", "at_s": 95, "at": "1:35",
                                  "message": '1:35 "Item 7: Any other business" matches no item on the agenda.'}]
    assert saved(client) == [(HEADING, 0), (REPORT_ONLY, 1500)]


@pytest.mark.parametrize("index, says", [
    (GOOD.replace("00:01:35.000 --> 00:25:00.000", "1:35 --> 25:00"), "line 10"),  # times as a person writes them
    (GOOD.replace("WEBVTT", "WEBVTX", 1), "does not start with WEBVTT"),
    (GOOD[:GOOD.index("Applications")], "no title at line 6"),  # cut short after a cue's times
])
def test_a_malformed_index_is_a_502_saying_where_and_the_chapters_kept_are_untouched(client, council, people,
                                                                                     provider, index, says):
    officer = people("staff")
    kept = set_by_hand(client, officer)
    provider.indexes[PLANNING_MEETING] = index
    answer = imported(client, officer, version=1)
    error = json.loads(answer.body)["error"]
    assert (answer.status_code, error["code"]) == (502, "webcast_index_malformed")
    assert says in error["message"] and "Nothing was changed" in error["message"]
    assert saved(client) == kept


def test_a_provider_answering_a_web_page_changes_nothing(client, council, people, provider):
    officer = people("staff")
    kept = set_by_hand(client, officer)
    provider.html = True  # a sign-in page, 200, as a provider's CDN answers
    answer = imported(client, officer, version=1)
    assert (answer.status_code, json.loads(answer.body)["error"]["code"]) == (502, "webcast_index_malformed")
    assert "web page" in json.loads(answer.body)["error"]["message"]
    assert saved(client) == kept


def test_a_provider_that_does_not_answer_in_time_is_given_up_on_and_changes_nothing(client, council, people,
                                                                                     provider, monkeypatch):
    monkeypatch.setenv("DOORSTEP_WEBCAST_CHAPTERS_TIMEOUT_S", "0.3")
    officer = people("staff")
    kept = set_by_hand(client, officer)
    provider.delay_s = 3
    started = time.perf_counter()
    answer = imported(client, officer, version=1)
    took = time.perf_counter() - started
    error = json.loads(answer.body)["error"]
    assert (answer.status_code, error["code"]) == (502, "webcast_provider_unavailable")
    assert "within 0.3 seconds" in error["message"] and took < 2, took
    assert saved(client) == kept


def test_an_import_needs_the_version_read_and_asks_the_provider_only_with_it(client, council, people, provider):
    officer = people("staff")
    answer = client.raw.http.post(IMPORT, body=b"", headers=officer.auth)
    assert answer.status_code == 428 and provider.calls == []
    set_by_hand(client, officer)
    assert imported(client, officer, version=0).status_code == 409  # another officer saved first
    assert saved(client) == [(HEADING, 0), (REPORT_ONLY, 600)]


def test_an_index_naming_nothing_on_the_agenda_or_none_at_all_changes_nothing(client, council, people, provider,
                                                                               monkeypatch):
    officer = people("staff")
    kept = set_by_hand(client, officer)
    provider.indexes[PLANNING_MEETING] = "WEBVTT\n\n00:00.000 --> 00:10.000\nItem 9: Another meeting's item\n"
    answer = imported(client, officer, version=1)
    assert (answer.status_code, json.loads(answer.body)["error"]["code"]) == (422, "chapters_not_matched")
    assert json.loads(answer.body)["error"]["fields"][0]["message"].startswith('0:00 "Item 9')
    del provider.indexes[PLANNING_MEETING]  # a meeting the provider never recorded
    assert json.loads(imported(client, officer, version=1).body)["error"]["code"] == "webcast_index_not_found"
    monkeypatch.delenv("DOORSTEP_WEBCAST_CHAPTERS_URL")
    assert imported(client, officer, version=1).status_code == 503
    assert saved(client) == kept


def test_the_local_providers_demo_index_matches_the_local_agendas_public_items_but_its_adjournment():
    from urllib.request import urlopen
    from chalicelib.handlers.democracy.moderngov import answers
    from chalicelib.handlers.participation.vtt import cues
    from chalicelib.handlers.participation.webcasts import match
    from doorstep_cli.local.moderngov import ModernGov
    from doorstep_cli.local.webcasts import demo_index
    with ModernGov() as office:  # its agenda as the sync reads it; 1402 has exempt items, unrecorded
        raw = urlopen(office.url + "/mgWebService.asmx/GetMeeting?lMeetingId=1402", timeout=5).read()
    printed = [{"id": i.id, "number": i.number, "title": i.title} for i in answers.meeting(raw).items]
    found = cues(demo_index("1402"))
    assert [c["title"] for c in found if match(c["title"], printed) is None] == ["Adjournment"]
    assert [match(c["title"], printed)["id"] for c in found if c["title"] != "Adjournment"] == [
        i["id"] for i in printed]


def test_make_run_points_the_app_at_its_own_provider_unless_a_councils_is_configured(monkeypatch):
    import os
    from urllib.request import urlopen
    from doorstep_cli.local.stack import start_local_webcasts
    for name in ("DOORSTEP_WEBCAST_URL", "DOORSTEP_WEBCAST_CHAPTERS_URL"):
        monkeypatch.setenv(name, "")  # unset, and put back as it was after the test
    monkeypatch.setenv("DOORSTEP_WEBCAST_PORT", "0")  # a port of its own: none to race for
    provider = start_local_webcasts(8000)
    try:
        with urlopen(os.environ["DOORSTEP_WEBCAST_CHAPTERS_URL"].replace("{meeting_id}", "1301"), timeout=5) as got:
            assert got.headers["Content-Type"].startswith("text/vtt") and got.read().startswith(b"WEBVTT")
        assert os.environ["DOORSTEP_WEBCAST_URL"] == provider.url + "/webcast/{meeting_id}"
    finally:
        provider.close()
    monkeypatch.setenv("DOORSTEP_WEBCAST_CHAPTERS_URL", "https://york.public-i.tv/chapters/{meeting_id}.vtt")
    assert start_local_webcasts(8000) is None


def test_an_index_with_two_items_starting_in_one_second_is_refused_naming_its_cue_and_changes_nothing(
        client, council, people, provider):
    """The reader keeps cues in order; two starting within one second are one second apart once rounded
    down, and the save refuses them as it would an officer's list: never one silently first."""
    officer = people("staff")
    kept = set_by_hand(client, officer)
    provider.indexes[PLANNING_MEETING] = ("WEBVTT\n\n00:00.000 --> 01:35.000\nApplications\n\n"
                                          "NOTE a cue matching nothing between them\n\n"
                                          "01:35.100 --> 01:35.500\nA word from the chair\n\n"
                                          "01:35.200 --> 25:00.000\nItem 4a: Land at Acomb Road\n\n"
                                          "01:35.800 --> 40:00.000\n5. Appeals performance\n")
    answer = imported(client, officer, version=1)
    error = json.loads(answer.body)["error"]
    assert (answer.status_code, error["code"]) == (422, "validation_failed")
    assert error["message"].endswith("Nothing was changed.")
    assert [(f["field"], f["message"]) for f in error["fields"]] == [
        ("$.cues[3].at_s", "5 Appeals performance must start after 4a Land at Acomb Road: 40 homes, which starts "
                           "at 1:35")]
    assert saved(client) == kept
