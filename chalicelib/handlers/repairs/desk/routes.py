"""The repairs desk's routes on one repair, the operatives' in the crew app,
and the tenant's after a repair: a second table of the repairs capability
(app.py wires it beside ../routes.py's), its components the capability's."""
from ....api import http
from ....api.openapi import access_reason, errors, json_response, path_param, ref, if_match, idempotency_key
from ....auth.rules import CREW, SIGNED_IN, desk
from ...shared import effects
from ....api.registry import Routes
from ....validation import SOME_TEXT, trimmed_text
from ..routes import REPAIR_ID
from . import FOLLOW_ON_KEY_MAX, PRIORITIES, TEAM_PATTERN

routes = Routes("repairs")

for _kind, _name, _fn in (("job_ended", "repairs.crew_done", "crewing:on_job_ended"),
                          ("repair_on_way", "repairs.on_way_text", "crewing:on_way_text"),
                          ("repair_no_access", "repairs.no_access_text", "crewing:no_access_text"),
                          ("repair_done", "repairs.how_did_it_go", "after:on_done"),
                          ("repair_reminder", "repairs.reminder_text", "after:on_reminder")):
    effects.register(_kind, _name, f"chalicelib.handlers.repairs.desk.{_fn}")
JOB_ID = path_param("job_id")
HOME = path_param("home", {"type": "string", "minLength": 1, "maxLength": 40})
MATCH = if_match("repair", "stale: 409 with the repair as it is now")
OBJECT = {"type": "object"}
ANSWER = {"description": "OK", "content": {"application/json": {"schema": OBJECT}}}
STAFF_404 = {"404": "No such repair (code repair_not_found)"}
EDIT = {**STAFF_404, "409": "Changed since read (code edit_conflict), closed (code repair_closed), or raced "
                            "(code repair_changed)", "428": "If-Match missing (code precondition_required)"}
CREW_JOB = {"404": "Not a repair's job of your team (code job_not_found)",
            "403": "Your team no longer holds the repair (code not_assigned)"}


def _body(props, required):
    return {"required": True, "content": {"application/json": {"schema": {
        "type": "object", "required": required, "properties": props}}}}


@routes.get("/v1/staff/repairs/{repair_id}", desk("repairs"), {
    "summary": "One repair for the desk and its ETag; the tenant's contact and access notes with Access-Reason "
               "(the reading audited), withheld without",
    "parameters": [REPAIR_ID, access_reason("the tenant's contact and access notes", required=False,
                                            without="they are withheld (null, contact_withheld true)")],
    "responses": {"200": json_response(ref("Repair")), **errors(400, **STAFF_404)}})
def staff_repair(repair_id):
    from .staffing import page
    body, etag = page(http.deps(), repair_id)
    return http.ok(body, headers={**http.NO_STORE, "ETag": etag})


@routes.post("/v1/staff/repairs/{repair_id}/priority", desk("repairs"), {
    "summary": "Change a repair's priority with a reason, audited; its clocks follow the new priority",
    "parameters": [REPAIR_ID, MATCH],
    "requestBody": _body({"priority": {"type": "string", "enum": list(PRIORITIES)},
                          "reason": {"type": "string", "minLength": 1, "maxLength": 300, "pattern": SOME_TEXT}},
                         ["priority", "reason"]),
    "responses": {"200": json_response(ref("Repair")), **errors(400, **EDIT)}})
def staff_repair_priority(repair_id):
    from .staffing import priority
    body, etag = priority(http.deps(), repair_id, http.body(), http.header("If-Match"))
    return http.ok(body, headers={**http.NO_STORE, "ETag": etag})


@routes.post("/v1/staff/repairs/{repair_id}/assign", desk("repairs"), {
    "summary": "Send a repair to a team or trade: its crew job is made (another team's ended) with the change",
    "parameters": [REPAIR_ID, MATCH],
    "requestBody": _body({"team": {"type": "string", "pattern": TEAM_PATTERN,
                                   "description": "one of the council's active teams (else 422)"},
                          "trade": {"type": "string", "maxLength": 40},
                          "instructions": {"type": "string", "maxLength": 500}}, ["team"]),
    "responses": {"200": json_response(ref("Repair")), **errors(400, 422, **EDIT)}})
def staff_repair_assign(repair_id):
    from .staffing import assign
    body, etag = assign(http.deps(), repair_id, http.body(), http.header("If-Match"))
    return http.ok(body, headers={**http.NO_STORE, "ETag": etag})


@routes.post("/v1/staff/repairs/{repair_id}/follow-on", desk("repairs"), {
    "summary": "Raise a follow-on job for the same home: a repair of its own, once per Idempotency-Key",
    "parameters": [REPAIR_ID, idempotency_key("the same key answers the same follow-on job", required=True,
                                              least=1, most=FOLLOW_ON_KEY_MAX)],
    "requestBody": _body({"what": {"type": "string", "minLength": 1, "maxLength": 500, "pattern": SOME_TEXT},
                          "priority": {"type": "string", "enum": list(PRIORITIES)}}, ["what"]),
    "responses": {"201": json_response(ref("Repair")), **errors(400, **STAFF_404, **{
        "409": "The key used for another follow-on (code idempotency_key_reused), or raised (code repair_changed)"})}})
