"""The council's retention, for its administrators (ADMIN beside each route: the council's own, as its
settings are): its schedule read and changed, its legal holds, a dry run of its sweep and the reports
of every run. The sweep itself runs on its schedule (app.py sweep_retention)."""
from ...api import http
from ...api.openapi import idempotency_key, identifier, if_match, operation, path_param, q, ref, with_etag
from ...api.registry import Routes
from ...auth.rules import ADMIN

routes = Routes("retention", schemas="chalicelib.handlers.retention.schemas")
READ = "GET /v1/admin/retention"
KIND = path_param("kind", {"type": "string", "example": "reports",
                           "description": "reports, repairs, chats, payments or accounts (else 400)"})
RECORD_ID = path_param("record_id", {"type": "string", "example": "DS-7K3F9Q"})
RUN_ID = path_param("run_id", {"type": "string", "example": "2026-03-10T03:45:00.000000Z_3f9a0c1d2e4b"})


@routes.get("/v1/admin/retention", ADMIN, with_etag(operation(
    "The council's retention schedule (administrators): each kind of record the sweep acts on, kept how many "
    "months after which event and what then, as the council set it or at the data map's default (`source`); "
    "unused accounts' period and warning; backups. The ETag is the settings' version",
    None, "200", ref("RetentionSchedule"), (404,)), thing="settings"))
def read_schedule():
    from .admin import read
    return _schedule(read(http.deps()))


@routes.route("PUT", "/v1/admin/retention", ADMIN, with_etag({**operation(
    "Change the council's retention schedule (administrators; If-Match: the settings' version): the settings' "
    "`retention` section whole ({}: every kind at its default), checked and audited as every setting is; a "
    "refusal names each field's path ($.retention...) and changes nothing. Stale: 409 (code edit_conflict)",
    "RetentionSettings", "200", ref("RetentionSchedule"), (400, 404, 409, 428)),
    "parameters": [if_match("settings", stale="stale: 409")]}, thing="settings"))
def change_schedule():
    from ..shared.versions import expected_version
    from .admin import change
    version = expected_version(http.header("If-Match"), READ)
    return _schedule(change(http.deps(), http.json_body(http.request()), version))


@routes.get("/v1/admin/retention/holds", ADMIN, operation(
    "The council's records on a legal hold (administrators): reports, repairs, chats, payments and accounts, "
    "each with why, who and when",
    None, "200", ref("RetentionHolds")))
def list_holds():
    from .holds import listed
    return http.ok(listed(http.deps()), headers=http.NO_STORE)


@routes.route("PUT", "/v1/admin/retention/holds/{kind}/{record_id}", ADMIN, {**operation(
    "Put a legal hold on a report, a repair, a chat, a payment or an account (administrators): it is off the sweep "
    "until released, its clock kept. The same reason again answers the hold as it is; another reason: 409 (release "
    "it first); a chat not closed or a payment not finished, which has no clock yet: 409 (code not_on_the_schedule)",
    "RetentionHoldPut", "200", ref("RetentionHold"), (400, 404, 409)), "parameters": [KIND, RECORD_ID]})
def put_hold(kind, record_id):
    from .holds import put
    return http.ok(put(http.deps(), kind, record_id, http.json_body(http.request())), headers=http.NO_STORE)


@routes.delete("/v1/admin/retention/holds/{kind}/{record_id}", ADMIN, {**operation(
    "Release a legal hold (administrators): the record is due again from its event, as if never held",
    None, "200", ref("RetentionReleased"), (400, 404, 409)), "parameters": [KIND, RECORD_ID]})
def release_hold(kind, record_id):
    from .holds import release
    return http.ok(release(http.deps(), kind, record_id), headers=http.NO_STORE)


@routes.post("/v1/admin/retention/dry-runs", ADMIN, {**operation(
    "A dry run of the council's sweep (administrators): what it would anonymise, warn, remove and delete now, "
    "counted by kind and listed (at most 200 of each), changing nothing; kept among the runs' reports. The "
    "body, if any, is {}", None, "201", ref("RetentionRun"), (400, 422)),
    "parameters": [idempotency_key("the same key answers the same dry run")]})
def dry_run():
    from .admin import dry_run
    raw = http.request().raw_body
    body = http.json_body(http.request()) if raw else None
    return http.created(dry_run(http.deps(), body, http.header("Idempotency-Key")), True)


@routes.get("/v1/admin/retention/runs", ADMIN, {**operation(
    "The reports of the council's sweep's runs (administrators), newest first, 50 a page: each by kind and "
    "count, dry runs marked", None, "200", ref("RetentionRuns"), (400,)),
    "parameters": [q("before", "the `next` of the page before", schema=identifier(max_length=200))]})
def list_runs():
    from .admin import runs
    return http.ok(runs(http.deps(), http.query().get("before")), headers=http.NO_STORE)


@routes.get("/v1/admin/retention/runs/{run_id}", ADMIN, {**operation(
    "One run's report (administrators): a dry run's with what it listed", None, "200", ref("RetentionRun"),
    (404,)), "parameters": [RUN_ID]})
def one_run(run_id):
    from .admin import one_run
    return http.ok(one_run(http.deps(), run_id), headers=http.NO_STORE)


def _schedule(view):
    return http.ok(view, headers={**http.NO_STORE, "ETag": f'"{view["version"]}"'})
