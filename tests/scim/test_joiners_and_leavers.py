"""Joiners get their desks before they first sign in, a member removed from a group loses its desk at once,
and a leaver turned off in the directory loses every session: their next call says their council turned the
account off."""
from chalicelib.handlers.accounts import auth
from support.scim_support import ADMINS, NORTH_CREW, STREET_SCENE, YORK_HOST, Scim, at, councils_with_scim, \
    grant_of, log


def _signed_in(deps, person_id):
    tokens = auth.start_session(deps, deps.accounts.user(person_id), deps.clock())
    return at(YORK_HOST, {"Authorization": f"Bearer {tokens['access_token']}"})


def _joined(client, deps, monkeypatch, external_id=STREET_SCENE):
    councils_with_scim(deps, monkeypatch)
    scim = Scim(client)
    user = scim.make_user("ada.lovelace@york.gov.uk", externalId="e1d2c3b4")
    group = scim.make_group(external_id, "Street scene")
    scim.members(group["id"], "Add", user["id"])
    person_id = deps.directory.user(user["id"]).person_id
    return scim, user, group, person_id


def test_a_joiner_provisioned_into_a_mapped_group_has_their_desks_before_they_first_sign_in(client, deps, monkeypatch):
    scim, user, group, person_id = _joined(client, deps, monkeypatch)
    grant = grant_of(deps, person_id)
    assert (grant.role, grant.roles, grant.source) == ("staff", ["street_scene"], "directory")
    desks = client.get("/v1/staff/desks", _signed_in(deps, person_id))
    assert desks.status_code == 200 and {d["id"] for d in desks.json_body["desks"]} >= {"reports"}
    assert scim.call("GET", f"/Users/{user['id']}").json_body["groups"][0]["value"] == group["id"]


def test_the_person_provisioned_is_the_one_the_directorys_sign_in_finds_by_the_upn(client, deps, monkeypatch):
    from chalicelib.auth.directory import person_key
    _, _, _, person_id = _joined(client, deps, monkeypatch)
    assert deps.accounts.user_by_identity(person_key("Ada.Lovelace@York.gov.uk")).id == person_id


def test_a_member_removed_from_the_group_loses_the_desk_and_their_session_at_once(client, deps, monkeypatch):
    scim, user, group, person_id = _joined(client, deps, monkeypatch)
    officer = _signed_in(deps, person_id)
    scim.members(group["id"], "Remove", user["id"])
    assert grant_of(deps, person_id) is None
    refused = client.get("/v1/staff/desks", officer)
    assert refused.status_code == 401 and refused.json_body["error"]["code"] == "session_ended"


def test_the_highest_kind_of_the_groups_a_person_is_in_is_theirs(client, deps, monkeypatch):
    scim, user, _, person_id = _joined(client, deps, monkeypatch)
    admins = scim.make_group(ADMINS, "Doorstep administrators")
    scim.members(admins["id"], "Add", user["id"])
    assert grant_of(deps, person_id).role == "admin"
    scim.call("DELETE", f"/Groups/{admins['id']}")
    assert (grant_of(deps, person_id).role, grant_of(deps, person_id).roles) == ("staff", ["street_scene"])


def test_a_group_the_councils_settings_do_not_map_gives_nothing(client, deps, monkeypatch):
    _, _, _, person_id = _joined(client, deps, monkeypatch, external_id="unmapped-group")
    assert grant_of(deps, person_id) is None


def test_a_group_is_matched_by_its_display_name_where_it_has_no_external_id(client, deps, monkeypatch):
    councils_with_scim(deps, monkeypatch)
    scim = Scim(client)
    user = scim.make_user("crew.member@york.gov.uk")
    made = scim.call("POST", "/Groups", {"displayName": NORTH_CREW,
                                         "members": [{"value": user["id"]}]})
    assert made.status_code == 201 and made.json_body["members"][0]["value"] == user["id"]
    grant = grant_of(deps, deps.directory.user(user["id"]).person_id)
    assert (grant.role, grant.team) == ("crew", "north")


