"""Push endpoints come from callers: Doorstep only ever POSTs to public push
services, checked when a subscription is made and again at every send."""
import pytest

from support.notify_support import NOW, alert, browser, new_id, push_service, stage  # noqa: F401 (fixtures)

from chalicelib.notify import endpoints, push
from chalicelib.notify.deliver import deliver

PUBLIC = "142.250.187.206"


@pytest.fixture
def dns(monkeypatch):
    """A resolver the test controls: host -> its answers, or a list of
    answers per lookup ([[first], [second]]); a missing host does not resolve."""
    answers = {}

    def resolve(host, port):
        value = answers.get(host)
        if not value:
            raise OSError("no such host")
        return value.pop(0) if isinstance(value[0], list) else value
    monkeypatch.setattr(endpoints, "resolve", resolve)
    return answers


def test_production_accepts_an_https_push_service_with_public_addresses(dns):
    dns["fcm.googleapis.com"] = [PUBLIC, "2a00:1450:4009:81f::200a"]
    assert push.endpoint_problem("https://fcm.googleapis.com/fcm/send/abc:def", "prod") is None


@pytest.mark.parametrize("url", [
    "http://fcm.googleapis.com/fcm/send/abc",  # not https
    "https://10.0.0.7/push",
    "https://127.0.0.1/push",
    "https://169.254.169.254/latest/meta-data/",
    "https://[::1]/push",
    "https://[::ffff:10.0.0.1]/push",
    "https://[fd00::1]/push",
    "https://100.64.0.1/push",
    "https://localhost/push",
    "https://metadata.google.internal/computeMetadata/v1/",
    "https://printer.local/push",
    "https://metadata/push",
    "https://127.1/push",
    "https://0x7f.1/push",
    "https://fcm.googleapis.com:8443/push",
    "https://user:pw@fcm.googleapis.com/push",
    "ftp://fcm.googleapis.com/push",
    "https:///push",
    "https://fcm.googleapis.com/push\r\nHost: evil",
    "",
    None,
])
def test_production_refuses_endpoints_that_are_not_public_https(dns, url):
    dns["fcm.googleapis.com"] = [PUBLIC]
    assert push.endpoint_problem(url, "prod")


@pytest.mark.parametrize("answers", [["10.1.2.3"], [PUBLIC, "10.1.2.3"], ["169.254.169.254"], ["::1"],
                                     ["fe80::1%eth0"]])
def test_name_resolving_to_a_private_address_is_refused(dns, answers):
    dns["push.attacker.example"] = answers
    assert "private" in push.endpoint_problem("https://push.attacker.example/x", "prod")


def test_name_that_does_not_resolve_is_refused_at_subscription(dns):
    assert "resolve" in push.endpoint_problem("https://gone.example/x", "prod")


def test_local_stages_accept_the_local_push_service_and_production_does_not(dns):
    for url in ("http://127.0.0.1:8151/push/x", "http://localhost:8151/push/x"):
        assert push.endpoint_problem(url, "local") is None
        assert push.endpoint_problem(url, "test") is None
        assert push.endpoint_problem(url, "prod")
    assert push.endpoint_problem("http://10.0.0.7:8151/push/x", "local")


def test_endpoint_is_checked_again_when_sending(dns, browser, monkeypatch):
    """A stored subscription whose name now resolves inward is never contacted."""
    dns["push.example.net"] = [["10.0.0.9"]]
    monkeypatch.setattr(push, "_post", lambda *a: pytest.fail("a request went out"))
    subscription = {**browser.subscription, "endpoint": "https://push.example.net/p/1"}
    assert deliver("push", subscription, alert(), stage("prod"), NOW, new_id) == "failed"


def test_name_that_stops_resolving_is_retried_at_send_time(dns, browser):
    subscription = {**browser.subscription, "endpoint": "https://push.example.net/p/1"}
    assert deliver("push", subscription, alert(), stage("prod"), NOW, new_id) == "retry"


def test_send_connects_to_the_address_it_checked(dns, browser, monkeypatch):
    """DNS rebinding: a second lookup could answer an inside address; there is none."""
    import socket
    dns["push.example.net"] = [[PUBLIC], ["10.0.0.9"]]
    connected = []

    def connect(address, timeout=None, *args):
        connected.append(address)
        raise OSError("test: no network")
    monkeypatch.setattr(socket, "create_connection", connect)
    subscription = {**browser.subscription, "endpoint": "https://push.example.net/p/1"}
    assert deliver("push", subscription, alert(), stage("prod"), NOW, new_id) == "retry"
    assert connected == [(PUBLIC, 443)]
