"""The repairs desk on one repair: its page (the tenant's contact, the reading
audited), a priority changed with a reason (audited, If-Match), a team
assigned (its crew job made with the change), a follow-on job raised once,
and a home's history. The app's clock is Tuesday 24 November 2026, 10am."""
from support.repairs_support import DRIPPING_TAP, tenant, tenant_drs  # noqa: F401 (fixtures)
from support.revenues_support import civica, council_morning  # noqa: F401 (fixtures)


def with_etag(auth, etag):
    return {**auth, "If-Match": etag}


def test_an_officer_changes_a_priority_with_a_reason_and_the_audit_keeps_it(client, tenant, people, deps):
    repair = client.post("/v1/repairs", DRIPPING_TAP, tenant.auth).json_body
    officer, path = people("staff"), f"/v1/staff/repairs/{repair['id']}"
    page = client.get(path, {**officer.auth, "Access-Reason": "Booking the plumber"})
    assert page.status_code == 200 and page.json_body["contact"] == {"phone": "07700 900123"}
    body = {"priority": "urgent", "reason": "An older tenant alone: the drip wakes her"}
    assert client.post(f"{path}/priority", body, officer.auth).status_code == 428
    changed = client.post(f"{path}/priority", body, with_etag(officer.auth, page.headers["ETag"]))
    assert changed.status_code == 200, changed.body
    assert changed.json_body["priority"] == "urgent"
    assert changed.json_body["dates"][0]["text"] == "Your repair is due by Tuesday 1 December 2026."
    stale = client.post(f"{path}/priority", {**body, "priority": "routine"}, with_etag(officer.auth, page.headers["ETag"]))
    assert stale.status_code == 409 and stale.json_body["error"]["code"] == "edit_conflict"
    entries = deps.audit.entries(repair["id"])
    assert [e.action for e in entries] == ["contact_read", "priority"]
    assert entries[1].changes["reason"]["after"] == body["reason"] and entries[1].by_user_id == officer.user.id


def test_a_priority_change_needs_a_reason(client, tenant, people):
    repair = client.post("/v1/repairs", DRIPPING_TAP, tenant.auth).json_body
    officer, path = people("staff"), f"/v1/staff/repairs/{repair['id']}"
    etag = client.get(path, officer.auth).headers["ETag"]
    refused = client.post(f"{path}/priority", {"priority": "urgent", "reason": " "}, with_etag(officer.auth, etag))
    assert refused.status_code == 400
    assert refused.json_body["error"]["fields"][0]["field"] == "reason"


def test_a_follow_on_job_is_raised_once_for_the_same_home(client, tenant, people, deps):
    repair = client.post("/v1/repairs", DRIPPING_TAP, tenant.auth).json_body
    officer, path = people("staff"), f"/v1/staff/repairs/{repair['id']}/follow-on"
    body = {"what": "Replace the rotten cupboard base under the sink", "priority": "routine"}
    first = client.post(path, body, {**officer.auth, "Idempotency-Key": "fo-1"})
    again = client.post(path, body, {**officer.auth, "Idempotency-Key": "fo-1"})
    assert first.status_code == again.status_code == 201 and again.headers["Idempotent-Replayed"] == "true"
    assert first.json_body["id"] == again.json_body["id"] and first.json_body["parent"] == repair["id"]
    history = client.get(f"/v1/staff/repairs/homes/{repair['home']}",
                         {**officer.auth, "Access-Reason": "Checking the home's history"}).json_body
    assert [r["id"] for r in history["repairs"]] == [first.json_body["id"], repair["id"]]
    mine = client.get(f"/v1/me/homes/{repair['home']}/repairs", tenant.auth).json_body
    assert len(mine["repairs"]) == 2 and "contact" not in mine["repairs"][0]


def test_a_home_the_tenant_does_not_rent_has_no_history_for_them(client, tenant):
    refused = client.get("/v1/me/homes/R0000001/repairs", tenant.auth)
    assert refused.status_code == 404 and refused.json_body["error"]["code"] == "home_not_found"


