"""A resident starts a petition, sponsors sign through its link, staff
publish or reject it (audited, If-Match), it is open for its period and then
closed, and anyone lists and reads the published ones."""
import dataclasses
import uuid
from datetime import timedelta

import pytest

from chalicelib.errors import ApiError
from conftest import store_addresses
from support.petition_support import (CROSSING, NOON, at, officer, published, resident, sign_and_confirm,
                                      tokens_sent)


def test_a_petition_needs_five_confirmed_sponsors_before_it_reaches_the_moderation_queue(client, deps, people):
    creator, staff = people(), people("staff")
    key = {**creator.auth, "Idempotency-Key": str(uuid.uuid4())}
    made = client.post("/v1/petitions", CROSSING, key)
    assert made.status_code == 201 and made.json_body["state"] == "pending"
    again = client.post("/v1/petitions", CROSSING, key)
    assert again.json_body["id"] == made.json_body["id"] and again.headers["Idempotent-Replayed"] == "true"
    petition_id, link = made.json_body["id"], made.json_body["sponsor_link"]
    assert link.startswith("http://localhost:") and "/petitions/" in link  # configuration's base, never Host
    token = link.rsplit("=", 1)[1]
    assert client.get(f"/v1/petitions/{petition_id}").status_code == 404  # not public before moderation
    assert client.get(f"/v1/petitions/{petition_id}?sponsor_token={token}").json_body["action"] == CROSSING["action"]
    for n in range(5):
        body = {"name": f"Sponsor {n}", "email": f"sponsor{n}@example.org", "postcode": "yo17hh", "in_area": True,
                "token": token}
        assert client.post(f"/v1/petitions/{petition_id}/sponsors", body).status_code == 202
    queue = client.get("/v1/staff/petitions", staff.auth).json_body["petitions"]
    assert queue == []  # signed, but none confirmed yet
    for n in range(5):
        confirmed = client.post("/v1/signatures/confirm", {"token": tokens_sent(f"sponsor{n}@example.org")[0]})
        assert confirmed.status_code == 200
    queue = client.get("/v1/staff/petitions", staff.auth).json_body["petitions"]
    assert [(p["id"], p["sponsor_count"], p["state"]) for p in queue] == [(petition_id, 5, "sponsored")]
    bad = client.post(f"/v1/petitions/{petition_id}/sponsors", {**body, "token": "wrong-token-value"})
    assert bad.status_code == 404


def test_staff_publish_with_if_match_and_the_decision_is_audited(client, deps, people):
    from chalicelib.handlers.petitions import drafting
    staff = people("staff")
    made, _ = drafting.create(at(deps, NOON, resident()), dict(CROSSING), None)
    url = f"/v1/staff/petitions/{made['id']}"
    read = client.get(url, staff.auth)
    assert read.headers["ETag"] == '"0"'
    assert client.post(f"{url}/publish", {"note": "ok"}, staff.auth).status_code == 428
    done = client.post(f"{url}/publish", {"note": "Clear and the council's to act on."},
                       {**staff.auth, "If-Match": read.headers["ETag"]})
    assert done.status_code == 200 and done.json_body["state"] == "open" and done.headers["ETag"] == '"1"'
    stale = client.post(f"{url}/reject", {"reason": "duplicate"}, {**staff.auth, "If-Match": '"0"'})
    assert stale.status_code == 409 and stale.json_body["error"]["code"] in ("edit_conflict", "not_awaiting_moderation")
    audit = client.get(url, staff.auth).json_body["audit"]
    assert [(e["seq"], e["action"], e["changes"]["state"]["after"]) for e in audit] == [(1, "petition_published", "open")]
    public = client.get(f"/v1/petitions/{made['id']}.json").json_body
    assert public["state"] == "open" and "sponsor_link" not in public and "moderation" not in public


def test_staff_reject_with_a_standard_reason_and_a_note_and_offensive_text_is_hidden(client, deps, people):
    from chalicelib.handlers.petitions import drafting
    staff = people("staff")
    made, _ = drafting.create(at(deps, NOON, resident()), dict(CROSSING), None)
    url = f"/v1/staff/petitions/{made['id']}/reject"
    refused = client.post(url, {"reason": "because"}, {**staff.auth, "If-Match": '"0"'})
    assert refused.status_code == 400 and refused.json_body["error"]["fields"][0]["field"] == "reason"
    done = client.post(url, {"reason": "offensive", "note": "Abusive words."}, {**staff.auth, "If-Match": '"0"'})
    assert done.status_code == 200 and done.json_body["rejection"]["reason"] == "offensive"
    public = client.get(f"/v1/petitions/{made['id']}").json_body
    assert public["action"] == "(hidden)" and public["rejection"]["reason_text"].startswith("It included language")
    assert client.get(f"/v1/staff/petitions/{made['id']}", staff.auth).json_body["audit"][0]["changes"][
        "reason"]["after"] == "offensive"
    resident_tries = client.post(url, {"reason": "duplicate"}, {**people().auth, "If-Match": '"1"'})
    assert resident_tries.status_code == 403


