"""The landlords' portal's second round: colleagues invited by e-mail (the
same answer whether they have an account yet or not), the landlords desk's
list of landlords awaiting approval with approve and refuse (audited), and
the first claims copy written from its event, not by the request."""
from doorstep_cli.local.civica_landlord_data import SMALL
from support.effects_support import dies_after_commit, events_of_kind, run_stream  # noqa: F401 (a fixture)
from support.revenues_support import civica, council_morning  # noqa: F401 (fixtures)
from test_landlords_portal import ASSOCIATION_PROOF, SMALL_PROOF, cost, landlord  # noqa: F401 (fixture)


def test_a_colleague_invited_by_email_joins_on_first_opening_and_the_lead_learns_nothing_of_accounts(
        client, landlord, people, deps):
    lead, known = landlord(SMALL_PROOF), people(email="rent.officer@example.org")
    has = client.post("/v1/me/landlord/colleagues", {"email": "Rent.Officer@example.org", "role": "report"}, lead.auth)
    hasnt = client.post("/v1/me/landlord/colleagues", {"email": "new.starter@example.org", "role": "view"}, lead.auth)
    assert (has.status_code, hasnt.status_code) == (201, 201)
    assert {k for k in has.json_body if has.json_body[k] != hasnt.json_body[k]} <= {"user_id", "role", "email",
                                                                                  "added_at"}
    assert has.json_body["invited"] and hasnt.json_body["invited"]  # an account or none: the same answer
    assert client.get("/v1/me/landlord", known.auth).json_body["role"] == "report"  # joined on opening
    starter = people(email="new.starter@example.org")  # signs up afterwards
    assert client.get("/v1/me/landlord/runs", starter.auth).status_code == 200
    colleagues = client.get("/v1/me/landlord", lead.auth).json_body["colleagues"]
    assert sorted(c["role"] for c in colleagues) == ["lead", "report", "view"] and not any(c["invited"] for c in colleagues)
    assert [e["action"] for e in deps.landlords.audit(SMALL)][-2:] == ["invitation_accepted:report",
                                                                       "invitation_accepted:view"]
    bad = client.post("/v1/me/landlord/colleagues", {"email": "not an address", "role": "boss"}, lead.auth)
    assert bad.status_code == 400 and {f["field"] for f in bad.json_body["error"]["fields"]} == {"email", "role"}


def test_an_officer_refuses_a_waiting_landlord_with_a_reason_and_approves_the_real_lead_once(
        client, people, civica, council_morning, monkeypatch, deps):
    monkeypatch.setenv("DOORSTEP_LANDLORD_APPROVAL", "staff")
    impostor, real, officer = people(), people(), people("staff")
    assert client.get("/v1/landlords/registering", impostor.auth).json_body == {"proof": "claim", "approval": True}
    client.post("/v1/landlords", SMALL_PROOF, impostor.auth)
    waiting = client.get("/v1/staff/landlords", officer.auth)
    assert [o["creditor_ref"] for o in waiting.json_body["landlords"]] == [SMALL]
    assert cost(waiting) == (1, 4)  # one Query of the sparse index (its one item), the officer, session and grant
    assert client.post(f"/v1/staff/landlords/{SMALL}/refusal", {}, officer.auth).status_code == 400
    refused = client.post(f"/v1/staff/landlords/{SMALL}/refusal", {"reason": "Not known to the landlord"}, officer.auth)
    assert refused.status_code == 200 and client.get("/v1/staff/landlords", officer.auth).json_body["landlords"] == []
    assert client.get("/v1/me/landlord", impostor.auth).status_code == 404
    assert client.post(f"/v1/staff/landlords/{SMALL}/refusal", {"reason": "again"}, officer.auth).status_code == 404
    assert client.post("/v1/landlords", SMALL_PROOF, real.auth).status_code == 201  # the reference is free again
    assert client.post(f"/v1/staff/landlords/{SMALL}/approval", {}, officer.auth).status_code == 200
    assert client.post(f"/v1/staff/landlords/{SMALL}/approval", {}, officer.auth).status_code == 409
    audit = deps.landlords.audit(SMALL)
    assert [e["action"] for e in audit] == ["registered", "refused", "registered", "approved"]
    assert audit[1]["by_user_id"] == officer.user.id and audit[1]["detail"] == "Not known to the landlord"


