"""Staff and roles per council (issue 70, item 4): what makes a person an officer, crew or an
administrator is granted by one council and holds at that council's address alone; the same
person is a resident wherever else they sign in."""
import boto3

from chalicelib import tenancy
from support.councils_support import (
    NL, NL_HOST, PASSWORD, YORK_HOST, add, at, north_lanarkshire, signed_in, york,
)

CATCH_ALL = "/{proxy+}"


def officer(deps, email, role, council="york", **kwargs):
    from chalicelib.handlers.accounts import users
    with tenancy.acting_for(council):
        return users.create_user(deps, email, role, name=email.split("@")[0], password=PASSWORD, **kwargs)



def officers_routes():
    """Every route only an officer, an administrator or a crew member may use, with its path filled."""
    from app import app  # noqa: F401  (wires the registry)
    from chalicelib.api.registry import REGISTRY
    from chalicelib.auth.rules import ANYONE, SIGNED_IN
    import re
    return sorted((method, re.sub(r"\{[^}]+\}", "x1", path)) for (method, path), route in REGISTRY.routes.items()
                  if route.access not in (ANYONE, SIGNED_IN) and path != CATCH_ALL)


def call(client, method, path, headers):
    return client.raw.http.request(method, path, headers={"Content-Type": "application/json", **headers},
                                   body=b"{}" if method in ("POST", "PUT", "PATCH") else b"")


def test_an_admin_of_york_has_no_power_at_north_lanarkshires_address_by_any_route(client, deps):
    add(deps, york(), north_lanarkshire())
    officer(deps, "boss@york.example", "admin")
    _, york_token = signed_in(client, "boss@york.example", YORK_HOST)
    assert client.get("/v1/staff/roles", at(YORK_HOST, york_token)).status_code == 200
    answered, nl_token = signed_in(client, "boss@york.example", NL_HOST)
    assert answered["user"]["role"] == "resident"  # one sign-in, and at North Lanarkshire a resident
    routes = officers_routes()
    assert len(routes) > 100
    wrong = []
    for method, path in routes:
        with_york_token = call(client, method, path, at(NL_HOST, york_token))
        there = call(client, method, path, at(NL_HOST, nl_token))
        if with_york_token.status_code != 401 or there.status_code != 403:
            wrong.append(f"{method} {path}: {with_york_token.status_code} with York's token, {there.status_code} "
                         f"signed in there")
    assert wrong == []
    assert client.get("/v1/staff/roles", at(YORK_HOST, york_token)).status_code == 200  # still York's admin


def test_a_grant_is_the_councils_that_made_it_and_a_change_there_ends_only_its_sessions(client, deps):
    from chalicelib.handlers.accounts import users
    add(deps, york(), north_lanarkshire())
    made = officer(deps, "hal@council.example", "staff", roles=["halls"])
    _, york_token = signed_in(client, "hal@council.example", YORK_HOST)
    _, nl_token = signed_in(client, "hal@council.example", NL_HOST)
    assert client.get("/v1/staff/hire/deposits", at(NL_HOST, nl_token)).status_code == 403
    with tenancy.acting_for(NL):
        users.set_role(deps, made.email, "admin")
    assert client.get("/v1/staff/hire/deposits", at(NL_HOST, nl_token)).status_code == 401  # its sessions end
    _, nl_token = signed_in(client, "hal@council.example", NL_HOST)
    assert client.get("/v1/staff/roles", at(NL_HOST, nl_token)).status_code == 200
    # York's grant and York's session are as they were: a halls officer, no administrator
    assert client.get("/v1/staff/hire/deposits", at(YORK_HOST, york_token)).status_code == 200
    assert client.get("/v1/staff/roles", at(YORK_HOST, york_token)).status_code == 403
    assert client.get("/v1/me", at(YORK_HOST, york_token)).json_body["role"] == "staff"
    assert client.get("/v1/me", at(NL_HOST, nl_token)).json_body["role"] == "admin"


