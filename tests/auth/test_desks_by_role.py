"""Desks by role: a staff route opens to the officers whose roles open its desk (an administrator: every
desk), refused to others in the one error shape; an administrator gives an officer roles, which take
effect at once (their old tokens end); the council's roles file is checked when first read."""
import json

import pytest

from conftest import Person, pothole

from chalicelib.auth.desks import DEFAULT_FILE
from support.revenues_support import JOINT
from support.revenues_support import civica, council_morning, revenues  # noqa: F401 (fixtures)

LOOKUP = {"reference": JOINT, "reason": "Caller on the phone"}


def signed_in_again(deps, person):
    from chalicelib.handlers.accounts import auth
    user = deps.accounts.user(person.user.id)
    return Person(user, auth.start_session(deps, user, deps.clock()))


def test_a_halls_officer_is_refused_the_council_tax_lookup_and_nothing_is_asked(client, people, civica):
    halls = people("staff", roles=["halls"])
    refused = client.post("/v1/staff/council-tax/lookups", LOOKUP, halls.auth)
    assert refused.status_code == 403, refused.body
    assert refused.json_body == {"error": {"code": "forbidden", "message": (
        "Your roles do not open the Council tax desk. If your work needs it, ask an administrator to give you "
        "a role that does.")}}
    assert civica.calls == []  # refused before the back office was asked anything


def test_a_halls_officer_opens_the_halls_desk_and_a_revenues_officer_does_not(client, people):
    halls, revenues_officer = people("staff", roles=["halls"]), people("staff", roles=["revenues"])
    assert client.get("/v1/staff/hire/deposits", halls.auth).status_code == 200
    assert client.get("/v1/staff/hire/deposits", revenues_officer.auth).status_code == 403


def test_an_officer_with_no_roles_opens_no_desk_but_what_every_officer_needs(client, people):
    unplaced = people("staff", roles=[])
    assert client.get("/v1/staff/reports", unplaced.auth).status_code == 403
    assert client.get("/v1/staff/templates", unplaced.auth).status_code == 200
    assert client.get("/v1/staff/desks", unplaced.auth).json_body == {"desks": [], "roles": [],
                                                                     "administrator": False}


def test_my_desks_are_my_roles_desks_in_the_councils_order(client, people):
    officer = people("staff", roles=["revenues", "halls"])
    mine = client.get("/v1/staff/desks", officer.auth).json_body
    assert [d["id"] for d in mine["desks"]] == ["bills", "council_tax", "halls", "landlords"]  # the file's order of desks
    assert mine["roles"] == [{"id": "revenues", "name": "Revenues officer"}, {"id": "halls", "name": "Halls officer"}]
    admin = client.get("/v1/staff/desks", people("admin").auth).json_body
    assert admin["administrator"] and len(admin["desks"]) == len(json.loads(DEFAULT_FILE.read_text())["desks"])


def test_an_officer_of_another_desk_sees_a_report_as_the_public_does(client, people):
    made = client.post("/v1/reports", pothole()).json_body
    halls, streets = people("staff", roles=["halls"]), people("staff", roles=["street_scene"])
    why = {"Access-Reason": "Ringing the reporter back"}
    seen = client.get(f"/v1/reports/{made['id']}", {**halls.auth, **why}).json_body
    assert seen["view"] == "public" and "contact" not in seen
    assert client.get(f"/v1/reports/{made['id']}", {**streets.auth, **why}).json_body["contact"]["email"] == \
        "ada@example.org"


