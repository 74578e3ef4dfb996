"""`make run` starts the local payment provider beside the app, configured as
GOV.UK Pay would be, and keeps its payments across a kill -9."""
from __future__ import annotations

import os
import signal

from local_fixtures import free_port  # noqa: F401 (fixtures)
from test_local_stack import read_stack, start_stack

from chalicelib.handlers.payments.govuk_pay import GovukPay


def test_the_stack_serves_a_gov_uk_pay_speaking_provider_whose_payments_survive_kill_9(tmp_path, free_port,
                                                                                       monkeypatch):
    data_dir, port = tmp_path / "data", free_port()
    ports = (port, free_port(), free_port())
    monkeypatch.setenv("DOORSTEP_PAY_PORT", str(free_port()))
    monkeypatch.delenv("DOORSTEP_PAY_URL", raising=False)
    first = start_stack(tmp_path, data_dir, ports)
    pay_url = read_stack(data_dir)["pay_url"]
    assert pay_url == f"http://127.0.0.1:{os.environ['DOORSTEP_PAY_PORT']}"
    client = GovukPay(pay_url, "local-pay-api-key")
    made = client.create(amount=2700, reference="BK-7K3F9Q", description="Bulky waste collection",
                         return_url=f"http://localhost:{port}/v1/payments/return/x", metadata={},
                         email=None, idempotency_key="stack-test-1")
    os.killpg(first.pid, signal.SIGKILL)
    first.communicate()
    second = start_stack(tmp_path, data_dir, ports)
    try:
        kept = client.get(made.provider_id)
        assert (kept.amount, kept.status, kept.next_url) == (2700, "created", made.next_url)
    finally:
        second.send_signal(signal.SIGINT)
        out, err = second.communicate(timeout=30)
    assert second.returncode == 0, err
    assert f"payments {pay_url}" in out
