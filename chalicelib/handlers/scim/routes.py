"""SCIM 2.0 at each council's address (/scim/v2/..., RFC 7644), for its directory's provisioning service, and
the council administrator's view of what it provisioned. The SCIM routes are open to anyone by their rule:
each view's first act is to check the bearer token against the council's own SCIM token (token.py), and the
middleware reads no person's token on a /scim/ path and answers every error there in RFC 7644's shape."""
from ...api import http
from ...api.openapi import errors, json_response, path_param, q, ref
from ...api.registry import Routes
from ...auth.rules import ADMIN, ANYONE
from .changes import DEFAULT_LIMIT, MOST  # the changes feed's page, stated in its document

routes = Routes("scim", schemas="chalicelib.handlers.scim.schemas")
SCIM = "application/scim+json"
TYPES = [SCIM, "application/json"]
ID = path_param("id", {"type": "string", "minLength": 1, "maxLength": 100, "example": "su_3f9a1c2e"})
TEXT = {400: "Malformed (scimType says how)", 401: "Not this council's SCIM token", 404: "No such resource",
        409: "userName taken (uniqueness), or changed by another request at once", 412: "If-Match names another version"}
PAGING = [q("startIndex", "the first result, from 1"), q("count", "at most this many (200 the most)"),
          q("attributes", "taken and let be: every attribute is returned"),
          q("excludedAttributes", "members: groups without their members (as Entra ID asks)")]
TOKEN = " (Authorization: Bearer <the council's SCIM token>)"


def _scim(schema, description="OK"):
    return {"description": description, "content": {SCIM: {"schema": {"$ref": ref(schema)}}}}


def _errors(*codes):
    return {str(c): _scim("ScimError", TEXT[c]) for c in codes}


def _body(schema):
    return {"required": True, "content": {t: {"schema": {"$ref": ref(schema)}} for t in TYPES}}


def _doc(summary, answer, codes, body=None, status="200", parameters=()):
    doc = {"summary": summary + TOKEN, "responses": {status: answer, **_errors(*codes)}}
    if body:
        doc["requestBody"] = _body(body)
    if parameters:
        doc["parameters"] = list(parameters)
    return doc


def _view(work):
    """The view's work, given the request's deps and who its changes are by, once the token is the council's."""
    from .views import begin
    return work(*begin())


@routes.get("/scim/v2/Users", ANYONE, _doc(
    "SCIM: the council's directory's users: filter with eq on userName (any case), externalId, displayName or id",
    _scim("ScimListResponse"), (400, 401), parameters=[q("filter", 'as userName eq "ada@example.org"'), *PAGING]), content_types=TYPES)
def scim_users():
    from .listing import users
    return _view(lambda deps, by: users(deps, http.request().query_params or {}))


@routes.post("/scim/v2/Users", ANYONE, _doc(
    "SCIM: provision an officer: the Doorstep person found or made by their userName; their desks follow from "
    "their groups", _scim("ScimUser", "Created"), (400, 401, 409), body="ScimUser", status="201"),
    content_types=TYPES)
def scim_create_user():
    from .resource_views import create_user
    return _view(create_user)


@routes.get("/scim/v2/Users/{id}", ANYONE, _doc("SCIM: one user", _scim("ScimUser"), (401, 404), parameters=[ID]), content_types=TYPES)
def scim_user(id):  # noqa: A002 (RFC 7644's name for it)
    from .resource_views import read_user
    return _view(lambda deps, by: read_user(deps, id))


@routes.route("PUT", "/scim/v2/Users/{id}", ANYONE, _doc(
    "SCIM: replace a user (active left out: as it is)", _scim("ScimUser"), (400, 401, 404, 409, 412),
    body="ScimUser", parameters=[ID]), content_types=TYPES)
def scim_replace_user(id):  # noqa: A002
    from .resource_views import change_user
    return _view(lambda deps, by: change_user(deps, by, id, "put"))


@routes.patch("/scim/v2/Users/{id}", ANYONE, _doc(
    "SCIM: change a user (RFC 7644 3.5.2, with Entra ID's forms); active false: their grant here and every "
    "session here end at once", _scim("ScimUser"), (400, 401, 404, 409, 412), body="ScimPatchOp",
    parameters=[ID]), content_types=TYPES)
def scim_patch_user(id):  # noqa: A002
    from .resource_views import change_user
    return _view(lambda deps, by: change_user(deps, by, id, "patch"))