def test_a_deactivated_officers_open_desk_is_refused_on_its_next_call_saying_why(client, deps, monkeypatch):
    scim, user, _, person_id = _joined(client, deps, monkeypatch)
    officer = _signed_in(deps, person_id)
    assert client.get("/v1/staff/desks", officer).status_code == 200
    turned_off = scim.patch(user["id"], {"op": "Replace", "path": "active", "value": "False"})
    assert turned_off.status_code == 200 and turned_off.json_body["active"] is False
    refused = client.get("/v1/staff/desks", officer)
    assert refused.status_code == 401 and refused.json_body["error"]["code"] == "account_deactivated"
    assert grant_of(deps, person_id) is None
    assert log(deps)[-1] == ("deactivated", "ada.lovelace@york.gov.uk", None)


def test_a_user_turned_on_again_has_their_groups_desks_again(client, deps, monkeypatch):
    scim, user, _, person_id = _joined(client, deps, monkeypatch)
    scim.patch(user["id"], {"op": "replace", "value": {"active": False}})
    assert grant_of(deps, person_id) is None
    scim.patch(user["id"], {"op": "replace", "path": "active", "value": True})
    assert grant_of(deps, person_id).roles == ["street_scene"]
    assert [a for a, _, _ in log(deps)][-2:] == ["deactivated", "reactivated"]


def test_a_user_deleted_in_the_directory_loses_the_grant_every_session_and_their_groups(client, deps, monkeypatch):
    scim, user, group, person_id = _joined(client, deps, monkeypatch)
    officer = _signed_in(deps, person_id)
    assert scim.call("DELETE", f"/Users/{user['id']}").status_code == 204
    assert grant_of(deps, person_id) is None
    assert client.get("/v1/staff/desks", officer).json_body["error"]["code"] == "account_deactivated"
    assert scim.call("GET", f"/Users/{user['id']}").status_code == 404
    assert scim.call("GET", f"/Groups/{group['id']}").json_body["members"] == []
    assert deps.accounts.user(person_id) is not None  # the person stays: their earlier work keeps its author
    again = scim.make_user("ada.lovelace@york.gov.uk")  # a rejoiner is the same person
    assert deps.directory.user(again["id"]).person_id == person_id


def test_a_user_provisioned_inactive_has_no_desk(client, deps, monkeypatch):
    councils_with_scim(deps, monkeypatch)
    scim = Scim(client)
    user = scim.make_user("not.yet@york.gov.uk", active=False)
    group = scim.make_group(STREET_SCENE)
    scim.members(group["id"], "Add", user["id"])
    assert grant_of(deps, deps.directory.user(user["id"]).person_id) is None


def test_an_officer_renamed_in_the_directory_signs_in_under_the_new_upn_as_the_same_person(client, deps, monkeypatch):
    from chalicelib.auth import directory
    scim, user, _, person_id = _joined(client, deps, monkeypatch)
    renamed = scim.patch(user["id"], {"op": "Replace", "path": "userName", "value": "ada.byron@york.gov.uk"})
    assert renamed.status_code == 200
    # The sign-in finds (or makes) its person by the council's key for the token's UPN.
    found = directory.person(deps, "Ada.Byron@york.gov.uk", None, None, deps.clock())
    assert found.id == person_id and grant_of(deps, found.id).roles == ["street_scene"]
    assert deps.accounts.user_by_identity(directory.person_key("ada.lovelace@york.gov.uk")) is None


def test_a_name_and_work_email_changed_in_the_directory_are_the_officers_own_at_once(client, deps, monkeypatch):
    scim, user, _, person_id = _joined(client, deps, monkeypatch)
    changed = scim.patch(user["id"], {"op": "Replace", "path": "displayName", "value": "Ada King"},
                         {"op": "Replace", "path": "emails[type eq \"work\"].value", "value": "ada.king@york.gov.uk"})
    assert changed.status_code == 200, changed.body
    person = deps.accounts.user(person_id)
    assert (person.name, person.email) == ("Ada King", "ada.king@york.gov.uk")


def test_an_address_the_person_verified_themselves_is_not_changed_by_the_directory(client, deps, monkeypatch):
    from dataclasses import replace
    scim, user, _, person_id = _joined(client, deps, monkeypatch)
    person = deps.accounts.user(person_id)
    deps.accounts.save_user(replace(person, email="ada@home.example", email_from=None))
    scim.patch(user["id"], {"op": "Replace", "path": "emails[type eq \"work\"].value", "value": "ada.king@york.gov.uk"})
    assert deps.accounts.user(person_id).email == "ada@home.example"
