"""The deployment's operator's routes: the councils it serves, added, changed,
and stepped through leaving (offboarding.py). The operator (a flag on the person,
set by `doorstep users operator`) may use these and, holding no grant at a
council, nothing else there."""
from ...api import http
from ...api.openapi import identifier, if_match, operation, path_param, ref, with_etag
from ...api.registry import Routes
from ...auth.rules import OPERATOR

routes = Routes("operator", schemas="chalicelib.handlers.operator.schemas")
COUNCIL_ID = path_param("council_id", identifier("the council's id"))
READ = "GET /v1/operator/councils/{council_id}"


def _store():
    from ...storage.councils import CouncilStore
    return CouncilStore()


def _council(view, status=200, headers=None):
    return http.ok(view, status=status, headers={**http.NO_STORE, "ETag": f'"{view["version"]}"', **(headers or {})})


@routes.get("/v1/operator/councils", OPERATOR, operation(
    "Every council the deployment serves, with its addresses and its settings' version (the operator)",
    None, "200", ref("Councils")))
def list_councils():
    from .councils import listed
    return http.ok(listed(_store()), headers=http.NO_STORE)


@routes.post("/v1/operator/councils", OPERATOR, with_etag(operation(
    "Add a council from its settings document (the operator), checked whole first: a refusal names each field. "
    "Sending the same document again answers the council as added; another council of that id is refused",
    "CouncilSettings", "201", ref("Council"), (400, 409)), "201", thing="council"))
def add_council():
    from .councils import add
    view, made = add(http.deps(), _store(), http.body())
    headers = {"Location": f"/v1/operator/councils/{view['id']}", **({} if made else {"Idempotent-Replayed": "true"})}
    return _council(view, 201, headers)


@routes.get("/v1/operator/councils/{council_id}", OPERATOR, with_etag({**operation(
    "One council's settings and their version (the operator)", None, "200", ref("Council"), (404,)),
    "parameters": [COUNCIL_ID]}, thing="council"))
def show_council(council_id):
    from .councils import show
    return _council(show(_store(), council_id))


@routes.route("PUT", "/v1/operator/councils/{council_id}", OPERATOR, with_etag({**operation(
    "Replace a council's settings (the operator; If-Match with their version): checked whole first, the change "
    "audited with who made it", "CouncilSettings", "200", ref("Council"), (400, 404, 409, 428)),
    "parameters": [COUNCIL_ID, if_match("council", stale="stale: 409 with the council as it is now")]},
    thing="council"))
def change_council(council_id):
    from ..shared.versions import expected_version
    from .councils import change
    version = expected_version(http.header("If-Match"), READ)
    return _council(change(http.deps(), _store(), council_id, http.body(), version))


OFFBOARDING = "/v1/operator/councils/{council_id}/offboarding"


@routes.get(OFFBOARDING, OPERATOR, {**operation(
    "Where a council's leaving has got to (the operator): stopped, exporting, exported, deleting or deleted, "
    "when and by whom each step was taken, the export's counts and manifest checksum (and a link to the "
    "manifest while it is held), the deletion's report and the date its data leaves backups",
    None, "200", ref("Offboarding"), (404,)), "parameters": [COUNCIL_ID]})
def show_offboarding(council_id):
    from .offboarding import show
    return http.ok(show(council_id), headers=http.NO_STORE)


@routes.post(OFFBOARDING, OPERATOR, {**operation(
    "Step a council through leaving the deployment (the operator), each step after the one before: stop (its "
    "addresses answer 410 service_ended on every route, its sessions, keys and sign-ins with them), export "
    "(everything of it into the bucket's offboarding/<council>/: JSON lines per kind, its files, a manifest), "
    "delete (with confirm naming the council: every item of it in every table and index and every file, read "
    "back as none). A step asked again answers as it is; one with more to do answers 202 with where it got "
    "to: call again to go on", "OffboardingStep", "200", ref("Offboarding"), (400, 404, 409)),
    "parameters": [COUNCIL_ID]})
def step_offboarding(council_id):
    from .offboarding import step
    view, finished = step(http.deps(), council_id, http.body())
    return http.ok(view, status=200 if finished else 202, headers=http.NO_STORE)
