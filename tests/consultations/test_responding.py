"""Responding: anonymously or signed in, until the last second of the close in
London and not a moment after, with the close in words; one response each for
a signed-in resident, changed until the close; anonymous responses limited per
client and likely duplicates flagged, never dropped."""
import json
from datetime import datetime, timedelta, timezone

import pytest
import time_machine

from chalicelib.errors import ApiError, Conflict, ValidationFailed
from support.consultation_support import (DURING, LAST_SECOND, MIDNIGHT, OPENS, YES, at, demo, loaded, respond,
                                          resident)


def _refused(call):
    with pytest.raises(ApiError) as refused:
        call()
    return refused.value


def test_a_response_in_the_last_second_is_taken_and_one_at_midnight_is_refused_with_the_close_in_words(deps):
    from support.wards_support import ward  # noqa: F401  (the wards come with the demo)
    from conftest import store_addresses
    store_addresses(deps)
    loaded(deps)
    view, created = respond(deps, LAST_SECOND + timedelta(milliseconds=999))
    assert created and view["id"].startswith("CN-")
    refused = _refused(lambda: respond(deps, MIDNIGHT))
    assert refused.status == 409 and refused.code == "consultation_closed"
    assert refused.message.startswith("This consultation closed at 11:59:59pm on Sunday 14 June 2026.")


def test_a_winter_consultation_closes_at_its_london_midnight_which_is_greenwich_midnight(deps):
    loaded(deps, demo(opens="2026-11-02T09:00:00", closes="2026-11-30T23:59:59"))
    last = datetime(2026, 11, 30, 23, 59, 59, 500000, tzinfo=timezone.utc)
    assert respond(deps, last, postcode=None)[1]
    refused = _refused(lambda: respond(deps, datetime(2026, 12, 1, 0, 0, tzinfo=timezone.utc), postcode=None))
    assert "11:59:59pm on Monday 30 November 2026" in refused.message


def test_the_night_the_clocks_go_back_closes_at_the_second_the_offset_names(deps):
    loaded(deps, demo(opens="2026-10-01T09:00:00", closes="2026-10-25T01:59:59+01:00"))
    assert respond(deps, datetime(2026, 10, 25, 0, 59, 59, tzinfo=timezone.utc), postcode=None)[1]
    refused = _refused(lambda: respond(deps, datetime(2026, 10, 25, 1, 0, 0, tzinfo=timezone.utc), postcode=None))
    assert refused.code == "consultation_closed" and "1:59:59am on Sunday 25 October 2026" in refused.message


def test_a_response_before_the_opening_is_refused_with_the_opening_in_words(deps):
    loaded(deps)
    refused = _refused(lambda: respond(deps, OPENS - timedelta(seconds=1), postcode=None))
    assert refused.code == "consultation_not_open" and refused.message == \
        "This consultation opens at 9am on Monday 1 June 2026."
    assert respond(deps, OPENS, postcode=None)[1]


def test_a_resident_is_told_when_it_closes_before_they_start(deps):
    from chalicelib.handlers.consultations.managing import read
    from support.consultation_support import at
    loaded(deps)
    view = read(at(deps, DURING), "micklegate-parking")
    assert view["status"] == "open" and view["notice"].startswith(
        "This consultation closes at 11:59:59pm on Sunday 14 June 2026.")
    assert read(at(deps, MIDNIGHT), "micklegate-parking")["status"] == "closed"


def test_a_signed_in_resident_has_one_response_and_changes_it_until_the_close(deps):
    from conftest import store_addresses
    store_addresses(deps)
    loaded(deps)
    ada = resident()
    first, created, tag = respond(deps, DURING, principal=ada)
    assert created and tag == '"1"'
    changed, created, tag = respond(deps, DURING + timedelta(days=1), principal=ada,
                                    answers={"support": "no", "why_not": "Visitors to the shops need to park."})
    assert not created and tag == '"2"' and changed["id"] == first["id"]
    assert changed["answers"]["why_not"] == "Visitors to the shops need to park." and changed["taken"][:2] == \
        ["support", "why-not"]
    assert deps.consultations.counts("micklegate-parking") == ({"Micklegate": 1}, 1)  # one response, counted once
    refused = _refused(lambda: respond(deps, MIDNIGHT, principal=ada))
    assert refused.code == "consultation_closed"


def test_a_change_moving_the_response_to_another_ward_moves_its_count(deps):
    from conftest import store_addresses
    store_addresses(deps)
    loaded(deps)
    ada = resident()
    respond(deps, DURING, principal=ada)
    respond(deps, DURING, principal=ada, postcode="YO23 1AA")
    by_ward, total = deps.consultations.counts("micklegate-parking")
    assert total == 1 and by_ward["Micklegate"] == 0 and by_ward["Bishopthorpe"] == 1


def test_a_change_with_a_stale_etag_is_refused(deps):
    from chalicelib.handlers.consultations import responding
    from support.consultation_support import at
    loaded(deps)
    ada = resident()
    respond(deps, DURING, principal=ada, postcode=None)
    respond(deps, DURING, principal=ada, postcode=None)
    with pytest.raises(Conflict) as stale:
        responding.respond_signed_in(at(deps, DURING, ada), "micklegate-parking", {"answers": YES}, '"1"')
    assert stale.value.code == "edit_conflict"


def test_answers_are_checked_by_the_forms_engine_along_the_path_the_routes_take(deps):
    loaded(deps)
    with pytest.raises(ValidationFailed) as wrong:
        respond(deps, DURING, answers={"support": "no", "email": "not-an-address"}, postcode="nowhere")
    fields = {f["field"]: f["message"] for f in wrong.value.fields}
    assert fields["why_not"] == "Enter why you do not support it"  # the page the "no" leads to, unanswered
    assert "email" in fields and fields["postcode"] == "Enter a real postcode, like YO1 7HH"


