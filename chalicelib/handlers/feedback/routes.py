"""Feedback's routes: the answer a transaction's confirmation asks for, and a
service's start counted with nothing kept of who started it."""
from ...api import http
from ...api.openapi import access_reason, errors, idempotency_key, if_match, json_response, path_param, q, ref
from ...api.registry import Routes
from ...auth.rules import ANYONE, STAFF
from ..shared import effects
from .services import SERVICES

routes = Routes("feedback", schemas="chalicelib.handlers.feedback.schemas")
# A report made is a transaction finished, counted from its event (its making stays one transaction).
effects.register("report_created", "feedback.report_finished", "chalicelib.handlers.feedback.effects:on_report_created")
# A compliment reaches its team: the officers whose roles open its desk are e-mailed.
effects.register("compliment_given", "feedback.compliment_told", "chalicelib.handlers.feedback.compliments:on_compliment")


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


@routes.post("/v1/feedback/comments", ANYONE, {
    "summary": "Comments and compliments, the front door's: a comment on a service (no transaction needed), or a "
               "compliment for a team, which its officers are told of; a complaint is a report in the complaint "
               "category (POST /v1/reports), not this",
    "parameters": [idempotency_key("Same key and body: the same comment again. Same key, other body: 422.",
                                   anonymous=True)],
    "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": ref("NewComment")}}}},
    "responses": {"201": json_response(ref("Comment"), "Kept (or, with Idempotent-Replayed, the same comment "
                                                       "sent before with its key)"), **errors(400, 422, 429)}})
def give_comment():
    from ...auth import rate_limits
    from . import front_door
    deps = http.deps()
    rate_limits.creation(deps, "comment")
    return http.created(*front_door.give(deps, http.body(), http.header("idempotency-key")))


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
               "their definitions; JSON, or CSV with format=csv. Every count is published; satisfaction from "
               "fewer than 10 answers is withheld (small_numbers: the rule and its sources)",
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


@routes.get("/v1/figures/report", ANYONE, {
    "summary": "The committee report: a month's figures for the council as a PDF to attach to a meeting's papers "
               "(every service's counts and figures, withheld ones said to be, the costs counted, the definitions)",
    "parameters": [q("month", "the month, as 2026-10", required=True,
                     schema={"type": "string", "pattern": "^(20[2-9][0-9]|2100)-(0[1-9]|1[0-2])$"})],
    "responses": {"200": {"description": "the PDF", "content": {"application/pdf": {
        "schema": {"type": "string", "format": "binary"}}}}, **errors(400, 422)}})
def figures_report():
    from . import report
    pdf, name = report.report(http.deps(), http.query())
    from chalice import Response
    return Response(body=pdf, status_code=200, headers={
        "Content-Type": "application/pdf", "Content-Disposition": f'inline; filename="{name}"',
        "Cache-Control": "public, max-age=300"})


# A page's `next`: a UTC time to the microsecond, then "~" and the last answer's id. The pattern names days to
# the 28th (a pattern cannot know a month's length); the desk takes any real date (desk._from).
NEXT_PAGE = (r"^[12][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]"
             r"(\.[0-9]{1,6})?Z(~[0-9a-f]{64})?$")
SERVICE = path_param("service", {"type": "string", "enum": list(SERVICES)})


def contacts_month():
    from .contacts import MONTH
    return MONTH.pattern


@routes.get("/v1/staff/feedback/{service}", STAFF, {
    "summary": "A service's feedback for its officers (those its desk opens to): satisfaction week by week and "
               "by channel with the number of answers, and the answers newest first, words with personal details "
               "masked",
    "parameters": [SERVICE, q("before", "the last page's next: the next page starts right after its last answer",
                               schema={"type": "string", "pattern": NEXT_PAGE})],
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


@routes.get("/v1/staff/figures/{service}/contacts", STAFF, {
    "summary": "The phone and face-to-face contacts entered for a service, month by month for the council's year, "
               "each with its version; for the officers its desk opens to and administrators",
    "parameters": [SERVICE, q("year", "the year the council's year starts in (its April)", required=True,
                              schema={"type": "integer", "minimum": 2020, "maximum": 2100})],
    "responses": {"200": json_response(ref("EnteredContactsYear")), **errors(400, 401, 403, 404)}})
def entered_contacts(service):
    from . import contacts
    return http.ok(contacts.year(http.deps(), service, http.query()), headers=http.NO_STORE)


@routes.route("PUT", "/v1/staff/figures/{service}/contacts/{month}", STAFF, {
    "summary": "Set a month's phone and face-to-face contacts of a service (they count towards its take-up alone): "
               "set to the values sent, not added, If-Match the version read; the same values again change nothing. "
               "For the officers its desk opens to and administrators; audited",
    "parameters": [SERVICE, path_param("month", {"type": "string", "pattern": contacts_month()}), if_match()],
    "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": ref("EnteredContacts")}}}},
    "responses": {"200": json_response(ref("EnteredContactsMonth")), **errors(400, 401, 403, 404, 409, 422, 428)}})
def enter_contacts(service, month):
    from . import contacts
    request = http.request()
    entered = contacts.enter(http.deps(), service, month, http.body(), request.headers.get("if-match"))
    return http.ok({"service": service, **entered}, headers={"ETag": f'"{entered["version"]}"'})
