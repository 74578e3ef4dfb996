"""The local provider holds several accounts, as GOV.UK Pay holds each service's: an API key is one
account's and reaches that account's payments alone; each account's webhooks go to its own address,
signed with its own secret."""
import json
import time

import pytest
import requests

from chalicelib.handlers.payments.govuk_pay import GovukPay
from chalicelib.handlers.payments.provider import ProviderError
from chalicelib.handlers.payments.webhooks import verify
from doorstep_cli.local.pay_provider import PayProvider
from support.pay_support import SUCCESS, pay_with
from test_local_provider import Receiver, made

NUL_KEY, NUL_HOOK = "api_test_nul", "webhook_test_nul"


@pytest.fixture
def two_accounts():
    """York's account (the provider's first) and Newcastle-under-Lyme's, on one provider."""
    with PayProvider(account_id="york", retry_delays_s=(0.1, 0.1, 0.1)) as provider:
        provider.add_account("newcastle-under-lyme", NUL_KEY, NUL_HOOK)
        yield provider, GovukPay(provider.origin, provider.api_key), GovukPay(provider.origin, NUL_KEY)


def refused(call):
    with pytest.raises(ProviderError) as answer:
        call()
    return answer.value.status, answer.value.code


def test_another_accounts_payment_is_not_found_by_any_route_as_gov_uk_pay_answers(two_accounts):
    provider, yorks, theirs = two_accounts
    payment = made(theirs)
    pay_with(payment.next_url, SUCCESS)
    pid = payment.provider_id
    assert refused(lambda: yorks.get(pid)) == (404, "P0200")
    assert refused(lambda: yorks.cancel(pid)) == (404, "P0500")
    assert refused(lambda: yorks.refund(pid, 100, 2500)) == (404, "P0600")
    assert refused(lambda: yorks.refunds(pid)) == (404, "P0700")
    events = requests.get(f"{provider.origin}/v1/payments/{pid}/events", timeout=5,
                          headers={"Authorization": f"Bearer {provider.api_key}"})
    assert (events.status_code, events.json()["code"]) == (404, "P0300")
    assert yorks.succeeded_between("2000-01-01T00:00:00Z", "2100-01-01T00:00:00Z") == []
    # its own account's key reaches all of it, and nothing was changed by the other's tries
    assert [p.provider_id for p in theirs.succeeded_between("2000-01-01T00:00:00Z", "2100-01-01T00:00:00Z")] \
        == [pid]
    found = theirs.get(pid)
    assert (found.status, found.refund_available) == ("success", 2500)


def test_the_same_idempotency_key_in_two_accounts_makes_two_payments(two_accounts):
    _, yorks, theirs = two_accounts
    york_payment, their_payment = made(yorks, key="same-key"), made(theirs, key="same-key", amount=2600)
    assert york_payment.provider_id != their_payment.provider_id
    assert made(theirs, key="same-key", amount=2600).provider_id == their_payment.provider_id


def test_an_api_key_belongs_to_one_account(two_accounts):
    provider, _, _ = two_accounts
    with pytest.raises(ValueError):
        provider.add_account("north-lanarkshire", NUL_KEY, "webhook_test_nl")
    assert refused(lambda: made(GovukPay(provider.origin, "api_test_nobodys")))[0] == 401


def test_each_accounts_webhooks_go_to_its_own_address_signed_with_its_own_secret(two_accounts):
    provider, yorks, theirs = two_accounts
    yorks_hooks, their_hooks = Receiver(), Receiver()
    provider.webhook_url = yorks_hooks.url
    port = their_hooks.server.server_address[1]
    # A council's own name on this machine, which this resolver may not know: reached at 127.0.0.1 with its Host.
    provider.accounts["newcastle-under-lyme"].webhook_url = f"http://newcastle.localhost:{port}/hook"
    try:
        pay_with(made(theirs).next_url, SUCCESS)
        deadline = time.monotonic() + 10
        while len(provider.delivered) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(their_hooks.received) == 2 and yorks_hooks.received == []
        assert their_hooks.hosts == [f"newcastle.localhost:{port}"] * 2
        for raw, signature in their_hooks.received:
            assert verify(raw, signature, NUL_HOOK) and not verify(raw, signature, provider.webhook_secret)
        pay_with(made(yorks, key="yorks").next_url, SUCCESS)
        while len(provider.delivered) < 4 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(yorks_hooks.received) == 2 and len(their_hooks.received) == 2
        assert all(verify(raw, signature, provider.webhook_secret) for raw, signature in yorks_hooks.received)
    finally:
        yorks_hooks.server.shutdown()
        their_hooks.server.shutdown()


def test_a_state_file_from_before_accounts_is_the_first_accounts(tmp_path):
    state = tmp_path / "payments.json"
    with PayProvider(state_file=state, account_id="york") as provider:
        payment = made(GovukPay(provider.origin, provider.api_key))
    old = json.loads(state.read_text())  # as written before payments named their account
    for kept in [*old["payments"].values(), *old["keys"].values()]:
        kept.pop("account")
    old["keys"] = {"key-1": next(iter(old["keys"].values()))}
    state.write_text(json.dumps(old))
    with PayProvider(state_file=state, account_id="york") as provider:
        provider.add_account("newcastle-under-lyme", NUL_KEY, NUL_HOOK)
        yorks = GovukPay(provider.origin, provider.api_key)
        assert yorks.get(payment.provider_id).amount == 2500
        assert made(yorks).provider_id == payment.provider_id  # its Idempotency-Key still York's
        assert refused(lambda: GovukPay(provider.origin, NUL_KEY).get(payment.provider_id)) == (404, "P0200")
