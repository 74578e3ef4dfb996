"""What Doorstep checks in the provider's tokens beyond their signature: an ID token made for
another sign-in (its nonce) and a claims token about another person (its sub) are refused,
though the provider signed both. Keys served by the local provider over real HTTP."""
import time

import pytest

from chalicelib.auth import code_flow
from chalicelib.auth.code_flow import ProviderRefused
from chalicelib.auth.providers import Provider
from doorstep_cli.local.scotaccount import LocalScotAccount
from tests.auth.scotaccount_support import scotaccount as provider  # noqa: F401 (a fixture)


def entry(served):
    return Provider(id="scotaccount", name="ScotAccount", issuer=served.issuer, client_id="doorstep-nl",
                    client_key="scotaccount-key", level="gpg45-medium", council="north-lanarkshire",
                    attributes={"url": served.attributes_url, "issuer": served.attributes_issuer,
                                "jwks_url": f"{served.origin}/attributes/jwks.json"})


def id_token(served, nonce):
    now = int(time.time())
    return served.keys.sign({"sub": "4f6893f4-6fbe-423e-a5cc-d3c93e5a7c41", "aud": "doorstep-nl",
                             "iss": served.issuer, "exp": now + 900, "iat": now, "nonce": nonce, "jti": "j",
                             "sid": "s"})


def test_an_id_token_made_for_another_sign_in_is_refused(provider):
    found = code_flow.discovery(provider.issuer)
    assert code_flow.checked_id_token(entry(provider), found, id_token(provider, "mine"), "mine")["sub"]
    with pytest.raises(ProviderRefused) as refused:
        code_flow.checked_id_token(entry(provider), found, id_token(provider, "another sign-in's"), "mine")
    assert refused.value.code == "invalid_token"


def test_an_id_token_signed_by_another_key_is_refused(provider):
    found = code_flow.discovery(provider.issuer)
    with LocalScotAccount() as stranger:  # its own key, claiming to be the provider
        stranger.issuer = provider.issuer
        forged = id_token(stranger, "mine")
    with pytest.raises(ProviderRefused):
        code_flow.checked_id_token(entry(provider), found, forged, "mine")


def test_the_discovery_document_of_another_issuer_is_not_taken(provider):
    from chalicelib.auth.code_flow import ProviderUnavailable
    with pytest.raises(ProviderUnavailable):
        code_flow.discovery(provider.origin + "/")  # asked for one issuer, the document names another
