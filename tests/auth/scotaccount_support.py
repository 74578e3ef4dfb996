"""The local ScotAccount-shaped provider for the sign-in tests, over real HTTP, with a council's
settings naming it and its relying party's key registered with it."""
import copy
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from chalicelib.auth.providers import Provider, new_private_key
from doorstep_cli.local.scotaccount import LocalScotAccount

KEY_VARIABLES = {"york": "DOORSTEP_SECRET_YORK_SCOTACCOUNT_KEY",
                 "north-lanarkshire": "DOORSTEP_SECRET_NORTH_LANARKSHIRE_SCOTACCOUNT_KEY"}


def with_provider(document, provider, level="gpg45-medium", verified_attributes=()):
    """The council's settings with the local provider as its one sign-in provider (asking, beside the
    level, the verified attributes named: ["email"])."""
    changed = copy.deepcopy(document)
    o = provider.origin
    changed["sign_in"] = {"providers": [{
        "id": "scotaccount", "name": "ScotAccount", "issuer": provider.issuer,
        "client_id": f"doorstep-{document['id']}", "client_key": {"secret": "scotaccount-key"}, "level": level,
        "attributes": {"url": provider.attributes_url, "issuer": provider.attributes_issuer,
                       "jwks_url": f"{o}/attributes/jwks.json"},
        **({"verified_attributes": list(verified_attributes)} if verified_attributes else {})}]}
    return changed


def registered(provider, document, monkeypatch, base_url):
    """The council's relying party's key made (in its secret's variable) and its public half registered."""
    entry = Provider.of_settings(document["sign_in"]["providers"][0], document["id"])
    monkeypatch.setenv(KEY_VARIABLES[document["id"]], new_private_key())
    provider.register(entry.client_id, entry.public_key(), [base_url + "/sign-in/return"])
    return entry


def choose(authorize_url, person, decline=()):
    """The person's choice on the provider's page (declining to share the scopes in `decline`), its
    answer's redirect not followed: {code, state} or {error...}."""
    url = urlsplit(authorize_url)
    page = requests.get(authorize_url, timeout=10)
    assert page.status_code == 200, page.text
    asked = {k: v[0] for k, v in parse_qs(url.query).items()}
    answer = requests.post(f"{url.scheme}://{url.netloc}/authorize",
                           data={**asked, "person": person, "decline": list(decline)},
                           allow_redirects=False, timeout=10)
    assert answer.status_code == 302, answer.text
    return {k: v[0] for k, v in parse_qs(urlsplit(answer.headers["Location"]).query).items()}


def begin(client, host):
    from support.councils_support import at
    made = client.post("/v1/auth/providers/scotaccount/start", {"next": "/account/council-tax"}, at(host))
    assert made.status_code == 201, made.json_body
    return made.json_body["authorize_url"]


def finish(client, host, back):
    from support.councils_support import at
    return client.post("/v1/auth/providers/finish", {"code": back["code"], "state": back["state"]}, at(host))


@pytest.fixture
def scotaccount():
    """A local ScotAccount of the test's own; what Doorstep kept of it (discovery, keys) forgotten after."""
    from chalicelib.auth import code_flow, oidc
    with LocalScotAccount() as provider:
        yield provider
    code_flow.forget_discovery()
    oidc.clear_jwks_cache()