def test_my_repairs_are_in_my_export_and_kept_for_the_home_without_me_when_i_am_erased(client, tenant, people, deps):
    repair = client.post("/v1/repairs", DRIPPING_TAP, tenant.auth).json_body
    exported = client.get("/v1/me/export", tenant.auth).json_body["repairs"]
    assert [(r["id"], r["contact"]["phone"], r["access"]) for r in exported] == \
        [(repair["id"], "07700 900123", {"pets": "A friendly dog"})]
    assert client.raw.http.delete("/v1/me", headers=tenant.auth).status_code in (200, 204)
    kept = deps.repairs.get(repair["id"])
    assert kept.user_id != tenant.user.id and kept.contact == {} and kept.access == {}
    assert deps.repairs.of_user(tenant.user.id) == []
    history = client.get(f"/v1/staff/repairs/homes/{repair['home']}",
                         {**people("staff").auth, "Access-Reason": "Checking the home's history"}).json_body
    assert [r["id"] for r in history["repairs"]] == [repair["id"]]


def test_a_tenants_contact_on_a_repairs_page_shows_only_when_the_officer_says_why_and_the_reading_keeps_it(
        client, tenant, people, deps):
    repair = client.post("/v1/repairs", DRIPPING_TAP, tenant.auth).json_body
    officer, path = people("staff", roles=["housing_repairs"]), f"/v1/staff/repairs/{repair['id']}"
    unsaid = client.get(path, officer.auth)
    assert unsaid.status_code == 200 and "07700 900123" not in unsaid.body.decode()
    assert (unsaid.json_body["contact"], unsaid.json_body["access"], unsaid.json_body["contact_withheld"]) == (
        None, None, True)
    assert deps.audit.entries(repair["id"]) == []
    said = client.get(path, {**officer.auth, "Access-Reason": "Booking the plumber"})
    assert said.json_body["contact"] == {"phone": "07700 900123"} and said.json_body["contact_withheld"] is False
    [entry] = deps.audit.entries(repair["id"])
    assert (entry.action, entry.reason, entry.by_user_id) == ("contact_read", "Booking the plumber", officer.user.id)


def test_a_tenants_home_opens_only_when_the_officer_says_why_and_the_reading_is_audited_under_the_home(
        client, tenant, people, deps):
    repair = client.post("/v1/repairs", DRIPPING_TAP, tenant.auth).json_body
    officer, path = people("staff", roles=["housing_repairs"]), f"/v1/staff/repairs/homes/{repair['home']}"
    assert client.get(path, officer.auth).status_code == 400
    history = client.get(path, {**officer.auth, "Access-Reason": "Damp again? Checking the home's history"})
    assert history.status_code == 200 and [r["id"] for r in history.json_body["repairs"]] == [repair["id"]]
    [entry] = deps.audit.entries(repair["home"])
    assert (entry.action, entry.reason, entry.by_user_id) == (
        "read", "Damp again? Checking the home's history", officer.user.id)
    assert entry.changes == {"read": {"before": None, "after": "The home's repairs"}}


def test_a_change_at_the_desk_answers_without_the_tenants_contact_however_it_ends(client, tenant, people):
    """The contact shows only on the page read with a reason (audited): a priority change, an assignment,
    a stale If-Match, a follow-on job and a close answer with it withheld, as the page without a reason does."""
    repair = client.post("/v1/repairs", DRIPPING_TAP, tenant.auth).json_body
    officer, path = people("staff", roles=["housing_repairs"]), f"/v1/staff/repairs/{repair['id']}"
    etag = client.get(path, officer.auth).headers["ETag"]
    body = {"priority": "urgent", "reason": "An older tenant alone"}
    answers = [client.post(f"{path}/priority", body, with_etag(officer.auth, etag)),
               client.post(f"{path}/priority", {**body, "priority": "routine"}, with_etag(officer.auth, etag)),
               client.post(f"{path}/follow-on", {"what": "Replace the cupboard base"},
                           {**officer.auth, "Idempotency-Key": "fo-2"}),
               client.post(f"{path}/done", {"what": "New washer fitted"}, officer.auth)]
    assert [a.status_code for a in answers] == [200, 409, 201, 200]
    for answer in answers:
        view = answer.json_body if answer.status_code != 409 else answer.json_body["current"]
        assert "07700 900123" not in answer.body.decode() and "friendly dog" not in answer.body.decode()
        assert (view.get("contact"), view["access"]) == (None, None)