def test_the_first_search_of_2000_claims_writes_no_index_and_its_event_writes_it_once(
        client, landlord, deps):
    import time
    lead = landlord(ASSOCIATION_PROOF)
    first = client.get("/v1/me/landlord/claims?q=Dawson", lead.auth)
    again = client.get("/v1/me/landlord/claims?q=Oakes", lead.auth)
    assert first.json_body["claims"] and again.json_body["claims"]
    print("first search", first.headers["Server-Timing"])
    # the caller's session and membership, the organisation, the copy's marker, one conditional PutItem
    assert cost(first)[0] <= 6 and len(events_of_kind("landlord_claims_old")) == 1  # asked once in the window
    started = time.perf_counter()
    assert run_stream(deps, "landlord_claims_old") == []
    print(f"the copy written from its event in {time.perf_counter() - started:.1f}s")
    found = client.get("/v1/me/landlord/claims?q=Dawson", lead.auth)
    print("search from the index", found.headers["Server-Timing"])
    assert found.json_body["claims"] == first.json_body["claims"] and not found.json_body["stale"]
    assert cost(found)[0] == 2  # the membership and the index: the copy is there
    assert all(c["tenant"].endswith("Dawson") for c in found.json_body["claims"])
    assert cost(found)[1] <= len(found.json_body["claims"]) + 1 + 6  # what it found (and one more), not 2,000
    by_postcode = client.get("/v1/me/landlord/claims?q=yo31 7tq", lead.auth).json_body["claims"]
    assert by_postcode and all(c["postcode"] == "YO31 7TQ" for c in by_postcode)


def test_an_invitation_is_emailed_once_with_the_configured_link_and_one_removed_before_it_went_sends_nothing(
        client, landlord, people, deps, monkeypatch, dies_after_commit):
    from support.alert_support import outbox_to
    monkeypatch.setenv("DOORSTEP_PUBLIC_URL", "https://doorstep.example")
    lead, known = landlord(SMALL_PROOF), people(email="by.id@example.org")
    forged = {**lead.auth, "X-Forwarded-Host": "evil.example"}  # (a Host no council has is refused: 421)
    added = client.post("/v1/me/landlord/colleagues", {"email": "new.starter@example.org", "role": "report"}, forged)
    assert added.status_code == 201, added.body
    (mail,) = outbox_to("new.starter@example.org")
    assert "https://doorstep.example/landlords" in mail.body and "evil" not in mail.body
    assert "Mr Piotr Gill" in mail.subject and "report a tenant's change" in mail.body
    assert client.post("/v1/me/landlord/colleagues", {"email": "new.starter@example.org", "role": "view"},
                       lead.auth).status_code == 409
    run_stream(deps, "landlord_invited")  # the stream delivers the event again
    assert len(outbox_to("new.starter@example.org")) == 1
    by_id = client.post("/v1/me/landlord/colleagues", {"user_id": known.user.id, "role": "view"}, lead.auth)
    assert by_id.status_code == 201 and outbox_to("by.id@example.org") == []  # an account added: no invitation

    dies_after_commit()  # the request's own try never happens: the stream sends, or nothing
    for address in ("late.starter@example.org", "wrong.address@example.org"):
        assert client.post("/v1/me/landlord/colleagues", {"email": address, "role": "view"}, lead.auth).status_code == 201
    wrong = next(c for c in client.get("/v1/me/landlord", lead.auth).json_body["colleagues"]
                 if c["email"] == "wrong.address@example.org")
    removed = client.raw.http.delete(f"/v1/me/landlord/colleagues/{wrong['user_id']}", headers=lead.auth)
    assert removed.status_code in (200, 204), removed.body
    run_stream(deps, "landlord_invited")
    assert len(outbox_to("late.starter@example.org")) == 1 and outbox_to("wrong.address@example.org") == []
