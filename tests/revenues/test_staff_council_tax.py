"""An officer helping a caller: a lookup with a reason, audited first; the
links of the account; revoking one, audited with why."""
import pytest

from support.revenues_support import ANN, BILLS, BRIAN, JOINT, linked
from support.revenues_support import civica, council_morning, revenues  # noqa: F401 (fixtures)


@pytest.fixture
def officer(people, civica, council_morning):
    return people("staff", categories=["pothole"])


def test_an_officer_looks_an_account_up_with_a_reason_and_the_lookup_is_audited(client, officer, people):
    ann = people()
    made = linked(client, ann, BILLS[ANN])
    answer = client.post("/v1/staff/council-tax/lookups", {"reference": JOINT, "reason": "Caller on the phone"},
                         officer.auth)
    assert answer.status_code == 200
    body = answer.json_body
    assert body["liable"] == ["Mrs Ann Hartley", "Mr Brian Hartley"] and body["summary"]["direct_debit"] is True
    assert [(k["id"], k["person_ref"]) for k in body["links"]] == [(made["id"], ANN)]
    assert body["audit"][-1]["action"] == "staff_lookup" and body["audit"][-1]["by_user_id"] == officer.user.id
    assert body["audit"][-1]["reason"] == "Caller on the phone"


def test_a_lookup_without_a_reason_is_refused_before_anything_is_asked(client, officer, civica):
    answer = client.post("/v1/staff/council-tax/lookups", {"reference": JOINT}, officer.auth)
    assert answer.status_code == 400 and civica.calls == []


def test_a_resident_cannot_look_an_account_up(client, people, civica, council_morning):
    answer = client.post("/v1/staff/council-tax/lookups", {"reference": JOINT, "reason": "Curious"}, people().auth)
    assert answer.status_code == 403 and civica.calls == []


def test_an_officer_revokes_a_link_with_a_reason_and_the_resident_loses_it(client, officer, people, deps):
    brian = people()
    made = linked(client, brian, BILLS[BRIAN])
    answer = client.post("/v1/staff/council-tax/revocations",
                         {"reference": JOINT, "link_id": made["id"], "reason": "Not the account holder"},
                         officer.auth)
    assert answer.status_code == 200
    assert client.get(f"/v1/me/council-tax/{made['id']}", brian.auth).status_code == 404
    last = deps.revenue_links.audit(JOINT)[-1]
    assert (last["action"], last["by_user_id"], last["reason"]) == ("unlinked", officer.user.id,
                                                                    "Not the account holder")


def test_staff_see_the_back_offices_health_and_how_it_fails(client, officer, civica):
    up = client.get("/v1/staff/council-tax/health", officer.auth).json_body
    assert up["configured"] and up["reachable"] and up["seconds"] < 2
    civica.down = True
    down = client.get("/v1/staff/council-tax/health", officer.auth).json_body
    assert (down["reachable"], down["failure"]) == (False, "unreachable")


def test_a_lookup_is_one_back_office_session_with_the_account_its_claims_and_rent(client, officer, civica):
    from support.revenues_support import ARREARS
    answer = client.post("/v1/staff/council-tax/lookups", {"reference": ARREARS, "reason": "Caller on the phone"},
                         officer.auth)
    assert answer.status_code == 200 and answer.json_body["liable"] == ["Mr Dev Patel"]
    assert answer.json_body["rent_accounts"][0]["reference"] == "R0448105"
    assert civica.calls == ["crmlogin", "cocrmper", "ctxdet", "ctxprop", "ctxtrn", "irins", "viewdoc", "hbsel",
                            "hbdet", "hbpaydet", "hbpaydet", "rntsel", "rnttrn"]


@pytest.mark.parametrize("odd", [False, True])
def test_looking_up_a_reference_the_back_office_does_not_hold_is_a_404_still_audited(client, officer, civica, deps,
                                                                                     odd):
    civica.odd_unknowns = odd  # however Civica words "no such account"
    answer = client.post("/v1/staff/council-tax/lookups", {"reference": "500000018", "reason": "Caller on the phone"},
                         officer.auth)
    assert (answer.status_code, answer.json_body["error"]["code"]) == (404, "account_not_found")
    assert [a["action"] for a in deps.revenue_links.audit("500000018")] == ["staff_lookup"]


