"""Questionnaires' routes: the question a reporter's link opens, and their
answer. Anyone holding the link's token may answer; nobody else can tell a
questionnaire was sent."""
from ...api import http
from ...api.openapi import errors, identifier, json_response, path_param, q, ref
from ...api.registry import Routes
from ...auth.rules import ANYONE
from .limits import TOKEN_MAX

routes = Routes("questionnaires", schemas="chalicelib.handlers.questionnaires.schemas")
REPORT_ID = path_param("report_id", {"type": "string", "example": "DS-7K3F9Q"})


@routes.get("/v1/questionnaires/{report_id}", ANYONE, {
    "summary": "The questionnaire a reporter was sent (\"has it been fixed?\"), with the token from its link",
    "parameters": [REPORT_ID, q("token", "the token from the link the reporter was sent", required=True,
                                 schema=identifier(max_length=TOKEN_MAX))],
    "responses": {"200": json_response(ref("Questionnaire")), **errors(403, 404)}})
def get_questionnaire(report_id):
    from . import answering
    view = answering.get_questionnaire(http.deps(), report_id, http.query().get("token"))
    return http.ok(view, headers={"Cache-Control": "no-store"})


@routes.post("/v1/questionnaires/{report_id}/answer", ANYONE, {
    "summary": "Answer it, once: fixed or not, a rating and an optional comment. \"Not fixed\" reopens "
               "a closed report within the council's window; the same answer again is a safe retry",
    "parameters": [REPORT_ID],
    "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": ref("Answer")}}}},
    "responses": {"201": json_response(ref("Questionnaire"), "Answer recorded (or, with Idempotent-Replayed, "
                                                              "the same answer recorded before)"),
                  **errors(400, 403, 404, 409)}})
def answer_questionnaire(report_id):
    from . import answering
    view, created = answering.answer(http.deps(), report_id, http.body())
    return http.created(view, created)
