"""Residents sign up, sign in, track their reports and leave; attackers don't get in."""
from support.accounts_support import bearer, in_one_guess_window, login, outbox_links, register  # noqa: F401
from conftest import pothole


def test_resident_registers_signs_in_before_verifying_and_sees_their_profile(client):
    r = register(client)
    assert r.status_code == 202
    assert outbox_links("ada@example.org", "/verify")
    tokens = login(client).json_body
    assert tokens["token_type"] == "Bearer" and tokens["expires_in"] == 900
    me = client.get("/v1/me", headers=bearer(tokens))
    assert me.status_code == 200 and me.headers["Cache-Control"] == "no-store"
    assert me.json_body["email"] == "ada@example.org" and me.json_body["email_verified"] is False


def test_my_profile_matches_its_own_schema_before_and_after_optional_details(client):
    from support.openapi_check import assert_answer_matches_document
    register(client)
    auth = bearer(login(client).json_body)
    bare = client.get("/v1/me", headers=auth)
    assert bare.json_body["phone"] is None and bare.json_body["uprn"] is None
    assert_answer_matches_document(client, "/v1/me", "GET", bare)
    changed = client.raw.http.patch("/v1/me", body='{"phone": "07700 900123", "uprn": "990000000101"}',
                                    headers={**auth, "Content-Type": "application/json"})
    assert_answer_matches_document(client, "/v1/me", "PATCH", changed)
    assert_answer_matches_document(client, "/v1/me", "GET", client.get("/v1/me", headers=auth))


def test_registering_a_known_address_gives_the_same_answer(client):
    first = register(client)
    again = register(client, password="another long passphrase")
    assert first.status_code == again.status_code == 202
    assert first.json_body == again.json_body


def test_weak_and_common_passwords_are_refused(client):
    # Too short breaks the document (400); common or the address itself breaks the policy it states (422).
    for password, status in (("short", 400), ("password1234", 422), ("ada@example.org", 422)):
        r = register(client, password=password)
        assert r.status_code == status, password
        assert r.json_body["error"]["fields"][0]["field"] == "password"


def test_signed_in_report_is_prefilled_and_listed_in_my_account(client):
    register(client)
    tokens = login(client).json_body
    body = pothole()
    body.pop("contact")
    report = client.post("/v1/reports", body, headers=bearer(tokens)).json_body
    assert "tracking_token" not in report
    assert report["contact"]["email"] == "ada@example.org"
    mine = client.get("/v1/me/reports", headers=bearer(tokens)).json_body["reports"]
    assert [r["id"] for r in mine] == [report["id"]]
    assert client.get(f"/v1/reports/{report['id']}", headers=bearer(tokens)).json_body["view"] == "private"


def test_verifying_the_address_claims_earlier_anonymous_reports(client):
    anonymous = client.post("/v1/reports", pothole(contact={"email": "Ada@Example.org"})).json_body
    register(client)
    token = outbox_links("ada@example.org", "/verify")[0]
    r = client.post("/v1/auth/verify", {"token": token})
    assert r.status_code == 200 and r.json_body["claimed_reports"] == [anonymous["id"]]
    assert client.post("/v1/auth/verify", {"token": token}).status_code == 403  # single use
    tokens = login(client).json_body
    assert [x["id"] for x in client.get("/v1/me/reports", headers=bearer(tokens)).json_body["reports"]] == [
        anonymous["id"]]


def test_refresh_rotates_and_a_replayed_refresh_token_ends_the_session(client):
    register(client)
    first = login(client).json_body
    second = client.post("/v1/auth/refresh", {"refresh_token": first["refresh_token"]})
    assert second.status_code == 200
    assert second.json_body["refresh_token"] != first["refresh_token"]
    replay = client.post("/v1/auth/refresh", {"refresh_token": first["refresh_token"]})
    assert replay.status_code == 401 and replay.json_body["error"]["code"] == "refresh_token_reused"
    # the thief's replay also ended the legitimate holder's session
    r = client.post("/v1/auth/refresh", {"refresh_token": second.json_body["refresh_token"]})
    assert r.status_code == 401


def test_refresh_stops_working_after_logout(client):
    register(client)
    tokens = login(client).json_body
    assert client.post("/v1/auth/logout", {"refresh_token": tokens["refresh_token"]}).status_code == 204
    r = client.post("/v1/auth/refresh", {"refresh_token": tokens["refresh_token"]})
    assert r.status_code == 401 and r.json_body["error"]["code"] == "session_ended"


def test_brute_force_of_one_account_meets_429_with_retry_after(client, in_one_guess_window):
    register(client)
    statuses = [login(client, password=f"wrong guess number {i}").status_code for i in range(12)]
    assert statuses[:10] == [401] * 10
    assert statuses[10:] == [429, 429]
    r = login(client)  # a client never seen before waits, right password or not: the account is being guessed
    assert r.status_code == 429 and int(r.headers["Retry-After"]) > 0


def test_unknown_and_known_addresses_fail_login_the_same_way(client):
    register(client)
    unknown = login(client, email="nobody@example.org")
    wrong = login(client, password="not the password at all")
    assert unknown.status_code == wrong.status_code == 401
    assert unknown.json_body == wrong.json_body


