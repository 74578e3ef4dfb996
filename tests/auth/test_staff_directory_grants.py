"""An officer's desks at a council are what their directory's groups give at each sign-in (issue 79,
docs/decisions/staff-sign-in.md): the checked ID token's claims against the council's mapping, its
tenant and its rule on a second factor. The flow over HTTP is in test_staff_sign_in.py."""
import copy

import pytest

from chalicelib import tenancy
from chalicelib.auth import directory
from chalicelib.councils.council import council as council_named
from chalicelib.errors import ApiError
from chalicelib.handlers.accounts import staff_sign_in
from support.councils_support import NL, add, north_lanarkshire, york

TENANT = "6b3d8a4e-0000-4000-8000-000000000001"
STREETS, REVENUES, CREW, ADMINS = "g-streets", "g-revenues", "g-crew-north", "g-admins"


def with_directory(document, tenant=TENANT, mfa="required"):
    changed = copy.deepcopy(document)
    changed["staff_sign_in"] = {
        "providers": [{"id": "entra", "name": "Council account", "tenant": tenant, "client_id": "doorstep",
                       "issuer": f"https://login.microsoftonline.com/{tenant}/v2.0",
                       "client_auth": "client_secret", "client_key": {"secret": "entra-client"}}],
        "groups": [{"group": STREETS, "name": "Street scene", "kind": "staff", "roles": ["street_scene"]},
                   {"group": REVENUES, "name": "Revenues", "kind": "staff", "roles": ["revenues", "finance"]},
                   {"group": CREW, "name": "North crew", "kind": "crew", "team": "north"},
                   {"group": ADMINS, "name": "Administrators", "kind": "admin"}],
        "mfa": mfa}
    return changed


@pytest.fixture
def councils(deps):
    add(deps, with_directory(york()), with_directory(north_lanarkshire(), tenant="nl-tenant", mfa="not_required"))


def claims(groups, tenant=TENANT, amr=("pwd", "mfa"), username="asha.patel@york.example"):
    return {"sub": "pairwise-1", "tid": tenant, "preferred_username": username, "email": username,
            "name": "Asha Patel", "groups": list(groups), "amr": list(amr)}


def sign_in(deps, council_id, said):
    with tenancy.acting_for(council_id):
        here = deps.for_council()
        provider = directory.named(council_named(council_id), "entra")
        user = staff_sign_in.officer(here, provider, said, here.clock())
        from chalicelib.auth.grants import own_grant
        return user, own_grant(user, here.grants)


def test_an_officer_holds_the_roles_of_every_group_they_are_in(councils, deps):
    user, grant = sign_in(deps, "york", claims([STREETS, REVENUES, "g-not-mapped"]))
    assert (grant.role, grant.roles, grant.source) == ("staff", ["street_scene", "revenues", "finance"], "directory")
    assert grant.roles_history[-1]["by"] == "directory"


def test_a_group_removed_in_the_directory_removes_its_desk_at_the_next_sign_in(councils, deps):
    sign_in(deps, "york", claims([STREETS, REVENUES]))
    user, grant = sign_in(deps, "york", claims([REVENUES]))
    assert grant.roles == ["revenues", "finance"]


def test_an_officer_whose_groups_give_nothing_is_refused_and_loses_what_the_directory_gave(councils, deps):
    user, _ = sign_in(deps, "york", claims([STREETS]))
    with pytest.raises(ApiError) as refused:
        sign_in(deps, "york", claims(["g-canteen"]))
    assert refused.value.code == "no_desk_here"
    with tenancy.acting_for("york"):
        from chalicelib.auth.grants import own_grant
        assert own_grant(deps.accounts.user(user.id), deps.for_council().grants) is None


def test_the_highest_kind_wins_and_a_crew_group_gives_its_team(councils, deps):
    _, grant = sign_in(deps, "york", claims([CREW]))
    assert (grant.role, grant.team, grant.roles) == ("crew", "north", [])
    _, grant = sign_in(deps, "york", claims([CREW, ADMINS]))
    assert grant.role == "admin"


def test_a_token_of_another_tenant_signs_no_one_in_whatever_its_groups(councils, deps):
    with pytest.raises(ApiError) as refused:
        sign_in(deps, "york", claims([ADMINS], tenant="nl-tenant"))
    assert refused.value.code == "other_tenant"
    with tenancy.acting_for("york"):
        assert deps.accounts.user_by_identity(directory.person_key("asha.patel@york.example")) is None


def test_a_council_that_asks_a_second_factor_refuses_a_password_alone(councils, deps):
    with pytest.raises(ApiError) as refused:
        sign_in(deps, "york", claims([STREETS], amr=("pwd",)))
    assert refused.value.code == "mfa_required" and refused.value.status == 403
    assert "second factor" in refused.value.message


@pytest.mark.parametrize("amr, multi", [(("pwd", "otp"), True), (("mfa",), True), (("pwd", "pin"), False),
                                        (("fpt", "hwk"), True), ((), False), ("mfa", False)])
def test_two_kinds_of_factor_are_multi_factor_and_two_of_one_kind_are_not(amr, multi):
    assert directory.multi_factor(list(amr) if isinstance(amr, tuple) else amr) is multi


def test_a_council_that_does_not_ask_a_second_factor_takes_a_password_alone(councils, deps):
    _, grant = sign_in(deps, NL, claims([STREETS], tenant="nl-tenant", amr=("pwd",)))
    assert grant.roles == ["street_scene"]


def test_one_work_address_at_two_councils_directories_is_two_officers(councils, deps):
    york_user, _ = sign_in(deps, "york", claims([STREETS]))
    nl_user, nl_grant = sign_in(deps, NL, claims([ADMINS], tenant="nl-tenant"))
    assert york_user.id != nl_user.id and nl_grant.role == "admin"


def test_a_mapping_naming_a_role_the_council_lacks_is_refused_with_its_path(deps):
    from chalicelib.councils.settings import problems
    document = with_directory(york())
    document["staff_sign_in"]["groups"][0]["roles"] = ["street_scene", "astrology"]
    found = dict(problems(document))
    assert "astrology" in found["$.staff_sign_in.groups[0].roles"]


def test_an_administrator_cannot_set_roles_the_directory_gives(councils, deps, client):
    from support.councils_support import put, signed_in_at
    user, grant = sign_in(deps, "york", claims([STREETS]))
    admin = signed_in_at(deps, "york", role="admin")
    refused = put(client, f"/v1/staff/officers/{user.id}/roles", {"roles": ["halls"]},
                  {**admin, "If-Match": f'"{grant.version}"'})
    assert refused.status_code == 409, refused.json_body
    assert refused.json_body["error"]["code"] == "roles_from_directory"
    _, still = sign_in(deps, "york", claims([STREETS]))
    assert still.roles == ["street_scene"]


def test_a_refresh_of_a_session_the_directory_ended_says_why(councils, deps, client):
    from chalicelib.handlers.accounts import auth
    from support.councils_support import at
    user, _ = sign_in(deps, "york", claims([STREETS]))
    with tenancy.acting_for("york"):
        here = deps.for_council()
        tokens = auth.start_session(here, user, here.clock())
        directory.leave(here, here.accounts.user(user.id))
    refused = client.post("/v1/auth/refresh", {"refresh_token": tokens["refresh_token"]}, at("localhost"))
    assert refused.status_code == 401 and refused.json_body["error"]["code"] == "account_deactivated"
