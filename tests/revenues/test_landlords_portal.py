"""The landlords' portal over the API, against the local back office: a lead
registers with the council's proof and adds a colleague, a 2,000-line run
and its CSV cost a few reads, a search reads an index, a change goes once,
and a landlord opens no claim that is not paid to it, whatever it tries."""
import pytest

from doorstep_cli.local.civica_landlord_data import ASSOCIATION, SMALL
from support.effects_support import run_stream
from support.revenues_support import civica, council_morning  # noqa: F401 (fixtures)

ASSOCIATION_PROOF = {"creditor_ref": ASSOCIATION, "claim_ref": "HB50003", "surname": "Oakes"}
SMALL_PROOF = {"creditor_ref": SMALL, "claim_ref": "HB70002", "surname": "hughes"}


@pytest.fixture
def landlord(people, civica, council_morning, client):
    def make(proof=ASSOCIATION_PROOF):
        lead = people()
        made = client.post("/v1/landlords", proof, lead.auth)
        assert made.status_code == 201, made.body
        return lead
    return make


def cost(answer):
    timing = answer.headers["Server-Timing"]
    return int(timing.split("queries=")[1].split()[0]), int(timing.split("items=")[1].rstrip('"'))


def test_a_lead_registers_with_a_tenants_claim_and_surname_and_adds_a_colleague_who_sees_the_runs(
        client, landlord, people, deps):
    lead, colleague, stranger = landlord(), people(), people()
    added = client.post("/v1/me/landlord/colleagues", {"user_id": colleague.user.id, "role": "report"}, lead.auth)
    assert added.status_code == 201
    mine = client.get("/v1/me/landlord", lead.auth).json_body
    assert mine["name"] == "Ouse Valley Housing Association" and len(mine["colleagues"]) == 2
    # each one's e-mail, the lead's own and a colleague's added by account: read from the account, as the desk's
    assert {c["user_id"]: c["email"] for c in mine["colleagues"]} == {lead.user.id: lead.user.email,
                                                                      colleague.user.id: colleague.user.email}
    assert client.get("/v1/me/landlord/runs", colleague.auth).status_code == 200
    assert client.get("/v1/me/landlord/runs", stranger.auth).status_code == 403
    assert [e["action"] for e in deps.landlords.audit(ASSOCIATION)] == ["registered", "member_added:report"]


def test_a_wrong_surname_and_an_unknown_creditor_get_the_same_answer_and_five_lock_the_creditor_until_a_time_said(
        client, people, civica, council_morning):
    wrong = client.post("/v1/landlords", {**SMALL_PROOF, "surname": "Smith"}, people().auth)
    missing = client.post("/v1/landlords", {**SMALL_PROOF, "creditor_ref": "CR999999"}, people().auth)
    assert (wrong.status_code, wrong.json_body) == (missing.status_code, missing.json_body)
    assert wrong.status_code == 422
    for _ in range(4):
        client.post("/v1/landlords", {**SMALL_PROOF, "surname": "Smith"}, people().auth)
    locked = client.post("/v1/landlords", SMALL_PROOF, people().auth)  # right, but the creditor is locked
    assert locked.status_code == 429 and locked.json_body["error"]["code"] == "landlord_locked"
    # 10:00 in London: locked until the hour's end, said as the council account's lock says it
    assert 3500 < int(locked.headers["Retry-After"]) <= 3600
    assert "try again from 11:00" in locked.json_body["error"]["message"]


def test_a_claim_paid_to_another_landlord_is_no_proof(client, people, civica, council_morning):
    answer = client.post("/v1/landlords", {**SMALL_PROOF, "claim_ref": "HB50003", "surname": "Oakes"},
                         people().auth)
    assert answer.status_code == 422