@routes.delete("/scim/v2/Users/{id}", ANYONE, _doc(
    "SCIM: remove a user: their grant here and every session here end", {"description": "Removed"},
    (401, 404, 409), status="204", parameters=[ID]), content_types=TYPES)
def scim_delete_user(id):  # noqa: A002
    from .resource_views import remove_user
    return _view(lambda deps, by: remove_user(deps, by, id))


@routes.get("/scim/v2/Groups", ANYONE, _doc(
    "SCIM: the council's directory's groups: filter with eq on displayName, externalId or id",
    _scim("ScimListResponse"), (400, 401), parameters=[q("filter", 'as displayName eq "Street scene"'), *PAGING]), content_types=TYPES)
def scim_groups():
    from .listing import groups
    return _view(lambda deps, by: groups(deps, http.request().query_params or {}))


@routes.post("/scim/v2/Groups", ANYONE, _doc(
    "SCIM: make a group (its members, if named, get the desks the council's settings map it to)",
    _scim("ScimGroup", "Created"), (400, 401, 409), body="ScimGroup", status="201"), content_types=TYPES)
def scim_create_group():
    from .resource_views import create_group
    return _view(create_group)


@routes.get("/scim/v2/Groups/{id}", ANYONE, _doc(
    "SCIM: one group", _scim("ScimGroup"), (401, 404), parameters=[ID, PAGING[3]]), content_types=TYPES)
def scim_group(id):  # noqa: A002
    from .resource_views import read_group
    return _view(lambda deps, by: read_group(deps, id))


@routes.route("PUT", "/scim/v2/Groups/{id}", ANYONE, _doc(
    "SCIM: replace a group, its members those named", {"description": "Replaced"}, (400, 401, 404, 409),
    body="ScimGroup", status="204", parameters=[ID]), content_types=TYPES)
def scim_replace_group(id):  # noqa: A002
    from .resource_views import change_group
    return _view(lambda deps, by: change_group(deps, by, id, "put"))


@routes.patch("/scim/v2/Groups/{id}", ANYONE, _doc(
    "SCIM: change a group: members added and removed (each one's desks follow at once), its name or externalId",
    {"description": "Changed"}, (400, 401, 404, 409), body="ScimPatchOp", status="204", parameters=[ID]),
    content_types=TYPES)
def scim_patch_group(id):  # noqa: A002
    from .resource_views import change_group
    return _view(lambda deps, by: change_group(deps, by, id, "patch"))


@routes.delete("/scim/v2/Groups/{id}", ANYONE, _doc(
    "SCIM: remove a group: the desks it gave its members go", {"description": "Removed"}, (401, 404, 409),
    status="204", parameters=[ID]), content_types=TYPES)
def scim_delete_group(id):  # noqa: A002
    from .resource_views import remove_group
    return _view(lambda deps, by: remove_group(deps, by, id))


@routes.get("/scim/v2/ServiceProviderConfig", ANYONE, _doc(
    "SCIM: what this endpoint takes (RFC 7644 section 4)", _scim("ScimDiscovery"), (401,)), content_types=TYPES)
def scim_service_provider_config():
    from .discovery import service_provider_config
    from .views import answer
    return _view(lambda deps, by: answer(service_provider_config(deps.base_url)))


@routes.get("/scim/v2/ResourceTypes", ANYONE, _doc(
    "SCIM: its resource types, User and Group", _scim("ScimListResponse"), (401,)), content_types=TYPES)
def scim_resource_types():
    from .discovery import resource_types
    from .views import answer
    return _view(lambda deps, by: answer(resource_types(deps.base_url)))


@routes.get("/scim/v2/Schemas", ANYONE, _doc(
    "SCIM: the attributes it keeps of each", _scim("ScimListResponse"), (401,)), content_types=TYPES)
def scim_schemas():
    from .discovery import schemas
    from .views import answer
    return _view(lambda deps, by: answer(schemas(deps.base_url)))


@routes.get("/v1/staff/directory/changes", ADMIN, {
    "summary": "The council's provisioning log (administrators): who its directory provisioned, changed, turned "
               "off and removed, what changed, when, and by which SCIM token; newest first",
    "parameters": [q("limit", f"at most this many (1 to {MOST}; {DEFAULT_LIMIT})",
                     schema={"type": "integer", "minimum": 1, "maximum": MOST}),
                   q("cursor", "next_cursor of the page before")],
    "responses": {"200": json_response(ref("DirectoryChanges")), **errors(400)}})
def directory_changes():
    from .changes import changes
    return http.ok(changes(http.deps(), http.query()), headers=http.NO_STORE)
