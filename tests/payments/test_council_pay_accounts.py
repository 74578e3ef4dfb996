"""`make run`'s demo councils each pay into an account of their own on the one local provider, as
each council's service has its own with GOV.UK Pay: the app served as `make run` serves it, the
demo councils added with their settings, the provider given their accounts as the stack gives them
(council_offices.start) and their settings pointed at it. Newcastle-under-Lyme's payment settles
through Newcastle-under-Lyme's webhook, signed with its secret, at its address; York's key cannot
read it; York's signature is refused there."""
import json
import time

import pytest
import requests

from chalicelib.handlers.payments.govuk_pay import GovukPay
from chalicelib.handlers.payments.provider import ProviderError
from doorstep_cli.local.council_offices import demo_secret
from doorstep_cli.local.pay_provider import PayProvider
from support.councils_support import DISTRICT, DISTRICT_HOST, NL
from support.pay_support import SUCCESS, pay_with
from support.served import served  # noqa: F401 (fixture)


@pytest.fixture
def make_run(served, deps, monkeypatch, tmp_path):
    """(the provider, the served app's port) wired as the stack wires them."""
    from chalicelib.councils import registry
    from doorstep_cli.councils import demo_councils
    from doorstep_cli.local import council_offices
    monkeypatch.setenv("DOORSTEP_DATA_DIR", str(tmp_path))  # where the local stage keeps councils' secrets
    monkeypatch.setenv("DOORSTEP_PUBLIC_URL", f"http://127.0.0.1:{served.port}")
    with PayProvider(account_id="york", retry_delays_s=(0.2, 0.5, 1.0),
                     webhook_url=f"http://127.0.0.1:{served.port}/v1/payments/webhook") as provider:
        monkeypatch.setenv("DOORSTEP_PAY_URL", provider.origin)  # York's, the deployment's variables
        monkeypatch.setenv("DOORSTEP_PAY_API_KEY", provider.api_key)
        monkeypatch.setenv("DOORSTEP_PAY_WEBHOOK_SECRET", provider.webhook_secret)
        started = council_offices.start(tmp_path, 0, payments=provider, web_port=served.port)
        try:
            demo_councils(deps)
            council_offices.point_settings(deps.clock(), started)
            registry.forget()
            yield provider, served.port, started
        finally:
            council_offices.close(started)


def paid_at(deps, council):
    """A payment made as `council`'s work (its settings' account), paid on the card page."""
    from chalicelib import tenancy
    from chalicelib.handlers.payments import core
    with tenancy.acting_for(council):
        payment = core.start(deps.for_council(), purpose="accounts-test", subject_id="s1", amount=2100,
                             reference="TEN-1", description="Temporary event notice")
    pay_with(payment.next_url, SUCCESS)
    return payment


def stored(deps, council, payment_id):
    from chalicelib import tenancy
    with tenancy.acting_for(council):
        return deps.for_council().payments.get(payment_id)


def settled(deps, council, payment_id, seconds=15):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = stored(deps, council, payment_id)
        if found.status == "success" and found.settled_status == "success":
            return found
        time.sleep(0.05)
    return stored(deps, council, payment_id)


def test_each_demo_council_that_takes_payments_has_an_account_of_its_own(make_run):
    provider, port, _ = make_run
    assert sorted(provider.accounts) == sorted(["york", NL, DISTRICT])  # the county takes no payments
    assert provider.accounts[DISTRICT].webhook_url == f"http://{DISTRICT_HOST}:{port}/v1/payments/webhook"
    assert provider.accounts[NL].webhook_url == f"http://northlanarkshire.localhost:{port}/v1/payments/webhook"
    assert len({a.api_key for a in provider.accounts.values()}) == 3
    assert len({a.webhook_secret for a in provider.accounts.values()}) == 3


def test_a_newcastle_under_lyme_payment_settles_through_its_own_webhook_and_york_cannot_read_it(make_run, deps):
    provider, port, _ = make_run
    payment = paid_at(deps, DISTRICT)  # no return followed: the webhook alone settles it
    found = settled(deps, DISTRICT, payment.id)
    assert (found.status, found.settled_status) == ("success", "success")
    deadline = time.monotonic() + 10  # the provider counts a delivery once the app has answered it
    while len(provider.delivered) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    hooks = [m for m in provider.delivered if m["resource_id"] == payment.provider_id]
    assert {m["event_type"] for m in hooks} == {"card_payment_started", "card_payment_succeeded"}
    assert provider.failed_deliveries == []
    assert provider.payments[payment.provider_id]["account"] == DISTRICT
    with pytest.raises(ProviderError) as refused:
        GovukPay(provider.origin, provider.api_key).get(payment.provider_id)  # York's key
    assert (refused.value.status, refused.value.code) == (404, "P0200")
    theirs = GovukPay(provider.origin, demo_secret(DISTRICT, "pay-test-api-key")).get(payment.provider_id)
    assert theirs.status == "success"


def test_a_webhook_signed_with_yorks_secret_is_refused_at_newcastle_under_lyme(make_run, deps):
    provider, port, _ = make_run
    provider.webhooks_paused = True  # only the webhooks sent by hand below reach the app
    payment = paid_at(deps, DISTRICT)
    body = json.dumps({"webhook_message_id": "m1", "resource_id": payment.provider_id, "resource_type": "payment",
                       "event_type": "card_payment_succeeded",
                       "resource": {"metadata": {"doorstep_payment": payment.id}}}).encode()

    def deliver(host, account):
        return requests.post(f"http://127.0.0.1:{port}/v1/payments/webhook", data=body, timeout=20, headers={
            "Host": f"{host}:{port}", "Content-Type": "application/json",
            "Pay-Signature": provider.signature(body, account)})
    assert deliver(DISTRICT_HOST, "york").status_code == 403
    assert deliver("northlanarkshire.localhost", DISTRICT).status_code == 403  # another council's address
    assert stored(deps, DISTRICT, payment.id).status != "success"  # nothing asked of the provider
    answer = deliver(DISTRICT_HOST, DISTRICT)
    assert answer.status_code == 200, answer.text
    assert answer.json()["payment"]["status"] == "success"
    assert settled(deps, DISTRICT, payment.id).settled_status == "success"


def test_a_stage_made_before_the_accounts_gets_its_demo_councils_account_at_the_next_start(make_run, deps):
    from chalicelib.councils import settings
    from chalicelib.storage.councils import CouncilStore
    from doorstep_cli.local import council_offices
    provider, _, started = make_run
    store = CouncilStore()
    document, version = store.get(DISTRICT, consistent=True)
    offices = {kind: office for kind, office in document["back_offices"].items() if kind != "payments"}
    settings.write(store, dict(document, back_offices=offices), version, deps.clock(), "test")
    assert council_offices.point_settings(deps.clock(), started) == 1
    payments = store.get(DISTRICT, consistent=True)[0]["back_offices"]["payments"]
    assert (payments["url"], payments["account"]) == (provider.origin, "test")
    assert council_offices.point_settings(deps.clock(), started) == 0
