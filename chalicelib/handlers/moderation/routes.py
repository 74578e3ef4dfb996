"""Moderation's routes: staff edit a report's words and hide its photos;
its reporter withdraws a photo of theirs."""
from ...api import http
from ...api.openapi import errors, identifier, if_match, operation, path_param, q, with_etag, ref
from ...api.registry import Routes
from ...auth.rules import ANYONE, desk

routes = Routes("moderation", schemas="chalicelib.handlers.moderation.schemas")
REPORT_ID = path_param("report_id", {"type": "string", "example": "DS-7K3F9Q"})


@routes.post("/v1/staff/reports/{report_id}/moderation", desk("moderation"), with_etag({**operation(
    "Moderate: change the public title and description (words taken out read \"[...]\") and hide photos, "
    "with a reason; the original stays for staff, the audit says who, when and why, and every public output "
    "(page, map, feeds, Open311, open data) shows only what is left, with \"moderated by the council\"",
    "Moderation", "200", ref("StaffReport"), (400, 403, 404, 409, 422, 428)),
    "parameters": [REPORT_ID, if_match("report")]}))
def moderate_report(report_id):
    from .moderate import moderate
    body, etag = moderate(http.deps(), report_id, http.body(), http.header("If-Match"))
    return http.ok(body, headers={**http.NO_STORE, "ETag": etag})


@routes.delete("/v1/reports/{report_id}/photos/{name}", ANYONE, {
    "summary": "Its reporter withdraws a photo of theirs from the public report (with ?token= or signed in "
               "as its owner); staff keep it",
    "parameters": [REPORT_ID, path_param("name", {"type": "string", "example": "0f3c...e1.jpg"}),
                   q("token", "the tracking token returned at creation", schema=identifier(max_length=200))],
    "responses": {"204": {"description": "Withdrawn (again: still withdrawn)"}, **errors(403, 404, 409, 422)}})
def withdraw_photo(report_id, name):
    from .reporter import withdraw_photo
    withdraw_photo(http.deps(), report_id, name, token=http.query().get("token"))
    return http.empty()
