"""Residents subscribe to alerts: push with no account, e-mail and SMS only
once the address has said yes."""
import pytest

from conftest import pothole
from support.alert_support import (MINSTER, area, in_one_hours_window, outbox_to, push_alert, push_subscription,
                                   store_wards, token_in)


@pytest.fixture
def report_id(client):
    return client.post("/v1/reports", pothole()).json_body["id"]


@pytest.mark.parametrize("target", [
    pytest.param(area(800), id="area"),
    pytest.param({"kind": "ward", "ward": "guildhall"}, id="ward"),
    pytest.param({"kind": "category", "service_code": "pothole"}, id="category anywhere"),
    pytest.param({"kind": "category", "service_code": "graffiti", "area": {**MINSTER, "radius_m": 300}},
                 id="category in an area"),
    pytest.param({"kind": "broadcast", "topics": ["bins", "roads"], "ward": "heworth"}, id="broadcast to a ward"),
    pytest.param({"kind": "broadcast", "topics": ["emergencies"], **MINSTER, "radius_m": 2000},
                 id="broadcast to a circle"),
])
def test_an_anonymous_phone_subscribes_to_each_kind_by_push(client, deps, target):
    store_wards(deps)
    response = client.post("/v1/alerts", push_alert(**target))
    assert response.status_code == 201, response.body
    alert = response.json_body
    assert alert["kind"] == target["kind"] and alert["channels"] == ["push"]
    assert alert["confirmed"] is True and alert["management_token"].startswith(alert["id"] + ".")
    assert response.headers["Cache-Control"] == "no-store"


def test_following_a_report_needs_a_report_that_exists(client, report_id):
    made = client.post("/v1/alerts", push_alert(kind="report", report_id=report_id.lower()))
    assert made.status_code == 201 and made.json_body["report_id"] == report_id
    missing = client.post("/v1/alerts", push_alert(kind="report", report_id="DS-ZZZZZZ"))
    assert (missing.status_code, missing.json_body["error"]["code"]) == (404, "report_not_found")


# 400: the body breaks the document; 422: it keeps the document but breaks a
# rule the document states (what each kind and channel needs, the council's categories).
@pytest.mark.parametrize("body,field,status", [
    (push_alert(**area(20)), "radius_m", 400),
    (push_alert(**area(5001)), "radius_m", 422),  # within the document's bounds (a crew's), beyond an area's
    (push_alert(**area(20_001)), "radius_m", 400),
    (push_alert(**area(), urgent_near_only=True), "urgent_near_only", 422),
    (push_alert(kind="area", lat=53.96, radius_m=500), "lon", 422),
    (push_alert(kind="ward", ward="<script>"), "ward", 400),
    (push_alert(kind="category", service_code="nonsense"), "service_code", 422),
    (push_alert(kind="broadcast", topics=["parking"], ward="Heworth"), "topics", 400),
    (push_alert(kind="comet"), "kind", 400),
    ({"kind": "ward", "ward": "Heworth", "channels": ["pigeon"]}, "channels", 400),
    ({"kind": "ward", "ward": "Heworth", "channels": ["push"],
      "push_subscription": {**push_subscription(), "endpoint": "http://push.example.net/x"}},
     "push_subscription.endpoint", 422),
    ({"kind": "ward", "ward": "Heworth", "channels": ["push"],
      "push_subscription": {**push_subscription(), "keys": {"p256dh": "AAAA", "auth": "AAAA"}}},
     "push_subscription.keys.p256dh", 422),
    ({"kind": "ward", "ward": "Heworth", "channels": ["email"], "email": "not-an-address"}, "email", 400),
    ({"kind": "ward", "ward": "Heworth", "channels": ["sms"]}, "phone", 422),
])
def test_bad_subscriptions_are_refused_naming_the_field_and_store_nothing(client, deps, body, field, status):
    response = client.post("/v1/alerts", body)
    assert response.status_code == status, response.body
    assert field in [f["field"] for f in response.json_body["error"]["fields"]]
    from chalicelib.storage.alerts.alerts import AlertIndexModel, AlertModel
    assert AlertModel.count() == 0 and AlertIndexModel.count() == 0


@pytest.mark.parametrize("body", [push_alert(kind="ward", ward="nowhere"),
                                  push_alert(kind="broadcast", topics=["bins"], ward="Guildhall")])
def test_a_ward_alert_needs_a_stored_ward_id_so_it_can_ever_fire(client, deps, body):
    store_wards(deps)
    response = client.post("/v1/alerts", body)
    assert (response.status_code, response.json_body["error"]["code"]) == (404, "ward_not_found")
    from chalicelib.storage.alerts.alerts import AlertModel
    assert AlertModel.count() == 0


def test_an_area_outside_the_council_is_refused(client):
    response = client.post("/v1/alerts", push_alert(kind="area", lat=51.5, lon=-0.12, radius_m=500))
    assert (response.status_code, response.json_body["error"]["code"]) == (422, "outside_service_area")


