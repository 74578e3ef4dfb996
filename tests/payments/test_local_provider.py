"""The local provider speaks GOV.UK Pay's API over HTTP, as Doorstep's client
(govuk_pay.py) uses it: payments, their states and codes, the card page with
the sandbox's test cards, refunds that cannot double, expiry, signed webhooks
sent again until they are taken."""
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests

from chalicelib.handlers.payments.govuk_pay import GovukPay
from chalicelib.handlers.payments.provider import NotRefundable, ProviderError, RefundMismatch
from chalicelib.handlers.payments.webhooks import verify
from doorstep_cli.local.pay_provider import PayProvider
from support.pay_support import DECLINED, ERROR, EXPIRED, SUCCESS, pay_with


def made(client, amount=2500, key="key-1", **extra):
    return client.create(amount=amount, reference="BK-7K3F9Q", description="Bulky waste collection",
                         return_url="http://localhost:8000/v1/payments/return/abc", metadata={"doorstep_payment": "p1"},
                         email=None, idempotency_key=key, **extra)


@pytest.fixture
def provider():
    with PayProvider() as running:
        yield running


@pytest.fixture
def client(provider):
    return GovukPay(provider.origin, provider.api_key)


def test_a_new_payment_is_created_unfinished_with_a_single_use_card_page(client):
    payment = made(client)
    assert (payment.status, payment.finished, payment.amount) == ("created", False, 2500)
    assert payment.next_url and payment.refund_status == "pending"
    assert requests.get(payment.next_url, timeout=5).status_code == 200
    assert client.get(payment.provider_id).status == "started"
    assert requests.get(payment.next_url, timeout=5).status_code == 404  # single use, as GOV.UK Pay's


@pytest.mark.parametrize("card,status,code", [(SUCCESS, "success", None), (DECLINED, "failed", "P0010"),
                                              (EXPIRED, "failed", "P0010"), (ERROR, "error", "P0050")])
def test_each_sandbox_test_card_ends_the_payment_as_gov_uk_pay_does(client, card, status, code):
    payment = made(client)
    back = pay_with(payment.next_url, card)
    assert back == "http://localhost:8000/v1/payments/return/abc"
    found = client.get(payment.provider_id)
    assert (found.status, found.finished, found.code) == (status, True, code)


def test_the_payer_cancelling_on_the_page_fails_the_payment_with_p0030(client):
    payment = made(client)
    pay_with(payment.next_url, cancel=True)
    assert (client.get(payment.provider_id).status, client.get(payment.provider_id).code) == ("failed", "P0030")


def test_the_same_idempotency_key_gives_the_same_payment_and_another_body_is_refused(client):
    first, again = made(client), made(client)
    assert first.provider_id == again.provider_id
    with pytest.raises(ProviderError) as refused:
        made(client, amount=2600)
    assert (refused.value.status, refused.value.code) == (409, "P0191")


@pytest.mark.parametrize("amount", [0, -5, 12.5, "2500", True, 10_000_001])
def test_an_amount_that_is_not_whole_pence_in_range_is_refused_with_p0102(provider, amount):
    answer = requests.post(f"{provider.origin}/v1/payments", headers={"Authorization": f"Bearer {provider.api_key}"},
                           json={"amount": amount, "reference": "r", "description": "d",
                                 "return_url": "https://example.org/back"}, timeout=5)
    assert answer.status_code == 400
    assert answer.json() == {"code": "P0102", "field": "amount", "description": answer.json()["description"]}


def test_a_wrong_api_key_is_refused(provider):
    with pytest.raises(ProviderError) as refused:
        made(GovukPay(provider.origin, "not-the-key"))
    assert refused.value.status == 401


def test_an_unknown_payment_is_a_404_with_p0200(client):
    with pytest.raises(ProviderError) as refused:
        client.get("nosuchpayment")
    assert (refused.value.status, refused.value.code) == (404, "P0200")


def test_a_refund_sent_with_a_stale_refund_amount_available_is_refused_so_none_doubles(client):
    payment = made(client)
    pay_with(payment.next_url, SUCCESS)
    paid = client.get(payment.provider_id)
    assert (paid.refund_status, paid.refund_available) == ("available", 2500)
    refund = client.refund(payment.provider_id, 2500, 2500)
    assert (refund.amount, refund.status) == (2500, "submitted")
    with pytest.raises(RefundMismatch):
        client.refund(payment.provider_id, 2500, 2500)  # the same refund again: it was 2500, now it is 0
    after = client.get(payment.provider_id)
    assert (after.refund_status, after.refund_available, after.refund_submitted) == ("full", 0, 2500)


def test_an_unpaid_payment_cannot_be_refunded_but_can_be_cancelled_once(client):
    payment = made(client)
    with pytest.raises(NotRefundable):
        client.refund(payment.provider_id, 100, 0)
    assert client.cancel(payment.provider_id) is True
    assert (client.get(payment.provider_id).status, client.get(payment.provider_id).code) == ("cancelled", "P0040")
    assert client.cancel(payment.provider_id) is False


def test_a_payment_left_for_90_minutes_fails_with_p0020():
    now = [1_000_000.0]
    with PayProvider(clock=lambda: now[0]) as provider:
        client = GovukPay(provider.origin, provider.api_key)
        payment = made(client)
        now[0] += 89 * 60
        assert client.get(payment.provider_id).status == "created"
        now[0] += 60
        found = client.get(payment.provider_id)
        assert (found.status, found.code, found.finished) == ("failed", "P0020", True)


class Receiver:
    """A webhook endpoint that refuses the first `refuse` deliveries."""

    def __init__(self, refuse=0):
        self.received, self.hosts, self.refuse = [], [], refuse
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                raw = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.received.append((raw, self.headers["Pay-Signature"]))
                receiver.hosts.append(self.headers["Host"])
                status = 500 if len(receiver.received) <= receiver.refuse else 200
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()


def test_webhooks_are_signed_and_sent_again_until_taken():
    import time
    receiver = Receiver(refuse=2)
    with PayProvider(webhook_url=receiver.url, retry_delays_s=(0.1, 0.1, 0.1)) as provider:
        payment = made(GovukPay(provider.origin, provider.api_key))
        pay_with(payment.next_url, SUCCESS)
        deadline = time.monotonic() + 10
        while len(provider.delivered) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
    receiver.server.shutdown()
    events = [json.loads(raw)["event_type"] for raw, _ in receiver.received]
    # Two deliveries refused, each sent again: every event arrives, in whatever order.
    assert sorted(m["event_type"] for m in provider.delivered) == ["card_payment_started", "card_payment_succeeded"]
    assert len(events) == 4 and provider.failed_deliveries == []
    for raw, signature in receiver.received:
        assert verify(raw, signature, provider.webhook_secret)
        assert not verify(raw, signature, "another-secret")
    succeeded = [json.loads(raw) for raw, _ in receiver.received if b"succeeded" in raw][0]
    assert succeeded["resource_id"] == payment.provider_id and succeeded["resource"]["state"]["status"] == "success"
