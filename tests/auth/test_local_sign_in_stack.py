"""`make run`'s sign-in: a local ScotAccount starts where North Lanarkshire's settings put it,
with the council's relying-party key (made once in the data directory, as on a local stage)
registered there, so a resident signs in with no step by hand."""
import pytest

from chalicelib import keystore
from doorstep_cli.local.serving import free_port
from doorstep_cli.local.sign_in import start_local_sign_in
from support.councils_support import NL_HOST, add, north_lanarkshire, york
from tests.auth.scotaccount_support import choose
from tests.auth.test_scotaccount_sign_in import begin, finish


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("DOORSTEP_DATA_DIR", str(tmp_path))
    monkeypatch.setattr(keystore, "_cache", {})
    return tmp_path


def at_port(document, port):
    """The demo's settings, its provider on a port of the test's own (the demo's 8018 may be a running stack's)."""
    o = f"http://127.0.0.1:{port}"
    entry = document["sign_in"]["providers"][0]
    entry.update(issuer=o, attributes={"url": f"{o}/attributes/values", "issuer": f"{o}/attributes",
                                       "jwks_url": f"{o}/attributes/jwks.json"})
    return document


def test_the_local_provider_starts_where_the_settings_say_and_knows_the_councils_key(data_dir, deps, client):
    from chalicelib.auth import code_flow
    port = free_port()
    add(deps, york(), at_port(north_lanarkshire(), port))
    started = start_local_sign_in(say=lambda line: None)
    try:
        assert [provider.origin for provider in started] == [f"http://127.0.0.1:{port}"]
        signed = finish(client, NL_HOST, choose(begin(client, NL_HOST), "morag"))
        assert signed.status_code == 200, signed.json_body
        # the key made once, where the council's secrets are kept on this machine, for the next start
        assert (data_dir / "secrets" / "north-lanarkshire" / "scotaccount-key").is_file()
    finally:
        for provider in started:
            provider.close()
        code_flow.forget_discovery()


def test_a_taken_port_is_said_and_nothing_else_stops(data_dir, deps):
    import socket
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        add(deps, york(), at_port(north_lanarkshire(), taken.getsockname()[1]))
        said = []
        assert start_local_sign_in(say=said.append) == []
    assert said and "North Lanarkshire Council's sign-in provider" in said[0]


@pytest.fixture
def secrets_manager(aws, monkeypatch):
    """moto's Secrets Manager on a deployed stage's name, nothing cached."""
    import botocore.session
    monkeypatch.setenv("DOORSTEP_STAGE", "prod")
    monkeypatch.setattr(keystore, "_cache", {})
    monkeypatch.setattr(keystore, "_clients", {})
    return botocore.session.get_session().create_client("secretsmanager", region_name="eu-west-2")


def test_a_deployed_stage_reads_the_councils_key_from_its_own_secret_and_makes_none(secrets_manager):
    from chalicelib.auth.providers import Provider, new_private_key
    entry = Provider.of_settings(north_lanarkshire()["sign_in"]["providers"][0], "north-lanarkshire")
    with pytest.raises(keystore.SecretMissing):  # none kept: nothing is made up on a deployed stage
        entry.private_key()
    key = new_private_key()
    secrets_manager.create_secret(Name="doorstep/prod/north-lanarkshire/scotaccount-key", SecretString=keystore.UNSET)
    with pytest.raises(keystore.SecretMissing):  # put, but not yet filled in by the operator
        entry.private_key()
    keystore._cache.clear()
    secrets_manager.put_secret_value(SecretId="doorstep/prod/north-lanarkshire/scotaccount-key", SecretString=key)
    assert entry.private_key() == key.strip()
