"""Bodies' routes: administrators manage who acts on reports where."""
from ...api import http
from ...api.openapi import if_match, operation, path_param, ref, with_etag
from ...api.registry import Routes
from ...auth.rules import ADMIN, desk
from .limits import BODY_ID

routes = Routes("bodies", schemas="chalicelib.handlers.bodies.schemas")
BODY = path_param("body_id", {"type": "string", "pattern": BODY_ID.pattern, "example": "north-yorkshire"})
READ = "GET /v1/staff/bodies/{id}"
IF_MATCH = if_match("body", stale="stale: 409")


def _with_etag(doc, status="200"):
    return with_etag(doc, status, "body")


def _answer(view, status=200):
    return http.ok(view, status=status, headers={**http.NO_STORE, "ETag": f'"{view["version"]}"'})


@routes.get("/v1/staff/bodies", desk("sends"), operation(
    "The bodies reports are sent to, retired ones too (staff choose where to send a report; keys never shown)",
    None, "200", ref("BodyList")))
def staff_bodies():
    from . import admin
    return http.ok(admin.list_bodies(http.deps()), headers=http.NO_STORE)


@routes.post("/v1/staff/bodies", ADMIN, _with_etag(operation(
    "Add a body: its area, the categories it takes there and how reports reach it (administrators)",
    "NewBody", "201", ref("Body"), (400, 409, 422)), "201"))
def staff_add_body():
    from . import admin
    return _answer(admin.create_body(http.deps(), http.body()), 201)


@routes.get("/v1/staff/bodies/{body_id}", ADMIN, _with_etag({**operation(
    "One body with its ETag (administrators); its api_key is never shown", None, "200", ref("Body"), (404,)),
    "parameters": [BODY]}))
def staff_body(body_id):
    from . import admin
    return _answer(admin.show_body(http.deps(), body_id))


@routes.patch("/v1/staff/bodies/{body_id}", ADMIN, _with_etag({**operation(
    "Change a body (administrators): its area and categories take effect for the next report routed",
    "BodyChange", "200", ref("Body"), (400, 404, 409, 422, 428)), "parameters": [BODY, IF_MATCH]}))
def staff_change_body(body_id):
    from . import admin
    from ..shared.versions import expected_version
    version = expected_version(http.header("If-Match"), READ)
    return _answer(admin.update_body(http.deps(), body_id, http.body(), version))


@routes.post("/v1/staff/bodies/{body_id}/retire", ADMIN, _with_etag({**operation(
    "Retire a body (administrators): no report is routed to it again; those sent keep its name",
    None, "200", ref("Body"), (404, 409, 428)), "parameters": [BODY, IF_MATCH]}))
def staff_retire_body(body_id):
    from . import admin
    from ..shared.versions import expected_version
    version = expected_version(http.header("If-Match"), READ)
    return _answer(admin.retire_body(http.deps(), body_id, version))