def test_a_user_row_from_before_councils_is_the_default_councils_grant_until_its_first_change(client, deps):
    add(deps, york(), north_lanarkshire())
    made = officer(deps, "old@council.example", "resident")
    rows = boto3.client("dynamodb", region_name="eu-west-2")
    rows.update_item(TableName="test-users", Key={"id": {"S": made.id}},  # as a deployment made before councils
                     UpdateExpression="SET #r = :r, #roles = :roles",
                     ExpressionAttributeNames={"#r": "role", "#roles": "roles"},
                     ExpressionAttributeValues={":r": {"S": "staff"}, ":roles": {"S": '["halls"]'}})
    _, york_token = signed_in(client, made.email, YORK_HOST)
    _, nl_token = signed_in(client, made.email, NL_HOST)
    assert client.get("/v1/staff/hire/deposits", at(YORK_HOST, york_token)).status_code == 200
    assert client.get("/v1/staff/hire/deposits", at(NL_HOST, nl_token)).status_code == 403

    officer(deps, "admin@york.example", "admin")
    _, admin = signed_in(client, "admin@york.example", YORK_HOST)
    found = client.get(f"/v1/staff/officers?email={made.email}", at(YORK_HOST, admin))
    assert (found.json_body["role"], found.json_body["roles"], found.headers["ETag"]) == ("staff", ["halls"], '"0"')
    given = client.raw.http.put(f"/v1/staff/officers/{made.id}/roles", body=b'{"roles": ["halls", "finance"]}',
                                headers=at(YORK_HOST, {**admin, "Content-Type": "application/json",
                                                       "If-Match": '"0"'}))
    assert given.status_code == 200, given.body
    assert given.json_body["roles_history"][-1]["before"] == ["halls"]
    row = rows.get_item(TableName="test-users", Key={"id": {"S": made.id}}, ConsistentRead=True)["Item"]
    assert "role" not in row and "roles" not in row  # written as York's grant, and gone from the person
    _, york_token = signed_in(client, made.email, YORK_HOST)
    assert client.get("/v1/staff/payments?date=2026-11-20", at(YORK_HOST, york_token)).status_code == 200


def test_the_command_line_grants_for_the_council_it_is_told(doorstep, deps, client, capsys):
    add(deps, york(), north_lanarkshire())
    assert doorstep("--council", NL, "users", "create", "--email", "nl@council.example", "--role", "admin") == 0
    assert "North Lanarkshire" in capsys.readouterr().out
    with tenancy.acting_for(NL):
        assert deps.grants.get(deps.accounts.user_by_identity("email#nl@council.example").id).role == "admin"
    assert deps.grants.get(deps.accounts.user_by_identity("email#nl@council.example").id) is None  # at York
    assert doorstep("--council", NL, "users", "set-role", "--email", "nl@council.example", "--role", "staff",
                    "--roles", "halls") == 0
    assert doorstep("--council", "nowhere-council", "users", "set-role", "--email", "nl@council.example",
                    "--role", "staff") == 1
    assert "No council nowhere-council" in capsys.readouterr().err


def test_an_admin_finds_only_people_known_at_their_council_and_anyone_else_as_an_unknown_email(client, deps):
    """A person who has only ever used North Lanarkshire is, to York's administrator, no account at
    all: the same answer as an address nobody has, by e-mail and by id."""
    add(deps, york(), north_lanarkshire())
    officer(deps, "admin@york.example", "admin")
    _, admin = signed_in(client, "admin@york.example", YORK_HOST)
    only_there = officer(deps, "morag@example.org", "resident", council=NL)
    signed_in(client, only_there.email, NL_HOST)
    officer_there = officer(deps, "nl-officer@example.org", "staff", council=NL, roles=["halls"])
    signed_in(client, officer_there.email, NL_HOST)
    nobody = client.get("/v1/staff/officers?email=nobody@example.org", at(YORK_HOST, admin))
    assert nobody.status_code == 404
    for person in (only_there, officer_there):
        found = client.get(f"/v1/staff/officers?email={person.email}", at(YORK_HOST, admin))
        assert (found.status_code, found.json_body) == (404, {"error": {
            **nobody.json_body["error"], "message": nobody.json_body["error"]["message"].replace(
                "nobody@example.org", person.email)}})
        unknown_id = client.raw.http.put("/v1/staff/officers/u_nobody/roles", body=b'{"roles": ["halls"]}',
                                         headers=at(YORK_HOST, {**admin, "Content-Type": "application/json",
                                                                "If-Match": '"0"'}))
        by_id = client.raw.http.put(f"/v1/staff/officers/{person.id}/roles", body=b'{"roles": ["halls"]}',
                                    headers=at(YORK_HOST, {**admin, "Content-Type": "application/json",
                                                           "If-Match": '"0"'}))
        assert (by_id.status_code, by_id.body.replace(person.id.encode(), b"u_nobody")) == (
            404, unknown_id.body)
    signed_in(client, only_there.email, YORK_HOST)  # now a resident of York's too
    assert client.get(f"/v1/staff/officers?email={only_there.email}", at(YORK_HOST, admin)).status_code == 200
