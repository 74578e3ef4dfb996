"""Signing in with ScotAccount at North Lanarkshire's address (issue 71): the authorization code
flow with PKCE and a signed client assertion, against the local provider of ScotAccount's shape
over real HTTP, and the level of assurance the council asks for."""
import pytest

from chalicelib import config
from chalicelib.councils.council import Council
from chalicelib.storage.accounts.accounts import IdentityModel
from support.councils_support import NL_HOST, YORK_HOST, add, at, north_lanarkshire, york
from tests.auth.scotaccount_support import begin, choose, finish, registered, scotaccount, with_provider  # noqa: F401


@pytest.fixture
def councils(scotaccount, deps, monkeypatch):
    """York and North Lanarkshire, each with the local provider and its own client and key."""
    documents = [with_provider(york(), scotaccount), with_provider(north_lanarkshire(), scotaccount)]
    for document in documents:
        base = config.links_base(config.settings(), Council.of_document(document, 1))
        registered(scotaccount, document, monkeypatch, base)
    add(deps, *documents)
    return documents


def test_a_resident_with_a_verified_scotaccount_signs_in_at_north_lanarkshire(councils, client):
    back = choose(begin(client, NL_HOST), "morag")
    signed = finish(client, NL_HOST, back)
    assert signed.status_code == 200, signed.json_body
    assert signed.json_body["next"] == "/account/council-tax"
    me = client.get("/v1/me", at(NL_HOST, {"Authorization": f"Bearer {signed.json_body['access_token']}"}))
    assert me.status_code == 200 and me.json_body["name"] == "Morag Reid"
    again = finish(client, NL_HOST, choose(begin(client, NL_HOST), "morag"))
    assert again.json_body["user"]["id"] == signed.json_body["user"]["id"]  # the same sub, the same person


def test_a_sign_in_below_the_councils_level_of_assurance_is_refused(councils, client):
    refused = finish(client, NL_HOST, choose(begin(client, NL_HOST), "callum"))
    assert refused.status_code == 403, refused.json_body
    assert refused.json_body["error"]["code"] == "assurance_too_low"
    assert refused.json_body["error"]["message"].startswith(
        "North Lanarkshire Council asks for your identity to be verified in your ScotAccount.")
    assert not [i for i in IdentityModel.scan() if i.key.startswith("oidc#")]  # nobody made


def test_a_council_asking_sign_in_alone_takes_an_unverified_scotaccount(scotaccount, deps, client, monkeypatch):
    document = with_provider(north_lanarkshire(), scotaccount, level="gpg44-medium")
    registered(scotaccount, document, monkeypatch,
               config.links_base(config.settings(), Council.of_document(document, 1)))
    add(deps, york(), document)
    signed = finish(client, NL_HOST, choose(begin(client, NL_HOST), "callum"))
    assert signed.status_code == 200, signed.json_body


def test_a_state_made_at_yorks_address_is_refused_at_north_lanarkshires(councils, client):
    back = choose(begin(client, YORK_HOST), "morag")
    crossed = finish(client, NL_HOST, back)
    assert crossed.status_code == 403, crossed.json_body
    assert crossed.json_body["error"]["code"] == "sign_in_not_begun_here"
    assert finish(client, YORK_HOST, back).status_code == 200  # where it was begun, it works


def test_a_state_works_once(councils, client):
    back = choose(begin(client, NL_HOST), "morag")
    assert finish(client, NL_HOST, back).status_code == 200
    twice = finish(client, NL_HOST, back)
    assert twice.status_code == 403 and twice.json_body["error"]["code"] == "sign_in_not_begun_here"


def test_a_client_assertion_signed_with_another_key_is_refused(councils, client, monkeypatch):
    from chalicelib.auth.providers import new_private_key
    back = choose(begin(client, NL_HOST), "morag")
    monkeypatch.setenv("DOORSTEP_SECRET_NORTH_LANARKSHIRE_SCOTACCOUNT_KEY", new_private_key())  # not the key registered
    refused = finish(client, NL_HOST, back)
    assert refused.status_code == 401, refused.json_body
    assert refused.json_body["error"]["code"] == "sign_in_refused"
    assert "invalid_client" in refused.json_body["error"]["message"]


def test_the_authorize_address_asks_for_pkce_by_s256_and_the_councils_level(councils, client):
    from urllib.parse import parse_qs, urlsplit
    asked = {k: v[0] for k, v in parse_qs(urlsplit(begin(client, NL_HOST)).query).items()}
    assert asked["code_challenge_method"] == "S256" and len(asked["code_challenge"]) == 43
    assert asked["scope"] == "openid scotaccount.gpg45.medium"
    assert asked["redirect_uri"].startswith("http://northlanarkshire.localhost:") and asked["nonce"]


def test_a_provider_the_council_does_not_have_is_not_found(councils, client):
    missing = client.post("/v1/auth/providers/onelogin/start", {}, at(NL_HOST))
    assert missing.status_code == 404 and missing.json_body["error"]["code"] == "provider_not_found"
    assert client.get("/v1/auth/providers", at(NL_HOST)).json_body == {
        "providers": [{"id": "scotaccount", "name": "ScotAccount"}]}


def test_a_finish_without_code_or_state_says_which_is_missing(councils, client):
    bad = client.post("/v1/auth/providers/finish", {"state": 7}, at(NL_HOST))
    assert bad.status_code == 400
    assert {f["field"] for f in bad.json_body["error"]["fields"]} == {"code", "state"}


def test_sign_ins_begun_too_fast_from_one_client_meet_a_limit(councils, client, monkeypatch):
    """Each one begun keeps a row for ten minutes: a script's loop is held back as a report's is."""
    import itertools
    from datetime import datetime, timedelta, timezone
    from chalicelib import ids
    start, ticks = datetime.now(timezone.utc).replace(second=5, microsecond=0), itertools.count()

    class Stepped(datetime):  # within one minute's window however slowly the machine runs
        @classmethod
        def now(cls, tz=None):
            moment = start + timedelta(milliseconds=next(ticks))
            return moment.astimezone(tz) if tz else moment.replace(tzinfo=None)

    monkeypatch.setattr(ids, "datetime", Stepped)
    answers = [client.post("/v1/auth/providers/scotaccount/start", {}, at(NL_HOST)).status_code for _ in range(11)]
    assert answers == [201] * 10 + [429]


def test_a_provider_that_cannot_be_reached_is_a_503_in_the_one_error_shape(deps, client):
    import socket
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]  # bound, never listening: the connection is refused
        document = north_lanarkshire()
        document["sign_in"]["providers"][0]["issuer"] = f"http://127.0.0.1:{port}"
        add(deps, york(), document)
        begun = client.post("/v1/auth/providers/scotaccount/start", {}, at(NL_HOST))
    assert begun.status_code == 503, begun.json_body
    assert begun.json_body["error"]["code"] == "sign_in_unavailable"
