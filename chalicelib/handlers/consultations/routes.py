"""Consultations' routes: administrators load them as data, and consultations
officers make them from templates at their desk; residents read and
respond (signed in: one response, changed until the close; anonymous: each a
response); staff see live counts by ward, export the responses and publish
"We asked, you said, we did"; other sites search them in Citizen Space's
public API shape (api/2.4/...) or follow the Atom feed."""
from ...api import http
from ...api.openapi import access_reason, errors, if_match, json_response, path_param, q, ref, with_etag, idempotency_key
from ...api.registry import Routes
from ...auth.rules import ANYONE, SIGNED_IN, desk
from ..alerts.audience import register
from .search import WORDS_MAX

routes = Routes("consultations", schemas="chalicelib.handlers.consultations.schemas")
DESK = desk("consultations")
# Consultation events (opened, closing, results published) reach followers and respondents by the alerts' fan-out.
register("consultation_", "chalicelib.handlers.consultations.notices")
ID = path_param("consultation_id", {"type": "string", "pattern": r"^[a-z0-9][a-z0-9-]{1,59}$",
                                    "example": "bishopthorpe-parking"})
NOT_FOUND = {"404": "No such consultation (code consultation_not_found)"}
CLOSED = {"409": "Not open: closed (code consultation_closed, the close in words), not open yet "
                 "(consultation_not_open), or changed elsewhere meanwhile (edit_conflict)"}
IDEMPOTENCY = idempotency_key("the same key answers the same response (16 or more characters: anonymous "
                              "callers share one key space)", anonymous=True)


def _body(name):
    return {"required": True, "content": {"application/json": {"schema": {"$ref": ref(name)}}}}


def _csv(body, name):
    from chalice import Response
    return Response(body=body, status_code=200, headers={**http.NO_STORE, "Content-Type": "text/csv; charset=utf-8",
                                                         "Content-Disposition": f'attachment; filename="{name}"'})


@routes.get("/v1/staff/consultations", DESK, {
    "summary": "The consultations desk's list: forthcoming, open and recently closed, latest close first (50)",
    "responses": {"200": json_response(ref("ConsultationList"))}})
def desk_consultations():
    from ...storage import metering
    from .desk import desk_list
    metering.expose()  # one Query of the search rows it returns
    return http.ok(desk_list(http.deps()), headers=http.NO_STORE)


@routes.get("/v1/staff/consultation-templates", DESK, {
    "summary": "The templates a consultation starts from (its form's questions, and the words it suggests), and "
               "the council's wards it may concern",
    "responses": {"200": json_response(ref("ConsultationTemplates"))}})
def consultation_templates():
    from ...storage import metering
    from .desk import templates
    metering.expose()  # the wards alone: the templates are the code's data
    return http.ok(templates(http.deps()), headers=http.NO_STORE)


@routes.post("/v1/staff/consultations", DESK, with_etag({
    "summary": "Make a consultation from a template (its form) and the officer's words, areas, topics and London "
               "opening and closing moments; its id from its title. Checked first: each error with its JSON path. "
               "Idempotent with Idempotency-Key",
    "parameters": [idempotency_key("the same key and body answer the same consultation")],
    "requestBody": _body("ConsultationNew"),
    "responses": {"201": json_response(ref("StaffConsultation")), "200": json_response(ref("StaffConsultation")),
                  **errors(400, **{"409": "A consultation with that title exists (code consultation_exists)",
                                   "422": "The data breaks a rule the checker states in words (validation_failed): "
                                          "each error with its JSON path"})}}))
def create_consultation():
    from .desk import create
    view, created = create(http.deps(), http.body(), http.header("idempotency-key"))
    return http.ok(view, status=201 if created else 200, headers={**http.NO_STORE, "ETag": f'"{view["version"]}"'})


