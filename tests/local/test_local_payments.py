"""`make run` starts the local payment provider beside the app, configured as
GOV.UK Pay would be, with an account for each demo council that takes payments,
and keeps its payments across a kill -9."""
from __future__ import annotations

import os
import signal
from urllib.parse import urlsplit

from test_local_stack import read_stack, start_stack

import pytest

from chalicelib.handlers.payments.govuk_pay import GovukPay
from chalicelib.handlers.payments.provider import ProviderError
from doorstep_cli.local.council_offices import demo_secret

DISTRICT = "newcastle-under-lyme"


def path(url: str) -> str:
    return urlsplit(url)._replace(scheme="", netloc="").geturl()


def test_the_stack_serves_a_gov_uk_pay_speaking_provider_whose_payments_survive_kill_9(tmp_path, monkeypatch):
    data_dir = tmp_path / "data"
    monkeypatch.delenv("DOORSTEP_PAY_URL", raising=False)
    first = start_stack(tmp_path, data_dir)  # every server on a port of its own, the provider's too
    pay_url, public_url = read_stack(data_dir)["pay_url"], read_stack(data_dir)["public_url"]
    assert pay_url.startswith("http://127.0.0.1:") and pay_url != "http://127.0.0.1:0"
    made = GovukPay(pay_url, "local-pay-api-key").create(
        amount=2700, reference="BK-7K3F9Q", description="Bulky waste collection",
        return_url=f"{public_url}/v1/payments/return/x", metadata={}, email=None, idempotency_key="stack-test-1")
    offices = read_stack(data_dir)["back_offices"]
    assert {council: kinds.get("payments") for council, kinds in offices.items()} == {
        "north-lanarkshire": pay_url, DISTRICT: pay_url}  # their accounts on the one provider; the county none
    theirs = GovukPay(pay_url, demo_secret(DISTRICT, "pay-test-api-key")).create(
        amount=2100, reference="TEN-1", description="Temporary event notice",
        return_url=f"{public_url}/v1/payments/return/y", metadata={}, email=None, idempotency_key="stack-test-1")
    assert theirs.provider_id != made.provider_id  # the same Idempotency-Key, another account
    os.killpg(first.pid, signal.SIGKILL)
    first.communicate()
    second = start_stack(tmp_path, data_dir)
    try:
        pay_url = read_stack(data_dir)["pay_url"]  # the restarted provider, wherever it now is
        kept = GovukPay(pay_url, "local-pay-api-key").get(made.provider_id)
        # the same card page, on the provider's port of this run
        assert (kept.amount, kept.status, path(kept.next_url)) == (2700, "created", path(made.next_url))
        with pytest.raises(ProviderError) as refused:  # York's key, Newcastle-under-Lyme's payment
            GovukPay(pay_url, "local-pay-api-key").get(theirs.provider_id)
        assert refused.value.code == "P0200"
        assert GovukPay(pay_url, demo_secret(DISTRICT, "pay-test-api-key")).get(theirs.provider_id).amount == 2100
    finally:
        second.send_signal(signal.SIGINT)
        out, err = second.communicate(timeout=30)
    assert second.returncode == 0, err
    assert f"payments {pay_url}" in out
