"""The deployment's operator (issue 70, item 4): set by the command line alone, may add councils and
change their settings, and nothing else: every residents', desk and staff route refuses an operator who
holds no grant at that council, so the operator reads no resident's data anywhere."""
import json

from chalicelib import tenancy
from support.councils_support import (
    NL, NL_HOST, PASSWORD, YORK_HOST, add, at, north_lanarkshire, signed_in, york,
)

COUNCILS = "/v1/operator/councils"
CATCH_ALL = "/{proxy+}"


def an_operator(doorstep, deps, email="ops@deployment.example"):
    from chalicelib.handlers.accounts import users
    users.create_user(deps, email, "resident", name="Ops", password=PASSWORD)
    assert doorstep("users", "operator", "--email", email, "--grant") == 0
    return email


def send(client, method, path, headers, document=None, **extra):
    body = json.dumps(document).encode() if document is not None else (b"{}" if method in ("POST", "PUT", "PATCH")
                                                                      else b"")
    return client.raw.http.request(method, path, body=body,
                                   headers={"Content-Type": "application/json", **headers, **extra})


def test_the_command_line_makes_a_person_the_operator_and_takes_it_away(doorstep, deps, capsys):
    email = an_operator(doorstep, deps)
    assert "is now the deployment's operator" in capsys.readouterr().out
    assert deps.accounts.user_by_identity(f"email#{email}").operator is True
    assert doorstep("users", "operator", "--email", email, "--revoke") == 0
    assert deps.accounts.user_by_identity(f"email#{email}").operator is False
    assert doorstep("users", "operator", "--email", "nobody@example.org", "--grant") == 1
    assert "nobody@example.org" in capsys.readouterr().err


def test_an_operator_adds_a_council_once_and_changes_its_settings_with_its_version(client, deps, doorstep):
    add(deps, york())
    _, ops = signed_in(client, an_operator(doorstep, deps), YORK_HOST)
    nl = north_lanarkshire()
    assert client.get("/v1/health", at(NL_HOST)).status_code == 421  # no council there yet
    made = send(client, "POST", COUNCILS, at(YORK_HOST, ops), nl)
    assert made.status_code == 201, made.body
    assert (made.headers["ETag"], made.headers["Location"]) == ('"1"', f"{COUNCILS}/{NL}")
    again = send(client, "POST", COUNCILS, at(YORK_HOST, ops), nl)  # a retried add: the same answer
    assert (again.status_code, again.headers.get("Idempotent-Replayed"), again.json_body) == (201, "true",
                                                                                            made.json_body)
    other = send(client, "POST", COUNCILS, at(YORK_HOST, ops), {**nl, "name": "Another council"})
    assert (other.status_code, other.json_body["error"]["code"]) == (409, "council_exists")
    assert client.get("/v1/health", at(NL_HOST)).status_code == 200  # its address answers now
    listed = client.get(COUNCILS, at(YORK_HOST, ops)).json_body["councils"]
    assert [(c["id"], c["hosts"], c["version"]) for c in listed] == [("north-lanarkshire", [NL_HOST], 1),
                                                                     ("york", york()["hosts"], 1)]

    path = f"{COUNCILS}/{NL}"
    changed = {**nl, "branding": {"colour": "#00539f"}}
    assert send(client, "PUT", path, at(YORK_HOST, ops), changed).status_code == 428
    done = send(client, "PUT", path, at(YORK_HOST, ops), changed, **{"If-Match": '"1"'})
    assert (done.status_code, done.headers["ETag"], done.json_body["settings"]["branding"]) == (
        200, '"2"', {"colour": "#00539f"})
    stale = send(client, "PUT", path, at(YORK_HOST, ops), nl, **{"If-Match": '"1"'})
    assert (stale.status_code, stale.json_body["current"]["version"]) == (409, 2)
    refused = send(client, "PUT", path, at(YORK_HOST, ops), {**changed, "hosts": ["NOT A HOST"]},
                   **{"If-Match": '"2"'})
    assert refused.status_code == 400 and refused.json_body["error"]["fields"][0]["field"] == "$.hosts[0]"
    elsewhere = send(client, "PUT", path, at(YORK_HOST, ops), {**changed, "id": "york"}, **{"If-Match": '"2"'})
    assert (elsewhere.status_code, elsewhere.json_body["error"]["fields"][0]["field"]) == (400, "$.id")
    assert send(client, "PUT", f"{COUNCILS}/nowhere", at(YORK_HOST, ops), {**changed, "id": "nowhere"},
                **{"If-Match": '"1"'}).status_code == 404