def test_an_admin_gives_an_officer_a_role_and_it_takes_effect_at_once(client, people, deps, civica, council_morning):
    admin, halls = people("admin", email="boss@council.example"), people("staff", roles=["halls"])
    assert client.post("/v1/staff/council-tax/lookups", LOOKUP, halls.auth).status_code == 403

    found = client.get(f"/v1/staff/officers?email={halls.user.email}", admin.auth)
    assert found.status_code == 200 and found.json_body["roles"] == ["halls"]
    given = client.raw.http.put(f"/v1/staff/officers/{halls.user.id}/roles", body=json.dumps(
        {"roles": ["halls", "revenues"]}), headers={"Content-Type": "application/json", **admin.auth,
                                                    "If-Match": found.headers["ETag"]})
    assert given.status_code == 200, given.body
    assert given.json_body["desks"] == ["bills", "council_tax", "halls", "landlords"]
    [change] = given.json_body["roles_history"]
    assert (change["by"], change["before"], change["after"]) == ("boss@council.example", ["halls"],
                                                                 ["halls", "revenues"])

    ended = client.post("/v1/staff/council-tax/lookups", LOOKUP, halls.auth)
    assert (ended.status_code, ended.json_body["error"]["code"]) == (401, "session_ended")
    again = signed_in_again(deps, halls)
    assert client.post("/v1/staff/council-tax/lookups", LOOKUP, again.auth).status_code == 200
    assert [d["id"] for d in client.get("/v1/staff/desks", again.auth).json_body["desks"]] == [
        "bills", "council_tax", "halls", "landlords"]


def put_roles(client, admin, user_id, body, etag):
    headers = {"Content-Type": "application/json", **admin.auth, **({"If-Match": etag} if etag else {})}
    return client.raw.http.put(f"/v1/staff/officers/{user_id}/roles", body=json.dumps(body), headers=headers)


def test_setting_roles_needs_the_officers_version_and_a_stale_one_is_409_with_them_as_now(client, people):
    admin, officer = people("admin"), people("staff", roles=["halls"])
    assert put_roles(client, admin, officer.user.id, {"roles": ["finance"]}, None).status_code == 428
    etag = client.get(f"/v1/staff/officers?email={officer.user.email}", admin.auth).headers["ETag"]
    assert put_roles(client, admin, officer.user.id, {"roles": ["finance"]}, etag).status_code == 200
    stale = put_roles(client, admin, officer.user.id, {"roles": ["forms"]}, etag)
    assert (stale.status_code, stale.json_body["error"]["code"]) == (409, "edit_conflict")
    assert stale.json_body["current"]["roles"] == ["finance"] and stale.headers["ETag"] != etag


def test_roles_the_council_does_not_have_and_accounts_that_are_not_staff_are_refused(client, people):
    admin, officer, resident = people("admin"), people("staff", roles=["halls"]), people()
    etag = client.get(f"/v1/staff/officers?email={officer.user.email}", admin.auth).headers["ETag"]
    unknown = put_roles(client, admin, officer.user.id, {"roles": ["halls", "wizard"]}, etag)
    assert unknown.status_code == 400 and unknown.json_body["error"]["fields"][0]["field"] == "roles"
    assert "'wizard'" in unknown.json_body["error"]["fields"][0]["message"]
    not_a_list = put_roles(client, admin, officer.user.id, {"roles": "halls"}, etag)
    assert not_a_list.status_code == 400
    theirs = client.get(f"/v1/staff/officers?email={resident.user.email}", admin.auth)
    refused = put_roles(client, admin, resident.user.id, {"roles": ["halls"]}, theirs.headers["ETag"])
    assert (refused.status_code, refused.json_body["error"]["code"]) == (409, "not_staff")
    assert client.get("/v1/staff/officers?email=nobody@example.org", admin.auth).status_code == 404
    assert client.get("/v1/staff/officers?email=", admin.auth).status_code == 400


def test_only_an_administrator_reads_the_roles_and_sets_an_officers(client, people):
    officer = people("staff")  # every role, still not an administrator
    assert client.get("/v1/staff/roles", officer.auth).status_code == 403
    roles = client.get("/v1/staff/roles", people("admin").auth).json_body
    halls = next(r for r in roles["roles"] if r["id"] == "halls")
    assert halls["desks"] == ["halls"] and halls["reads"] and halls["changes"]
    assert next(d for d in roles["desks"] if d["id"] == "council_tax")["personal_data"] is True


