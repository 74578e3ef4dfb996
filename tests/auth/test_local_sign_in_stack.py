"""`make run`'s sign-in: a local ScotAccount starts beside the stack's PORT (North Lanarkshire's
demo settings' 8018 is PORT+18, so two stacks on one machine each have their own) and the
council's settings are pointed at it, with the council's relying-party key (made once in the data
directory, as on a local stage) registered there, so a resident signs in with no step by hand;
a port that is taken stops the start, saying which."""
import pytest

from chalicelib import keystore
from doorstep_cli.local.serving import free_port
from doorstep_cli.local.sign_in import start_local_sign_in
from support.councils_support import NL_HOST, add, north_lanarkshire, other_council, york
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
    started = start_local_sign_in()
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


def stack_port():
    """A PORT whose PORT+18 (the demo's provider: 8018 beside 8000) is free."""
    while True:
        port = free_port()
        if port > 18:
            return port - 18


def provider_of(deps):
    from chalicelib.storage.councils import CouncilStore
    return CouncilStore().get("north-lanarkshire", consistent=True)[0]["sign_in"]["providers"][0]


def test_two_stacks_providers_follow_their_port_into_north_lanarkshires_settings_side_by_side(data_dir, deps, client):
    from chalicelib.auth import code_flow
    add(deps, york(), north_lanarkshire())  # the demo's settings: 127.0.0.1:8018, for PORT 8000
    first, second = stack_port(), stack_port()
    started = start_local_sign_in(first)
    try:
        assert [provider.origin for provider in started] == [f"http://127.0.0.1:{first + 18}"]
        started += start_local_sign_in(second)  # another stack's, the first's still running
        assert started[1].origin == f"http://127.0.0.1:{second + 18}" != started[0].origin
        o = started[1].origin  # the settings name the one running for this stack
        assert provider_of(deps)["issuer"] == o and provider_of(deps)["attributes"] == {
            "url": f"{o}/attributes/values", "issuer": f"{o}/attributes", "jwks_url": f"{o}/attributes/jwks.json"}
        asked = begin(client, NL_HOST)
        assert asked.startswith(f"{o}/")  # the resident is sent to this stack's provider, not the other's
        signed = finish(client, NL_HOST, choose(asked, "morag"))
        assert signed.status_code == 200, signed.json_body
    finally:
        for provider in started:
            provider.close()
        code_flow.forget_discovery()


def test_on_port_8000_the_provider_is_where_the_demo_settings_say_and_they_are_not_written(data_dir, deps):
    from chalicelib.storage.councils import CouncilStore
    from doorstep_cli.local.sign_in import port_of
    from chalicelib.auth.providers import of_council
    from chalicelib.councils.council import council
    add(deps, york(), north_lanarkshire())
    provider, = of_council(council("north-lanarkshire"))
    assert (port_of("north-lanarkshire", provider, 8000), port_of("north-lanarkshire", provider, 8100)) == (8018, 8118)
    assert port_of("north-lanarkshire", provider, 0) == 0  # the tests' stacks: a port of its own
    assert provider_of(deps)["issuer"] == "http://127.0.0.1:8018"
    assert CouncilStore().get("north-lanarkshire", consistent=True)[1] == 1


def test_a_taken_port_stops_the_start_saying_which_port_and_whose_provider(data_dir, deps):
    import socket
    from doorstep_cli.local.serving import PortInUseError
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        add(deps, york(), north_lanarkshire())
        at = taken.getsockname()[1]
        with pytest.raises(PortInUseError) as refused:
            start_local_sign_in(at - 18)
    said = str(refused.value)
    assert said.startswith(f"Cannot start the sign-in provider of North Lanarkshire Council on 127.0.0.1:{at}: ")
    assert "Stop whatever is using that port or choose another one (PORT" in said


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


def test_the_start_reads_the_councils_settings_in_one_query_however_many_councils(data_dir, deps):
    from chalicelib.councils import registry
    from chalicelib.storage import metering

    def started_reads():
        registry.forget()  # a new process: nothing kept
        with metering.metered() as meter:
            started = start_local_sign_in()
        for provider in started:
            provider.close()
        assert [provider.origin for provider in started] == [f"http://127.0.0.1:{port}"]
        return meter.calls, meter.queries
    port = free_port()
    add(deps, york(), at_port(north_lanarkshire(), port))
    with_two = started_reads()
    add(deps, *(other_council(i) for i in range(20)))
    assert started_reads() == with_two
