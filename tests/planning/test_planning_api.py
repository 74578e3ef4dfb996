"""Residents read our copy of the register: applications near a point by
phase, one application with when comments close in words and where to
comment; bad input is a 400 naming the field; the copy answers, with its
age, while the register is away; a read costs what it returns."""
import re
from datetime import timedelta

import pytest
import time_machine

from chalicelib.handlers.planning import sync
from support.planning_support import MORNING
from support.planning_support import council_clock, public_access, york_addresses  # noqa: F401 (fixtures)

THREE_MICKLEGATE = "lat=53.95591&lon=-1.088633"
NEAR = "/v1/planning/applications"


@pytest.fixture
def synced(york_addresses, public_access, council_clock):
    deps = york_addresses.replace(clock=council_clock)
    sync.run(deps)
    with time_machine.travel(MORNING + timedelta(hours=1), tick=False):
        yield deps


def test_near_a_home_lists_those_within_500_m_nearest_first_and_not_one_32_m_past_it(synced, client):
    answer = client.get(f"{NEAR}?{THREE_MICKLEGATE}")
    assert answer.status_code == 200
    found = answer.json_body["applications"]
    assert [(a["reference"], a["distance_m"]) for a in found] == [("26/00412/FUL", 0), ("26/00418/LBC", 80)]
    wider = client.get(f"{NEAR}?{THREE_MICKLEGATE}&radius=540").json_body["applications"]
    assert [a["reference"] for a in wider][-1] == "26/00430/ADV"  # 11 Coney Street, 532 m away


def test_by_phase_open_awaiting_and_decided_each_hold_only_their_own(synced, client):
    phases = {p: [a["reference"] for a in client.get(f"{NEAR}?{THREE_MICKLEGATE}&radius=2000&status={p}")
                  .json_body["applications"]] for p in ("open", "awaiting", "decided")}
    assert "26/00412/FUL" in phases["open"] and "26/00421/TCA" in phases["decided"]
    assert "26/00397/FUL" in phases["decided"]  # refused and appealed
    assert not set(phases["open"]) & set(phases["decided"]) and not set(phases["awaiting"]) & set(phases["open"])


def test_one_application_says_when_comments_close_in_words_and_links_to_its_comment_tab(synced, client):
    found = client.get(f"{NEAR}/26-00412-ful").json_body
    assert (found["reference"], found["validated"], found["phase"]) == ("26/00412/FUL", "2026-11-20", "open")
    assert found["comments"] == "Comments close on Friday 11 December 2026"
    assert found["comment_link"].endswith("activeTab=makeComment&keyVal=PA00HOU0001")
    assert found["decision_words"] == "Awaiting a decision"


def test_a_decided_application_gives_its_decision_with_its_day_and_no_comment_link(synced, client):
    found = client.get(f"{NEAR}/26-00397-ful").json_body
    assert found["decision_words"] == "Refused on Thursday 19 November 2026"
    assert (found["appeal_status"], found["comment_link"]) == ("Appeal Lodged", None)


@pytest.mark.parametrize("query,field", [("lon=-1.08", "lat"), ("lat=north&lon=-1.08", "lat"),
                                         (f"{THREE_MICKLEGATE}&radius=5000", "radius"),
                                         (f"{THREE_MICKLEGATE}&radius=near", "radius"),
                                         (f"{THREE_MICKLEGATE}&status=pending", "status")])
def test_bad_input_is_a_400_naming_the_field(client, query, field):
    answer = client.get(f"{NEAR}?{query}")
    assert answer.status_code == 400
    assert field in [f["field"] for f in answer.json_body["error"]["fields"]]


def test_a_point_beyond_the_councils_area_is_a_422_not_a_search_of_the_world(client):
    answer = client.get(f"{NEAR}?lat=90&lon=180&radius=2000")
    assert (answer.status_code, answer.json_body["error"]["code"]) == (422, "outside_service_area")


def test_an_application_not_in_our_copy_is_a_404_and_an_id_no_reference_can_be_too(client):
    assert client.get(f"{NEAR}/26-99999-ful").json_body["error"]["code"] == "application_not_found"
    assert client.get(f"{NEAR}/26%2F00412%2FFUL").status_code == 404


def test_with_the_register_stopped_the_copy_still_answers_marked_with_its_age(
        synced, client, public_access, council_clock):
    public_access.down = True
    council_clock.advance(days=3)
    assert sync.run(synced)["stopped"] == "unreachable"
    with time_machine.travel(council_clock.now, tick=False):
        answer = client.get(f"{NEAR}?{THREE_MICKLEGATE}").json_body
    assert [a["reference"] for a in answer["applications"]] == ["26/00412/FUL", "26/00418/LBC"]
    assert answer["synced_at"] == "2026-11-24T10:00:00Z" and answer["stale"] is True
    assert answer["age_s"] == 3 * 86400


def test_near_me_costs_what_it_returns_and_says_so(synced, client):
    answer = client.get(f"{NEAR}?{THREE_MICKLEGATE}")
    timing = re.search(r'queries=(\d+) items=(\d+)', answer.headers["Server-Timing"])
    queries, items = int(timing.group(1)), int(timing.group(2))
    assert queries <= 4 and items <= len(answer.json_body["applications"]) + 3  # a cell's neighbours, the health
