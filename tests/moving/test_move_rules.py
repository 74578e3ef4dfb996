"""Telling us about a move: the councils' rules on its date, in London's days
(just after midnight in British Summer Time, UTC's date is still yesterday),
and addresses that must be York's own; every refusal a 4xx with the rule in words."""
from datetime import datetime, timezone

import pytest
import time_machine

from support.moving_support import NEW_HOME, homes, living_at, move

# 00:30 on Sunday 25 October 2026 in London (BST), the night the clocks go back; UTC says the 24th.
NIGHT = datetime(2026, 10, 24, 23, 30, tzinfo=timezone.utc)


@pytest.fixture
def night():
    with time_machine.travel(NIGHT, tick=False):
        yield


@pytest.mark.parametrize("day, status, late", [
    ("2026-11-08", 201, False),  # 14 days ahead of London's 25 October: taken (UTC's date would make it 15)
    ("2026-11-09", 422, None),  # 15 days ahead: refused, the rule in words
    ("2026-10-04", 201, False),  # 21 days ago: in time
    ("2026-10-03", 201, True),  # 22 days ago: taken, with a note for staff (UTC's date would make it 21)
])
def test_a_move_date_is_judged_by_londons_day_on_the_night_the_clocks_go_back(client, deps, people, night, day,
                                                                              status, late):
    homes(deps)
    resident = people()
    answer = move(client, resident, {"move": "in", "date": day, "to_uprn": NEW_HOME})
    assert answer.status_code == status, answer.body
    if status == 422:
        error = answer.json_body["error"]
        assert error["code"] == "move_too_far_ahead" and "14 days" in error["message"]
        assert "26 October 2026" in error["message"]  # come back then: 14 days before the 9th
        assert deps.moves.of_user(resident.user.id) == []
    else:
        assert answer.json_body["late"] is late


def test_a_move_over_a_year_ago_is_refused_with_the_rule_in_words(client, deps, people, night):
    homes(deps)
    answer = move(client, people(), {"move": "in", "date": "2025-10-20", "to_uprn": NEW_HOME})
    assert answer.status_code == 422 and answer.json_body["error"]["fields"][0]["field"] == "date"
    assert "12 months" in answer.json_body["error"]["fields"][0]["message"]


@pytest.mark.parametrize("body, status, field", [
    ({"move": "within", "date": "2026-11-01", "to_uprn": "990000009999", "tenure": "sold"}, 422, "to_uprn"),
    ({"move": "within", "date": "2026-11-01", "to_uprn": "990000000501", "tenure": "sold"}, 422, "to_uprn"),
    ({"move": "out", "date": "2026-11-01", "to_uprn": NEW_HOME, "tenure": "rented",
      "forwarding": "4 Quay Street, Whitby"}, 422, "to_uprn"),
    ({"move": "out", "date": "2026-11-01", "tenure": "rented"}, 422, "forwarding"),
    ({"move": "within", "date": "2026-02-30", "to_uprn": NEW_HOME, "tenure": "sold"}, 400, "date"),
    ({"move": "within", "date": "1 Nov", "to_uprn": NEW_HOME, "tenure": "sold"}, 400, "date"),
    ({"move": "sideways", "date": "2026-11-01"}, 400, "move"),
    ({"move": "within", "date": "2026-11-01", "to_uprn": NEW_HOME, "tenure": "sold",
      "contact": {"role": "landlord", "name": "A Landlord"}}, 422, "contact"),
    ({"move": "within", "date": "2026-11-01", "to_uprn": NEW_HOME, "tenure": "sold",
      "contact": {"role": "landlord"}}, 400, "contact"),
    ({"move": "in", "date": "2026-11-01", "to_uprn": "not-a-uprn"}, 400, "to_uprn"),
])
def test_bad_dates_and_addresses_get_a_4xx_naming_the_field(client, deps, people, night, body, status, field):
    homes(deps)
    resident = people()
    living_at(deps, resident)
    answer = move(client, resident, body)
    assert answer.status_code == status, answer.body
    assert field in [f["field"] for f in answer.json_body["error"]["fields"]]


def test_moving_within_without_a_saved_address_asks_where_from(client, deps, people, night):
    homes(deps)
    answer = move(client, people(), {"move": "within", "date": "2026-11-01", "to_uprn": NEW_HOME, "tenure": "sold"})
    assert answer.status_code == 422 and answer.json_body["error"]["fields"][0]["field"] == "from_uprn"


def test_telling_again_with_the_same_key_is_the_same_move(client, deps, people, night):
    homes(deps)
    resident = people()
    first = move(client, resident, {"move": "in", "date": "2026-11-01", "to_uprn": NEW_HOME})
    again = move(client, resident, {"move": "in", "date": "2026-11-01", "to_uprn": NEW_HOME})
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json_body["id"] == first.json_body["id"] and len(deps.moves.of_user(resident.user.id)) == 1


def test_a_moves_refusals_name_the_council_whose_address_it_is_told_at(client, deps, people):
    from support.councils_support import NL_HOST, add, at, north_lanarkshire, signed_in_at
    add(deps, north_lanarkshire())
    york = deps.council.short_name  # the tests' York: the default council as the tests' storage has it
    for host, council, place in ((None, "york", york), (NL_HOST, "north-lanarkshire", "North Lanarkshire")):
        headers = {**signed_in_at(deps, council, "resident"), "Idempotency-Key": f"kind-{council}"}
        told = client.post("/v1/me/moves", {"move": "sideways"}, at(host, headers) if host else headers)
        said = " ".join(p["message"] for p in told.json_body["error"]["fields"])
        assert told.status_code == 400 and f"out of {place}, or within {place}" in said, said
        assert place == york or york.lower() not in said.lower()
