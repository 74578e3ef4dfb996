"""ScotAccount's verified e-mail on the resident's account (issue 71): a council asking the
`scotaccount.email` scope puts the address ScotAccount verified where a password sign-in's lives,
so every message reaches it; one not verified is not used; declining to share signs the resident in
all the same, without one. Against the local provider of ScotAccount's shape over real HTTP."""
import jwt
import pytest

from chalicelib import config
from chalicelib.councils.council import Council
from doorstep_cli.local import scotaccount as local
from support.councils_support import NL_HOST, add, at, north_lanarkshire, with_categories, york
from tests.auth.scotaccount_support import begin, choose, finish, registered, scotaccount, with_provider  # noqa: F401

MOTHERWELL = (55.7892, -3.9916)  # lat, lon
MORAG = local.PEOPLE["morag"]["email"]


def _asking_email(scotaccount, deps, monkeypatch, level="gpg45-medium"):
    document = with_provider(north_lanarkshire(), scotaccount, level=level, verified_attributes=["email"])
    base = config.links_base(config.settings(), Council.of_document(document, 1))
    registered(scotaccount, document, monkeypatch, base)
    add(deps, york(), document)
    return document


@pytest.fixture
def nl(scotaccount, deps, monkeypatch):
    """North Lanarkshire asking a verified identity and the e-mail, as its demo does."""
    return _asking_email(scotaccount, deps, monkeypatch)


def signed_in(client, person, decline=()):
    signed = finish(client, NL_HOST, choose(begin(client, NL_HOST), person, decline))
    assert signed.status_code == 200, signed.json_body
    return {"Authorization": f"Bearer {signed.json_body['access_token']}"}


def me(client, auth):
    return client.get("/v1/me", at(NL_HOST, auth)).json_body


def test_the_verified_email_is_put_on_the_account_and_a_reports_confirmation_reaches_it(nl, client):
    from chalicelib import tenancy
    from chalicelib.deps import default_deps
    from conftest import pothole
    from support.alert_support import outbox_to
    from support.effects_support import run_stream
    auth = signed_in(client, "morag")
    profile = me(client, auth)
    assert (profile["email"], profile["email_verified"]) == (MORAG, True)
    with_categories("north-lanarkshire")
    made = client.post("/v1/reports", pothole(lat=MOTHERWELL[0], lon=MOTHERWELL[1], contact={"name": "Morag Reid"}),
                       at(NL_HOST, auth))
    assert made.status_code == 201, made.json_body
    with tenancy.acting_for("north-lanarkshire"):  # as the worker runs it: for its council, its outbox
        assert run_stream(default_deps(), "report_created") == []
        bodies = [m.body for m in outbox_to(MORAG)]
    assert bodies and "was received" in bodies[0]


def test_the_authorize_address_asks_the_email_scope_beside_the_level(nl, client):
    from urllib.parse import parse_qs, urlsplit
    asked = parse_qs(urlsplit(begin(client, NL_HOST)).query)["scope"][0]
    assert asked == "openid scotaccount.gpg45.medium scotaccount.email"


def test_an_email_scotaccount_has_not_verified_is_not_put_on_the_account(nl, client):
    assert local.PEOPLE["eilidh"]["email"] and not local.PEOPLE["eilidh"]["email_verified"]
    profile = me(client, signed_in(client, "eilidh"))
    assert (profile["email"], profile["email_verified"]) == (None, False)


def test_a_resident_who_declines_to_share_their_email_is_signed_in_without_one(nl, client):
    profile = me(client, signed_in(client, "morag", decline=["scotaccount.email"]))
    assert profile["name"] == "Morag Reid" and profile["email"] is None


def test_a_resident_sharing_nothing_at_a_council_asking_sign_in_alone_is_signed_in_without_an_email(scotaccount, deps, client, monkeypatch):
    """ScotAccount answers 404 not_found when it has no data to share: no attribute is not a refusal."""
    _asking_email(scotaccount, deps, monkeypatch, level="gpg44-medium")
    profile = me(client, signed_in(client, "callum", decline=["scotaccount.email"]))
    assert profile["email"] is None
    assert me(client, signed_in(client, "callum"))["email"] == local.PEOPLE["callum"]["email"]  # shared next time


def test_a_claims_token_signed_with_another_key_is_refused_and_its_email_not_taken(scotaccount, deps, client,
                                                                                    monkeypatch):
    from chalicelib.storage.accounts.accounts import IdentityModel
    from doorstep_cli.local.scotaccount_tokens import Keys
    _asking_email(scotaccount, deps, monkeypatch, level="gpg44-medium")
    stranger, answered = Keys(), scotaccount.attributes
    stranger.kid = scotaccount.keys.kid  # claiming to be the provider's key

    def forged(bearer, assertion):
        body = jwt.decode(answered(bearer, assertion)["claimsToken"], options={"verify_signature": False})
        return {"claimsToken": stranger.sign(body)}

    monkeypatch.setattr(scotaccount, "attributes", forged)
    refused = finish(client, NL_HOST, choose(begin(client, NL_HOST), "morag"))
    assert refused.status_code == 401, refused.json_body
    assert refused.json_body["error"]["code"] == "invalid_token"
    assert not [i for i in IdentityModel.scan() if i.key.startswith(("oidc#", "email#"))]  # nobody made


def test_an_email_changed_at_scotaccount_follows_to_the_account_and_frees_the_old_one(nl, client, deps, monkeypatch):
    first = me(client, signed_in(client, "morag"))
    monkeypatch.setitem(local.PEOPLE["morag"], "email", "morag.new@example.org")
    again = me(client, signed_in(client, "morag"))
    assert (again["id"], again["email"], again["email_verified"]) == (first["id"], "morag.new@example.org", True)
    assert deps.accounts.user_by_identity(f"email#{MORAG}") is None  # free for whoever holds it now
    assert deps.accounts.user_by_identity("email#morag.new@example.org").id == first["id"]


def test_an_email_the_account_had_of_its_own_is_not_replaced(nl, client, deps):
    """An address the resident set themselves (a password account's, `doorstep users create`'s) is theirs."""
    from chalicelib.storage.records import User
    from doorstep_cli.local.scotaccount_tokens import pairwise
    entry = nl["sign_in"]["providers"][0]
    own = User(id="u_own", email="morag@home.example", email_verified=True, name="Morag Reid",
               created_at=deps.clock())
    sub = pairwise("morag", entry["client_id"])
    deps.accounts.create_user(own, [f"oidc#{entry['issuer']}#{sub}", "email#morag@home.example"])
    profile = me(client, signed_in(client, "morag"))
    assert (profile["id"], profile["email"]) == ("u_own", "morag@home.example")
    assert deps.accounts.user_by_identity(f"email#{MORAG}") is None


def test_an_address_another_account_has_is_not_taken(nl, client):
    from support.accounts_support import register
    assert register(client, email=MORAG).status_code == 202
    profile = me(client, signed_in(client, "morag"))
    assert profile["email"] is None  # two people are never merged on an address