def test_password_reset_by_single_use_link_ends_old_sessions(client):
    register(client)
    old = login(client).json_body
    assert client.post("/v1/auth/password-reset", {"email": "ada@example.org"}).status_code == 202
    assert client.post("/v1/auth/password-reset", {"email": "ghost@example.org"}).json_body == \
        client.post("/v1/auth/password-reset", {"email": "ada@example.org"}).json_body
    token = outbox_links("ada@example.org", "/reset-password")[0]
    r = client.post("/v1/auth/password-reset/confirm", {"token": token, "password": "a brand new passphrase"})
    assert r.status_code == 200
    assert client.post("/v1/auth/password-reset/confirm",
                       {"token": token, "password": "yet another passphrase"}).status_code == 403
    assert client.get("/v1/me", headers=bearer(old)).status_code == 401
    assert login(client, password="a brand new passphrase").status_code == 200


def test_export_holds_everything_and_delete_erases_the_person_but_keeps_reports(client):
    from chalicelib.storage.reports.reports import ReportModel
    register(client)
    tokens = login(client).json_body
    assert client.get("/v1/me/export", headers=bearer(tokens)).json_body["messages"] == []  # unproven address
    client.post("/v1/auth/verify", {"token": outbox_links("ada@example.org", "/verify")[0]})
    report = client.post("/v1/reports", pothole(), headers=bearer(tokens)).json_body
    export = client.get("/v1/me/export", headers=bearer(tokens))
    assert export.status_code == 200 and "attachment" in export.headers["Content-Disposition"]
    data = export.json_body
    assert data["profile"]["email"] == "ada@example.org"
    assert [r["id"] for r in data["reports"]] == [report["id"]] and data["reports"][0]["timeline"]
    assert any(m["subject"] == "Confirm your email address" for m in data["messages"])
    assert client.raw.http.delete("/v1/me", headers=bearer(tokens)).status_code == 204
    assert client.get("/v1/me", headers=bearer(tokens)).status_code == 401
    assert client.post("/v1/auth/refresh", {"refresh_token": tokens["refresh_token"]}).status_code == 401
    kept = ReportModel.get(report["id"])
    assert kept.contact == {} and kept.user_id is None
    assert login(client).status_code == 401
    assert outbox_links("ada@example.org", "/verify") == []


def test_logout_ends_the_access_token_too(client):
    register(client)
    tokens = login(client).json_body
    client.post("/v1/auth/logout", {"refresh_token": tokens["refresh_token"]})
    r = client.get("/v1/me", headers=bearer(tokens))
    assert r.status_code == 401 and r.json_body["error"]["code"] == "session_ended"


def test_a_weak_new_password_does_not_use_up_the_reset_link(client):
    register(client)
    client.post("/v1/auth/password-reset", {"email": "ada@example.org"})
    token = outbox_links("ada@example.org", "/reset-password")[0]
    weak = client.post("/v1/auth/password-reset/confirm", {"token": token, "password": "short"})
    assert weak.status_code == 400 and weak.json_body["error"]["code"] == "validation_failed"
    good = client.post("/v1/auth/password-reset/confirm", {"token": token, "password": "a fine long passphrase"})
    assert good.status_code == 200


def test_auth_answers_carry_no_cost_header_that_could_reveal_accounts(client):
    register(client)
    for r in (login(client, password="wrong wrong wrong"), login(client, email="nobody@example.org"),
              client.post("/v1/auth/password-reset", {"email": "ada@example.org"})):
        assert "Server-Timing" not in r.headers


def test_odd_tokens_get_clear_errors_not_500(client):
    for path in ("/v1/auth/refresh", "/v1/auth/logout", "/v1/auth/verify", "/v1/auth/oidc"):
        for value in ("\ud800", "x" * 5000, 12, None):
            r = client.post(path, {"refresh_token": value, "token": value})
            assert r.status_code < 500, (path, value, r.body)
    r = client.post("/v1/auth/login", {"email": "a" * 3000 + "@example.org", "password": "whatever it is"})
    assert r.status_code == 400


def test_only_a_proven_account_can_be_given_staff_powers(client, deps):
    import pytest
    from chalicelib.errors import ApiError
    from chalicelib.handlers.accounts import users
    register(client, email="new.staffer@council.example")
    with pytest.raises(ApiError) as refused:
        users.set_role(deps, "new.staffer@council.example", "staff")
    assert refused.value.code == "email_not_verified"


def test_a_resident_sets_their_name_and_an_empty_one_is_asked_for_in_its_own_words(client):
    register(client)
    auth = {**bearer(login(client).json_body), "Content-Type": "application/json"}
    empty = client.raw.http.patch("/v1/me", body='{"name": "  "}', headers=auth)
    assert empty.status_code == 400
    assert empty.json_body["error"]["fields"] == [{"field": "name", "message": "Enter your full name"}]
    named = client.raw.http.patch("/v1/me", body='{"name": "Nia Newcomer"}', headers=auth)
    assert named.status_code == 200 and named.json_body["name"] == "Nia Newcomer"


def test_registering_with_every_field_empty_asks_for_each_in_its_own_words_at_once(client):
    empty = client.post("/v1/auth/register", {"name": " ", "email": "", "password": ""})
    assert empty.status_code == 400
    assert empty.json_body["error"]["fields"] == [
        {"field": "name", "message": "Enter your full name"},
        {"field": "email", "message": "Enter your email address"},
        {"field": "password", "message": "Create a password"}]
    wrong = client.post("/v1/auth/register", {"name": "Nia Newcomer", "email": "nia at example", "password": "short"})
    assert wrong.json_body["error"]["fields"] == [
        {"field": "email", "message": "Enter an email address in the correct format, like name@example.com"},
        {"field": "password",
         "message": "Password must be at least 10 characters. A few unrelated words make a good one."}]
