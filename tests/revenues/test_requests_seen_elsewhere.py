"""A resident's council tax requests where else they show: in the resident's
own export (what they asked and where it stands, none of the back office's
account data), and, once given up, in staff's list of failed requests."""
from datetime import timedelta

import pytest

from support.revenues_support import BILLS, DEV, linked
from support.revenues_support import civica, council_morning, revenues  # noqa: F401 (fixtures)

FAILED = "/v1/staff/council-tax/requests?state=failed"


@pytest.fixture
def dev(client, people, civica, council_morning):
    person = people()
    made = linked(client, person, BILLS[DEV])
    return person, made, f"/v1/me/council-tax/{made['id']}/requests"


def test_my_export_holds_my_council_tax_requests_with_their_state_and_references(client, dev, civica):
    person, link, path = dev
    taken = client.post(path, {"kind": "paperless", "paperless": True}, person.auth).json_body
    civica.down = True
    waiting = client.post(path, {"kind": "single_person_discount", "action": "apply", "date": "2026-11-24"},
                          person.auth).json_body
    export = client.get("/v1/me/export", person.auth).json_body
    held = {r["id"]: r for r in export["council_tax_requests"]}
    assert set(held) == {taken["id"], waiting["id"]}
    assert held[taken["id"]]["state"] == "taken" and held[taken["id"]]["back_office_reference"].startswith("CR")
    assert held[waiting["id"]]["state"] == "queued" and held[waiting["id"]]["back_office_reference"] is None
    assert held[waiting["id"]]["details"] == {"action": "apply", "date": "2026-11-24"}
    assert held[waiting["id"]]["link_id"] == link["id"]
    assert "account_ref" not in held[waiting["id"]] and "balance" not in str(export["council_tax_requests"])


def test_a_request_never_taken_is_listed_for_staff_once_given_up(client, deps, people, dev, civica,
                                                                council_morning):
    from chalicelib.handlers.revenues.sending import send_due
    person, link, path = dev
    officer = people("staff", categories=["pothole"])
    civica.down = True
    made = client.post(path, {"kind": "instalment_day", "day": 7}, person.auth).json_body
    assert client.get(FAILED, officer.auth).json_body == {"requests": []}  # still waiting: not staff's yet
    council_morning.shift(timedelta(days=2, minutes=1))
    send_due(deps)
    officer = people("staff", categories=["pothole"])  # signed in now: the first one's session has lapsed
    listed = client.get(FAILED, officer.auth).json_body["requests"]
    assert [(r["id"], r["kind"], r["details"], r["state"], r["user_id"]) for r in listed] == [
        (made["id"], "instalment_day", {"day": 7}, "failed", person.user.id)]
    assert listed[0]["account_ref"] == BILLS[DEV]["reference"] and listed[0]["last_error"]
    assert person.user.email not in str(listed)


def test_a_resident_cannot_list_given_up_requests(client, dev):
    person, _, _ = dev
    assert client.get(FAILED, person.auth).status_code == 403


def test_staff_asking_for_another_state_are_told_which_one_is_listed(client, people, civica, council_morning):
    officer = people("staff", categories=["pothole"])
    answer = client.get("/v1/staff/council-tax/requests?state=queued", officer.auth)
    assert answer.status_code == 400 and answer.json_body["error"]["fields"][0]["field"] == "state"