@routes.route("PUT", "/v1/staff/consultations/{consultation_id}", DESK, with_etag({
    "summary": "Load a consultation as data (its words, London opening and closing moments, areas, topics, "
               "documents and its form), checked first: each error with its JSON path. One that exists needs "
               "If-Match; its questions are fixed once anyone has responded. The desk changes it until it opens "
               "(then 409 consultation_open); an administrator may still mend it",
    "parameters": [ID, {**if_match("consultation"), "required": False}], "requestBody": _body("ConsultationData"),
    "responses": {"200": json_response(ref("StaffConsultation")), "201": json_response(ref("StaffConsultation")),
                  **errors(400, **{"409": "Stale If-Match (edit_conflict), questions fixed (questions_fixed) or "
                                          "opened (consultation_open)",
                                   "422": "The data breaks a rule the checker states in words (validation_failed): "
                                          "each error with its JSON path",
                                   "428": "The consultation exists: send If-Match"})}}))
def load_consultation(consultation_id):
    from .managing import load
    view, created = load(http.deps(), consultation_id, http.body(), http.header("if-match"))
    return http.ok(view, status=201 if created else 200, headers={**http.NO_STORE, "ETag": f'"{view["version"]}"'})


@routes.get("/v1/staff/consultations/{consultation_id}", DESK, with_etag({
    "summary": "Staff: one consultation as loaded, with its version (ETag) and the notices sent",
    "parameters": [ID], "responses": {"200": json_response(ref("StaffConsultation")), **errors(**NOT_FOUND)}}))
def staff_consultation(consultation_id):
    from .managing import staff_read
    view = staff_read(http.deps(), consultation_id)
    return http.ok(view, headers={**http.NO_STORE, "ETag": f'"{view["version"]}"'})


@routes.get("/v1/consultations", ANYONE, {
    "summary": "Consultations open now (status=forthcoming or closed for those), soonest closing first",
    "parameters": [q("status", "open (default), forthcoming or closed",
                     schema={"type": "string", "enum": ["open", "forthcoming", "closed"]})],
    "responses": {"200": json_response(ref("ConsultationList")), **errors(400)}})
def list_consultations():
    from .managing import listing
    return http.ok(listing(http.deps(), http.query()), headers={"Cache-Control": "no-cache"})


@routes.get("/v1/consultations/{consultation_id}", ANYONE, {
    "summary": "One consultation: why, what happens next, documents, when it opens and closes (in words too: "
               "residents are told before they start), its questions, and its results once published",
    "parameters": [ID], "responses": {"200": json_response(ref("Consultation")), **errors(**NOT_FOUND)}})
def read_consultation(consultation_id):
    from .managing import read
    return http.ok(read(http.deps(), consultation_id), headers={"Cache-Control": "no-cache"})


@routes.post("/v1/consultations/{consultation_id}/responses", ANYONE, {
    "summary": "Respond anonymously: the answers (checked as the form's questions) and optionally a postcode "
               "(counted in its ward). Limited per client; a response with the same answers as an earlier one is "
               "kept and flagged for the analyst. Idempotent with Idempotency-Key",
    "parameters": [ID, IDEMPOTENCY], "requestBody": _body("ResponseAnswers"),
    "responses": {"201": json_response(ref("ConsultationResponse")),
                  **errors(400, 422, 429, **NOT_FOUND, **CLOSED)}})
def respond_anonymously(consultation_id):
    from .responding import respond_anonymously
    view, created = respond_anonymously(http.deps(), consultation_id, http.body(), http.header("idempotency-key"))
    return http.created(view, created)


@routes.route("PUT", "/v1/consultations/{consultation_id}/response", SIGNED_IN, with_etag({
    "summary": "The signed-in resident's one response, made or replaced whole until the close; If-Match "
               "(its ETag) refuses a change made meanwhile elsewhere",
    "parameters": [ID, {**if_match("response"), "required": False}], "requestBody": _body("ResponseAnswers"),
    "responses": {"200": json_response(ref("ConsultationResponse")),
                  "201": json_response(ref("ConsultationResponse")), **errors(400, **NOT_FOUND, **CLOSED)}}))
def respond_signed_in(consultation_id):
    from .responding import respond_signed_in
    view, created, tag = respond_signed_in(http.deps(), consultation_id, http.body(), http.header("if-match"))
    return http.ok(view, status=201 if created else 200, headers={**http.NO_STORE, "ETag": tag})