def test_a_published_petition_is_open_for_six_months_and_then_closed_when_first_read(deps):
    from chalicelib.handlers.petitions import drafting
    opened = published(deps)
    assert opened["closes_at"] == (NOON + timedelta(days=182)).strftime("%Y-%m-%dT%H:%M:%SZ")
    before = drafting.read(at(deps, NOON + timedelta(days=181)), opened["id"])
    assert before["state"] == "open"
    listed = drafting.listing(at(deps, NOON + timedelta(days=181)), {"state": "open"})["petitions"]
    assert [p["id"] for p in listed] == [opened["id"]]
    after = at(deps, NOON + timedelta(days=183))
    assert drafting.listing(after, {"state": "open"})["petitions"] == []  # past its time, even before it is closed
    assert drafting.read(after, opened["id"])["state"] == "closed"
    assert [p["id"] for p in drafting.listing(after, {"state": "closed"})["petitions"]] == [opened["id"]]
    with pytest.raises(ApiError) as refused:
        sign_and_confirm(after, opened["id"], 1)
    assert refused.value.code == "petition_not_open"


def test_the_hourly_job_closes_petitions_past_their_time_and_leaves_the_others(deps):
    from chalicelib.handlers.petitions.moderation import close_due
    early = published(deps, NOON)
    later = published(deps, NOON + timedelta(days=30))
    assert close_due(at(deps, NOON + timedelta(days=190))) == 1
    assert deps.petitions.get(early["id"]).state == "closed" and deps.petitions.get(later["id"]).state == "open"
    assert close_due(at(deps, NOON + timedelta(days=190))) == 0


def test_lists_page_through_open_petitions_and_find_words(deps):
    from chalicelib.handlers.petitions import drafting
    made = [published(deps, NOON + timedelta(minutes=n), sponsors=0) for n in range(5)]
    now = at(deps, NOON + timedelta(days=1))
    first = drafting.listing(now, {"state": "open", "limit": "2"})
    assert [p["id"] for p in first["petitions"]] == [made[4]["id"], made[3]["id"]]
    rest = drafting.listing(now, {"state": "open", "limit": "3", "cursor": first["next_cursor"]})
    assert [p["id"] for p in rest["petitions"]] == [m["id"] for m in made[2::-1]]
    assert drafting.listing(now, {"state": "open", "q": "ZEBRA"})["petitions"][0]["action"] == CROSSING["action"]
    assert drafting.listing(now, {"state": "open", "q": "bicycle"})["petitions"] == []
    with pytest.raises(ApiError) as bad:
        drafting.listing(now, {"state": "open", "cursor": "not-a-cursor"})
    assert bad.value.status == 422


def test_a_petition_outside_the_council_area_or_with_bad_fields_is_refused_clearly(client, people):
    creator = people()
    outside = client.post("/v1/petitions", {**CROSSING, "lat": 51.5, "lon": -0.12}, creator.auth)
    assert outside.status_code == 422
    short = client.post("/v1/petitions", {"action": "No", "background": "x" * 400}, creator.auth)
    assert short.status_code == 400
    assert {f["field"] for f in short.json_body["error"]["fields"]} == {"action", "background"}
    odd = client.post("/v1/petitions", {**CROSSING, "colour": "red"}, creator.auth)  # its schema takes no colour
    assert odd.status_code == 400 and [f["field"] for f in odd.json_body["error"]["fields"]] == ["colour"]
    assert client.post("/v1/petitions", CROSSING).status_code == 401


def test_a_petition_is_told_in_its_fields_own_words_what_is_missing_or_too_long(client, people):
    creator = people()
    empty = client.post("/v1/petitions", {"action": "", "background": "  "}, creator.auth)
    assert empty.status_code == 400
    assert empty.json_body["error"]["fields"] == [
        {"field": "action", "message": "Enter what you want the council to do"},
        {"field": "background", "message": "Enter why you want it"}]
    long = client.post("/v1/petitions", {"action": "No", "background": "x" * 400}, creator.auth)
    assert [f["message"] for f in long.json_body["error"]["fields"]] == [
        "What you want the council to do must be between 10 and 80 characters",
        "Why you want it must be between 10 and 300 characters"]