def test_a_2000_line_run_and_its_csv_cost_a_few_reads_and_the_back_office_once(client, landlord, civica):
    lead = landlord()
    runs = client.get("/v1/me/landlord/runs", lead.auth).json_body["runs"]
    autumn = client.get("/v1/me/landlord/runs?from=2026-09-01&to=2026-10-31", lead.auth).json_body["runs"]
    assert [r["paid_on"] for r in autumn] == ["2026-10-12", "2026-09-14"]
    assert client.get("/v1/me/landlord/runs?from=12/10/2026", lead.auth).status_code == 400
    first = client.get(f"/v1/me/landlord/runs/{runs[0]['run_ref']}", lead.auth)
    assert first.status_code == 200, first.body
    civica.calls.clear()
    again = client.get(f"/v1/me/landlord/runs/{runs[0]['run_ref']}", lead.auth)
    sheet = client.get(f"/v1/me/landlord/runs/{runs[0]['run_ref']}/csv", lead.auth)
    assert civica.calls == []
    assert len(first.json_body["items"]) == len(again.json_body["items"]) == 1960
    rows = sheet.body.decode().strip().split("\r\n")
    assert len(rows) == 1961 and rows[1].startswith("2026-11-09,HB50001,")
    print("run", cost(again), "csv", cost(sheet))
    # the caller's session and membership, the organisation, the run list, four chunks: not 2,000
    assert cost(again)[1] <= 10 and cost(sheet)[1] <= 10


def test_a_landlord_opens_no_claim_paid_to_another_whatever_reference_it_tries(client, landlord):
    small = landlord(SMALL_PROOF)
    assert client.get("/v1/me/landlord/claims/HB70002", small.auth).status_code == 200
    for tried in ("HB50003", "hb50003", "HB50003%20", "HB5000", "../HB50003", "HB70002%00", "LLC-XXXXXXXXXX"):
        answer = client.get(f"/v1/me/landlord/claims/{tried}", small.auth)
        assert answer.status_code in (400, 403, 404) and b"Oakes" not in answer.body, tried
    assert client.get("/v1/me/landlord/claims?q=Dawson", small.auth).json_body["claims"] == []
    assert client.get("/v1/me/landlord/claims?q=HB50003", small.auth).json_body["claims"] == []
    gone = {"change": "tenant_left", "date": "2026-11-20"}
    assert client.post("/v1/me/landlord/claims/HB50003/changes", gone, small.auth).status_code == 404
    runs = client.get("/v1/me/landlord/runs", small.auth).json_body["runs"]
    association_run = "PR100200" + runs[0]["run_ref"][8:]
    assert client.get(f"/v1/me/landlord/runs/{association_run}", small.auth).status_code == 404


def test_a_claim_shows_nothing_of_the_claimants_other_benefits_income_or_household(client, landlord):
    lead = landlord()
    claim = client.get("/v1/me/landlord/claims/HB50097", lead.auth).json_body
    assert set(claim) == {"claim_ref", "tenant", "address", "postcode", "status", "suspended_reason", "weekly",
                          "next_payment_date", "next_payment_amount", "overpayments", "fetched_at", "stale"}
    assert claim["overpayments"] == [{"amount": 3_000, "recovered_on": "2026-11-09", "dispute_by": "2026-12-09"}]


def test_a_tenant_gone_is_reported_once_whatever_the_retries_and_the_viewer_cannot_report(
        client, landlord, people, civica):
    lead, viewer = landlord(SMALL_PROOF), people()
    client.post("/v1/me/landlord/colleagues", {"user_id": viewer.user.id, "role": "view"}, lead.auth)
    change = {"change": "tenant_left", "date": "2026-11-20", "forwarding_address": "12 Acomb Road, York YO24 4EP"}
    key = {**lead.auth, "Idempotency-Key": "gone-HB70002-1"}
    first = client.post("/v1/me/landlord/claims/HB70002/changes", change, key)
    again = client.post("/v1/me/landlord/claims/HB70002/changes", change, key)
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json_body["id"] == again.json_body["id"] and first.json_body["back_office_reference"] == "LC0000001"
    assert civica.landlords.count("HB70002") == 1
    refused = client.post("/v1/me/landlord/claims/HB70002/changes", change, viewer.auth)
    assert refused.status_code == 403
    bad = client.post("/v1/me/landlord/claims/HB70002/changes", {**change, "date": "20/11/2026"}, lead.auth)
    assert bad.status_code == 400