@routes.get("/v1/consultations/{consultation_id}/response", SIGNED_IN, with_etag({
    "summary": "The signed-in resident's response to change, with its ETag; 204 when they have not responded "
               "(not having responded is an answer: PUT without If-Match makes their response)",
    "parameters": [ID], "responses": {"200": json_response(ref("ConsultationResponse")),
                                      "204": {"description": "You have not responded to it (no body, no ETag)"},
                                      **errors(**NOT_FOUND)}}))
def my_response(consultation_id):
    from .responding import mine
    view, tag = mine(http.deps(), consultation_id)
    if view is None:
        from chalice import Response
        return Response(body="", status_code=204, headers=http.NO_STORE)
    return http.ok(view, headers={**http.NO_STORE, "ETag": tag})


@routes.get("/v1/me/consultation-responses", SIGNED_IN, {
    "summary": "My consultation responses, newest first, each with its consultation, whether it is still open (and "
               "so can be changed, until its close) and whether its results are published (one Query of the "
               "responses' user index, one BatchGetItem of their consultations: Server-Timing)",
    "responses": {"200": json_response(ref("MyConsultationResponses"))}})
def my_consultation_responses():
    from ...storage.metering import expose
    from .responding import of_mine
    deps = http.deps()
    expose()  # the resident's own: what it read is theirs to see
    return http.ok({"responses": of_mine(deps, deps.principal.user_id)}, headers=http.NO_STORE)


@routes.get("/v1/staff/consultations/{consultation_id}/counts", DESK, {
    "summary": "Staff: responses so far, live, by ward (the counters each response adds to; no personal details)",
    "parameters": [ID], "responses": {"200": json_response(ref("WardCounts")), **errors(**NOT_FOUND)}})
def consultation_counts(consultation_id):
    from ...storage import metering
    from .analysis import counts
    metering.expose()  # the desk watches it: its cost is the wards with responses, not the responses
    return http.ok(counts(http.deps(), consultation_id), headers=http.NO_STORE)


@routes.get("/v1/staff/consultations/{consultation_id}/responses.csv", DESK, {
    "summary": "Staff: the responses for analysis as CSV (free text whole), without personal details; "
               "respondents.csv holds those, joined by the response's reference",
    "parameters": [ID], "responses": {"200": {"description": "CSV", "content": {"text/csv": {
        "schema": {"type": "string"}}}}, **errors(**NOT_FOUND)}})
def consultation_responses_csv(consultation_id):
    from .analysis import responses_csv
    return _csv(responses_csv(http.deps(), consultation_id), f"{consultation_id}-responses.csv")


@routes.get("/v1/staff/consultations/{consultation_id}/respondents.csv", DESK, {
    "summary": "Staff: the personal details given with each response (names, contact, addresses, postcode), "
               "by the response's reference: kept apart from the answers analysed; each download audited with "
               "its reason",
    "parameters": [ID, access_reason("the respondents' details")],
    "responses": {"200": {"description": "CSV", "content": {"text/csv": {
        "schema": {"type": "string"}}}}, **errors(400, **NOT_FOUND)}})
def consultation_respondents_csv(consultation_id):
    from .analysis import respondents_csv
    return _csv(respondents_csv(http.deps(), consultation_id), f"{consultation_id}-respondents.csv")


@routes.post("/v1/staff/consultations/{consultation_id}/results", DESK, with_etag({
    "summary": "Staff: publish \"We asked, you said, we did\" once it has closed: summary, what people said, what "
               "the council did, figures and the decision it fed (a meeting item's id or a web address); responses "
               "by ward from the counters, a ward under 10 withheld. The first publication tells respondents",
    "parameters": [ID, if_match("consultation")], "requestBody": _body("ResultsNew"),
    "responses": {"200": json_response(ref("StaffConsultation")), **errors(400, 428, **NOT_FOUND, **{
        "409": "Not closed yet (code consultation_not_closed) or a stale If-Match (edit_conflict)"})}}))