def test_the_command_line_gives_roles_and_set_role_replaces_them_or_keeps_them(doorstep, deps, capsys):
    assert doorstep("users", "create", "--email", "hal@council.example", "--role", "staff",
                    "--roles", "halls") == 0
    assert "roles: halls" in capsys.readouterr().out
    user = deps.accounts.user_by_identity("email#hal@council.example")
    assert deps.grants.get(user.id).roles == ["halls"]
    assert doorstep("users", "set-role", "--email", "hal@council.example", "--role", "staff",
                    "--categories", "pothole") == 0
    assert deps.grants.get(user.id).roles == ["halls"]  # --roles left out: kept
    assert doorstep("users", "set-role", "--email", "hal@council.example", "--role", "staff",
                    "--roles", "revenues,finance") == 0
    changed = deps.grants.get(user.id)
    assert changed.roles == ["revenues", "finance"]
    assert changed.roles_history[-1]["before"] == ["halls"] and "command line" in changed.roles_history[-1]["by"]
    assert doorstep("users", "set-role", "--email", "hal@council.example", "--role", "staff",
                    "--roles", "wizard") == 1
    assert "No staff role 'wizard'" in capsys.readouterr().err
    assert doorstep("users", "create", "--email", "ad@council.example", "--role", "admin", "--roles", "halls") == 1


@pytest.fixture
def council_file(tmp_path, monkeypatch):
    def write(document, name="roles.json"):
        path = tmp_path / name  # read once per process: another file is another reading
        path.write_text(json.dumps(document))
        monkeypatch.setenv("DOORSTEP_STAFF_ROLES", str(path))
        return path
    yield write
    monkeypatch.delenv("DOORSTEP_STAFF_ROLES")
    from chalicelib.auth.desks import configuration
    configuration()  # the default file again for the tests after


def test_a_councils_own_roles_file_is_read_and_checked_on_first_use(council_file):
    from chalicelib.auth.desks import RolesFileInvalid, configuration, desks_of_roles
    desk = {"name": "Halls", "what": "Bookings of halls.", "personal_data": True}
    council_file({"desks": {"halls": desk}, "roles": {"caretaker": {
        "name": "Caretaker", "desks": ["halls"], "reads": "Bookings.", "changes": "Blocks."}}})
    assert desks_of_roles(["caretaker"]) == ["halls"] and list(configuration()["roles"]) == ["caretaker"]
    council_file({"desks": {"halls": {**desk, "personal_data": "yes"}}, "roles": {
        "caretaker": {"name": "Caretaker", "desks": ["hals"], "reads": "Bookings.", "changes": "Blocks."},
        "admin": {"name": "Boss", "desks": ["halls"], "reads": "x", "changes": "y"}}}, "mistaken.json")
    with pytest.raises(RolesFileInvalid) as refused:
        configuration()
    for problem in ("desk 'halls' must say whether it shows personal data", "role 'caretaker' opens 'hals'",
                    "role 'admin' is an account's kind"):
        assert problem in str(refused.value)


def test_every_desk_a_route_names_is_a_desk_of_the_councils_file_and_each_desk_has_routes():
    from app import app  # noqa: F401  (wires the registry)
    from chalicelib.api.registry import REGISTRY
    from chalicelib.auth.desks import desk_ids
    from chalicelib.auth.rules import desk_of
    named = {desk_of(route.access) for route in REGISTRY.routes.values()} - {None}
    assert named == set(desk_ids())


def test_a_residents_conversation_opens_to_a_chat_officer_and_not_to_an_officer_of_another_desk(client, people):
    from support.chat_support import start
    made = start(client)
    halls, contact = people("staff", roles=["halls"]), people("staff", roles=["customer_services"])
    assert client.get(f"/v1/conversations/{made['id']}", halls.auth).status_code == 404  # as anyone else's
    assert client.get(f"/v1/conversations/{made['id']}", contact.auth).status_code == 200


def test_the_demo_councils_officers_are_added_once_each_with_the_roles_of_their_work(deps):
    from doorstep_cli.demo_staff import demo_officers
    assert demo_officers(deps) == 7 and demo_officers(deps) == 0
    by_email = {e: deps.accounts.user_by_identity(f"email#{e}@council.example")
                for e in ("halls", "revenues", "democracy", "streets", "admin")}
    grants = [deps.grants.get(u.id) for u in by_email.values()]
    assert [(g.role, g.roles) for g in grants] == [
        ("staff", ["halls"]), ("staff", ["revenues"]), ("staff", ["democratic_services"]),
        ("staff", ["street_scene"]), ("admin", [])]
