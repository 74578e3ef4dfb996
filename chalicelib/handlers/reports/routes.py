"""Reports' routes: categories, photos, creating and tracking reports, the
map, nearby reports and feeds. Each view reads the request, calls its
handler (imported on first use) and answers."""
from ...api import http
from ...api.openapi import (GEOJSON, access_reason, errors, identifier, json_response, path_param, q, ref,
                           idempotency_key, KEY_MIN_ANONYMOUS, KEY_MIN_SIGNED_IN)
from ...api.registry import Routes
from ...auth.rules import ANYONE, REPORT, SIGNED_IN
from . import limits

routes = Routes("reports", schemas="chalicelib.handlers.reports.schemas")
REPORT_ID = path_param("report_id", {"type": "string", "example": "DS-7K3F9Q"})
TOKEN = q("token", "the tracking token returned at creation", schema=identifier(max_length=200))
GEO = {"Content-Type": "application/geo+json"}


@routes.get("/v1/services", ANYONE, {
    "summary": "Report categories with groups, keywords and extra fields; with lat and lon, only those on "
               "offer at that point, each with the body it will be sent to",
    "parameters": [q("lat", "with lon: the categories on offer here", schema={"type": "number", "minimum": -90,
                                                                               "maximum": 90}),
                   q("lon", "with lat", schema={"type": "number", "minimum": -180, "maximum": 180})],
    "responses": {"200": json_response(ref("ServiceList")), **errors(400, 422)}})
def list_services():
    from . import services
    return http.ok(services.list_services(http.deps(), http.query()))


@routes.get("/v1/services/{service_code}", ANYONE, {
    "summary": "One report category", "parameters": [path_param("service_code")],
    "responses": {"200": json_response(ref("Service")), **errors(404)}})
def get_service(service_code):
    from . import services
    return http.ok(services.get_service(http.deps(), service_code))


@routes.post("/v1/uploads", ANYONE, {
    "summary": "Start an upload (a report's photo, or a form's file): a presigned S3 form POST",
    "parameters": [{"name": "Form-Token", "in": "header", "required": False, "schema": {"type": "string"},
                    "description": "an anonymous form's token: the file is for that form alone"}],
    # One shape per kind, so that the document says what each may weigh (photos 10 MB, documents 20 MB).
    "requestBody": {"required": True, "content": {"application/json": {"schema": {"oneOf": [{
        "type": "object", "required": ["content_type", "size"],
        "properties": {"content_type": {"type": "string", "enum": list(types)},
                       "size": {"type": "integer", "minimum": 1, "maximum": most}}}
        for types, most in ((limits.PHOTO_CONTENT_TYPES, limits.PHOTO_MAX_BYTES),
                            (limits.DOCUMENT_CONTENT_TYPES, limits.DOCUMENT_MAX_BYTES))]}}}},
    "responses": {"201": json_response(ref("Upload"), "Created"), **errors(400, 413, 429)}})
def create_upload():
    from . import uploads
    return http.ok(uploads.create_upload(http.deps(), http.body(), http.header("form-token")), status=201)


@routes.get("/v1/photos/{name}", ANYONE, holds=REPORT, doc={
    "summary": "A report photo (cleaned of metadata): redirects to the image while its report is one the caller "
               "may see now (public, theirs, or in their staff scope), or with a signed link a private view gave; "
               "a live chat's photo (of=chat) with the signed link its chat gave alone",
    "parameters": [path_param("name"), q("exp", "a signed link's expiry (Unix seconds)"),
                   q("sig", "a signed link's signature"),
                   q("of", "chat: a photo sent in a live chat (its signed link opens it; no plain link does)")],
    "responses": {"302": {"description": "Redirect to the image (a short-lived URL; Cache-Control private)"},
                  **errors(404)}})
def photo(name):
    from .photo_access import CACHE, location
    return http.redirect(location(http.deps(), name, http.query()), headers=CACHE)


@routes.post("/v1/reports", ANYONE, {
    "summary": "Create a report (idempotent with Idempotency-Key)",
    "parameters": [idempotency_key("Same key and body: the same report again. Same key, other body: 422. "
                                   f"At least {KEY_MIN_ANONYMOUS} characters anonymously, "
                                   f"{KEY_MIN_SIGNED_IN} signed in.", anonymous=True)],
    "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": ref("NewReport")}}}},
    "responses": {"201": json_response(ref("Report"), "Created (or replayed)"), **errors(400, 409, 422, 429)}})