def publish_results(consultation_id):
    from .results import publish
    view = publish(http.deps(), consultation_id, http.body(), http.header("if-match"))
    return http.ok(view, headers={**http.NO_STORE, "ETag": f'"{view["version"]}"'})


@routes.get("/v1/consultations/{consultation_id}/results", ANYONE, {
    "summary": "We asked, you said, we did: what the council heard and did, figures, the decision it fed, and "
               "responses by ward (a ward with fewer than 10 withheld)",
    "parameters": [ID], "responses": {"200": json_response(ref("ConsultationResults")), **errors(**{
        "404": "No such consultation (consultation_not_found) or no results yet (results_not_found)"})}})
def consultation_results(consultation_id):
    from .results import results_view
    return http.ok(results_view(http.deps(), consultation_id), headers={"Cache-Control": "no-cache"})


# Delib Citizen Space's public API v2, at its own paths (api/2.4/...), so a council website or an
# aggregator that reads Citizen Space reads these with no new code: read-only, no key, any origin.
OPEN_TO_ALL = {"Cache-Control": "public, max-age=60", "Access-Control-Allow-Origin": "*"}


@routes.get("/api/2.4/json_search_results", ANYONE, {
    "summary": "Citizen Space API v2: consultations as a JSON array: tx words, pc a postcode (its ward's and "
               "the whole council's), st forthcoming|open|closed, dk op|cl with fd/td (yyyy/mm/dd, London dates), "
               "fields basic|extended|all (at most 100, soonest closing first)",
    "parameters": [q("tx", "words in the title or overview", schema={"type": "string", "maxLength": WORDS_MAX}),
                   q("pc", "a postcode", schema={"type": "string", "pattern": r"^[A-Za-z0-9 ]{2,10}$"}),
                   q("st", "status", schema={"type": "string", "enum": ["forthcoming", "open", "closed"]}),
                   q("dk", "which date fd and td are of: op (opening) or cl (closing)",
                     schema={"type": "string", "enum": ["op", "cl"]}),
                   q("fd", "from date, yyyy/mm/dd", schema={"type": "string", "pattern": r"^\d{4}/\d{2}/\d{2}$"}),
                   q("td", "to date, yyyy/mm/dd (inclusive)", schema={"type": "string",
                                                                     "pattern": r"^\d{4}/\d{2}/\d{2}$"}),
                   q("fields", "the tier of fields", schema={"type": "string", "enum": ["basic", "extended", "all"]})],
    "responses": {"200": json_response(ref("CitizenSpaceResults")), **errors(400, **{
        "422": "Well-formed but naming nothing real: not a real date, not a postcode, fd/td without dk"})}})
def citizen_space_search():
    from .search import search_results
    return http.ok(search_results(http.deps(), http.query()), headers=OPEN_TO_ALL)


@routes.get("/api/2.4/json_consultation_details", ANYONE, {
    "summary": "Citizen Space API v2: one consultation, every field, by its department (dept) and id",
    "parameters": [q("dept", "the department as in dept of the search", required=True,
                     schema={"type": "string", "minLength": 1, "maxLength": 120}),
                   q("id", "the consultation's id", required=True, schema={"type": "string", "minLength": 1, "maxLength": 60})],
    "responses": {"200": json_response(ref("CitizenSpaceConsultation")), **errors(400, **NOT_FOUND)}})
def citizen_space_details():
    from .search import details
    return http.ok(details(http.deps(), http.query()), headers=OPEN_TO_ALL)


@routes.get("/v1/feeds/consultations.atom", ANYONE, {
    "summary": "Atom: consultations that have opened, newest first, with when they close (no responses, no counts)",
    "responses": {"200": {"description": "Atom", "content": {"application/atom+xml": {"schema": {"type": "string"}}}},
                  "304": {"description": "Not modified"}}})
def consultations_feed():
    from .feed import CONTENT_TYPE, MAX_AGE_SECONDS, atom
    return http.cacheable(http.request(), atom(http.deps()), CONTENT_TYPE, MAX_AGE_SECONDS)
