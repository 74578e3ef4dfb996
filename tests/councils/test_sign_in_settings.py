"""A council's sign-in providers in its settings (issue 71): the relying party's key by the name
of its secret, never the key; a provider asking a verified identity says where it is told; a
provider over plain http only on this machine."""
from chalicelib.auth.providers import new_private_key
from chalicelib.councils import settings
from support.councils_support import north_lanarkshire


def provider(**changes):
    o = "https://authz.integration.scotaccount.service.gov.scot"
    return {"id": "scotaccount", "name": "ScotAccount", "issuer": o, "client_id": "5yhygksctwpqg",
            "client_key": {"secret": "scotaccount-key"}, "level": "gpg45-medium",
            "attributes": {"url": "https://issuer.main.integration.scotaccount.service.gov.scot/attributes/values",
                           "issuer": "https://issuer.main.integration.scotaccount.service.gov.scot",
                           "jwks_url": "https://issuer.main.integration.scotaccount.service.gov.scot/jwks.json"},
            **changes}


def refused(entry):
    return dict(settings.problems({**north_lanarkshire(), "sign_in": {"providers": [entry]}}))


def test_north_lanarkshires_demo_settings_name_its_scotaccount_provider():
    assert settings.problems(north_lanarkshire()) == []
    assert north_lanarkshire()["sign_in"]["providers"][0]["level"] == "gpg45-medium"
    assert refused(provider()) == {}


def test_a_private_key_in_the_settings_is_refused_with_what_to_write_instead():
    said = refused(provider(client_key={"secret": new_private_key()}))
    assert said == {"$.sign_in.providers[0].client_key.secret":
                    "Must name the council's secret (lower case letters, digits and hyphens, 1 to 63), like "
                    "civica-password or scotaccount-key: never the secret itself."}
    assert list(refused(provider(client_key=new_private_key()))) == ["$.sign_in.providers[0].client_key"]


def test_a_verified_identity_asked_for_without_where_it_is_told_is_refused():
    entry = provider()
    del entry["attributes"]
    assert list(refused(entry)) == ["$.sign_in.providers[0].attributes"]
    del entry["level"]
    assert "$.sign_in.providers[0].level" in refused(entry)
    assert refused({**entry, "level": "gpg44-medium"}) == {}  # sign-in alone needs no attributes


def test_a_provider_over_plain_http_is_refused_unless_on_this_machine():
    assert list(refused(provider(issuer="http://authz.scotaccount.service.gov.scot"))) == [
        "$.sign_in.providers[0].issuer"]
    assert refused(provider(issuer="http://127.0.0.1:8018")) == {}
    assert "$.sign_in.providers[0].issuer" in refused(provider(issuer="http://localhost.example.org"))


def test_the_email_asked_for_without_where_it_is_told_is_refused_and_the_address_is_not_offered():
    entry = provider(level="gpg44-medium", verified_attributes=["email"])
    assert refused(entry) == {}
    del entry["attributes"]
    assert list(refused(entry)) == ["$.sign_in.providers[0].attributes"]
    assert refused({**entry, "verified_attributes": []}) == {}  # asking nothing needs nowhere to read it
    assert "$.sign_in.providers[0].verified_attributes[0]" in refused(provider(verified_attributes=["address"]))
    assert north_lanarkshire()["sign_in"]["providers"][0]["verified_attributes"] == ["email"]
