"""The local directory provisions the council as Entra ID's provisioning service does, each change pushed
by SCIM 2.0 in Entra's own requests (a GET by userName before a POST, "Replace" with "False" to turn
someone off, a group's members by PATCH Add and Remove), to a receiver that answers as RFC 7644 says
(tests/local/scim_receiver.py); an endpoint that is down is tried again, in order, and nothing waiting
is lost when the directory restarts."""
import pytest

from doorstep_cli.local.directory import LocalDirectory
from doorstep_cli.local.directory_demo import PEOPLE, TENANT, seed
from doorstep_cli.local.serving import free_port
from tests.local.scim_receiver import ScimReceiver

TOKEN = "scim-token-of-the-test"
USER, ENTERPRISE = "urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp"
STREET_SCENE = "81bbd79d-05b9-4ee0-a629-3294d88ca4e7"


@pytest.fixture
def receiver():
    with ScimReceiver(TOKEN) as served:
        yield served


def started(path, endpoint, seeded=None):
    directory = LocalDirectory(path, TENANT, seed=seeded)
    directory.provision_to(endpoint, TOKEN, first_wait=0.05)
    return directory


def all_sent(directory):
    assert directory.people.settled(lambda state: not state["pending"], 20), directory.people.queue_state()


def test_a_joiner_is_looked_up_by_username_then_made_with_entras_user(tmp_path, receiver):
    with started(tmp_path / "d.json", receiver.url) as directory:
        made = directory.people.create_user({"displayName": "Jo Bloggs", "userPrincipalName": "jo.bloggs@york.example"})
        all_sent(directory)
    looked, posted = receiver.requests
    assert (looked["method"], looked["path"], looked["query"]) == (
        "GET", "/scim/v2/Users", {"filter": 'userName eq "jo.bloggs@york.example"'})
    assert (posted["method"], posted["path"], posted["content_type"]) == ("POST", "/scim/v2/Users", "application/scim+json")
    assert posted["body"] == {
        "schemas": [USER, ENTERPRISE], "externalId": "jo.bloggs", "userName": "jo.bloggs@york.example", "active": True,
        "displayName": "Jo Bloggs", "emails": [{"primary": True, "type": "work", "value": "jo.bloggs@york.example"}],
        "meta": {"resourceType": "User"}, "name": {"formatted": "Jo Bloggs", "familyName": "Bloggs", "givenName": "Jo"},
        "roles": []}
    assert directory.people.scim_id("users", made["id"]) == "u1"  # the id the endpoint gave, kept


def test_turning_off_and_on_is_a_patch_of_active_as_entra_writes_it(tmp_path, receiver):
    with started(tmp_path / "d.json", receiver.url) as directory:
        made = directory.people.create_user({"displayName": "Jo Bloggs", "userPrincipalName": "jo.bloggs@york.example"})
        directory.people.update_user(made["id"], {"accountEnabled": False})
        directory.people.update_user(made["id"], {"accountEnabled": False})  # no change: nothing pushed
        directory.people.update_user(made["id"], {"accountEnabled": True, "surname": "Smith"})
        all_sent(directory)
    off, on = receiver.requests[2:]
    assert (off["method"], off["path"]) == ("PATCH", "/scim/v2/Users/u1")
    assert off["body"] == {"schemas": [PATCH], "Operations": [{"op": "Replace", "path": "active", "value": "False"}]}
    assert on["body"]["Operations"] == [{"op": "Replace", "path": "active", "value": "True"},
                                        {"op": "Replace", "path": "name.familyName", "value": "Smith"}]


def test_groups_are_made_with_their_object_id_and_members_added_and_removed_by_scim_id(tmp_path, receiver):
    with started(tmp_path / "d.json", receiver.url, seeded=seed) as directory:
        all_sent(directory)
        asha = directory.people.user("asha.patel@york.example")["id"]
        directory.people.remove_member(STREET_SCENE, asha)
        directory.people.delete_user(asha)
        all_sent(directory)
    sent = receiver.requests
    made = next(r for r in sent if r["method"] == "POST" and r["body"].get("displayName") == "Street Scene")
    assert made["body"] == {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group",
                                        "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"],
                            "externalId": STREET_SCENE, "displayName": "Street Scene", "meta": {"resourceType": "Group"}}
    looked = sent[sent.index(made) - 1]
    assert looked["query"] == {"filter": 'displayName eq "Street Scene"', "excludedAttributes": "members"}
    group = next(g for g in receiver.groups.values() if g["displayName"] == "Street Scene")
    asha_scim = next(u["id"] for u in receiver.requests_made("Users") if u["userName"] == "asha.patel@york.example")
    added = [r for r in sent if r["method"] == "PATCH" and r["body"]["Operations"][0]["op"] == "Add"]
    assert len(added) == sum(len(groups) for *_, groups in PEOPLE)  # every membership, after its user and group
    assert all(sent.index(r) > max(i for i, m in enumerate(sent) if m["method"] == "POST") for r in added)
    removed, deleted = sent[-2:]
    assert (removed["method"], removed["path"]) == ("PATCH", f"/scim/v2/Groups/{group['id']}")
    assert removed["body"] == {"schemas": [PATCH], "Operations": [
        {"op": "Remove", "path": "members", "value": [{"value": asha_scim}]}]}
    assert (deleted["method"], deleted["path"], deleted["status"]) == ("DELETE", f"/scim/v2/Users/{asha_scim}", 204)
    assert asha_scim not in group["members"] and directory.people.scim_id("users", asha) is None


