"""Democratic services choose each committee's rules for taking part on the
desk: a council's own planning committee, whatever its id, follows the
planning rules once chosen (not a file keyed by York's id "3"), each change
is audited, two officers cannot lose one's change, and a committee with
items the public may speak on and no rules chosen is shown as such."""
import json

from support.participation_support import item

RULES = "/v1/staff/meetings/speaking-rules"
OWN_PLANNING, MEETING, APPLICATION = "77", "7701", "770101"


def committees(deps):
    deps.democracy.keep_document("committees", [
        {"id": "3", "title": "Planning Committee", "category": "", "current": True},
        {"id": OWN_PLANNING, "title": "Area Planning Sub-Committee", "category": "", "current": True},
        {"id": "4", "title": "Decision Session - Executive Member for Transport", "category": "", "current": True}],
        None, deps.clock())
    deps.democracy.save_meeting({
        "id": MEETING, "committee_id": OWN_PLANNING, "committee_title": "Area Planning Sub-Committee",
        "date": "2026-12-10", "time": "16:30", "location": "West Offices", "agenda_published": True,
        "items": [item(APPLICATION, "3", "Land at Tadcaster Road: 12 homes")]})


def patch(client, officer, body, etag):
    return client.raw.http.patch(RULES, body=json.dumps(body), headers={
        "Content-Type": "application/json", **officer.auth, "If-Match": etag})


def test_a_councils_own_planning_committee_follows_the_planning_rules_once_chosen_and_the_change_is_audited(
        client, deps, council, people):
    committees(deps)
    officer = people("staff")
    before = client.get(RULES, officer.auth)
    assert before.status_code == 200, before.body
    assert "queries=" in before.headers["Server-Timing"]  # its read cost, seen from outside
    listed = {c["id"]: c for c in before.json_body["committees"]}
    assert listed["3"]["rules"] == "planning"
    assert listed[OWN_PLANNING] == {"id": OWN_PLANNING, "title": "Area Planning Sub-Committee", "rules": None,
                                    "speaking_items_ahead": True}  # shown as such: speaking items, no rules
    assert listed["4"]["rules"] is None
    speaking = client.get(f"/v1/meetings/{MEETING}/speaking").json_body
    assert (speaking["per_item"], speaking["sides"]) == (None, False)  # the default until chosen

    chosen = patch(client, officer, {"committee_id": OWN_PLANNING, "rules": "planning"}, before.headers["ETag"])
    assert chosen.status_code == 200, chosen.body
    body = json.loads(chosen.body)
    assert {c["id"]: c["rules"] for c in body["committees"]}[OWN_PLANNING] == "planning"
    assert {k: body["audit"][0][k] for k in ("committee_id", "committee_title", "from", "to")} == {
        "committee_id": OWN_PLANNING, "committee_title": "Area Planning Sub-Committee", "from": None,
        "to": "planning"}
    assert body["audit"][0]["by_user_id"] == officer.user.id
    speaking = client.get(f"/v1/meetings/{MEETING}/speaking").json_body
    assert (speaking["per_item"], speaking["sides"]) == (3, True)

    stale = patch(client, officer, {"committee_id": "4", "rules": "planning"}, before.headers["ETag"])
    assert stale.status_code == 409 and json.loads(stale.body)["error"]["code"] == "edit_conflict"
    assert {c["id"]: c["rules"] for c in client.get(RULES, officer.auth).json_body["committees"]}["4"] is None


def test_a_choice_names_a_committee_we_know_and_a_set_that_exists_and_is_for_staff(client, deps, council, people):
    committees(deps)
    officer = people("staff")
    etag = client.get(RULES, officer.auth).headers["ETag"]
    for body, field in (({"committee_id": "999", "rules": "planning"}, "committee_id"),
                        ({"committee_id": OWN_PLANNING, "rules": "lenient"}, "rules")):
        refused = patch(client, officer, body, etag)
        assert 400 <= refused.status_code < 500 and json.loads(refused.body)["error"]["fields"][0]["field"] == field
    assert client.get(RULES, people().auth).status_code == 403
