"""Where a council signs its officers in with its directory (`passwords: break_glass`), a password
signs an officer in only on a grant marked break-glass, and the council's other administrators are
told of each such sign-in (issue 79, item 1). Residents' passwords are untouched."""
import pytest

from chalicelib import tenancy
from chalicelib.handlers.accounts import users
from support.councils_support import NL, PASSWORD, add, at, north_lanarkshire, york
from tests.auth.test_staff_directory_grants import with_directory

YORK_HOST = "localhost"


@pytest.fixture
def york_without_passwords(deps):
    document = with_directory(york())
    document["staff_sign_in"]["passwords"] = "break_glass"
    add(deps, document, north_lanarkshire())


def person(deps, email, role="resident", council="york", **kwargs):
    from chalicelib.handlers.accounts import auth
    with tenancy.acting_for(council):
        here = deps.for_council()
        user = users.create_user(here, email, role, name=email.split("@")[0], **kwargs)
        user.password_hash = __import__("chalicelib.auth.passwords", fromlist=["x"]).hash_password(PASSWORD)
        user.email_verified = True
        here.accounts.save_user(user)
        return here.accounts.user(user.id), auth


def login(client, email, host=YORK_HOST):
    return client.post("/v1/auth/login", {"email": email, "password": PASSWORD}, at(host))


def test_an_officer_with_a_password_is_sent_to_the_councils_directory(york_without_passwords, deps, client):
    person(deps, "officer@york.example", "staff", roles=["street_scene"])
    refused = login(client, "officer@york.example")
    assert refused.status_code == 403, refused.json_body
    assert refused.json_body["error"]["code"] == "staff_sign_in_required"
    assert "Council account" in refused.json_body["error"]["message"]


def test_a_resident_still_signs_in_with_a_password(york_without_passwords, deps, client):
    person(deps, "resident@example.org")
    assert login(client, "resident@example.org").status_code == 200


def test_the_same_officer_signs_in_with_a_password_at_a_council_that_allows_it(york_without_passwords, deps, client):
    person(deps, "both@example.org", "staff", council=NL, roles=["street_scene"])
    from support.councils_support import NL_HOST
    assert login(client, "both@example.org", NL_HOST).status_code == 200


def test_a_break_glass_sign_in_is_let_in_and_told_to_the_other_administrators(york_without_passwords, deps, client):
    from support.alert_support import outbox_to
    person(deps, "glass@york.example", "admin")
    person(deps, "other.admin@york.example", "admin")
    with tenancy.acting_for("york"):
        users.set_break_glass(deps.for_council(), "glass@york.example", True)
    signed = login(client, "glass@york.example")
    assert signed.status_code == 200, signed.json_body
    told = [m for m in outbox_to("other.admin@york.example") if "break-glass" in (m.subject or "")]
    assert len(told) == 1 and "glass@york.example" in told[0].body
    assert not [m for m in outbox_to("glass@york.example") if "break-glass" in (m.subject or "")]


def test_only_an_administrator_can_be_given_a_break_glass_password(york_without_passwords, deps):
    from chalicelib.errors import ApiError
    person(deps, "clerk@york.example", "staff", roles=["street_scene"])
    with tenancy.acting_for("york"), pytest.raises(ApiError) as refused:
        users.set_break_glass(deps.for_council(), "clerk@york.example", True)
    assert refused.value.code == "not_admin"