def create_report():
    from ...auth import rate_limits
    from . import create
    deps = http.deps()
    rate_limits.creation(deps, "report")  # 429 for a client making too many (staff are not limited)
    view, created = create.create_report(deps, http.body(), http.header("idempotency-key"))
    return http.created(view, created, headers={"Location": view["url"]})


@routes.get("/v1/reports", ANYONE, {
    "summary": "Reports in a bounding box, for the map",
    "parameters": [
        q("bbox", "w,s,e,n in degrees (longitude first); west not east of east, south not north of north, "
                  "and a city's size at most (else 422)", True,
          {"type": "string", "pattern": limits.BBOX_PATTERN, "example": "-1.10,53.95,-1.07,53.97"}),
        q("status", "open (default), closed, all, or a comma list of states",
          schema={"type": "string", "pattern": limits.STATUS_PATTERN}),
        q("service_code", f"comma list of service codes (at most {limits.MAP_MAX_SERVICE_CODES})",
          schema={"type": "string", "pattern": limits.SERVICE_CODES_PATTERN}),
        q("since", "only reports updated since this ISO 8601 date or date-time (a day that exists: else 422)",
          schema={"type": "string", "pattern": limits.DATE_PATTERN}),
        q("limit", "at most this many features (capped); `truncated` says when more exist",
          schema={"type": "integer", "minimum": 1})],
    "responses": {"200": GEOJSON, **errors(400, 422, 429)}})
def map_reports():
    from ...auth import rate_limits
    from . import map
    deps = http.deps()
    rate_limits.reading(deps, "map")  # a map pans often; a script asking without end meets 429
    return http.ok(map.map_reports(deps, http.query()), headers=GEO)


@routes.get("/v1/reports/nearby", ANYONE, {
    "summary": "Open reports near a point, for duplicate suggestions (\"is it one of these?\"), each with its "
               "count of \"me too\"s (supporters)",
    "parameters": [q("lat", "latitude", True, {"type": "number", "minimum": -90, "maximum": 90}),
                   q("lon", "longitude", True, {"type": "number", "minimum": -180, "maximum": 180}),
                   q("service_code", "only this category; also sets the default radius"),
                   q("radius_m", f"search radius in metres (max {limits.NEARBY_MAX_M})",
                     schema={"type": "number", "minimum": 1, "maximum": limits.NEARBY_MAX_M})],
    "responses": {"200": GEOJSON, **errors(400)}})
def nearby_reports():
    from . import nearby
    return http.ok(nearby.nearby(http.deps(), http.query()), headers=GEO)


@routes.get("/v1/reports/{report_id}", ANYONE, holds=REPORT, doc={
    "summary": "One report: the public view, or the private view with ?token=, for its owner, or for an officer "
               "of the reports desk in scope who gives Access-Reason (the reading audited)",
    "parameters": [REPORT_ID, TOKEN,
                   access_reason("the private view", required=False, without="the public view")],
    "responses": {"200": json_response(ref("Report")), **errors(400, 403, 404)}})
def get_report(report_id):
    from . import tracking
    view = tracking.get_report(http.deps(), report_id, token=http.query().get("token"))
    return http.ok(view, headers=http.NO_STORE if view["view"] == "private" else {})


@routes.get("/v1/reports/{report_id}/updates", ANYONE, holds=REPORT, doc={
    "summary": "The report's timeline; of a report whose details are private, only its status changes "
               "unless opened by its owner, ?token=, or an officer in scope giving Access-Reason (audited)",
    "parameters": [REPORT_ID, TOKEN,
                   access_reason("the private timeline", required=False, without="the public timeline")],
    "responses": {"200": json_response(ref("Timeline")), **errors(400, 403, 404)}})
def report_updates(report_id):
    from . import tracking
    deps, token = http.deps(), http.query().get("token")
    # What a token or a signed-in caller opens is theirs: never kept by a shared cache.
    return http.ok(tracking.get_updates(deps, report_id, token=token),
                   headers=http.NO_STORE if token is not None or deps.principal else {})