def staff_repair_follow_on(repair_id):
    from .staffing import follow_on
    body, created = follow_on(http.deps(), repair_id, http.body(), http.header("Idempotency-Key"))
    return http.created(body, created, headers={"Location": f"/v1/staff/repairs/{body['id']}"})


@routes.get("/v1/staff/repairs/homes/{home}", desk("repairs"), {
    "summary": "A home's repairs, newest first (one Query): read with a reason, the reading audited under the home",
    "parameters": [HOME, access_reason("the home's repairs")], "responses": {"200": ANSWER, **errors(400)}})
def staff_home_repairs(home):
    from ....storage.metering import expose
    from .staffing import history
    expose()
    return http.ok(history(http.deps(), home), headers=http.NO_STORE)


@routes.get("/v1/crew/jobs/{job_id}/tenant", CREW, {
    "summary": "A repair's tenant to call, and the home's access notes: only while your team holds the repair",
    "parameters": [JOB_ID], "responses": {"200": ANSWER, **errors(**CREW_JOB)}})
def crew_repair_tenant(job_id):
    from .crewing import tenant
    return http.ok(tenant(http.deps(), job_id), headers=http.NO_STORE)


@routes.post("/v1/crew/jobs/{job_id}/on-my-way", CREW, {
    "summary": "On my way: the tenant is texted, once a visit",
    "parameters": [JOB_ID], "responses": {"200": ANSWER, **errors(**CREW_JOB, **{
        "409": "Told already (code told_already), or raced (code repair_changed)"})}})
def crew_repair_on_my_way(job_id):
    from .crewing import on_my_way
    return http.ok(on_my_way(http.deps(), job_id), headers=http.NO_STORE)


@routes.post("/v1/crew/jobs/{job_id}/no-access", CREW, {
    "summary": "No access: a card left, the job ended, and the tenant offered a new time by text",
    "parameters": [JOB_ID], "responses": {"200": ANSWER, **errors(**CREW_JOB, **{
        "409": "Raced (code repair_changed)"})}})
def crew_repair_no_access(job_id):
    from .crewing import no_access
    return http.ok(no_access(http.deps(), job_id), headers=http.NO_STORE)


@routes.get("/v1/repairs/{repair_id}/how-it-went", SIGNED_IN, {
    "summary": "Whether I have been asked how my repair went, my answer, and the last day I may reopen it (reopen_by)",
    "parameters": [REPAIR_ID], "responses": {"200": ANSWER,
                                             **errors(**{"404": "No such repair (code repair_not_found)"})}})
def repair_question(repair_id):
    from .after import question
    return http.ok(question(http.deps(), repair_id), headers=http.NO_STORE)


@routes.post("/v1/repairs/{repair_id}/how-it-went", SIGNED_IN, {
    "summary": "Say how my repair went, once", "parameters": [REPAIR_ID],
    "requestBody": _body({"fixed": {"type": "boolean"}, "rating": {"type": "integer", "minimum": 1, "maximum": 5},
                          "comment": {"type": "string", "maxLength": 500}}, ["fixed", "rating"]),
    "responses": {"200": ANSWER, **errors(400, **{
        "404": "No such repair (code repair_not_found)",
        "409": "Not asked yet (code not_asked), or answered already (code already_answered)"})}})
def repair_answer(repair_id):
    from .after import answer
    return http.ok(answer(http.deps(), repair_id, http.body()), headers=http.NO_STORE)


@routes.post("/v1/repairs/{repair_id}/reopen", SIGNED_IN, {
    "summary": "Reopen my repair that failed, once, within the council's set days of its being done",
    "parameters": [REPAIR_ID],
    "requestBody": _body({"what": trimmed_text(1, 500)}, ["what"]),
    "responses": {"200": json_response(ref("Repair")), **errors(400, **{
        "404": "No such repair (code repair_not_found)",
        "409": "Not done (code not_done), reopened already (code reopened_already), or raced (code repair_changed)",
        "422": "Past the days a repair may be reopened in (code reopen_too_late)"})}})
def repair_reopen(repair_id):
    from .after import reopen
    return http.ok(reopen(http.deps(), repair_id, http.body()), headers=http.NO_STORE)


@routes.get("/v1/me/homes/{home}/repairs", SIGNED_IN, {
    "summary": "A home I rent now and its repairs, newest first", "parameters": [HOME],
    "responses": {"200": ANSWER, **errors(**{
        "404": "Not a home I rent (code home_not_found)", "503": "The tenancy cannot be checked now"})}})
def my_home_repairs(home):
    from .after import home_history
    return http.ok(home_history(http.deps(), home), headers=http.NO_STORE)
