"""The local directory's administration API (directory.py): a small part of Microsoft Graph v1.0, as a
council's IT team (or `doorstep directory`) changes its tenant, each change then provisioned by SCIM.

    GET    /v1.0/users                                   the people
    POST   /v1.0/users                                   a joiner: {"displayName", "userPrincipalName", ...}
    GET    /v1.0/users/{id | userPrincipalName}          one, with /memberOf for their groups
    PATCH  /v1.0/users/{id | userPrincipalName}          {"accountEnabled": false} and the like
    DELETE /v1.0/users/{id | userPrincipalName}          a leaver, deleted
    GET    /v1.0/groups, /v1.0/groups/{id}, /v1.0/groups/{id}/members
    POST   /v1.0/groups/{id}/members/$ref                {"@odata.id": ".../directoryObjects/{user id}"}
    DELETE /v1.0/groups/{id}/members/{user id}/$ref
    GET    /local/provisioning                           (not Graph's) the pushes waiting and failed

Answers and errors in Graph's shapes ({"value": [...]}, {"error": {"code", "message"}})."""
from __future__ import annotations

from urllib.parse import unquote

from doorstep_cli.local.directory_people import GraphError

GRAPH = "https://graph.microsoft.com/v1.0"


def answer(people, method: str, path: str, body) -> tuple[int, dict | None]:
    """(status, body) for a call on the administration API; GraphError for a refusal."""
    parts = [unquote(p) for p in path.strip("/").split("/")]
    if parts == ["local", "provisioning"] and method == "GET":
        return 200, people.queue_state()
    if not parts or parts[0] != "v1.0":
        raise GraphError(400, "BadRequest", f"Invalid version: {parts[0] if parts else ''}")
    route = parts[1:]
    if route[:1] == ["users"]:
        return _users(people, method, route[1:], body)
    if route[:1] == ["groups"]:
        return _groups(people, method, route[1:], body)
    raise GraphError(400, "BadRequest", f"Resource not found for the segment '{route[0] if route else ''}'.")


def _users(people, method, rest, body):
    if not rest:
        if method == "GET":
            return 200, {"@odata.context": f"{GRAPH}/$metadata#users", "value": people.users()}
        if method == "POST":
            return 201, {"@odata.context": f"{GRAPH}/$metadata#users/$entity", **people.create_user(_object(body))}
    elif len(rest) == 1:
        if method == "GET":
            return 200, {"@odata.context": f"{GRAPH}/$metadata#users/$entity", **people.user(rest[0])}
        if method == "PATCH":
            people.update_user(rest[0], _object(body))
            return 204, None
        if method == "DELETE":
            people.delete_user(rest[0])
            return 204, None
    elif rest[1:] == ["memberOf"] and method == "GET":
        oid = people.user(rest[0])["id"]
        groups = [g for g in people.groups() if g["id"] in people.groups_of(oid)]
        return 200, {"@odata.context": f"{GRAPH}/$metadata#directoryObjects",
                     "value": [{"@odata.type": "#microsoft.graph.group", **g} for g in groups]}
    raise _unsupported(method)


def _groups(people, method, rest, body):
    if not rest and method == "GET":
        return 200, {"@odata.context": f"{GRAPH}/$metadata#groups", "value": people.groups()}
    if len(rest) == 1 and method == "GET":
        group = {k: v for k, v in people.group(rest[0]).items() if k != "members"}
        return 200, {"@odata.context": f"{GRAPH}/$metadata#groups/$entity", **group}
    if rest[1:] == ["members"] and method == "GET":
        return 200, {"@odata.context": f"{GRAPH}/$metadata#directoryObjects",
                     "value": [{"@odata.type": "#microsoft.graph.user", **u} for u in people.members(rest[0])]}
    if rest[1:] == ["members", "$ref"] and method == "POST":
        reference = _object(body).get("@odata.id")
        if not isinstance(reference, str) or "/directoryObjects/" not in reference:
            raise GraphError(400, "Request_BadRequest", "Invalid object identifier '@odata.id'.")
        people.add_member(rest[0], people.user(reference.rsplit("/", 1)[1])["id"])
        return 204, None
    if len(rest) == 4 and rest[1] == "members" and rest[3] == "$ref" and method == "DELETE":
        people.remove_member(rest[0], people.user(rest[2])["id"])
        return 204, None
    raise _unsupported(method)


def _object(body):
    if not isinstance(body, dict):
        raise GraphError(400, "BadRequest", "Unable to read JSON request payload.")
    return body


def _unsupported(method):
    return GraphError(405, "Request_BadRequest",
                      f"Specified HTTP method is not allowed for the request target: {method}.")
