"""The council of this address: what its residents' app shows (anyone), and its settings as its
administrators read, change, trace and export them. ADMIN beside each admin route is where who
may change a council's settings is decided (auth/policy.py), so a rule for a council's own
administrators moves with it."""
from ...api import http
from ...api.openapi import errors, identifier, if_match, json_response, operation, q, ref, with_etag
from ...api.registry import Routes
from ...auth.rules import ADMIN, ANYONE

routes = Routes("council", schemas="chalicelib.handlers.council.schemas")
READ = "GET /v1/admin/council"
NOT_CHANGED = {"304": {"description": "Not modified since the ETag given (If-None-Match)"}}
STALE = {"409": "Stale If-Match: the settings as they are now, with their ETag (code edit_conflict)"}
NOT_SET_UP = {"404": "The council's settings are not stored yet (code council_not_set_up)"}


def _council():
    from ...deps import default_deps
    return default_deps(base_url="").council  # the process's copy: no read on a warm function


@routes.get("/v1/council", ANYONE, {
    "summary": "The council of this address as the web app shows it: its names, colour, logo and contact, the "
               "services it offers, its words over the app's catalogue, where its map opens. ETag: the settings' "
               "version; honours If-None-Match (304)",
    "responses": {"200": {**json_response(ref("CouncilPage")), "headers": {"ETag": {"schema": {"type": "string"}}}},
                  **NOT_CHANGED}})
def council_page():
    from .page import made, revalidated, view
    council = _council()
    return revalidated(http.request(), council, made(council, "page", view), http.JSON)


@routes.get("/v1/council/manifest.webmanifest", ANYONE, {
    "summary": "The web app's manifest (W3C Web App Manifest) of this address's council: its names, colour "
               "and icons; honours If-None-Match (304)",
    "responses": {"200": {"description": "The manifest", "content": {"application/manifest+json": {
        "schema": {"type": "object"}}}}, **NOT_CHANGED}})
def council_manifest():
    from .page import MANIFEST, made, manifest, revalidated
    council = _council()
    return revalidated(http.request(), council, made(council, "manifest", manifest), MANIFEST)


def _answering(doc, **more):
    """`doc` with more error answers described."""
    return {**doc, "responses": {**doc["responses"], **errors(**more)}}


@routes.get("/v1/admin/council", ADMIN, with_etag(_answering(operation(
    "The council's whole settings document (administrators), with its version (also the ETag, for If-Match)",
    None, "200", ref("CouncilSettingsRead")), **NOT_SET_UP), thing="settings"))
def read_settings():
    from .admin import read
    return _settings(read(http.deps()))


@routes.route("PUT", "/v1/admin/council", ADMIN, with_etag({**_answering(operation(
    "Change the council's settings (administrators; If-Match): the whole document, checked whole; a "
    "refusal names every field's path and reason and changes nothing. Audited with who and what changed",
    "CouncilSettings", "200", ref("CouncilSettingsRead"), (400, 428)), **STALE, **NOT_SET_UP),
    "parameters": [if_match("settings", stale="stale: 409 with the settings as they are now")]}, thing="settings"))
def change_settings():
    from ..shared.versions import expected_version
    from .admin import change
    version = expected_version(http.header("If-Match"), READ)
    return _settings(change(http.deps(), http.json_body(http.request()), version))


@routes.get("/v1/admin/council/audit", ADMIN, {**operation(
    "Who changed the council's settings, when, and each setting before and after (administrators): "
    "newest first, 50 a page", None, "200", ref("CouncilAudit"), (400,)),
    "parameters": [q("before", "the `next` of the page before", schema=identifier(max_length=100))]})
def settings_audit():
    from .admin import audit
    return http.ok(audit(http.deps(), http.query().get("before")), headers=http.NO_STORE)


@routes.get("/v1/admin/council/export", ADMIN, {
    "summary": "The council's settings document as a file (administrators): what `doorstep councils change "
               "--file` takes back",
    "responses": {"200": json_response(ref("CouncilSettings"), "The settings document"), **errors(**NOT_SET_UP)}})
def export_settings():
    from .admin import export
    body, filename, version = export(http.deps())
    return http.ok(body, headers={**http.NO_STORE, "ETag": f'"{version}"',
                                  "Content-Disposition": f'attachment; filename="{filename}"'})


def _settings(view):
    return http.ok(view, headers={**http.NO_STORE, "ETag": f'"{view["version"]}"'})
