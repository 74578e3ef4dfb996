"""The VAPID key pair: made once per deployment, kept as a secret, and its
public half served to the PWA for PushManager.subscribe()."""
import base64
import os
import subprocess
import sys

import pytest

from chalicelib import keystore
from chalicelib.notify import vapid

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def decoded(key):
    return base64.urlsafe_b64decode(key + "=" * (-len(key) % 4))


@pytest.fixture
def fresh_data_dir(tmp_path, monkeypatch):
    """No key in the environment: the local stage's generated one."""
    monkeypatch.delenv("DOORSTEP_VAPID_PRIVATE_KEY")
    monkeypatch.setenv("DOORSTEP_DATA_DIR", str(tmp_path))
    monkeypatch.setattr(keystore, "_cache", {})
    return tmp_path


def test_route_answers_the_uncompressed_p256_point_browsers_subscribe_with(client):
    response = client.get("/v1/push/vapid-public-key")
    assert response.status_code == 200
    key = response.json_body["public_key"]
    assert "=" not in key and len(decoded(key)) == 65 and decoded(key)[0] == 4
    assert key == vapid.public_key()
    assert "max-age" in response.headers["Cache-Control"]


def test_key_is_generated_once_and_reused_by_every_process(fresh_data_dir):
    first = vapid.public_key()
    assert vapid.public_key() == first
    keystore._cache.clear()
    assert vapid.public_key() == first  # read back from the file, not made again
    env = {**os.environ, "DOORSTEP_DATA_DIR": str(fresh_data_dir), "DOORSTEP_STAGE": "local"}
    other = subprocess.run([sys.executable, "-c", "from chalicelib.notify import vapid; print(vapid.public_key())"],
                           cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    assert other.stdout.strip() == first
    key_file = fresh_data_dir / "secrets" / vapid.KEY_FILE
    assert oct(key_file.stat().st_mode & 0o777) == "0o600"


def test_deployed_stage_without_a_key_says_push_is_not_set_up(client, monkeypatch):
    monkeypatch.delenv("DOORSTEP_VAPID_PRIVATE_KEY")
    monkeypatch.setenv("DOORSTEP_STAGE", "dev")  # a deployed stage, which never makes a key of its own
    monkeypatch.setattr(keystore, "_cache", {})
    response = client.get("/v1/push/vapid-public-key")
    assert response.status_code == 503
    assert response.json_body["error"]["code"] == "push_not_configured"


def test_key_may_be_given_as_pem(monkeypatch):
    from cryptography.hazmat.primitives import serialization
    pem = vapid._new_pem()
    monkeypatch.setenv("DOORSTEP_VAPID_PRIVATE_KEY", pem)
    point = serialization.load_pem_private_key(pem.encode(), None).public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
    assert decoded(vapid.public_key()) == point


def test_key_is_read_from_secrets_manager_on_a_deployed_stage(aws, monkeypatch):
    import botocore.session
    sm = botocore.session.get_session().create_client("secretsmanager", region_name="eu-west-2")
    pem = vapid._new_pem()
    arn = sm.create_secret(Name="doorstep/prod/vapid", SecretString=pem)["ARN"]
    monkeypatch.delenv("DOORSTEP_VAPID_PRIVATE_KEY")
    monkeypatch.setenv("DOORSTEP_VAPID_PRIVATE_KEY_ARN", arn)
    monkeypatch.setenv("DOORSTEP_STAGE", "prod")
    monkeypatch.setattr(keystore, "_cache", {})
    assert vapid.private_key().private_numbers() == vapid._load(pem).private_numbers()


@pytest.mark.parametrize("text", ["not a key", "AAAA", vapid.b64url(b"x" * 31), "-----BEGIN PRIVATE KEY-----\nxx\n-----END PRIVATE KEY-----"])
def test_a_key_that_is_not_p256_is_refused(monkeypatch, text):
    monkeypatch.setenv("DOORSTEP_VAPID_PRIVATE_KEY", text)
    with pytest.raises(vapid.VapidNotConfigured):
        vapid.private_key()


def test_token_signing_key_is_kept_the_same_way(fresh_data_dir, monkeypatch):
    from chalicelib.auth.keys import signing_key
    monkeypatch.delenv("DOORSTEP_JWT_SECRET")
    first = signing_key()
    keystore._cache.clear()
    assert signing_key() == first and len(first) >= 32
