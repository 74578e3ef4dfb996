"""The local directory's provisioning (directory.py): each change to its people and groups pushed to the
council's SCIM 2.0 endpoint (RFC 7644) in the requests Microsoft Entra ID's provisioning service sends
a non-gallery SCIM app, as Microsoft's pages show them (docs/decisions/staff-sign-in.md cites them):

- a user: first `GET /Users?filter=userName eq "<UPN>"` (Entra's matching); found, its id is kept;
  else `POST /Users` with both user schemas, userName (the UPN), externalId (mailNickname, the UPN's
  part before @: Entra's default mapping), active, displayName, emails [work, primary], name.
- a change: `PATCH /Users/<id>` with one `Replace` a changed attribute; turned off or on, path `active`
  and the value "False" or "True" as text (what Entra sends without its aadOptscim062020 flag).
- a user deleted: `DELETE /Users/<id>`.
- a group: `GET /Groups?excludedAttributes=members&filter=displayName eq "<name>"`, else `POST /Groups`
  with externalId its object id and no members; who is in it: `PATCH /Groups/<id>` with op `Add` or
  `Remove`, path `members`, value [{"value": <the user's SCIM id>}].

Pushes go one at a time in the order the changes were made, so a person's are in order and a
membership follows the user and the group it names. A push that meets no endpoint, a 5xx, 429, 401,
403, or 404 for /Users or /Groups (the endpoint not up yet, or its token not yet set) is tried again
after 1, 2, 4 ... 60 s; another 4xx is kept as failed with the endpoint's words and the queue moves on."""
from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from urllib.parse import quote

USER = "urn:ietf:params:scim:schemas:core:2.0:User"
ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group"
AD_GROUP = "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"
PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp"
# Graph's names for a user's attributes -> the SCIM paths Entra's default mapping writes them to
PATHS = {"userPrincipalName": "userName", "displayName": "displayName", "mail": 'emails[type eq "work"].value',
         "givenName": "name.givenName", "surname": "name.familyName", "accountEnabled": "active"}
AGAIN = {401, 403, 408, 429}  # and every 5xx


class TryAgain(Exception):
    pass


class Undeliverable(Exception):
    pass


def user_body(user: dict) -> dict:
    return {"schemas": [USER, ENTERPRISE], "externalId": user["userPrincipalName"].split("@")[0],
            "userName": user["userPrincipalName"], "active": user["accountEnabled"],
            "displayName": user["displayName"],
            "emails": [{"primary": True, "type": "work", "value": user["mail"]}], "meta": {"resourceType": "User"},
            "name": {"formatted": user["displayName"], "familyName": user["surname"], "givenName": user["givenName"]},
            "roles": []}


def replace(changes: dict) -> dict:
    """A PATCH of the changed attributes, one Replace each, booleans as Entra writes them ("True", "False")."""
    ops = [{"op": "Replace", "path": PATHS[name], "value": str(value) if isinstance(value, bool) else value}
           for name, value in changes.items() if name in PATHS]
    return {"schemas": [PATCH], "Operations": ops}


def members(op: str, scim_user: str) -> dict:
    return {"schemas": [PATCH], "Operations": [{"op": op, "path": "members", "value": [{"value": scim_user}]}]}


class ScimPusher:
    def __init__(self, people, endpoint: str, token: str, first_wait: float = 1.0, longest_wait: float = 60.0):
        self.people, self.endpoint, self.token = people, endpoint.rstrip("/"), token
        self.first_wait, self.longest_wait = first_wait, longest_wait
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._run, name="directory-scim", daemon=True)

    def start(self) -> "ScimPusher":
        self.thread.start()
        return self

    def close(self) -> None:
        self.stopping.set()
        with self.people.changed:
            self.people.changed.notify_all()
        self.thread.join(timeout=15)

    def _run(self):
        while not self.stopping.is_set():
            push = self.people.head()
            if push is None:
                with self.people.changed:
                    if self.people.head() is None and not self.stopping.is_set():
                        self.people.changed.wait(5)
                continue
            try:
                self.people.delivered(push, *self.deliver(push))
            except TryAgain:
                tries = self.people.attempted(push)
                self.stopping.wait(min(self.first_wait * 2 ** (tries - 1), self.longest_wait))
            except Undeliverable as e:
                self.people.undeliverable(push, str(e))

    def deliver(self, push: dict) -> tuple:
        """(scim id to keep, scim id to forget), each (kind, object id, id) or None."""
        kind, oid = push["kind"], push.get("user")
        if kind == "create_group":
            name = push["body"]["displayName"]
            found = self._find("Groups", f'displayName eq "{name}"', "&excludedAttributes=members")
            made = found or self._made("/Groups", {"schemas": [GROUP, AD_GROUP], "externalId": push["group"],
                                                   "displayName": push["body"]["displayName"],
                                                   "meta": {"resourceType": "Group"}})
            return ("groups", push["group"], made), None
        if kind == "create_user":
            found = self._find("Users", f'userName eq "{push["body"]["userPrincipalName"]}"')
            return ("users", oid, found or self._made("/Users", user_body(push["body"]))), None
        scim_user = self.people.scim_id("users", oid)
        if scim_user is None:
            raise Undeliverable("the user was never provisioned")
        if kind == "update_user":
            self._call("PATCH", f"/Users/{quote(scim_user)}", replace(push["changes"]))
        elif kind == "delete_user":
            self._call("DELETE", f"/Users/{quote(scim_user)}", gone_is_done=True)
            return None, ("users", oid, scim_user)
        else:
            scim_group = self.people.scim_id("groups", push["group"])
            if scim_group is None:
                raise Undeliverable("the group was never provisioned")
            self._call("PATCH", f"/Groups/{quote(scim_group)}",
                       members("Add" if kind == "add_member" else "Remove", scim_user))
        return None, None

    def _find(self, resources: str, expression: str, extra: str = "") -> str | None:
        found = self._call("GET", f"/{resources}?filter={quote(expression)}{extra}", collection=True)
        listed = (found.get("Resources") or []) if isinstance(found, dict) else []
        return listed[0]["id"] if listed and isinstance(listed[0], dict) and "id" in listed[0] else None

    def _made(self, collection: str, body: dict) -> str:
        made = self._call("POST", collection, body, collection=True)
        if not isinstance(made, dict) or not isinstance(made.get("id"), str):
            raise Undeliverable(f"POST {collection}: the answer has no id")
        return made["id"]

    def _call(self, method: str, path: str, body: dict | None = None, gone_is_done: bool = False,
              collection: bool = False):
        """The endpoint's answer; a 404 for a collection (/Users, /Groups) is an endpoint not there yet."""
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.endpoint + path, data=data, method=method, headers={
            "Authorization": f"Bearer {self.token}", "Accept": "application/scim+json",
            **({"Content-Type": "application/scim+json"} if data else {})})
        try:
            with urllib.request.urlopen(request, timeout=10) as answer:
                text = answer.read()
        except urllib.error.HTTPError as e:
            said = e.read().decode(errors="replace")[:300]
            if e.code in AGAIN or e.code >= 500 or (e.code == 404 and collection):
                raise TryAgain(f"{e.code} {said}") from None
            if e.code == 404 and gone_is_done:
                return None
            raise Undeliverable(f"{method} {path}: {e.code} {said}") from None
        except (OSError, ValueError) as e:  # refused, reset, timed out: the endpoint is not there now
            raise TryAgain(str(e)) from None
        try:
            return json.loads(text) if text else None
        except ValueError:
            raise Undeliverable(f"{method} {path}: the answer is not JSON") from None
