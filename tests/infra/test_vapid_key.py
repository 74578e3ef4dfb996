"""The first deploy's VAPID key: made once, then never replaced."""
import boto3

from infra.vapid_key import ensure_key


def test_a_placeholder_secret_gets_a_key_the_app_accepts_and_keeps_it(aws, monkeypatch):
    client = boto3.client("secretsmanager")
    arn = client.create_secret(Name="vapid", SecretString="ZbqQ3k9y2XyLmN0pRtUvWxYz01234567")["ARN"]
    assert ensure_key(arn, client) == "created"
    pem = client.get_secret_value(SecretId=arn)["SecretString"]
    assert ensure_key(arn, client) == "kept"
    assert client.get_secret_value(SecretId=arn)["SecretString"] == pem

    from chalicelib.notify import vapid
    monkeypatch.setenv("DOORSTEP_VAPID_PRIVATE_KEY", pem)
    assert len(vapid.public_key()) == 87  # a 65-byte P-256 point, base64url


def test_the_placeholder_is_never_mistaken_for_a_key(monkeypatch):
    import pytest
    from chalicelib.notify import vapid
    monkeypatch.setenv("DOORSTEP_VAPID_PRIVATE_KEY", "ZbqQ3k9y2XyLmN0pRtUvWxYz01234567")
    with pytest.raises(vapid.VapidNotConfigured):
        vapid.private_key()