def test_pushes_wait_while_the_endpoint_is_down_and_go_in_order_once_it_answers(tmp_path, receiver):
    receiver.down = True
    with started(tmp_path / "d.json", receiver.url) as directory:
        made = directory.people.create_user({"displayName": "Jo Bloggs", "userPrincipalName": "jo.bloggs@york.example"})
        directory.people.update_user(made["id"], {"accountEnabled": False})
        directory.people.update_user(made["id"], {"displayName": "Jo Smith"})
        with receiver.seen:
            assert receiver.seen.wait_for(lambda: receiver.refused >= 3, 20)  # tried, refused, tried again
        assert len(directory.people.queue_state()["pending"]) == 3
        receiver.down = False
        all_sent(directory)
    assert [(r["method"], r["path"]) for r in receiver.requests] == [
        ("GET", "/scim/v2/Users"), ("POST", "/scim/v2/Users"), ("PATCH", "/scim/v2/Users/u1"),
        ("PATCH", "/scim/v2/Users/u1")]
    assert receiver.users["u1"]["active"] is False and receiver.users["u1"]["displayName"] == "Jo Smith"


def test_an_endpoint_not_listening_yet_gets_everything_once_it_starts(tmp_path):
    port = free_port()
    with started(tmp_path / "d.json", f"http://127.0.0.1:{port}/scim/v2") as directory:
        directory.people.create_user({"displayName": "Jo Bloggs", "userPrincipalName": "jo.bloggs@york.example"})
        assert directory.people.settled(lambda state: state["pending"][0]["attempts"] >= 2, 20)
        with ScimReceiver(TOKEN, port=port) as late:
            all_sent(directory)
    assert [r["method"] for r in late.requests] == ["GET", "POST"]


def test_a_restart_keeps_people_scim_ids_and_the_pushes_still_to_go(tmp_path, receiver):
    receiver.down = True
    with started(tmp_path / "d.json", receiver.url, seeded=seed) as directory:
        assert directory.people.settled(lambda state: state["pending"][0]["attempts"] >= 1, 20)
        directory.people.create_user({"displayName": "Jo Bloggs", "userPrincipalName": "jo.bloggs@york.example"})
        waiting = len(directory.people.queue_state()["pending"])
    receiver.down = False
    with started(tmp_path / "d.json", receiver.url, seeded=None) as again:  # no seed: it is all in the file
        assert again.people.user("jo.bloggs@york.example")["displayName"] == "Jo Bloggs"
        all_sent(again)
        jo = again.people.user("jo.bloggs@york.example")["id"]
        kept = again.people.scim_id("users", jo)
    posts = [r for r in receiver.requests if r["method"] == "POST"]
    # every push waiting at the restart went after it, once: 13 groups, 9 people, each membership
    assert waiting == len(posts) + sum(r["method"] == "PATCH" for r in receiver.requests) == 13 + 9 + 20
    assert (len(receiver.groups), len(receiver.users)) == (13, 9)
    with started(tmp_path / "d.json", receiver.url) as third:  # and once delivered, never sent again
        assert third.people.scim_id("users", jo) == kept
        assert third.people.queue_state()["pending"] == []
    assert len([r for r in receiver.requests if r["method"] == "POST"]) == len(posts)


def test_a_push_the_endpoint_refuses_for_good_is_kept_as_failed_and_the_rest_go_on(tmp_path, receiver):
    receiver.refuse = {"userName"}  # this endpoint will not rename anyone: 400, whenever asked
    with started(tmp_path / "d.json", receiver.url) as directory:
        jo = directory.people.create_user({"displayName": "Jo Bloggs", "userPrincipalName": "jo.bloggs@york.example"})
        directory.people.update_user(jo["id"], {"userPrincipalName": "joanna.bloggs@york.example"})
        directory.people.create_user({"displayName": "Al Green", "userPrincipalName": "al.green@york.example"})
        all_sent(directory)
        failed, = directory.people.queue_state()["failed"]
    assert failed["kind"] == "update_user" and "400" in failed["reason"] and "mutability" in failed["reason"]
    assert [u["userName"] for u in receiver.users.values()] == ["jo.bloggs@york.example", "al.green@york.example"]