def test_a_back_office_away_shows_the_last_runs_with_their_age_and_queues_a_change(
        client, landlord, civica, deps, monkeypatch):
    lead = landlord(SMALL_PROOF)
    client.get("/v1/me/landlord/claims/HB70001", lead.auth)
    assert run_stream(deps, "landlord_claims_old") == []  # the claims copy, written from its event
    kept = client.get("/v1/me/landlord/runs", lead.auth).json_body
    civica.down = True
    monkeypatch.setenv("DOORSTEP_LANDLORD_FRESH_S", "0")  # every copy old: the back office is asked, and is away
    away = client.get("/v1/me/landlord/runs", lead.auth).json_body
    queued = client.post("/v1/me/landlord/claims/HB70001/changes",
                         {"change": "tenant_away", "date": "2026-11-23"}, lead.auth)
    assert away["stale"] and away["runs"] == kept["runs"] and away["fetched_at"] == kept["fetched_at"]
    assert queued.status_code == 201 and queued.json_body["state"] == "queued"
    assert civica.landlords.count() == 0


def test_with_no_copy_yet_a_back_office_away_is_told_as_housing_benefit_and_logged_by_its_kind(
        client, landlord, civica, caplog):
    lead = landlord(SMALL_PROOF)  # registered, and nothing copied yet
    civica.down = True
    away = client.get("/v1/me/landlord/claims/HB70002", lead.auth)  # at the app's own log level
    assert away.status_code == 503 and away.headers["Retry-After"] == "300"
    assert away.json_body["error"]["code"] == "back_office_unavailable"
    assert away.json_body["error"]["message"].startswith("Housing benefit records cannot be reached")
    logged = " ".join(r.getMessage() for r in caplog.records)
    assert "unreachable: HTTP 503" in logged and "HB70002" not in logged and "Hughes" not in logged


def test_the_lead_removes_a_colleague_who_then_sees_nothing_and_both_are_audited(client, landlord, people, deps):
    lead, colleague = landlord(SMALL_PROOF), people()
    client.post("/v1/me/landlord/colleagues", {"user_id": colleague.user.id, "role": "view"}, lead.auth)
    assert client.post("/v1/me/landlord/colleagues", {"user_id": people().user.id, "role": "view"},
                       colleague.auth).status_code == 403  # only the lead adds
    removed = client.raw.http.delete(f"/v1/me/landlord/colleagues/{colleague.user.id}", headers=lead.auth)
    assert removed.status_code == 204
    assert client.get("/v1/me/landlord/runs", colleague.auth).status_code == 403
    assert [e["action"] for e in deps.landlords.audit(SMALL)] == ["registered", "member_added:view", "member_removed"]
    assert client.post("/v1/me/landlord/colleagues", {"user_id": "u_nobody", "role": "view"},
                       lead.auth).status_code == 404


def test_where_the_council_asks_for_the_bank_digits_and_approval_an_officer_opens_the_landlord(
        client, people, civica, council_morning, monkeypatch):
    monkeypatch.setenv("DOORSTEP_LANDLORD_PROOF", "bank")
    monkeypatch.setenv("DOORSTEP_LANDLORD_APPROVAL", "staff")
    lead, officer = people(), people("staff")
    assert client.post("/v1/landlords", SMALL_PROOF, lead.auth).status_code == 422  # the claim is not this proof
    assert client.post("/v1/landlords", {"creditor_ref": SMALL, "bank_last4": "0938"}, lead.auth).status_code == 422
    made = client.post("/v1/landlords", {"creditor_ref": SMALL, "bank_last4": "0937"}, lead.auth)
    assert (made.status_code, made.json_body["state"]) == (201, "awaiting_approval")
    assert client.get("/v1/me/landlord/runs", lead.auth).json_body["error"]["code"] == "awaiting_approval"
    assert client.post(f"/v1/staff/landlords/{SMALL}/approval", {}, lead.auth).status_code == 403
    assert client.post(f"/v1/staff/landlords/{SMALL}/approval", {}, officer.auth).status_code == 200
    assert client.get("/v1/me/landlord/runs", lead.auth).status_code == 200


def test_two_leads_registering_one_landlord_at_once_make_one_organisation(client, people, civica, council_morning):
    import threading
    leads, barrier, answers = [people(), people()], threading.Barrier(2), []

    def register(lead):
        barrier.wait()
        answers.append(client.post("/v1/landlords", SMALL_PROOF, lead.auth).status_code)
    threads = [threading.Thread(target=register, args=(lead,)) for lead in leads]
    [t.start() for t in threads]
    [t.join() for t in threads]
    assert sorted(answers) == [201, 409]
