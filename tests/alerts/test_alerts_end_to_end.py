"""Alerts end to end, with the real parts: the API through the Chalice
test client, the dispatcher reading the events stream as under `make run`,
the real channels (notify.deliver) and a real Web Push service on
127.0.0.1 that checks VAPID and decrypts aes128gcm. Nothing is faked; each
wait polls with a deadline."""
import time
from urllib.parse import urlsplit

import pytest

from tests.support.alert_support import FAR_AWAY, MINSTER, area, events_of, outbox_to
from tests.conftest import Api, pothole
from tests.support.push_service import PushService

REPORTER = ("Ada Resident", "ada@example.org", "07700", "900123")
PUSH_FIELDS = {"title", "body", "report_id", "state", "url", "event_id"}
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


@pytest.fixture
def client(storage):
    """The test client under a "test" stage. chalice.test.Client's default
    "dev" stage sets DOORSTEP_STAGE=dev during requests only, so POST
    /v1/alerts would refuse the local push service (right for a deployed
    stage) while the dispatcher thread, outside requests, runs as "test"."""
    from chalice.test import Client
    from app import app
    with Client(app, stage_name="test") as c:
        yield Api(c)


@pytest.fixture
def push_service():
    with PushService() as service:
        yield service


@pytest.fixture
def dispatcher(storage, tmp_path):
    """The dispatcher as `make run` runs it: the events stream, read as Lambda
    reads it, handed to the Lambda's handler, with the real channels."""
    from chalicelib.deps import default_deps
    from support.dispatcher import stream_dispatcher
    reader = stream_dispatcher(tmp_path / "events-stream.json", lambda: default_deps("http://testserver"))
    yield reader
    reader.stop()


def wait_for(check, seconds=5.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.02)
    raise AssertionError(f"not within {seconds} s: {check.__doc__ or check}")


def subscribe_push(client, push_service, **target):
    key = client.get("/v1/push/vapid-public-key").json_body["public_key"]
    browser = push_service.subscribe(application_server_key=key)
    made = client.post("/v1/alerts", {"channels": ["push"], "push_subscription": browser.subscription, **target})
    assert made.status_code == 201, made.json_body
    return browser, made.json_body


def pushes_to(push_service, browser):
    return [r for r in push_service.received if r.endpoint == browser.endpoint]


def report_at(client, where, **extra):
    made = client.post("/v1/reports", pothole(lat=where["lat"], lon=where["lon"], **extra))
    assert made.status_code == 201, made.json_body
    return made.json_body["id"]


def assert_private_push(received, report_id, state):
    assert set(received.payload) == PUSH_FIELDS
    assert (received.payload["report_id"], received.payload["state"]) == (report_id, state)
    assert received.payload["url"].endswith(f"?report={report_id}")
    text = str(received.payload) + str(received.headers)
    assert not any(secret in text for secret in REPORTER)
    assert int(received.headers["ttl"]) > 0 and received.headers["urgency"] in ("low", "normal")
    assert received.claims["aud"].startswith("http://127.0.0.1:") and received.claims["sub"]


def test_a_report_pushes_to_the_area_around_it_and_not_to_an_area_elsewhere(client, push_service, dispatcher):
    near, _ = subscribe_push(client, push_service, **area())
    far, _ = subscribe_push(client, push_service, **area(where=FAR_AWAY))
    here = report_at(client, MINSTER)
    [got] = wait_for(lambda: pushes_to(push_service, near))
    assert_private_push(got, here, "open")
    assert got.payload["event_id"] == events_of(here)[0].id
    there = report_at(client, FAR_AWAY)
    wait_for(lambda: pushes_to(push_service, far))
    assert [r.payload["report_id"] for r in pushes_to(push_service, far)] == [there]
    assert [r.payload["report_id"] for r in pushes_to(push_service, near)] == [here]
    assert push_service.refused == []