@routes.post("/v1/reports/{report_id}/supporters", ANYONE, {
    "summary": "\"Me too\": add your support to an open public report, once per person (canonical e-mail). "
               "Signed in with a verified e-mail and none given: counted now (200). An e-mail given: counted "
               "once its e-mailed link is followed (202, the same answer whether or not it supported before). "
               "Supporters are e-mailed the report's updates",
    "parameters": [REPORT_ID, idempotency_key("accepted for retries (at least "
                                              f"{KEY_MIN_ANONYMOUS} characters anonymously, "
                                              f"{KEY_MIN_SIGNED_IN} signed in); the support is "
                                              "idempotent by its own key (one per person per report), with or "
                                              "without it", anonymous=True)],
    "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": ref("SupporterNew")}}}},
    "responses": {"200": json_response(ref("Support"), "Counted (or counted before)"),
                  "202": json_response(ref("Support"), "check_email: counted once its link is followed"),
                  **errors(400, 429, **{"404": "No such public report (code report_not_found)",
                                        "409": "Closed, or your own report (code report_closed, own_report)",
                                        "422": "No e-mail and no signed-in verified one (code email_required)"})}})
def support_report(report_id):
    from .support import support
    answer, status = support(http.deps(), report_id, http.body(), http.header("idempotency-key"))
    return http.ok(answer, status=status, headers=http.NO_STORE)


@routes.post("/v1/supporters/confirm", ANYONE, {
    "summary": "Confirm a \"me too\" with the token its e-mail carried: counted once however often this is sent "
               "(a POST: a mail scanner following the link counts no one)",
    "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": ref("SupporterToken")}}}},
    "responses": {"200": json_response(ref("Support")),
                  **errors(400, **{"404": "Not (or no longer) a valid link (code supporter_not_found)"})}})
def confirm_supporter():
    from .support import confirm
    return http.ok(confirm(http.deps(), http.body()), headers=http.NO_STORE)


@routes.delete("/v1/reports/{report_id}/supporters/me", SIGNED_IN, {
    "summary": "Withdraw your \"me too\" (your verified e-mail's): the count goes down once, never below zero, "
               "and its e-mails about the report stop; the same answer however often it is sent",
    "parameters": [REPORT_ID],
    "responses": {"200": json_response(ref("Support"), "withdrawn (now or before)"),
                  **errors(401, **{"404": "No such report (code report_not_found)",
                                   "409": "The report kept changing (code edit_conflict): try again",
                                   "422": "Your e-mail is not verified (code email_required)"})}})
def withdraw_my_support(report_id):
    from .withdraw_support import withdraw_mine
    return http.ok(withdraw_mine(http.deps(), report_id), headers=http.NO_STORE)


@routes.post("/v1/supporters/withdraw", ANYONE, {
    "summary": "Withdraw a \"me too\" with the token its confirmation e-mail carried (counted or not yet)",
    "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": ref("SupporterToken")}}}},
    "responses": {"200": json_response(ref("Support"), "withdrawn (now or before)"),
                  **errors(400, **{"404": "Not a valid link (code supporter_not_found)",
                                   "409": "The report kept changing (code edit_conflict): try again"})}})
def withdraw_support_by_link():
    from .withdraw_support import withdraw_by_link
    return http.ok(withdraw_by_link(http.deps(), http.body()), headers=http.NO_STORE)


@routes.get("/v1/feeds/reports.rss", ANYONE, {
    "summary": f"RSS 2.0: the {limits.FEED_MAX_ITEMS} newest open reports within radius_m of a point or in a "
               "ward (ward=), or one report's timeline (report=); no personal data",
    "parameters": [
        q("lat", "latitude (with lon; or give report)", schema={"type": "number", "minimum": -90, "maximum": 90}),
        q("lon", "longitude (with lat)", schema={"type": "number", "minimum": -180, "maximum": 180}),
        q("radius_m", f"radius in metres ({limits.FEED_RADIUS_MIN_M} to {limits.FEED_RADIUS_MAX_M}, "
                      f"default {limits.FEED_RADIUS_DEFAULT_M})",
          schema={"type": "number", "minimum": limits.FEED_RADIUS_MIN_M, "maximum": limits.FEED_RADIUS_MAX_M,
                  "default": limits.FEED_RADIUS_DEFAULT_M}),
        q("report", "a report id: that report's timeline instead of an area"),
        q("ward", "a ward id (see /v1/councillors): reports inside that ward instead. Give lat and lon, "
                  "ward, or report: one of them (else 422)")],
    "responses": {"200": {"description": "RSS 2.0 with georss:point per item; ETag, and 304 for a "
                                         "matching If-None-Match",
                          "content": {"application/rss+xml": {"schema": {"type": "string"}}}},
                  "304": {"description": "Not modified"}, **errors(400, 404, 422)}})
def reports_feed():
    from . import feeds
    return http.cacheable(http.request(), feeds.reports_feed(http.deps(), http.query()),
                          feeds.CONTENT_TYPE, feeds.MAX_AGE_SECONDS)
