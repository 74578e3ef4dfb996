"""Feedback's routes: the answer a transaction's confirmation asks for, and a
service's start counted with nothing kept of who started it."""
from ...api import http
from ...api.openapi import access_reason, errors, if_match, json_response, path_param, q, ref
from ...api.registry import Routes
from ...auth.rules import ANYONE, STAFF
from ..shared import effects
from .services import SERVICES

routes = Routes("feedback", schemas="chalicelib.handlers.feedback.schemas")
# A report made is a transaction finished, counted from its event (its making stays one transaction).
effects.register("report_created", "feedback.report_finished", "chalicelib.handlers.feedback.effects:on_report_created")


@routes.post("/v1/feedback", ANYONE, {
    "summary": "How it went: one answer per transaction (its confirmation's token), on GOV.UK's five-point "
               "scale with \"how could we improve this service?\"; changeable for a day, anonymous unless a "
               "reply is asked for",
    "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": ref("FeedbackAnswer")}}}},
    "responses": {"201": json_response(ref("FeedbackGiven"), "Answer recorded (or, with Idempotent-Replayed, "
                                                             "the same answer given before)"),
                  **errors(400, 404, 409, 429)}})
def give_feedback():
    from ...auth import rate_limits
    from . import answering
    deps = http.deps()
    rate_limits.creation(deps, "feedback")
    view, created = answering.answer(deps, http.body())
    return http.created(view, created)


@routes.post("/v1/feedback/starts", ANYONE, {
    "summary": "A service begun online, counted for its completion rate: nothing is kept of who began it",
    "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": ref("FeedbackStart")}}}},
    "responses": {"204": {"description": "Counted"}, **errors(400, 404, 429)}})
def count_start():
    from ...auth import rate_limits
    from . import counting
    deps = http.deps()
    body = http.body()
    rate_limits.creation(deps, "start")
    counting.started(deps, body.get("service") if isinstance(body, dict) else None)
    return http.empty()


@routes.get("/v1/figures", ANYONE, {
    "summary": "The council's figures of channel shift for its year (April to March), service by service and "
               "month by month: take-up, completion, satisfaction, cost per transaction and the saving, with "
               "their definitions; JSON, or CSV with format=csv. Counts under 10 are withheld",
    "parameters": [q("year", "the year the council's year starts in (its April)", required=True,
                     schema={"type": "integer", "minimum": 2020, "maximum": 2100}),
                   q("format", "json (the default) or csv", schema={"type": "string", "enum": ["json", "csv"]})],
    "responses": {"200": {"description": "The figures", "content": {
        "application/json": {"schema": {"$ref": ref("Figures")}}, "text/csv": {"schema": {"type": "string"}}}},
        **errors(400)}})
def get_figures():
    from ...storage import metering
    from . import publishing
    metering.expose()  # its cost is public: what it reads does not grow with transactions
    body, content_type = publishing.published(http.deps(), http.query())
    return http.cacheable(http.request(), body, content_type, publishing.MAX_AGE_SECONDS)


SERVICE = path_param("service", {"type": "string", "enum": list(SERVICES)})


@routes.get("/v1/staff/feedback/{service}", STAFF, {
    "summary": "A service's feedback for its officers (those its desk opens to): satisfaction week by week and "
               "by channel with the number of answers, and the answers newest first, words with personal details "
               "masked",
    "parameters": [SERVICE, q("before", "the last page's next: the next page starts right after its last answer",
                               schema={"type": "string", "maxLength": 100})],
    "responses": {"200": json_response(ref("FeedbackDesk")), **errors(400, 401, 403, 404)}})
def feedback_desk(service):
    from . import desk
    return http.ok(desk.view(http.deps(), service, http.query().get("before")), headers=http.NO_STORE)


ANSWER_ID = path_param("answer_id", {"type": "string", "pattern": "^[0-9a-f]{64}$"})


@routes.route("PUT", "/v1/staff/feedback/{service}/answers/{answer_id}/tags", STAFF, {
    "summary": "Tag an answer (the officers' words for what it is about), If-Match its version",
    "parameters": [SERVICE, ANSWER_ID, if_match()],
    "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": ref("FeedbackTags")}}}},
    "responses": {"200": json_response(ref("FeedbackAnswerSeen")), **errors(400, 401, 403, 404, 409, 428)}})
def tag_feedback(service, answer_id):
    from . import desk
    request = http.request()
    return http.ok(desk.tag(http.deps(), service, answer_id, http.body(), request.headers.get("if-match")))


@routes.get("/v1/staff/feedback/{service}/answers/{answer_id}/words", STAFF, {
    "summary": "A comment's words as written (unmasked) and the address a reply was asked to, for the service's "
               "officers (those its desk opens to): personal data, read saying why, each reading audited",
    "parameters": [SERVICE, ANSWER_ID, access_reason("a comment's words as written")],
    "responses": {"200": json_response(ref("FeedbackWords")), **errors(400, 401, 403, 404, 409)}})
def feedback_words(service, answer_id):
    from . import desk
    return http.ok(desk.words(http.deps(), service, answer_id), headers=http.NO_STORE)


@routes.post("/v1/staff/feedback/{service}/changes", STAFF, {
    "summary": "\"You said, we did\": publish what changed because of a service's comments, on its page (the "
               "same words again are the same change)",
    "parameters": [SERVICE],
    "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": ref("NewChange")}}}},
    "responses": {"201": json_response(ref("Change"), "Published (or, with Idempotent-Replayed, the same words "
                                                      "published before)"), **errors(400, 401, 403, 404)}})
def publish_change(service):
    from . import changes
    return http.created(*changes.publish(http.deps(), service, http.body()))


@routes.get("/v1/feedback/{service}/changes", ANYONE, {
    "summary": "\"You said, we did\": what the council changed because of a service's comments, newest first",
    "parameters": [SERVICE],
    "responses": {"200": json_response(ref("Changes")), **errors(400)}})
def service_changes(service):
    from . import changes
    return http.ok(changes.published(http.deps(), service), headers={"Cache-Control": "public, max-age=300"})