def test_a_follower_is_pushed_each_state_change_of_the_report(client, push_service, dispatcher, people):
    rid = report_at(client, MINSTER)
    follower, _ = subscribe_push(client, push_service, kind="report", report_id=rid)
    staff = people("staff")
    for state in ("investigating", "fixed"):
        etag = client.raw.http.get(f"/v1/staff/reports/{rid}", headers=staff.auth).headers["ETag"]
        done = client.raw.http.patch(f"/v1/staff/reports/{rid}", headers={"Content-Type": "application/json",
                                     "If-Match": etag, **staff.auth},
                                     body=f'{{"status": "{state}", "public_update": "Seen."}}')
        assert done.status_code == 200, done.json_body
        wait_for(lambda: any(r.payload["state"] == state for r in pushes_to(push_service, follower)))
    changes = [r for r in pushes_to(push_service, follower) if r.payload["state"] != "open"]
    assert [r.payload["state"] for r in changes] == ["investigating", "fixed"]
    for got in changes:
        assert_private_push(got, rid, got.payload["state"])


def test_a_410_from_the_push_service_removes_the_alert_and_nothing_more_is_sent(client, push_service, dispatcher):
    gone, alert = subscribe_push(client, push_service, **area())
    witness, _ = subscribe_push(client, push_service, **area(radius_m=800))
    push_service.answer(gone.endpoint, 410)
    report_at(client, MINSTER)

    def removed():
        """the alert is deleted after the 410"""
        return client.get(f"/v1/alerts?token={alert['management_token']}").status_code == 403
    wait_for(removed)
    assert [e for e, status, _ in push_service.refused] == [gone.endpoint]
    second = report_at(client, MINSTER)
    wait_for(lambda: any(r.payload["report_id"] == second for r in pushes_to(push_service, witness)))
    assert [e for e, status, _ in push_service.refused] == [gone.endpoint]


def test_redelivering_the_same_event_sends_nothing_new(client, push_service, dispatcher, deps):
    from chalicelib.handlers.alerts.worker import dispatch_event
    browser, _ = subscribe_push(client, push_service, **area())
    rid = report_at(client, MINSTER)
    wait_for(lambda: pushes_to(push_service, browser))
    [event] = events_of(rid)
    assert dispatch_event(deps, event) == {"already": 1}
    assert dispatch_event(deps, event) == {"already": 1}
    assert len(pushes_to(push_service, browser)) == 1


def test_an_email_alert_carries_one_click_unsubscribe_which_stops_the_mail(client, push_service, dispatcher,
                                                                            people):
    resident = people()
    made = client.post("/v1/alerts", {**area(), "channels": ["email"]}, resident.auth)
    assert made.status_code == 201 and made.json_body["confirmed"] is True, made.json_body
    witness, _ = subscribe_push(client, push_service, **area())
    first = report_at(client, MINSTER)
    [mail] = wait_for(lambda: outbox_to(resident.user.email))
    assert first in mail.body and not any(secret in mail.body + mail.html for secret in REPORTER)
    assert mail.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = urlsplit(mail.headers["List-Unsubscribe"].strip("<>"))
    assert url.path == "/v1/alerts/unsubscribe"
    page = f"http://testserver/alerts/unsubscribe?{url.query}"  # people get the page with a button
    assert page in mail.body and page in mail.html and url.path not in mail.body + mail.html
    clicked = client.raw.http.post(f"{url.path}?{url.query}", body="List-Unsubscribe=One-Click", headers=FORM)
    assert clicked.status_code == 200 and clicked.json_body["subscribed"] is False
    second = report_at(client, MINSTER)
    wait_for(lambda: any(r.payload["report_id"] == second for r in pushes_to(push_service, witness)))
    assert len(outbox_to(resident.user.email)) == 1


def test_a_verified_reporter_is_mailed_that_their_report_was_received_not_that_it_is_near(client, dispatcher,
                                                                                        people):
    resident = people()
    made = client.post("/v1/reports", pothole(contact={"email": resident.user.email}), resident.auth)
    rid = made.json_body["id"]
    [mail] = wait_for(lambda: outbox_to(resident.user.email))
    assert mail.subject == f"{rid}: Open" and "was received" in mail.body and "near you" not in mail.body
    assert mail.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

def test_the_area_feed_reads_in_a_feed_reader_and_holds_the_report(client):
    from tests.support.feeds_support import read_feed
    rid = report_at(client, MINSTER)
    feed = read_feed(client.get(f"/v1/feeds/reports.rss?lat={MINSTER['lat']}&lon={MINSTER['lon']}&radius_m=500"))
    assert any(rid in (entry.get("link", "") + entry.get("guid", "")) for entry in feed.entries)
    assert not any(secret in str(feed) for secret in REPORTER)

