"""What the council holds of people, drawn from the code's data map and its settings: its record of
processing for its administrators (ADMIN, beside the route: the council's own, as its settings are),
and its privacy notice for anyone, one section per service it offers, each with its anchor."""
from ...api import http
from ...api.openapi import errors, json_response, q, ref
from ...api.registry import Routes
from ...auth.rules import ADMIN, ANYONE

routes = Routes("privacy", schemas="chalicelib.handlers.privacy.schemas")
FORMATS = ("json", "csv")


def _council():
    from ...deps import default_deps
    return default_deps(base_url="").council  # the process's copy: no read on a warm function


@routes.get("/v1/council/record-of-processing", ADMIN, {
    "summary": "The council's record of processing activities (UK GDPR Article 30), for its administrators: "
               "every kind of record holding personal data (what, whose, why, lawful basis, recipients, "
               "default retention, whether the council offers its service), drawn from the data map declared "
               "beside each model and the council's settings; the kinds holding none listed. ?format=csv: the "
               "activities as a spreadsheet",
    "parameters": [q("format", "json (the default) or csv", schema={"type": "string", "enum": list(FORMATS)})],
    "responses": {"200": {**json_response(ref("RecordOfProcessing")),
                          "content": {"application/json": {"schema": {"$ref": ref("RecordOfProcessing")}},
                                      "text/csv": {"schema": {"type": "string"}}}}, **errors(400)}})
def record_of_processing():
    from chalice import Response
    from .record import as_csv, record
    from .wording import NOT_A_FORMAT
    from ...errors import ValidationFailed
    asked = http.query().get("format") or "json"
    if asked not in FORMATS:
        raise ValidationFailed([("format", NOT_A_FORMAT)])
    council = _council()
    made = record(council)
    if asked == "json":
        return http.ok(made, headers=http.NO_STORE)
    return Response(body=as_csv(made), status_code=200, headers={
        **http.NO_STORE, "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": f'attachment; filename="{council.id}-record-of-processing.csv"'})


@routes.get("/v1/privacy", ANYONE, {
    "summary": "The council's privacy notice (UK GDPR Articles 13 and 14): who the controller is and how to "
               "reach it, then one section per part of the service it offers (a service switched off has none), "
               "each with its anchor (`link`, /privacy#<id>) for the screens that collect the data, what is held, "
               "why, on what basis, who it goes to and how long it is kept; then the resident's rights",
    "responses": {"200": {**json_response(ref("PrivacyNotice")), "headers": {"ETag": {"schema": {"type": "string"}}}},
                  "304": {"description": "Not modified since the ETag given (If-None-Match)"}}})
def privacy_notice():
    from ..council.page import made
    from .notice import notice
    body = made(_council(), "privacy", notice)  # built once per copy of the settings the process keeps
    answer = http.cacheable(http.request(), body, http.JSON, max_age=300)
    answer.headers["Vary"] = "Host"  # each council's address has its own notice
    return answer
