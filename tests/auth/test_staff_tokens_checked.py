"""What Doorstep refuses in an ID token from a council's directory though it looks like one: made for another
client (audience), expired, made for another sign-in (nonce), or signed by a key the directory does not
publish. Keys served by the local directory of Entra ID's shape over real HTTP; nothing is made of any."""
import time

import pytest

from chalicelib.auth import code_flow
from chalicelib.auth.code_flow import ProviderRefused
from chalicelib.auth.directory import StaffProvider
from doorstep_cli.local.directory import LocalDirectory
from doorstep_cli.local.directory_demo import CLIENT_ID, TENANT, seed


@pytest.fixture
def served(tmp_path):
    with LocalDirectory(tmp_path / "directory.json", TENANT, seed=seed) as directory:
        yield directory
    code_flow.forget_discovery()


def provider(directory):
    return StaffProvider.of_settings({"id": "entra", "name": "York", "issuer": directory.issuer, "tenant": TENANT,
                                     "client_id": CLIENT_ID, "client_auth": "client_secret",
                                     "client_key": {"secret": "entra-client"}}, "york")


def id_token(directory, nonce="mine", **changes):
    now = int(time.time())
    return directory.sign_in.keys.sign({"sub": "s-1", "aud": CLIENT_ID, "iss": directory.issuer, "tid": TENANT,
                                        "exp": now + 900, "iat": now, "nbf": now, "nonce": nonce, **changes})


def checked(directory, token):
    return code_flow.checked_id_token(provider(directory), code_flow.discovery(directory.issuer), token, "mine")


def test_a_token_the_directory_made_for_this_sign_in_is_taken(served):
    assert checked(served, id_token(served))["sub"] == "s-1"


@pytest.mark.parametrize("changes, why", [({"aud": "another-app"}, "audience"),
                                          ({"exp": int(time.time()) - 3600, "iat": int(time.time()) - 7200},
                                           "expired"),
                                          ({"nonce": "another sign-in's"}, "replayed into this sign-in"),
                                          ({"iss": "https://login.microsoftonline.com/other/v2.0"}, "issuer")])
def test_a_token_not_made_for_this_sign_in_is_refused(served, changes, why):
    with pytest.raises(ProviderRefused) as refused:
        checked(served, id_token(served, **changes))
    assert refused.value.code in ("invalid_token", "expired_token"), why


def test_a_token_signed_by_a_key_the_directory_does_not_publish_is_refused(served, tmp_path):
    with LocalDirectory(tmp_path / "stranger.json", TENANT, seed=seed) as stranger:  # a key of its own
        forged = stranger.sign_in.keys.sign({"sub": "s-1", "aud": CLIENT_ID, "iss": served.issuer, "tid": TENANT,
                                             "exp": int(time.time()) + 900, "iat": int(time.time()), "nonce": "mine"})
    with pytest.raises(ProviderRefused) as refused:
        checked(served, forged)
    assert refused.value.code == "invalid_token"
