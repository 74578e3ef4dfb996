"""Web Push: an alert reaches the browser encrypted and signed, and every
answer a push service can give becomes the outcome the dispatcher acts on."""
import pytest

from support.notify_support import NOW, alert, browser, new_id, push_service, stage  # noqa: F401 (fixtures)

from chalicelib.notify.deliver import deliver

PAYLOAD_FIELDS = {"title", "body", "report_id", "state", "url", "event_id"}


def push(browser, message=None, on="test"):
    return deliver("push", browser.subscription, message or alert(), stage(on), NOW, new_id)


def test_alert_reaches_the_browser_encrypted_and_vapid_signed(push_service, browser):
    assert push(browser, alert(ttl=3600, urgency="high", topic="DS-7K3F9Q")) == "sent"
    [got] = push_service.received
    assert got.payload == {"title": "DS-7K3F9Q is now Fixed", "report_id": "DS-7K3F9Q", "state": "fixed",
                           "body": "The pothole outside the Minster's west door was filled today.",
                           "url": "https://doorstep.example.gov.uk/reports/DS-7K3F9Q", "event_id": "ev-1"}
    assert (got.headers["ttl"], got.headers["urgency"], got.headers["topic"]) == ("3600", "high", "DS-7K3F9Q")
    assert got.headers["content-encoding"] == "aes128gcm"
    assert got.claims["aud"] == push_service.origin and got.claims["sub"].startswith("mailto:")


def test_push_keeps_a_day_at_normal_urgency_unless_told(push_service, browser):
    assert push(browser) == "sent"
    [got] = push_service.received
    assert (got.headers["ttl"], got.headers["urgency"]) == ("86400", "normal")


def test_payload_holds_only_the_alert_fields(push_service, browser):
    push(browser, alert(reporter_email="ada@example.org", reporter_name="Ada Resident", report_id=None))
    [got] = push_service.received
    assert set(got.payload) == PAYLOAD_FIELDS
    assert "ada@example.org" not in got.raw.decode() and "Ada" not in got.raw.decode()


def test_long_alert_is_clipped_to_one_push_record(push_service, browser):
    assert push(browser, alert(title="T" * 300, body="🕳️ " * 3000)) == "sent"
    [got] = push_service.received
    assert len(got.payload["title"]) == 120 and got.payload["body"].endswith("…")


def test_topic_that_is_not_base64url_is_hashed_to_32_characters(push_service, browser):
    push(browser, alert(topic="report DS-7K3F9Q: state"))
    topic = push_service.received[0].headers["topic"]
    assert len(topic) == 32 and topic.replace("-", "").replace("_", "").isalnum()


def test_push_signed_with_another_key_than_the_subscription_fails(push_service):
    stranger = push_service.subscribe(application_server_key="B" + "A" * 86)
    assert push(stranger) == "failed"
    assert push_service.received == [] and push_service.refused[0][1] == 403


@pytest.mark.parametrize("status, outcome", [(410, "gone"), (404, "gone"), (500, "retry"), (503, "retry"),
                                             (429, "retry"), (400, "failed"), (413, "failed")])
def test_push_service_answer_becomes_an_outcome(push_service, browser, status, outcome):
    push_service.answer(browser.endpoint, status)
    assert push(browser) == outcome


def test_redirect_is_not_followed(push_service, browser):
    push_service.answer(browser.endpoint, 307)
    assert push(browser) == "failed"
    assert len(push_service.refused) == 1  # one request, no second one to a Location


def test_push_service_that_does_not_answer_in_time_is_retried(push_service, browser, monkeypatch):
    from chalicelib.notify import push as channel
    monkeypatch.setattr(channel, "TIMEOUT_S", 0.2)
    push_service.hold(browser.endpoint)
    assert push(browser) == "retry"


def test_unreachable_push_service_is_retried(browser):
    from support.ports import refused_port
    with refused_port() as port:
        subscription = {**browser.subscription, "endpoint": f"http://127.0.0.1:{port}/push/x"}
        assert deliver("push", subscription, alert(), stage("test"), NOW, new_id) == "retry"


@pytest.mark.parametrize("keys", [{}, {"p256dh": "AAAA", "auth": "AAAAAAAAAAAAAAAAAAAAAA"},
                                  {"p256dh": None, "auth": None}, "not a dict"])
def test_subscription_with_unusable_keys_fails_without_a_request(push_service, browser, keys):
    subscription = {**browser.subscription, "keys": keys}
    assert deliver("push", subscription, alert(), stage("test"), NOW, new_id) == "failed"
    assert push_service.received == push_service.refused == []


@pytest.mark.parametrize("bad", [{"ttl": 0}, {"ttl": -5}, {"ttl": "60"}, {"urgency": "urgent"},
                                 {"title": ""}, {"unsubscribe_url": None}])
def test_malformed_message_is_the_callers_bug(browser, bad):
    with pytest.raises(ValueError):
        push(browser, alert(**bad))


def test_unknown_channel_is_the_callers_bug():
    with pytest.raises(ValueError):
        deliver("pigeon", "loft 3", alert(), stage("test"), NOW, new_id)


def test_push_waits_when_the_vapid_key_is_not_usable(push_service, browser, monkeypatch):
    monkeypatch.setenv("DOORSTEP_VAPID_PRIVATE_KEY", "not a key")
    assert push(browser) == "retry"
    assert push_service.received == push_service.refused == []


def test_vapid_contact_is_the_mail_sender_address(push_service, browser, monkeypatch):
    monkeypatch.setenv("DOORSTEP_EMAIL_FROM", "York Council Alerts <alerts@york.example.gov.uk>")
    push(browser)
    assert push_service.received[0].claims["sub"] == "mailto:alerts@york.example.gov.uk"
