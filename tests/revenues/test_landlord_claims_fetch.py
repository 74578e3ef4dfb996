"""The back office's list of a landlord's claims is asked for once at a
time: the first searches after a start, racing, wait for the one that asks
and answer from its list; the copy is written from that list, not asked for
again; a lease left by a process that died is taken over; and a back office
that fails the one asking is said to those waiting without asking it again."""
from datetime import timedelta

from doorstep_cli.local.civica_landlord_data import ASSOCIATION
from support.effects_support import run_stream
from support.racing import at_once
from support.revenues_support import civica, council_morning  # noqa: F401 (fixtures)
from test_landlords_portal import ASSOCIATION_PROOF, landlord  # noqa: F401 (a fixture)

ASKED = ("Dawson", "Oakes", "Eli Oakes", "264 Heworth Green", "YO31 7TQ", "HB50003", "Fishergate", "Flat 5",
         "Tang Hall Lane", "Khan", "Hana Moss", "yo10 4aa", "Holgate Road", "HB51973")  # 14 at once


def test_fourteen_first_searches_at_once_ask_the_back_office_for_the_list_once(
        client, landlord, civica, deps):
    lead = landlord(ASSOCIATION_PROOF)
    civica.calls.clear()
    civica.delay_s = 0.3  # each call a moment long, so the racers' first reads all find nothing kept
    answers = at_once(lambda q: client.get(f"/v1/me/landlord/claims?q={q}", lead.auth), ASKED)
    assert [a.status_code for a in answers] == [200] * len(ASKED), [a.body for a in answers if a.status_code != 200]
    assert all(a.json_body["claims"] for a in answers)
    assert civica.calls.count("llclaims") == 1, civica.calls
    assert run_stream(deps, "landlord_claims_old") == []  # the copy, written from the list already asked for
    assert civica.calls.count("llclaims") == 1
    found = client.get("/v1/me/landlord/claims?q=Dawson", lead.auth)
    assert found.json_body["claims"] == answers[0].json_body["claims"] and civica.calls.count("llclaims") == 1


def test_a_lease_left_by_a_process_that_died_is_taken_over(client, landlord, civica, deps):
    lead = landlord(ASSOCIATION_PROOF)
    now = deps.clock()
    # Taken a minute ago by a process that died asking: never renewed, never ended.
    assert deps.landlords.take_list_lease(ASSOCIATION, "dead-process", now - timedelta(minutes=1),
                                          now - timedelta(seconds=30))
    civica.calls.clear()
    answer = client.get("/v1/me/landlord/claims?q=Oakes", lead.auth)
    assert answer.status_code == 200 and answer.json_body["claims"]
    assert civica.calls.count("llclaims") == 1


def test_a_back_office_away_is_said_to_the_first_searches_at_once_having_been_asked_once(
        client, landlord, civica):
    lead = landlord(ASSOCIATION_PROOF)
    civica.calls.clear()
    civica.down, civica.delay_s = True, 0.5  # the one asking learns it after every racer has begun
    answers = at_once(lambda q: client.get(f"/v1/me/landlord/claims?q={q}", lead.auth), ASKED[:6])
    assert {a.status_code for a in answers} == {503}
    assert all(a.json_body["error"]["code"] == "back_office_unavailable" for a in answers)
    assert civica.calls == ["crmlogin"], civica.calls  # one session tried, by the one holding the lease
