"""A revenues officer reads a landlord organisation for a caller: its
members and its audit (registered, colleagues added, invited, joined and
removed, officers' decisions and earlier reads) with people by name, and the
changes it reported. Personal data: read with a reason, the read itself in
the landlord's audit, and only by the roles of the landlords desk."""
from doorstep_cli.local.civica_landlord_data import SMALL
from support.revenues_support import civica, council_morning  # noqa: F401 (fixtures)
from test_landlords_portal import SMALL_PROOF, cost, landlord  # noqa: F401 (a fixture)

WHY = "Mr Gill rang: who can see his tenants' claims?"


def test_a_revenues_officer_reads_a_landlords_members_with_their_emails_audit_and_changes_and_is_audited(
        client, landlord, people, deps):
    lead = landlord(SMALL_PROOF)
    rob, gail = people(name="Rob Rents"), people(name="Gail Gone")
    for body in ({"user_id": rob.user.id, "role": "report"}, {"user_id": gail.user.id, "role": "view"},
                 {"email": "new.starter@example.org", "role": "view"}):
        assert client.post("/v1/me/landlord/colleagues", body, lead.auth).status_code == 201
    assert client.raw.http.delete(f"/v1/me/landlord/colleagues/{gail.user.id}", headers=lead.auth).status_code == 204
    change = client.post("/v1/me/landlord/claims/HB70002/changes", {"change": "tenant_away", "date": "2026-11-20"},
                         rob.auth)
    assert change.status_code == 201
    officer = people("staff", name="Rita Revenues", roles=["revenues"])

    answer = client.post("/v1/staff/landlords/lookups", {"creditor_ref": SMALL, "reason": WHY}, officer.auth)
    assert answer.status_code == 200, answer.body
    found = answer.json_body
    assert (found["name"], found["state"]) == ("Mr Piotr Gill", "active")
    members = {m["name"]: (m["role"], m["invited"]) for m in found["members"]}
    assert members == {lead.user.name: ("lead", False), "Rob Rents": ("report", False),
                       "new.starter@example.org": ("view", True)}  # Gail removed
    # every member's e-mail, as the route promises: an account's its own, an invitation's where it was sent
    assert {m["name"]: m["email"] for m in found["members"]} == {
        lead.user.name: lead.user.email, "Rob Rents": rob.user.email, "new.starter@example.org": "new.starter@example.org"}
    said = [(a["action"], a["role"], a["by_name"], a["user_name"]) for a in found["audit"]]
    assert said == [("registered", None, lead.user.name, None),
                    ("member_added", "report", lead.user.name, "Rob Rents"),
                    ("member_added", "view", lead.user.name, "Gail Gone"),
                    ("member_added", "view", lead.user.name, "new.starter@example.org"),
                    ("member_removed", None, lead.user.name, "Gail Gone"),
                    ("staff_lookup", None, "Rita Revenues", None)]  # this read, before it was answered
    assert found["audit"][-1]["detail"] == WHY and "Rita" not in str(found["members"])
    assert [(c["id"], c["claim_ref"], c["kind"]) for c in found["changes"]] == [
        (change.json_body["id"], "HB70002", "landlord_change")]
    assert deps.landlords.audit(SMALL)[-1]["by_user_id"] == officer.user.id
    print("lookup", answer.headers["Server-Timing"])
    assert cost(answer)[0] <= 5  # the officer's session, the members, the audit, the changes: no scan


def test_a_landlords_members_are_read_only_by_the_landlords_desks_roles_with_a_reason(
        client, landlord, people, deps):
    lead = landlord(SMALL_PROOF)
    body = {"creditor_ref": SMALL, "reason": WHY}
    for caller in (lead, people(), people("staff", roles=["customer_services"]), people("staff", roles=["halls"])):
        refused = client.post("/v1/staff/landlords/lookups", body, caller.auth)
        assert refused.status_code == 403, refused.body
    officer = people("staff", roles=["revenues"])
    for bad in ({"creditor_ref": SMALL}, {"creditor_ref": SMALL, "reason": "  "}, {"creditor_ref": "CR12", "reason": WHY},
                {**body, "user_id": "u_1"}):
        answer = client.post("/v1/staff/landlords/lookups", bad, officer.auth)
        assert answer.status_code == 400, (bad, answer.body)
    missing = client.post("/v1/staff/landlords/lookups", {**body, "creditor_ref": "CR999999"}, officer.auth)
    assert (missing.status_code, missing.json_body["error"]["code"]) == (404, "landlord_not_found")
    assert [a["action"] for a in deps.landlords.audit(SMALL)] == ["registered"]  # nothing read, nothing audited
