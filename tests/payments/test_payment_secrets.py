"""The payment provider's API key and webhook secret in a deployed stack:
Secrets Manager secrets named by DOORSTEP_PAY_API_KEY_ARN and
DOORSTEP_PAY_WEBHOOK_SECRET_ARN, read once per cold start and kept; the plain
variables (make run, tests) still win; a secret an operator has not put yet
("unset") means payments are not set up. Secrets Manager is moto's."""
import os
import subprocess
import sys

import pytest

from chalicelib import keystore

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


@pytest.fixture
def secrets_manager(aws, monkeypatch):
    """moto's Secrets Manager, nothing cached yet, the payment variables unset."""
    import botocore.session
    for name in ("DOORSTEP_PAY_API_KEY", "DOORSTEP_PAY_WEBHOOK_SECRET", "DOORSTEP_PAY_API_KEY_ARN",
                 "DOORSTEP_PAY_WEBHOOK_SECRET_ARN"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(keystore, "_cache", {})
    monkeypatch.setattr(keystore, "_clients", {})
    return botocore.session.get_session().create_client("secretsmanager", region_name="eu-west-2")


def put(client, name, value):
    return client.create_secret(Name=name, SecretString=value)["ARN"]


def test_the_api_key_and_webhook_secret_come_from_secrets_manager_once_per_cold_start(secrets_manager, monkeypatch):
    from chalicelib.handlers.payments import govuk_pay, webhooks
    key_arn = put(secrets_manager, "doorstep/pay-api-key", "api_test_from_secrets_manager")
    hook_arn = put(secrets_manager, "doorstep/pay-webhook", "webhook_secret_from_secrets_manager")
    monkeypatch.setenv("DOORSTEP_PAY_API_KEY_ARN", key_arn)
    monkeypatch.setenv("DOORSTEP_PAY_WEBHOOK_SECRET_ARN", hook_arn)
    assert govuk_pay.from_configuration().api_key == "api_test_from_secrets_manager"
    body = b'{"resource_id": "abc"}'
    assert webhooks.verify(body, webhooks.signature("webhook_secret_from_secrets_manager", body))
    assert not webhooks.verify(body, webhooks.signature("another-secret", body))
    secrets_manager.put_secret_value(SecretId=key_arn, SecretString="api_test_rotated")
    assert govuk_pay.from_configuration().api_key == "api_test_from_secrets_manager"  # kept: one read per process
    assert len(keystore._clients) == 1  # both secrets through one client


def test_the_variable_still_wins_for_make_run_and_tests(secrets_manager, monkeypatch):
    from chalicelib.handlers.payments import govuk_pay
    monkeypatch.setenv("DOORSTEP_PAY_API_KEY_ARN", put(secrets_manager, "doorstep/pay-api-key", "from-aws"))
    monkeypatch.setenv("DOORSTEP_PAY_API_KEY", "local-pay-api-key")
    assert govuk_pay.from_configuration().api_key == "local-pay-api-key"
    assert keystore._clients == {}  # Secrets Manager never asked


def test_a_secret_not_put_yet_means_nothing_can_be_paid_for_and_webhooks_are_refused(secrets_manager, storage,
                                                                                     monkeypatch):
    from chalicelib.deps import Deps
    from chalicelib.handlers.payments import core, webhooks
    monkeypatch.setenv("DOORSTEP_PAY_API_KEY_ARN", put(secrets_manager, "doorstep/pay-api-key", keystore.UNSET))
    monkeypatch.setenv("DOORSTEP_PAY_WEBHOOK_SECRET_ARN", put(secrets_manager, "doorstep/pay-hook", keystore.UNSET))
    with pytest.raises(core.PaymentsUnavailable):
        core.provider(Deps(payment_provider=None))  # York, the deployment's default council, by its variables
    body = b"{}"
    assert not webhooks.verify(body, webhooks.signature(keystore.UNSET, body))


def test_importing_the_payments_code_loads_no_aws_client():
    code = ("import sys; import chalicelib.keystore, chalicelib.handlers.payments.core, "
            "chalicelib.handlers.payments.webhooks, chalicelib.handlers.payments.govuk_pay; "
            "print('botocore' in sys.modules)")
    found = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "False"
