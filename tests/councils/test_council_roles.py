"""Each council's roles and desks (issue 70, item 4): a council's settings may name its own staff roles;
the packaged roles file holds only where a council names none, and a role one council defines opens
nothing at another."""
import pytest

from chalicelib import tenancy
from chalicelib.councils import settings
from chalicelib.errors import ApiError, ValidationFailed
from support.councils_support import (
    NL, NL_HOST, PASSWORD, YORK_HOST, add, at, north_lanarkshire, signed_in, york,
)

KEEPER = {"name": "Hall keeper", "desks": ["halls"], "reads": "Bookings of the council's halls.",
          "changes": "Blocks and deposits of the council's halls."}


def york_with_its_own_roles():
    document = york()
    document["staff_roles"] = {"roles": {"hall_keeper": KEEPER}}
    # its directory's groups give the packaged roles, which a York of its own roles no longer has
    document.pop("staff_sign_in")
    return document



def test_a_role_york_defines_opens_nothing_at_the_other_council(client, deps):
    from chalicelib.handlers.accounts import users
    from chalicelib.storage.records import Grant
    add(deps, york_with_its_own_roles(), north_lanarkshire())
    made = users.create_user(deps, "keeper@council.example", "staff", password=PASSWORD, roles=["hall_keeper"])
    with tenancy.acting_for(NL):  # the same role's name held at North Lanarkshire, which has no such role
        deps.grants.put(Grant(user_id=made.id, role="staff", roles=["hall_keeper"]), deps.accounts.user(made.id))
    (_, york_auth), (_, nl_auth) = signed_in(client, made.email, YORK_HOST), signed_in(client, made.email, NL_HOST)
    assert client.get("/v1/staff/hire/deposits", at(YORK_HOST, york_auth)).status_code == 200
    assert client.get("/v1/staff/hire/deposits", at(NL_HOST, nl_auth)).status_code == 403
    assert client.get("/v1/staff/desks", at(NL_HOST, nl_auth)).json_body["desks"] == []
    mine = client.get("/v1/staff/desks", at(YORK_HOST, york_auth)).json_body["desks"]
    assert [d["id"] for d in mine] == ["halls"]
    with pytest.raises(ApiError) as refused, tenancy.acting_for(NL):
        users.create_user(deps, "keeper2@council.example", "staff", roles=["hall_keeper"])
    assert refused.value.code == "unknown_staff_role"


def test_york_names_its_roles_and_the_packaged_ones_are_not_york_s_then(client, deps, people):
    add(deps, york_with_its_own_roles(), north_lanarkshire())
    boss = people("admin")
    york_roles = client.get("/v1/staff/roles", at(YORK_HOST, boss.auth)).json_body["roles"]
    assert [r["id"] for r in york_roles] == ["hall_keeper"]
    from chalicelib.handlers.accounts import users
    with pytest.raises(ApiError) as refused:  # "halls", the packaged file's role, is not York's now
        users.create_user(deps, "hal@council.example", "staff", roles=["halls"])
    assert refused.value.code == "unknown_staff_role"
    with tenancy.acting_for(NL):  # North Lanarkshire names none: the packaged file's are its
        assert users.create_user(deps, "hal@council.example", "staff", roles=["halls"]).email


def test_a_councils_roles_opening_a_desk_there_is_not_are_refused_whole(deps):
    from chalicelib.storage.councils import CouncilStore
    add(deps, york())
    document = york_with_its_own_roles()
    document["staff_roles"]["roles"]["keeper"] = {**KEEPER, "desks": ["halls", "ballroom"]}
    document["staff_roles"]["roles"]["admin"] = KEEPER
    document["branding"] = {"colour": "#123456"}
    with pytest.raises(ValidationFailed) as refused:
        settings.write(CouncilStore(), document, 1, deps.clock(), "test")
    fields = {f["field"]: f["message"] for f in refused.value.fields}
    assert set(fields) == {"$.staff_roles.roles.keeper", "$.staff_roles.roles.admin"}, fields
    assert "ballroom" in fields["$.staff_roles.roles.keeper"]
    assert "staff_roles" not in CouncilStore().get("york", consistent=True)[0]  # nothing of it applied
