"""Feedback's routes: the answer a transaction's confirmation asks for, and a
service's start counted with nothing kept of who started it."""
from ...api import http
from ...api.openapi import errors, json_response, ref
from ...api.registry import Routes
from ...auth.rules import ANYONE

routes = Routes("feedback", schemas="chalicelib.handlers.feedback.schemas")


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