def test_the_same_push_subscription_and_target_is_the_same_alert(client):
    body = push_alert(**area(600))
    first, again = client.post("/v1/alerts", body), client.post("/v1/alerts", body)
    assert again.status_code == 201 and again.headers["Idempotent-Replayed"] == "true"
    assert again.json_body["id"] == first.json_body["id"]
    # The browser that holds the subscription gets a fresh management token; the old one stops working.
    token = again.json_body["management_token"]
    assert client.get(f"/v1/alerts?token={token}").json_body["alerts"][0]["id"] == first.json_body["id"]
    old = client.get(f"/v1/alerts?token={first.json_body['management_token']}")
    assert old.status_code == 403


def test_an_email_alert_without_a_verified_account_waits_for_the_link(client, deps):
    body = {**area(700), "channels": ["email"], "email": "neighbour@example.org"}
    alert = client.post("/v1/alerts", body).json_body
    assert (alert["confirmed"], alert["pending"]) == (False, ["email"])
    [mail] = outbox_to("neighbour@example.org")
    assert "confirm" in mail.subject.lower()
    from chalicelib.handlers.alerts.subscriptions import CONFIRM_WITHIN
    assert f"within {CONFIRM_WITHIN.days} days" in mail.body  # the link's life, as the alert's own expiry
    from chalicelib.storage.alerts.alerts import AlertIndexModel
    assert {row.expires for row in AlertIndexModel.scan()} == {deps.alerts.get(alert["id"]).expires}
    confirmed = client.post("/v1/alerts/confirm", {"token": token_in(mail.body)})
    assert confirmed.status_code == 200 and confirmed.json_body["confirmed"] is True
    # Confirmed: neither the alert nor its index rows lapse any more.
    assert deps.alerts.get(alert["id"]).expires is None
    assert {row.expires for row in AlertIndexModel.scan()} == {None}
    again = client.post("/v1/alerts/confirm", {"token": token_in(mail.body)})
    assert (again.status_code, again.json_body["error"]["code"]) == (403, "invalid_token")


def test_repeating_someone_elses_email_subscription_earns_no_token_and_sends_only_a_question(client):
    body = {**area(700), "channels": ["email"], "email": "victim@example.org"}
    first = client.post("/v1/alerts", body).json_body
    repeat = client.post("/v1/alerts", body).json_body
    assert repeat["id"] == first["id"] and "management_token" not in repeat
    assert len(outbox_to("victim@example.org")) == 2  # the address is asked again; nothing is sent unasked


def test_an_sms_alert_waits_for_the_link_sent_by_text(client):
    alert = client.post("/v1/alerts", {**area(), "channels": ["sms"], "phone": "07700 900123"}).json_body
    assert alert["phone"] == "+447700900123" and alert["pending"] == ["sms"]
    [text] = outbox_to("+447700900123")
    assert text.channel == "sms" and "/alerts/confirm?token=" in text.body


def test_a_verified_resident_gets_email_alerts_at_once_and_lists_and_deletes_them(client, people):
    resident, other = people(), people()
    made = client.post("/v1/alerts", {**area(), "channels": ["email"]}, resident.auth).json_body
    assert made["confirmed"] is True and made["email"] == resident.user.email
    assert "management_token" not in made
    mine = client.get("/v1/alerts", resident.auth).json_body["alerts"]
    assert [a["id"] for a in mine] == [made["id"]]
    assert client.get("/v1/alerts", other.auth).json_body["alerts"] == []
    refused = client.raw.http.request("DELETE", f"/v1/alerts/{made['id']}", headers=other.auth)
    assert refused.status_code == 404
    done = client.raw.http.request("DELETE", f"/v1/alerts/{made['id']}", headers=resident.auth)
    assert done.status_code == 204
    assert client.get("/v1/alerts", resident.auth).json_body["alerts"] == []


def test_anonymous_listing_needs_a_token(client):
    response = client.get("/v1/alerts")
    assert response.status_code == 401


def test_an_anonymous_subscriber_deletes_with_the_management_token(client, deps):
    alert = client.post("/v1/alerts", push_alert(**area())).json_body
    wrong = client.raw.http.request("DELETE", f"/v1/alerts/{alert['id']}?token={alert['id']}.guess")
    assert wrong.status_code == 403
    done = client.raw.http.request("DELETE", f"/v1/alerts/{alert['id']}?token={alert['management_token']}")
    assert done.status_code == 204
    from chalicelib.storage.alerts.alerts import AlertIndexModel
    assert deps.alerts.get(alert["id"]) is None and AlertIndexModel.count() == 0


def test_one_click_unsubscribe_posts_and_a_get_only_asks(client, deps):
    from chalicelib.handlers.alerts.subscriptions import unsubscribe_token
    alert = client.post("/v1/alerts", push_alert(**area())).json_body
    url = f"/v1/alerts/unsubscribe?token={unsubscribe_token(alert['id'])}"
    looked = client.get(url)
    assert looked.status_code == 200 and looked.json_body["subscribed"] is True
    assert deps.alerts.get(alert["id"]) is not None
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    clicked = client.raw.http.post(url, body="List-Unsubscribe=One-Click", headers=form)
    assert clicked.status_code == 200 and clicked.json_body["subscribed"] is False
    assert deps.alerts.get(alert["id"]) is None
    assert client.raw.http.post(url, body="List-Unsubscribe=One-Click", headers=form).status_code == 200
    forged = client.raw.http.post(f"/v1/alerts/unsubscribe?token={alert['id']}.0000", body="", headers=form)
    assert forged.status_code == 403


