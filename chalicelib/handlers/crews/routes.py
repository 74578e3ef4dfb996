"""Crew routes: the team's jobs near me, one job with its ETag, and field
updates (idempotent, with If-Match). Only crew members with a team may call
them; a job of another team is a 404."""
from ...api import http
from ...api.openapi import GEOJSON, errors, operation, path_param, q, ref, if_match, idempotency_key
from ...api.registry import Routes
from ...auth.rules import CREW
from ..places.limits import POSTCODE_PATTERN
from ..reports import hooks
from . import limits

routes = Routes("crews", schemas="chalicelib.handlers.crews.schemas")
hooks.register("raiser", "chalicelib.handlers.crews.raised")  # a crew raising a report may take it as a job
JOB_ID = path_param("job_id")
ETAG = {"ETag": {"description": "the job's version, for If-Match", "schema": {"type": "string"}}}
GEO = {"Content-Type": "application/geo+json"}


@routes.get("/v1/crew/jobs", CREW, {
    "summary": "Your team's open jobs: nearest first with exact distances when given a point (cost follows the "
               "answer: Server-Timing), else soonest due first, a page at a time",
    "parameters": [q("lat", "where you are (with lon)", schema={"type": "number", "minimum": -90, "maximum": 90}),
                   q("lon", "where you are (with lat)", schema={"type": "number", "minimum": -180, "maximum": 180}),
                   q("postcode", "instead of lat/lon", schema={"type": "string", "pattern": POSTCODE_PATTERN,
                                                               "example": "YO1 7HH"}),
                   q("limit", f"1-{limits.JOBS_LIMIT_MAX}, default {limits.JOBS_LIMIT_DEFAULT}",
                     schema={"type": "integer", "minimum": 1, "maximum": limits.JOBS_LIMIT_MAX}),
                   q("cursor", "next_cursor of the page before (due order only; with a point, or another "
                     "value: 422)")],
    "responses": {"200": GEOJSON, **errors(400, 401, 403, 422)}})
def crew_jobs():
    from . import jobs_list
    return http.ok(jobs_list.list_jobs(http.deps(), http.query()), headers={**http.NO_STORE, **GEO})


@routes.get("/v1/crew/jobs/{job_id}", CREW, {**operation(
    "One of your team's jobs: place, category answers, photos, instructions, the crew's updates; never who "
    "reported it", None, "200", ref("Job"), (401, 403, 404)), "parameters": [JOB_ID]})
def crew_job(job_id):
    from . import views
    body, etag = views.get_job(http.deps(), job_id)
    return http.ok(body, headers={**http.NO_STORE, "ETag": etag})


@routes.post("/v1/crew/jobs/{job_id}/updates", CREW, {**operation(
    "A field update: status, note, photos, where and when (saved_at: when the button was pressed). done fixes "
    "the report and tells its followers; unable hands it back to staff. A retry with the same Idempotency-Key "
    "answers as the first time; a stale If-Match gets 409 with the job as it is now",
    "FieldUpdate", "201", ref("FieldUpdateResult"), (400, 401, 403, 404, 409, 422, 428)),
    "parameters": [JOB_ID,
                   idempotency_key("one per button press: a retry with it changes nothing", required=True),
                   if_match("job", "stale: 409 with the job as it is now")]})
def crew_job_update(job_id):
    from . import field_updates
    body, etag, created = field_updates.post_update(http.deps(), job_id, http.body(), http.header("Idempotency-Key"),
                                                    http.header("If-Match"))
    return http.created(body, created, headers={"ETag": etag})