def test_a_question_left_empty_is_refused_in_words_a_person_would_say_not_the_question_after_select(deps):
    loaded(deps)
    with pytest.raises(ValidationFailed) as empty:
        respond(deps, DURING, answers={"comments": "Only a comment"}, postcode=None)
    fields = {f["field"]: f["message"] for f in empty.value.fields}
    assert fields == {"support": "Select whether you support a residents' parking zone on Micklegate"}


def test_the_same_answers_sent_again_anonymously_are_kept_and_flagged_for_the_analyst(deps):
    loaded(deps)
    first, _ = respond(deps, DURING, postcode=None)
    second, created = respond(deps, DURING, postcode=None, client="198.51.100.7")
    assert created and second["id"] != first["id"]
    rows, _ = deps.consultation_responses.page("micklegate-parking")
    flags = {r.id: r.flags for r in rows}
    assert flags == {first["id"]: [], second["id"]: ["likely_duplicate"]}
    assert deps.consultations.counts("micklegate-parking")[1] == 2  # counted: the analyst decides


def test_anonymous_responses_from_one_client_are_limited(deps):
    loaded(deps)
    for n in range(3):
        respond(deps, DURING, answers={**YES, "comments": f"Comment {n}"}, postcode=None)
    refused = _refused(lambda: respond(deps, DURING, answers={**YES, "comments": "again"}, postcode=None))
    assert refused.status == 429


def test_an_anonymous_response_retried_with_its_idempotency_key_is_the_same_response(deps):
    loaded(deps)
    first, created = respond(deps, DURING, postcode=None, key="retry-key-0001-2f9c4e1a")
    again, created_again = respond(deps, DURING, postcode=None, key="retry-key-0001-2f9c4e1a")
    assert created and not created_again and again["id"] == first["id"]
    assert deps.consultations.counts("micklegate-parking")[1] == 1


def test_a_resident_who_has_not_responded_is_answered_204_not_an_error_and_200_once_they_have(client, deps, people):
    loaded(deps)
    with time_machine.travel(DURING, tick=False):
        ada = people()
        before = client.get("/v1/consultations/micklegate-parking/response", ada.auth)
        made = client.raw.http.put("/v1/consultations/micklegate-parking/response", body=json.dumps({"answers": YES}),
                                   headers={**ada.auth, "Content-Type": "application/json"})
        after = client.get("/v1/consultations/micklegate-parking/response", ada.auth)
        nowhere = client.get("/v1/consultations/nothing-here/response", ada.auth)
    assert before.status_code == 204 and not before.body and "ETag" not in before.headers
    assert before.headers["Cache-Control"] == "no-store"
    assert made.status_code == 201, made.json_body
    assert after.status_code == 200 and after.json_body["id"] == made.json_body["id"] and after.headers["ETag"]
    assert nowhere.status_code == 404 and nowhere.json_body["error"]["code"] == "consultation_not_found"
    declared = client.get("/openapi.json").json_body["paths"]["/v1/consultations/{consultation_id}/response"]["get"]
    assert "204" in declared["responses"]


def test_my_account_lists_my_responses_with_their_consultation_and_a_change_only_while_open(client, deps, people):
    loaded(deps)  # Micklegate: open 1-14 June 2026
    loaded(deps, demo(id="bins-everywhere", title="Fortnightly bin collections", areas="council",
                      opens="2026-05-20T09:00:00", closes="2026-06-30T23:59:59"))
    with time_machine.travel(DURING, tick=False):
        ada, bob = people(), people()
        for consultation_id in ("micklegate-parking", "bins-everywhere"):
            made = client.raw.http.put(f"/v1/consultations/{consultation_id}/response",
                                       body=json.dumps({"answers": YES}),
                                       headers={**ada.auth, "Content-Type": "application/json"})
            assert made.status_code == 201, made.json_body
    # 15 June: Micklegate closed at midnight, the bins one open until the end of the month
    with time_machine.travel(MIDNIGHT + timedelta(hours=10), tick=False):
        mine = client.get("/v1/me/consultation-responses", _signed_in_again(deps, ada))
        theirs = client.get("/v1/me/consultation-responses", _signed_in_again(deps, bob))
    assert mine.status_code == 200, mine.json_body
    listed = {r["consultation_id"]: r for r in mine.json_body["responses"]}
    assert set(listed) == {"micklegate-parking", "bins-everywhere"}
    assert listed["bins-everywhere"]["can_change"] and listed["bins-everywhere"]["status"] == "open"
    assert listed["bins-everywhere"]["title"] == "Fortnightly bin collections"
    assert listed["bins-everywhere"]["closes_words"] == "11:59:59pm on Tuesday 30 June 2026"
    assert not listed["micklegate-parking"]["can_change"] and listed["micklegate-parking"]["status"] == "closed"
    assert all(r["id"].startswith("CN-") for r in listed.values())
    assert theirs.json_body == {"responses": []}
    assert 'desc="queries=1 items=' in mine.headers["Server-Timing"]  # what it read, the resident may see
    from chalicelib.handlers.consultations.responding import of_mine
    from chalicelib.storage.metering import metered
    with metered() as meter:
        of_mine(at(deps, MIDNIGHT), ada.user.id)
    assert (meter.operations, meter.items) == (["Query", "BatchGetItem"], 4)  # 2 responses, their 2 consultations


def _signed_in_again(deps, person):
    """The person's Authorization header from a session started now (a token from the day before has expired)."""
    from chalicelib.handlers.accounts import auth
    return {"Authorization": f"Bearer {auth.start_session(deps, person.user, deps.clock())['access_token']}"}
