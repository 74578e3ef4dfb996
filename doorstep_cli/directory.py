"""`doorstep directory`: the local stack's directory of Entra ID's shape (doorstep_cli/local/directory.py),
changed as a council's IT team changes its own, through its administration API (Microsoft Graph's shape),
so the running directory changes and pushes each change to the council's SCIM endpoint.

    doorstep directory list                                     its people, groups and pushes waiting
    doorstep directory add --upn jo.bloggs@york.example --name "Jo Bloggs" [--group "Street Scene"]
    doorstep directory join --upn ... --group "Street Scene"    into a group (its name or object id)
    doorstep directory leave --upn ... --group ...              out of one
    doorstep directory deactivate --upn ...                     accountEnabled false: signs in no more
    doorstep directory reactivate --upn ...
    doorstep directory remove --upn ...                         deleted from the directory

`--council` (before `directory`) names whose directory: York's, the default."""
from __future__ import annotations

import json
import urllib.error
import urllib.request
from urllib.parse import quote


class DirectoryError(Exception):
    pass


def add_parser(commands):
    directory = commands.add_parser("directory", help="the local stack's directory of Entra ID's shape: its people "
                                                      "and groups, changed and provisioned to the council by SCIM")
    sub = directory.add_subparsers(dest="directory_command", required=True)
    sub.add_parser("list", help="its people (and their groups), its groups, and the provisioning pushes waiting")
    add = sub.add_parser("add", help="a joiner (pushed to the council: GET then POST /Users)")
    add.add_argument("--upn", required=True, help="their user principal name: jo.bloggs@york.example")
    add.add_argument("--name", required=True, help="their display name: \"Jo Bloggs\"")
    add.add_argument("--group", action="append", default=[], help="a group to put them in (again for more)")
    for name, what in (("join", "put someone in a group (PATCH /Groups: Add members)"),
                       ("leave", "take someone out of a group (PATCH /Groups: Remove members)")):
        change = sub.add_parser(name, help=what)
        change.add_argument("--upn", required=True)
        change.add_argument("--group", required=True, help="its display name or object id")
    for name, what in (("deactivate", "turn an account off (PATCH /Users: Replace active \"False\")"),
                       ("reactivate", "turn it on again (Replace active \"True\")"),
                       ("remove", "delete a leaver (DELETE /Users)")):
        sub.add_parser(name, help=what).add_argument("--upn", required=True)


def run(args) -> int:
    from chalicelib import tenancy
    api = Graph(*where(tenancy.current()))
    command = args.directory_command
    if command == "list":
        return show(api)
    if command == "add":
        made = api.call("POST", "/v1.0/users", {"accountEnabled": True, "displayName": args.name,
                                                 "userPrincipalName": args.upn, "mailNickname": args.upn.split("@")[0]})
        print(f"added {made['userPrincipalName']} ({made['displayName']}), object id {made['id']}")
        for group in args.group:
            join(api, made["id"], group, made["userPrincipalName"])
        return 0
    person = api.call("GET", f"/v1.0/users/{quote(args.upn)}")
    if command == "join":
        join(api, person["id"], args.group, person["userPrincipalName"])
    elif command == "leave":
        group = find_group(api, args.group)
        api.call("DELETE", f"/v1.0/groups/{group['id']}/members/{person['id']}/$ref")
        print(f"{person['userPrincipalName']} is no longer in {group['displayName']}")
    elif command in ("deactivate", "reactivate"):
        api.call("PATCH", f"/v1.0/users/{person['id']}", {"accountEnabled": command == "reactivate"})
        now = "turned off: they cannot sign in" if command == "deactivate" else "turned on again"
        print(f"{person['userPrincipalName']} is {now}")
    else:
        api.call("DELETE", f"/v1.0/users/{person['id']}")
        print(f"{person['userPrincipalName']} is removed from the directory")
    print("the council is told by SCIM: `doorstep directory list` shows what is still to go")
    return 0


def join(api, oid, named, upn):
    group = find_group(api, named)
    api.call("POST", f"/v1.0/groups/{group['id']}/members/$ref",
             {"@odata.id": f"https://graph.microsoft.com/v1.0/directoryObjects/{oid}"})
    print(f"{upn} is now in {group['displayName']}")


def find_group(api, named):
    groups = api.call("GET", "/v1.0/groups")["value"]
    found = [g for g in groups if named in (g["id"],) or g["displayName"].lower() == named.lower()]
    if not found:
        raise DirectoryError(f"no group {named!r}: there are {', '.join(g['displayName'] for g in groups)}")
    return found[0]


def show(api) -> int:
    groups = api.call("GET", "/v1.0/groups")["value"]
    members = {g["id"]: {u["id"] for u in api.call("GET", f"/v1.0/groups/{g['id']}/members")["value"]} for g in groups}
    for person in api.call("GET", "/v1.0/users")["value"]:
        theirs = ", ".join(g["displayName"] for g in groups if person["id"] in members[g["id"]]) or "no groups"
        state = "" if person["accountEnabled"] else "\tturned off"
        print(f"{person['userPrincipalName']}\t{person['displayName']}\t{theirs}{state}")
    print()
    for group in groups:
        print(f"{group['id']}\t{group['displayName']}\t{len(members[group['id']])} members")
    queue = api.call("GET", "/local/provisioning")
    print(f"\n{len(queue['pending'])} SCIM pushes waiting, {len(queue['failed'])} failed")
    for failed in queue["failed"][-5:]:
        print(f"failed: {failed['kind']} {failed.get('user') or failed.get('group')}: {failed['reason']}")
    return 0


def where(council_id):
    """(the running directory's address, its administration token), from the stack that runs it."""
    from chalicelib.config import data_dir
    from doorstep_cli.local.directory_stack import admin_token
    from doorstep_cli.local.stack import read_stack
    from doorstep_cli.stage import StackNotRunning
    stack = read_stack(data_dir())
    if not stack:
        raise StackNotRunning(f"no local stack is running for {data_dir()}; start it with `make run`.")
    origin = (stack.get("directories") or {}).get(council_id)
    if not origin:
        raise DirectoryError(f"the running stack has no directory for {council_id}: its settings name none "
                             "on this machine (staff_sign_in)")
    return origin, admin_token(data_dir(), council_id)


class Graph:
    def __init__(self, origin, token):
        self.origin, self.token = origin, token

    def call(self, method, path, body=None):
        request = urllib.request.Request(self.origin + path, method=method,
                                         data=json.dumps(body).encode() if body is not None else None,
                                         headers={"Authorization": f"Bearer {self.token}",
                                                  "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=10) as answer:
                text = answer.read()
        except urllib.error.HTTPError as e:
            try:
                said = json.loads(e.read())["error"]["message"]
            except (ValueError, KeyError, TypeError):
                said = f"HTTP {e.code}"
            raise DirectoryError(said) from None
        except OSError as e:
            raise DirectoryError(f"the directory at {self.origin} does not answer: {e}") from None
        return json.loads(text) if text else None