def test_only_the_operator_may_use_the_operators_routes(client, deps, doorstep, people):
    add(deps, york())
    admin, resident = people("admin"), people()
    assert client.get(COUNCILS, at(YORK_HOST)).status_code == 401
    for person in (admin, resident):
        assert client.get(COUNCILS, at(YORK_HOST, person.auth)).status_code == 403
        assert send(client, "POST", COUNCILS, at(YORK_HOST, person.auth), north_lanarkshire()).status_code == 403


def error_code(answer):
    """Ours; Open311's list of errors carries the status alone."""
    body = answer.json_body
    return "operator_only" if isinstance(body, list) and body[0]["code"] == 403 else body["error"]["code"]


def every_route_but_the_operators():
    from app import app  # noqa: F401  (wires the registry)
    from chalicelib.api.registry import REGISTRY
    from chalicelib.auth.rules import OPERATOR
    import re
    return sorted((method, re.sub(r"\{[^}]+\}", "x1", path)) for (method, path), route in REGISTRY.routes.items()
                  if route.access != OPERATOR and path != CATCH_ALL)


def test_an_operator_without_a_grant_reads_no_residents_data_at_any_council(client, deps, doorstep, people):
    add(deps, york(), north_lanarkshire())
    email = an_operator(doorstep, deps)
    people(email="rita@example.org", name="Rita Resident")  # someone whose data is there to be refused
    wrong = []
    for host in (YORK_HOST, NL_HOST):
        _, ops = signed_in(client, email, host)
        for method, path in every_route_but_the_operators():
            answer = send(client, method, path, at(host, ops))
            if path.startswith("/scim/"):  # a person's token is no council's SCIM token, the operator's neither
                if answer.status_code != 401:
                    wrong.append(f"{host} {method} {path}: {answer.status_code}")
            elif answer.status_code != 403 or error_code(answer) != "operator_only":
                wrong.append(f"{host} {method} {path}: {answer.status_code}")
    assert wrong == []


def test_an_operator_granted_at_a_council_is_its_officer_there_and_only_there(client, deps, doorstep):
    from chalicelib.handlers.accounts import users
    add(deps, york(), north_lanarkshire())
    email = an_operator(doorstep, deps)
    users.set_role(deps, email, "admin")  # York's administrator as well
    _, at_york = signed_in(client, email, YORK_HOST)
    _, at_nl = signed_in(client, email, NL_HOST)
    assert client.get("/v1/staff/roles", at(YORK_HOST, at_york)).status_code == 200
    assert client.get("/v1/staff/roles", at(NL_HOST, at_nl)).status_code == 403
    assert client.get(COUNCILS, at(NL_HOST, at_nl)).status_code == 200
    with tenancy.acting_for(NL):
        assert deps.grants.get(deps.accounts.user_by_identity(f"email#{email}").id) is None


def test_an_operator_without_a_grant_opens_no_socket_at_a_council(client, deps, doorstep):
    import pytest
    from chalicelib.errors import ApiError
    from chalicelib.handlers.conversations import socket_events
    add(deps, york())
    _, auth = signed_in(client, an_operator(doorstep, deps), YORK_HOST)
    token = auth["Authorization"].split(" ", 1)[1]
    for params in ({"desk": "queue"}, {"conversation": "c_x1", "token": "t_x1"}):
        with pytest.raises(ApiError) as refused:
            socket_events.opened(deps, "connection-1", {"access_token": token, **params})
        assert (refused.value.status, refused.value.code) == (403, "operator_only")


def test_an_add_with_an_empty_id_is_refused_naming_the_id_before_anything_is_read(client, deps, doorstep):
    add(deps, york())
    _, ops = signed_in(client, an_operator(doorstep, deps), YORK_HOST)
    refused = send(client, "POST", COUNCILS, at(YORK_HOST, ops), {**north_lanarkshire(), "id": ""})
    assert refused.status_code == 400, refused.body  # (a GetItem of an empty key answered 500)
    assert "$.id" in [f["field"] for f in refused.json_body["error"]["fields"]]
