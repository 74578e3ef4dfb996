"""SCIM in tests: York with a staff sign-in whose groups give desks and whose SCIM token is its own secret,
North Lanarkshire with a token of its own, and a client speaking application/scim+json with a token."""
import json
from pathlib import Path

from support.councils_support import NL, NL_HOST, YORK_HOST, add, at, north_lanarkshire, york

TOKEN, NL_TOKEN = "york-scim-token-" + "a" * 24, "nl-scim-token-" + "b" * 24
STREET_SCENE, NORTH_CREW, ADMINS = "6f1c1b2a-street-scene", "0b6e2f3c-north-crew", "9d8e7f6a-doorstep-admins"
ENTRA = Path(__file__).resolve().parents[1] / "scim" / "entra"
SCIM_JSON = "application/scim+json"


def staff_sign_in(groups=True):
    section = {"providers": [{"id": "entra", "name": "City of York Council account",
                              "issuer": "https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/v2.0",
                              "tenant": "11111111-2222-3333-4444-555555555555", "client_id": "doorstep-york",
                              "client_auth": "client_secret", "client_key": {"secret": "entra-client"}}],
               "scim": {"token": {"secret": "scim-token"}}}
    if groups:
        section["groups"] = [{"group": STREET_SCENE, "name": "Street scene", "kind": "staff", "roles": ["street_scene"]},
                             {"group": NORTH_CREW, "name": "North crew", "kind": "crew", "team": "north"},
                             {"group": ADMINS, "name": "Doorstep administrators", "kind": "admin"}]
    return section


def councils_with_scim(deps, monkeypatch):
    """York and North Lanarkshire, each with its own SCIM token (its own secret of the name its settings give)."""
    monkeypatch.setenv("DOORSTEP_SECRET_YORK_SCIM_TOKEN", TOKEN)
    monkeypatch.setenv("DOORSTEP_SECRET_NORTH_LANARKSHIRE_SCIM_TOKEN", NL_TOKEN)
    add(deps, {**york(), "staff_sign_in": staff_sign_in()}, {**north_lanarkshire(), "staff_sign_in": staff_sign_in(False)})


class Scim:
    """A council's directory's provisioning service, as Entra ID speaks to /scim/v2."""

    def __init__(self, client, token=TOKEN, host=YORK_HOST):
        self.client, self.token, self.host = client, token, host

    def call(self, method, path, body=None, headers=None):
        sent = {"Host": self.host, "Content-Type": SCIM_JSON, "Accept": SCIM_JSON,
                **({"Authorization": f"Bearer {self.token}"} if self.token else {}), **(headers or {})}
        data = b"" if body is None else body if isinstance(body, bytes) else \
            (body if isinstance(body, str) else json.dumps(body)).encode()
        return self.client.raw.http.request(method, "/scim/v2" + path, body=data, headers=sent)

    def make_user(self, user_name, **more):
        body = {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": user_name, "active": True,
                "emails": [{"type": "work", "value": user_name, "primary": True}],
                "name": {"givenName": "Ada", "familyName": "Lovelace"}, **more}
        answer = self.call("POST", "/Users", body)
        assert answer.status_code == 201, answer.body
        return answer.json_body

    def make_group(self, external_id, name="A group"):
        answer = self.call("POST", "/Groups", {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
                                               "externalId": external_id, "displayName": name})
        assert answer.status_code == 201, answer.body
        return answer.json_body

    def members(self, group_id, op, *user_ids):
        answer = self.call("PATCH", f"/Groups/{group_id}", {
            "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
            "Operations": [{"op": op, "path": "members", "value": [{"value": u} for u in user_ids]}]})
        assert answer.status_code == 204, answer.body
        return answer

    def patch(self, user_id, *operations):
        return self.call("PATCH", f"/Users/{user_id}", {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                                                        "Operations": list(operations)})


def grant_of(deps, person_id):
    """The person's grant at York (None: a resident there)."""
    from chalicelib.auth.grants import own_grant
    return own_grant(deps.accounts.user(person_id), deps.grants)


def log(deps):
    """York's provisioning log, oldest first: (action, who, group)."""
    rows, _ = deps.directory.changes(100)
    return [(r.action, r.target, r.group) for r in reversed(rows)]


__all__ = ["ADMINS", "ENTRA", "NL", "NL_HOST", "NL_TOKEN", "NORTH_CREW", "STREET_SCENE", "Scim", "TOKEN", "YORK_HOST",
           "at", "councils_with_scim", "grant_of", "log"]