def test_a_household_locked_out_by_others_guesses_is_told_when_and_an_officer_lets_the_caller_through(
        client, officer, people, deps, monkeypatch):
    from chalicelib.handlers.revenues import limits
    from support.revenues_support import DEV
    monkeypatch.setattr(limits, "PER_CLIENT", (1000, limits.PER_CLIENT[1]))
    bill = BILLS[DEV]
    for n in range(limits.PER_REFERENCE[0]):  # strangers guess at Dev's reference
        assert linked_status(client, people(), {**bill, "online_key": f"X{n}"}) == 422
    dev = people()
    refused = client.post("/v1/me/council-tax", bill, dev.auth)  # the pinned morning is 10:00
    assert refused.status_code == 429 and refused.json_body["error"]["code"] == "account_locked"
    assert "try again from 11:00" in refused.json_body["error"]["message"]
    assert 0 < int(refused.headers["Retry-After"]) <= 3600
    looked = client.post("/v1/staff/council-tax/lookups", {"reference": bill["reference"], "reason": "Caller locked out"},
                         officer.auth).json_body
    assert looked["lock"]["wrong_tries"] == limits.PER_REFERENCE[0] and looked["lock"]["locked_until"]
    lifted = client.post("/v1/staff/council-tax/unlocks", {"reference": bill["reference"],
                                                           "reason": "Caller locked out by others"}, officer.auth)
    assert lifted.status_code == 200 and lifted.json_body["lock"]["locked_until"] is None
    assert client.post("/v1/me/council-tax", bill, dev.auth).status_code == 201
    last = deps.revenue_links.audit(bill["reference"])[-2]
    assert (last["action"], last["by_user_id"], last["reason"]) == ("lock_lifted", officer.user.id,
                                                                    "Caller locked out by others")
    for n in range(limits.PER_REFERENCE[0]):  # guessing stays as hard as it was, right tries not counted
        assert linked_status(client, people(), {**bill, "online_key": f"Y{n}"}) == 422
    assert linked_status(client, people(), {**bill, "online_key": "Z"}) == 429


def test_a_resident_cannot_lift_a_lock(client, people, civica, council_morning):
    answer = client.post("/v1/staff/council-tax/unlocks", {"reference": JOINT, "reason": "Let me in"}, people().auth)
    assert answer.status_code == 403


def linked_status(client, person, body):
    return client.post("/v1/me/council-tax", body, person.auth).status_code


def test_a_lookup_names_the_people_in_its_links_and_audit_and_a_revocation_answers_both_anew(client, officer,
                                                                                             people):
    ann = people(name="Ann Hartley")
    made = linked(client, ann, BILLS[ANN])
    looked = client.post("/v1/staff/council-tax/lookups", {"reference": JOINT, "reason": "Caller on the phone"},
                         officer.auth).json_body
    assert [k["user_name"] for k in looked["links"]] == ["Ann Hartley"]
    assert [(a["action"], a["by_name"]) for a in looked["audit"]] == [("linked", "Ann Hartley"),
                                                                      ("staff_lookup", officer.user.name)]
    revoked = client.post("/v1/staff/council-tax/revocations",
                          {"reference": JOINT, "link_id": made["id"], "reason": "Not the account holder"},
                          officer.auth).json_body
    assert revoked["links"] == []
    assert [(a["action"], a["user_name"], a["by_name"]) for a in revoked["audit"]][-1] == (
        "unlinked", "Ann Hartley", officer.user.name)


def test_an_officer_opens_a_callers_bill_and_the_opening_is_audited(client, officer, civica, deps):
    from support.revenues_support import ARREARS
    looked = client.post("/v1/staff/council-tax/lookups", {"reference": ARREARS, "reason": "Caller on the phone"},
                         officer.auth).json_body
    assert (len(looked["instalments"]), len(looked["documents"]), len(looked["benefit_claims"])) == (10, 3, 1)
    bill = next(d for d in looked["documents"] if d["name"] == "Reminder Notice")
    answer = client.post("/v1/staff/council-tax/documents", {"reference": ARREARS, "document_id": bill["id"],
                                                             "reason": "Caller wants the reminder read out"},
                         {**officer.auth, "Accept": "application/pdf"})
    assert answer.status_code == 200 and answer.body.startswith(b"%PDF-")
    last = deps.revenue_links.audit(ARREARS)[-1]
    assert (last["action"], last["document_id"], last["by_user_id"]) == ("staff_document", bill["id"],
                                                                          officer.user.id)
    other = client.post("/v1/staff/council-tax/documents", {"reference": JOINT, "document_id": bill["id"],
                                                            "reason": "Caller wants the reminder"}, officer.auth)
    assert other.status_code == 404  # not a document of that account
