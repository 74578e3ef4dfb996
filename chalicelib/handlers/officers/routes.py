"""Officers' routes: the desks my roles open (any officer), and the council's
roles and an officer's roles (administrators)."""
from ...api import http
from ...api.openapi import if_match, operation, path_param, q, ref, with_etag
from ...api.registry import Routes
from ...auth.rules import ADMIN, STAFF

routes = Routes("officers", schemas="chalicelib.handlers.officers.schemas")
USER_ID = path_param("user_id", {"type": "string", "pattern": r"^u_[A-Za-z0-9_-]{1,64}$", "example": "u_3f9q"})
READ = "GET /v1/staff/officers?email="


def _officer(view):
    from ...storage.metering import expose
    expose()  # an administrator may see what it cost (Server-Timing)
    return http.ok(view, headers={**http.NO_STORE, "ETag": f'"{view["version"]}"'})


@routes.get("/v1/staff/desks", STAFF, operation(
    "The desks my roles open (an administrator: every desk), in the council's order, for the staff menu",
    None, "200", ref("MyDesks")))
def my_desks():
    from .roles import my_desks
    return http.ok(my_desks(http.deps()), headers=http.NO_STORE)


@routes.get("/v1/staff/roles", ADMIN, operation(
    "The council's staff roles (administrators): each role's desks and, in words, what it may read and change",
    None, "200", ref("StaffRoles")))
def staff_roles():
    from .roles import all_roles
    return http.ok(all_roles(), headers=http.NO_STORE)


@routes.get("/v1/staff/officers", ADMIN, with_etag({**operation(
    "One account by its email address (administrators): its kind, its roles and the desks they open, and who changed "
    "its roles when", None, "200", ref("Officer"), (400, 404)),
    "parameters": [q("email", "the address the officer signs in with", required=True)]}, thing="officer"))
def find_officer():
    from .roles import find_officer
    return _officer(find_officer(http.deps(), http.query().get("email")))


@routes.route("PUT", "/v1/staff/officers/{user_id}/roles", ADMIN, with_etag({**operation(
    "Set an officer's roles (administrators; If-Match with the officer's version): recorded with who and "
    "when, and the officer's sessions end (they sign in again to their new desks)",
    "OfficerRoles", "200", ref("Officer"), (400, 404, 409, 428)),
    "parameters": [USER_ID, if_match("officer", stale="stale: 409 with the officer as they are now")]},
    thing="officer"))
def set_officer_roles(user_id):
    from ..shared.versions import expected_version
    from .roles import set_roles
    version = expected_version(http.header("If-Match"), READ)
    return _officer(set_roles(http.deps(), user_id, http.body(), version))
