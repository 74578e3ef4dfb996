"""Forwarding's routes: staff sending a report (again, or to another body),
and a body's officer answering through the signed link in its e-mail."""
from ...api import http
from ...api.openapi import operation, path_param, q, ref
from ...api.registry import Routes
from ...auth.rules import ANYONE, desk
from .limits import SEND_STATES

routes = Routes("forwarding", schemas="chalicelib.handlers.forwarding.schemas")
REPORT_ID = path_param("report_id", {"type": "string", "example": "DS-7K3F9Q"})
BODY_ID = path_param("body_id", {"type": "string", "example": "north-yorkshire"})
TOKEN = path_param("token", {"type": "string", "maxLength": 300})


@routes.post("/v1/staff/reports/{report_id}/sends", desk("sends"), {**operation(
    "Send the report again, or to another body (audited); 409 while it is on its way there already",
    "SendAgain", "201", ref("SendState"), (400, 403, 404, 409)), "parameters": [REPORT_ID]})
def staff_send_again(report_id):
    from . import staff_sending
    from ..staff.view import send_detail
    sent = staff_sending.send_again(http.deps(), report_id, http.body())
    return http.ok(send_detail(sent), status=201, headers=http.NO_STORE)


@routes.get("/v1/staff/sends", desk("sends"), {**operation(
    "Sends that need staff: still retrying, awaiting the body's id for its token, failed after a day, or "
    "refused by the body; newest first, "
    "in your scope", None, "200", ref("SendsInTrouble"), (400,)),
    "parameters": [q("state", "retrying, awaiting_id, failed (default) or refused",
                     schema={"type": "string", "enum": list(SEND_STATES)}),
                   q("limit", "1-100, default 50", schema={"type": "integer", "minimum": 1, "maximum": 100})]})
def staff_sends():
    from . import staff_sending
    return http.ok(staff_sending.sends_in_trouble(http.deps(), http.query()), headers=http.NO_STORE)


@routes.get("/v1/staff/bodies/{body_id}/health", desk("sends"), {**operation(
    "A body's health: when its Open311 updates were last read, last read whole, and why not (an answer "
    "Doorstep could not read, updates without their ids)", None, "200", ref("BodyHealth"), (404,)),
    "parameters": [BODY_ID]})
def staff_body_health(body_id):
    from .health import body_health
    return http.ok(body_health(http.deps(), body_id), headers=http.NO_STORE)


@routes.get("/v1/body-links/{token}", ANYONE, {**operation(
    "A body's officer opens the signed link from its e-mail: the report and what they can say (no account)",
    None, "200", ref("BodyLink"), (403, 404)), "parameters": [TOKEN],
    "description": "403 link_expired (30 days after the e-mail), report_closed (the council closed it) or "
                   "link_withdrawn (the council took it back); 404 link_not_valid"})
def body_link(token):
    from . import officer_actions
    return http.ok(officer_actions.show(http.deps(), token), headers=http.NO_STORE)


@routes.post("/v1/body-links/{token}", ANYONE, {**operation(
    "The officer says it is in progress, fixed, or not theirs (with a reason): the resident is told",
    "BodyAnswer", "200", ref("BodyLink"), (400, 403, 404, 409, 422)), "parameters": [TOKEN],
    "description": "refused as GET is (403, 404) once the link no longer works"})
def body_link_answer(token):
    from . import officer_actions
    return http.ok(officer_actions.act(http.deps(), token, http.body()), headers=http.NO_STORE)
