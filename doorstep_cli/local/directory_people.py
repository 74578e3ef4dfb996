"""The local directory's people and groups (directory.py), changed as Microsoft Graph changes a tenant's,
with the SCIM ids the council's endpoint gave them and the provisioning pushes not yet delivered.

All of it is one JSON file in the data directory, written whole and atomically after every change
(files.atomic_write_bytes), so a change the administration API answered survives a restart of the
directory with its pushes still to go, and a push delivered is never sent again as new. Each change
queues its pushes in the order it was made (directory_scim.py delivers them in that order)."""
from __future__ import annotations

import threading
import uuid
from pathlib import Path

from doorstep_cli.local.files import atomic_write_bytes, dump_json, load_json

USER_FIELDS = ("displayName", "givenName", "surname", "mail", "userPrincipalName", "accountEnabled")


class GraphError(Exception):
    """An answer in Microsoft Graph's error shape: {"error": {"code", "message"}}."""

    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def _not_found(what: str) -> GraphError:
    return GraphError(404, "Request_ResourceNotFound", f"Resource '{what}' does not exist or one of its queried "
                                                       "reference-property objects are not present.")


class People:
    def __init__(self, path: Path, seed=None):
        self.path, self.lock = Path(path), threading.RLock()
        self.changed = threading.Condition(self.lock)  # the pusher waits on it for work
        if self.path.exists():
            self.state = load_json(self.path)
            return
        self.state = {"users": [], "groups": [], "scim": {"users": {}, "groups": {}}, "pending": [], "failed": [],
                      "next": 1}
        users, groups = seed() if seed else ([], [])
        with self.lock:  # a new tenant's first provisioning cycle: its groups, its people, then who is in what
            for group in groups:
                self.state["groups"].append({**group, "members": []})
                self._queue("create_group", group=group["id"], body={"displayName": group["displayName"]})
            for user in users:
                self.state["users"].append(user)
                self._queue("create_user", user=user["id"], body=dict(user))
            for group in groups:
                for oid in group["members"]:
                    self._add(group["id"], oid)
            self._save()

    # Microsoft Graph's reads
    def users(self) -> list[dict]:
        with self.lock:
            return [dict(u) for u in self.state["users"]]

    def user(self, key: str) -> dict:
        """A user by object id or user principal name, as Graph's /users/{id | userPrincipalName} finds one."""
        with self.lock:
            found = next((u for u in self.state["users"]
                          if u["id"] == key or u["userPrincipalName"].lower() == key.lower()), None)
            if found is None:
                raise _not_found(key)
            return found

    def groups(self) -> list[dict]:
        with self.lock:
            return [{k: v for k, v in g.items() if k != "members"} for g in self.state["groups"]]

    def group(self, gid: str) -> dict:
        with self.lock:
            found = next((g for g in self.state["groups"] if g["id"] == gid), None)
            if found is None:
                raise _not_found(gid)
            return found

    def members(self, gid: str) -> list[dict]:
        with self.lock:
            return [self.user(oid) for oid in self.group(gid)["members"]]

    def groups_of(self, oid: str) -> list[str]:
        """The object ids of the groups the user is a direct member of: their ID token's `groups`."""
        with self.lock:
            return [g["id"] for g in self.state["groups"] if oid in g["members"]]

    # Microsoft Graph's changes, each queued for provisioning
    def create_user(self, body: dict) -> dict:
        upn = body.get("userPrincipalName")
        if not isinstance(upn, str) or "@" not in upn or not isinstance(body.get("displayName"), str):
            raise GraphError(400, "Request_BadRequest",
                             "Property 'userPrincipalName' and 'displayName' are required and must be text.")
        with self.lock:
            if any(u["userPrincipalName"].lower() == upn.lower() for u in self.state["users"]):
                raise GraphError(400, "Request_BadRequest",
                                 "Another object with the same value for property userPrincipalName already exists.")
            given, _, surname = body["displayName"].partition(" ")
            user = {"id": str(uuid.uuid4()), "userPrincipalName": upn, "mail": body.get("mail") or upn,
                    "givenName": body.get("givenName") or given, "surname": body.get("surname") or surname,
                    "displayName": body["displayName"], "accountEnabled": body.get("accountEnabled", True) is not False}
            self.state["users"].append(user)
            self._queue("create_user", user=user["id"], body=dict(user))
            self._save()
            return dict(user)

    def update_user(self, key: str, body: dict) -> dict:
        strange = sorted(set(body) - set(USER_FIELDS))
        if strange or ("accountEnabled" in body and not isinstance(body["accountEnabled"], bool)):
            raise GraphError(400, "Request_BadRequest",
                             f"Invalid property values: {', '.join(strange) or 'accountEnabled'}.")
        with self.lock:
            user = self.user(key)
            changes = {k: v for k, v in body.items() if user.get(k) != v}
            if changes:  # Graph answers 204 either way; only a change is provisioned
                user.update(changes)
                self._queue("update_user", user=user["id"], changes=changes)
                self._save()
            return dict(user)

    def delete_user(self, key: str) -> None:
        with self.lock:
            user = self.user(key)
            self.state["users"].remove(user)
            for group in self.state["groups"]:
                if user["id"] in group["members"]:
                    group["members"].remove(user["id"])
            self._queue("delete_user", user=user["id"])
            self._save()

    def add_member(self, gid: str, oid: str) -> None:
        with self.lock:
            self.user(oid)
            if oid in self.group(gid)["members"]:
                raise GraphError(400, "Request_BadRequest", "One or more added object references already exist for "
                                                            "the following modified properties: 'members'.")
            self._add(gid, oid)
            self._save()

    def remove_member(self, gid: str, oid: str) -> None:
        with self.lock:
            group = self.group(gid)
            if oid not in group["members"]:
                raise _not_found(oid)
            group["members"].remove(oid)
            self._queue("remove_member", user=oid, group=gid)
            self._save()

    def _add(self, gid, oid):
        self.group(gid)["members"].append(oid)
        self._queue("add_member", user=oid, group=gid)

    # the provisioning queue, for directory_scim.py
    def _queue(self, kind, **what):
        self.state["pending"].append({"n": self.state["next"], "kind": kind, **what, "attempts": 0})
        self.state["next"] += 1
        self.changed.notify_all()

    def head(self) -> dict | None:
        """The oldest push not yet delivered: pushes go one at a time, in the order the changes were made."""
        with self.lock:
            return dict(self.state["pending"][0]) if self.state["pending"] else None

    def scim_id(self, kind: str, oid: str) -> str | None:
        with self.lock:
            return self.state["scim"][kind].get(oid)

    def delivered(self, push: dict, scim: tuple | None = None, forget: tuple | None = None) -> None:
        """The push done; `scim`: (kind, object id, the id the endpoint gave it) to keep; `forget`: one to drop."""
        with self.lock:
            if scim:
                self.state["scim"][scim[0]][scim[1]] = scim[2]
            if forget:
                self.state["scim"][forget[0]].pop(forget[1], None)
            self._drop(push)
            self._save()

    def undeliverable(self, push: dict, reason: str) -> None:
        """The endpoint refused it for good (a 4xx that another try cannot change): kept, said, not retried."""
        with self.lock:
            self.state["failed"].append({**push, "reason": reason})
            self._drop(push)
            self._save()

    def attempted(self, push: dict) -> int:
        with self.lock:
            for waiting in self.state["pending"]:
                if waiting["n"] == push["n"]:
                    waiting["attempts"] += 1
                    self._save()
                    return waiting["attempts"]
            return 0

    def queue_state(self) -> dict:
        with self.lock:
            return {"pending": [dict(p) for p in self.state["pending"]],
                    "failed": [dict(f) for f in self.state["failed"]]}

    def _drop(self, push):
        self.state["pending"] = [p for p in self.state["pending"] if p["n"] != push["n"]]

    def settled(self, holds, timeout: float) -> bool:
        """Whether `holds(state)` comes true within `timeout` s (each change wakes the wait: no polling)."""
        with self.changed:
            return self.changed.wait_for(lambda: holds(self.state), timeout)

    def _save(self):
        atomic_write_bytes(self.path, dump_json(self.state))
        self.changed.notify_all()
