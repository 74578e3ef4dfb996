"""A SCIM 2.0 service provider for the local directory's tests, and no more: it records every request the
directory pushes and answers as RFC 7644 says (201 with an id for a POST, a ListResponse for a filter,
409 uniqueness for a userName it has, 204 for a group's PATCH and a DELETE, an error body else), so the
pushes are tested against the protocol rather than against Doorstep's own endpoint, built apart.
`down = True` makes it answer 503 to everything, as an endpoint being deployed does."""
from __future__ import annotations

import json
import re
import threading
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs, unquote, urlsplit

from doorstep_cli.local.serving import ThreadedServer, reply

ERROR = "urn:ietf:params:scim:api:messages:2.0:Error"
LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse"


class ScimReceiver(ThreadedServer):
    def __init__(self, token: str, port: int = 0):
        self.token, self.down, self.refuse = token, False, set()  # refuse: paths a PATCH of is refused for good
        self.requests: list[dict] = []  # those answered, in order: {"method", "path", "query", "body", "status"}
        self.refused = 0  # those answered 503 while down
        self.users: dict[str, dict] = {}
        self.groups: dict[str, dict] = {}
        self.seen = threading.Condition()
        self.origin = self.serve("127.0.0.1", port, _handler(self), "scim-receiver")
        self.url = f"{self.origin}/scim/v2"

    def wait_for(self, enough, timeout: float = 20.0) -> list[dict]:
        """The requests once `enough(requests)` holds (the event, not a fixed sleep)."""
        with self.seen:
            assert self.seen.wait_for(lambda: enough(self.requests), timeout), self.requests
            return list(self.requests)

    def answer(self, method, path, query, body):
        parts = path.removeprefix("/scim/v2/").split("/")
        kind = {"Users": self.users, "Groups": self.groups}.get(parts[0])
        if kind is None:
            return 404, _error(404, "no such resource type")
        if len(parts) == 1 and method == "GET":
            attribute, value = re.fullmatch(r'(\w+) eq "(.*)"', query["filter"]).groups()
            found = [r for r in kind.values() if str(r.get(attribute, "")).lower() == value.lower()]
            return 200, {"schemas": [LIST], "totalResults": len(found), "Resources": found, "startIndex": 1,
                         "itemsPerPage": 20}
        if len(parts) == 1 and method == "POST":
            if parts[0] == "Users" and any(u["userName"].lower() == body["userName"].lower() for u in self.users.values()):
                return 409, _error(409, "userName is taken", "uniqueness")
            made = {**body, "id": f"{parts[0][0].lower()}{len(kind) + 1}", "members": []}
            kind[made["id"]] = made
            return 201, made
        found = kind.get(parts[1])
        if found is None:
            return 404, _error(404, f"Resource {parts[1]} not found")
        if method == "DELETE":
            del kind[parts[1]]
            return 204, None
        if any(op.get("path") in self.refuse for op in body["Operations"]):
            return 400, _error(400, "that attribute cannot be changed here", "mutability")
        for op in body["Operations"]:  # the ops Entra sends, case-insensitively (RFC 7644 3.5.2)
            if op["path"] == "members":
                ids = [m["value"] for m in op["value"]]
                found["members"] = ([*found["members"], *ids] if op["op"].lower() == "add"
                                    else [m for m in found["members"] if m not in ids])
            elif op["path"] == "active":
                found["active"] = str(op["value"]).lower() == "true"
            else:
                found[op["path"]] = op["value"]
        return (204, None) if parts[0] == "Groups" else (200, found)


    def requests_made(self, kind: str) -> list[dict]:
        """The resources of a kind as the POSTs made them (with the ids given)."""
        return [r["made"] for r in self.requests if r["method"] == "POST" and r["path"] == f"/scim/v2/{kind}"]


def _error(status, detail, scim_type=None):
    return {"schemas": [ERROR], "status": str(status), "detail": detail, **({"scimType": scim_type} if scim_type else {})}


def _handler(receiver: ScimReceiver):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def _any(self):
            url = urlsplit(self.path)
            raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            if receiver.down:
                with receiver.seen:  # a test waits on the count: told at once, not at its wait's end
                    receiver.refused += 1
                    receiver.seen.notify_all()
                return reply(self, 503, "application/scim+json", json.dumps(_error(503, "deploying")).encode())
            if self.headers.get("Authorization") != f"Bearer {receiver.token}":
                return reply(self, 401, "application/scim+json", json.dumps(_error(401, "bad token")).encode())
            query = {k: v[0] for k, v in parse_qs(url.query).items()}
            body = json.loads(raw) if raw else None
            with receiver.seen:
                status, said = receiver.answer(self.command, unquote(url.path), query, body)
                receiver.requests.append({"method": self.command, "path": unquote(url.path), "query": query,
                                          "body": body, "status": status, "made": said,
                                          "content_type": self.headers.get("Content-Type")})
                receiver.seen.notify_all()
            reply(self, status, "application/scim+json", json.dumps(said).encode() if said is not None else b"")

        do_GET = do_POST = do_PATCH = do_DELETE = _any

    return Handler