def test_an_unsubscribe_token_with_characters_beyond_ascii_is_refused_not_a_crash(client):
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    for token in ("%C3%A9", "al%C3%A9.%C3%A9", "%F0%9F%92%A9.x"):
        looked = client.get(f"/v1/alerts/unsubscribe?token={token}")
        clicked = client.raw.http.post(f"/v1/alerts/unsubscribe?token={token}", body="", headers=form)
        assert (looked.status_code, clicked.status_code) == (403, 403), token
        assert looked.json_body["error"]["code"] == "invalid_token"


def test_a_verified_reporter_follows_their_own_report_by_email(client, people):
    resident = people()
    made = client.post("/v1/reports", pothole(contact={"email": resident.user.email}), resident.auth).json_body
    [alert] = client.get("/v1/alerts", resident.auth).json_body["alerts"]
    assert (alert["kind"], alert["report_id"], alert["confirmed"]) == ("report", made["id"], True)


def test_the_reporters_follow_is_stored_with_the_report_so_its_first_event_always_finds_them(deps, people):
    """A dispatcher that reads the creation event the moment it is written
    must already see the reporter's alert: one transaction holds both."""
    from dataclasses import replace
    from chalicelib.auth.principal import authenticate
    from chalicelib.handlers.alerts.dispatch import matching_alerts
    from chalicelib.handlers.reports.create import create_report
    from chalicelib.storage.metering import metered
    resident = people()
    caller = authenticate(resident.auth["Authorization"], deps.accounts, deps.grants)
    with metered() as meter:
        view, _ = create_report(replace(deps, principal=caller), pothole(contact={"email": resident.user.email}))
    writes = [op for op in meter.operations if op in ("PutItem", "UpdateItem", "TransactWriteItems")]
    assert writes == ["TransactWriteItems"]
    report = deps.reports.get(view["id"])
    assert [a.user_id for a in matching_alerts(deps, "report_created", report)] == [resident.user.id]


def test_an_anonymous_reporter_is_not_subscribed_to_anything(client, deps):
    client.post("/v1/reports", pothole(contact={"email": "anon@example.org"}))
    from chalicelib.storage.alerts.alerts import AlertModel
    assert AlertModel.count() == 0


def test_nobody_can_flood_an_inbox_with_confirmation_requests(client):
    victim = "victim@example.org"
    with in_one_hours_window():
        for radius in (300, 400, 500, 600, 700):  # five different alerts, and a repeat of each
            body = {**area(radius), "channels": ["email"], "email": victim}
            first, repeat = client.post("/v1/alerts", body), client.post("/v1/alerts", body)
            assert first.status_code == 201 and repeat.json_body["id"] == first.json_body["id"]
    assert len(outbox_to(victim)) == 3  # CONFIRMS_PER_ADDRESS in the hour


def test_a_held_back_repeat_leaves_the_last_sent_link_working(client):
    body = {**area(700), "channels": ["email"], "email": "someone@example.org"}
    with in_one_hours_window():
        for _ in range(5):
            client.post("/v1/alerts", body)
        links = [token_in(m.body) for m in outbox_to("someone@example.org")]
        assert len(links) == 3
        # The outbox cannot order messages sent within one second: the newest
        # link is whichever one works, and one of the three must.
        answers = [client.post("/v1/alerts/confirm", {"token": link}).status_code for link in links]
    assert sorted(answers) == [200, 403, 403]


@pytest.mark.parametrize("body", [push_alert(kind="ward", ward="guildhall"),
                                  push_alert(kind="broadcast", topics=["bins"], ward="guildhall")])
def test_a_ward_alert_names_its_ward_and_a_renamed_ward_keeps_the_same_alert(client, deps, body):
    from chalicelib.storage.places.wards import Ward
    store_wards(deps)
    first = client.post("/v1/alerts", body)
    assert first.status_code == 201 and first.json_body["ward_name"] == "Guildhall"
    ward = deps.wards.get("guildhall")
    deps.wards.put_many([Ward(ward.id, "Guildhall and Minster", ward.geometry)])
    again = client.post("/v1/alerts", body)
    assert again.json_body["id"] == first.json_body["id"]


def test_an_alert_takes_one_email_address_and_nothing_around_it(client):
    for given in ("a@b.cc,evil.example", "a@b.cc;c@d.example", "Ada <ada@example.org>", "ada@example..org"):
        refused = client.post("/v1/alerts", {"kind": "area", "lat": 53.96, "lon": -1.08, "radius_m": 500,
                                             "channels": ["email"], "email": given})
        assert refused.status_code in (400, 422), (given, refused.body)
        assert [f["field"] for f in refused.json_body["error"]["fields"]] == ["email"], given
