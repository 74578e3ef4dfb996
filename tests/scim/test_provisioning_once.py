"""A change made twice is one change and one line in the log; two provisioning calls for one user at once make
one user, and a line each for what each changed."""
from support.racing import at_once
from support.scim_support import STREET_SCENE, Scim, councils_with_scim, grant_of, log

RACERS = 4


def test_the_same_patch_twice_writes_one_line_and_changes_nothing_the_second_time(client, deps, monkeypatch):
    councils_with_scim(deps, monkeypatch)
    scim = Scim(client)
    user = scim.make_user("ada@york.gov.uk")
    change = {"op": "Replace", "path": "displayName", "value": "Ada Lovelace"}
    first, second = scim.patch(user["id"], change), scim.patch(user["id"], change)
    assert first.json_body["meta"]["version"] == second.json_body["meta"]["version"]
    assert [a for a, _, _ in log(deps)] == ["provisioned", "changed"]
    rows, _ = deps.directory.changes(10)
    assert rows[0].changes == {"displayName": [None, "Ada Lovelace"]} and rows[0].by.startswith("scim-token:")


def test_a_member_added_twice_joins_once(client, deps, monkeypatch):
    councils_with_scim(deps, monkeypatch)
    scim = Scim(client)
    user, group = scim.make_user("ada@york.gov.uk"), scim.make_group(STREET_SCENE, "Street scene")
    scim.members(group["id"], "Add", user["id"])
    grant = grant_of(deps, deps.directory.user(user["id"]).person_id)
    scim.members(group["id"], "Add", user["id"])
    assert grant_of(deps, deps.directory.user(user["id"]).person_id).version == grant.version
    assert log(deps) == [("provisioned", "ada@york.gov.uk", None), ("group_made", "Street scene", None),
                         ("joined", "ada@york.gov.uk", "Street scene")]
    scim.members(group["id"], "Remove", user["id"])
    scim.members(group["id"], "Remove", user["id"])
    assert [a for a, _, _ in log(deps)][-1:] == ["left"] and len(log(deps)) == 4


def test_the_same_user_provisioned_by_racing_calls_is_one_user_with_one_line(client, deps, monkeypatch):
    councils_with_scim(deps, monkeypatch)
    scim = Scim(client)
    answers = at_once(lambda n: scim.call("POST", "/Users", {"userName": "Ada@York.gov.uk" if n % 2 else
                                                             "ada@york.gov.uk"}), range(RACERS))
    made = [a for a in answers if a.status_code == 201]
    taken = [a for a in answers if a.status_code == 409 and a.json_body["scimType"] == "uniqueness"]
    assert (len(made), len(taken)) == (1, RACERS - 1), [a.status_code for a in answers]
    assert scim.call("GET", "/Users").json_body["totalResults"] == 1
    assert [a for a, _, _ in log(deps)] == ["provisioned"]


def test_racing_changes_to_one_user_both_stand_with_a_line_each(client, deps, monkeypatch):
    councils_with_scim(deps, monkeypatch)
    scim = Scim(client)
    user = scim.make_user("ada@york.gov.uk")
    changes = [{"op": "replace", "path": "displayName", "value": "Ada"},
               {"op": "replace", "path": "externalId", "value": "ext-ada"},
               {"op": "replace", "path": "name.familyName", "value": "Byron"},
               {"op": "replace", "path": "emails[type eq \"work\"].value", "value": "ada.byron@york.gov.uk"}]
    answers = at_once(lambda n: scim.patch(user["id"], changes[n]), range(RACERS))
    assert [a.status_code for a in answers] == [200] * RACERS, [a.body for a in answers]
    now = scim.call("GET", f"/Users/{user['id']}").json_body
    assert (now["displayName"], now["externalId"], now["name"]["familyName"], now["emails"][0]["value"]) == \
        ("Ada", "ext-ada", "Byron", "ada.byron@york.gov.uk")
    assert sorted(a for a, _, _ in log(deps)) == ["changed"] * RACERS + ["provisioned"]


def test_racing_memberships_of_one_user_give_every_groups_desk(client, deps, monkeypatch):
    councils_with_scim(deps, monkeypatch)
    scim = Scim(client)
    user = scim.make_user("ada@york.gov.uk")
    groups = [scim.make_group(STREET_SCENE, "Street scene"), scim.make_group("other-1", "Other 1"),
              scim.make_group("other-2", "Other 2"), scim.make_group("9d8e7f6a-doorstep-admins", "Admins")]
    at_once(lambda n: scim.members(groups[n]["id"], "Add", user["id"]), range(RACERS))
    assert set(deps.directory.user(user["id"]).groups) == {g["id"] for g in groups}
    assert grant_of(deps, deps.directory.user(user["id"]).person_id).role == "admin"
    assert sorted(a for a, _, _ in log(deps)).count("joined") == RACERS
