"""E-petitions' routes: residents start, sponsor and sign; anyone reads, lists
and takes the open data; staff moderate, respond and invalidate."""
from ...api import http
from ...api.openapi import errors, if_match, json_response, path_param, q, ref, with_etag, idempotency_key
from ...api.registry import Routes
from ...auth.rules import ANYONE, PETITION, SIGNED_IN, desk
from ..alerts.audience import register
from . import limits

routes = Routes("petitions", schemas="chalicelib.handlers.petitions.schemas")
# Petition events (notices to signers, new petitions for area and ward
# alerts) are carried by the alert fan-out, which asks this module who hears.
register("petition_", "chalicelib.handlers.petitions.notices")
PETITION_ID = path_param("petition_id", {"type": "string", "example": "PT-7K3F9Q",
                                         "description": "the petition's id (GET also takes \"PT-7K3F9Q.json\")"})
NOT_FOUND = {"404": "No such petition, or not one the caller may see (code petition_not_found)"}
IDEMPOTENCY = idempotency_key("the same key and body answer the same petition")
CURSOR = q("cursor", "next_cursor of the page before (another value: 422)")
CURSOR_422 = {"422": "Not a cursor this API gave (code bad_cursor)"}
LIMIT = q("limit", "1 to 50 (default 20)", schema={"type": "integer", "minimum": 1, "maximum": 50})
ACCEPTED = {"202": json_response(ref("SigningAccepted"), "Accepted: the signature counts once its e-mail link "
                                                        "is followed (the same answer whether or not it had signed)")}


def _body(name):
    return {"required": True, "content": {"application/json": {"schema": {"$ref": ref(name)}}}}


@routes.post("/v1/petitions", SIGNED_IN, {
    "summary": "Start a petition (action, background, details, optionally a place or ward): it gathers "
               "sponsors through its sponsor_link, then waits for moderation (idempotent with Idempotency-Key)",
    "parameters": [IDEMPOTENCY], "requestBody": _body("PetitionNew"),
    "responses": {"201": json_response(ref("Petition")), **errors(400, 422)}})
def create_petition():
    from .drafting import create
    view, created = create(http.deps(), http.body(), http.header("idempotency-key"))
    return http.created(view, created, headers={"Location": f"/v1/petitions/{view['id']}"})


@routes.get("/v1/petitions", ANYONE, {
    "summary": "Petitions by state (open, closed, responded, rejected), newest first, a page at a time; q= "
               "searches their action and background",
    "parameters": [q("state", "open (default), closed, responded or rejected",
                     schema={"type": "string", "enum": ["open", "closed", "responded", "rejected"]}),
                   q("q", "words to look for", schema={"type": "string", "maxLength": 100}), CURSOR, LIMIT],
    "responses": {"200": json_response(ref("PetitionList")), **errors(400, **CURSOR_422)}})
def list_petitions():
    from .drafting import listing
    return http.ok(listing(http.deps(), http.query()), headers={"Cache-Control": "no-cache"})


@routes.get("/v1/petitions/{petition_id}", ANYONE, holds=PETITION, doc={
    "summary": "One petition: its count, the council's response, a debate, and counts by ward; its creator "
               "and staff also see the sponsors' link (sponsor_token= shows a pending one to a sponsor)",
    "parameters": [PETITION_ID, q("sponsor_token", "the sponsors' link token")],
    "responses": {"200": json_response(ref("Petition")), **errors(**NOT_FOUND)}})
def read_petition(petition_id):
    from .drafting import read
    petition_id = petition_id[:-5] if petition_id.endswith(".json") else petition_id
    deps = http.deps()
    view = read(deps, petition_id, http.query().get("sponsor_token"))
    private = "sponsor_link" in view
    return http.ok(view, headers=http.NO_STORE if private else {"Cache-Control": "no-cache"})


@routes.get("/v1/petitions/{petition_id}/wards.csv", ANYONE, {
    "summary": "Open data: a published petition's counted signatures by ward (petition_id, ward, signatures)",
    "parameters": [PETITION_ID],
    "responses": {"200": {"description": "CSV", "content": {"text/csv": {"schema": {"type": "string"}}}},
                  "304": {"description": "Not modified"}, **errors(**NOT_FOUND)}})
def petition_wards_csv(petition_id):
    from .drafting import wards_csv
    return http.cacheable(http.request(), wards_csv(http.deps(), petition_id), "text/csv; charset=utf-8", 60)


@routes.get("/v1/petitions/{petition_id}/wards.geojson", ANYONE, {
    "summary": "Open data for the map of signatures: the council's wards (GeoJSON, boundaries simplified) "
               "with a published petition's counted signatures in each",
    "parameters": [PETITION_ID],
    "responses": {"200": {"description": "GeoJSON FeatureCollection; properties ward_id, ward, signatures; "
                                         "`unplaced`: signatures whose postcode no ward holds",
                          "content": {"application/geo+json": {"schema": {"type": "object"}}}},
                  "304": {"description": "Not modified"}, **errors(**NOT_FOUND)}})
def petition_wards_geojson(petition_id):
    from .drafting import wards_geojson
    return http.cacheable(http.request(), wards_geojson(http.deps(), petition_id), "application/geo+json", 60)


@routes.post("/v1/petitions/{petition_id}/signatures", ANYONE, {
    "summary": "Sign an open petition (name, e-mail, postcode, in_area: true); counted once the e-mailed "
               "link is followed. Repeats send the link again at most every few minutes",
    "parameters": [PETITION_ID], "requestBody": _body("SignatureNew"),
    "responses": {**ACCEPTED, **errors(400, **NOT_FOUND, **{"409": "Not open for signatures (code "
                                                                  "petition_not_open)"})}})
def sign_petition(petition_id):
    from .signing import sign
    return http.ok(sign(http.deps(), petition_id, http.body()), status=202, headers=http.NO_STORE)


@routes.post("/v1/petitions/{petition_id}/sponsors", ANYONE, {
    "summary": "Sponsor a new petition through its sponsors' link (the token), as a signature: once enough "
               "sponsors have confirmed, it goes to moderation",
    "parameters": [PETITION_ID], "requestBody": _body("SponsorNew"),
    "responses": {**ACCEPTED, **errors(400, **NOT_FOUND, **{"409": "Moderated already (code petition_not_open)"})}})
def sponsor_petition(petition_id):
    from .signing import sign
    return http.ok(sign(http.deps(), petition_id, http.body(), sponsor=True), status=202, headers=http.NO_STORE)


@routes.post("/v1/signatures/confirm", ANYONE, {
    "summary": "Confirm a signature with the token its e-mail carried: it is counted, once however often "
               "this is sent",
    "requestBody": _body("SignatureConfirm"),
    "responses": {"200": json_response(ref("SignatureConfirmed")),
                  **errors(400, **{"404": "Not (or no longer) a valid link (code signature_not_found)"})}})
def confirm_signature():
    from .signing import confirm
    return http.ok(confirm(http.deps(), http.body()), headers=http.NO_STORE)


@routes.post("/v1/petitions/{petition_id}/followers", ANYONE, {
    "summary": "Follow a published petition without signing: told by e-mail when the council responds, a "
               "debate is scheduled or it closes. With no e-mail, the signed-in account's verified one (followed "
               "now); an e-mail given is followed once its link is opened (the same answer whether or not it "
               "followed before). One follower per e-mail; repeats are harmless",
    "parameters": [PETITION_ID], "requestBody": _body("FollowerNew"),
    "responses": {"202": json_response(ref("FollowAccepted"), "check_email, or following (signed in)"),
                  **errors(400, **NOT_FOUND, **{"422": "No e-mail and no signed-in verified one (code "
                                                       "email_required)"})}})
def follow_petition(petition_id):
    from .following import follow
    return http.ok(follow(http.deps(), petition_id, http.body()), status=202, headers=http.NO_STORE)


@routes.post("/v1/followers/confirm", ANYONE, {
    "summary": "Confirm following a petition with the token its e-mail carried (again: the same answer)",
    "requestBody": _body("FollowerToken"),
    "responses": {"200": json_response(ref("FollowerState")),
                  **errors(400, **{"404": "Not (or no longer) a valid link (code follower_not_found)"})}})
def confirm_follower():
    from .following import confirm
    return http.ok(confirm(http.deps(), http.body()), headers=http.NO_STORE)


@routes.post("/v1/followers/unsubscribe", ANYONE, {
    "summary": "Stop following a petition with the token every notice's unsubscribe link carries",
    "requestBody": _body("FollowerToken"),
    "responses": {"200": json_response(ref("FollowerState")),
                  **errors(400, **{"404": "Not a valid link (code follower_not_found)"})}})
def unsubscribe_follower():
    from .following import unsubscribe
    return http.ok(unsubscribe(http.deps(), http.body()), headers=http.NO_STORE)


@routes.get("/v1/feeds/petitions.rss", ANYONE, {
    "summary": "RSS 2.0: the newest open petitions (no personal data)",
    "responses": {"200": {"description": "RSS 2.0", "content": {"application/rss+xml": {"schema": {"type": "string"}}}},
                  "304": {"description": "Not modified"}}})
def petitions_feed():
    from .feeds import CONTENT_TYPE, MAX_AGE_SECONDS, open_feed
    return http.cacheable(http.request(), open_feed(http.deps()), CONTENT_TYPE, MAX_AGE_SECONDS)


@routes.get("/v1/staff/petitions", desk("petitions"), {
    "summary": "Staff: petitions in a state, oldest first (default sponsored: the moderation queue)",
    "parameters": [q("state", "pending, sponsored (default), open, rejected or closed",
                     schema={"type": "string", "enum": ["pending", "sponsored", "open", "rejected", "closed"]}),
                   CURSOR, LIMIT],
    "responses": {"200": json_response(ref("StaffPetitionList")), **errors(400, **CURSOR_422)}})
def staff_petitions():
    from .moderation import queue
    return http.ok(queue(http.deps(), http.query()), headers=http.NO_STORE)


@routes.get("/v1/staff/petitions/{petition_id}", desk("petitions"), with_etag({
    "summary": "Staff: one petition with its moderation and audit",
    "parameters": [PETITION_ID],
    "responses": {"200": json_response(ref("Petition")), **errors(**NOT_FOUND)}}, thing="petition"))
def staff_petition(petition_id):
    from .moderation import read
    view = read(http.deps(), petition_id)
    return http.ok(view, headers={**http.NO_STORE, "ETag": f'"{view["version"]}"'})


def _staff_change(summary, body_schema):
    return with_etag({"summary": summary, "parameters": [PETITION_ID, if_match("petition")],
                      "requestBody": _body(body_schema),
                      "responses": {"200": json_response(ref("Petition")),
                                    **errors(400, 428, **NOT_FOUND, **{"409": "Not in a state for this, or "
                                                                              "someone changed it first (code "
                                                                              "edit_conflict, with current)"})}},
                     thing="petition")


def _changed(change, petition_id):
    from ..shared.versions import expected_version
    version = expected_version(http.header("if-match"), "GET /v1/staff/petitions/{id}")
    view = change(http.deps(), petition_id, http.body(), version)
    return http.ok(view, headers={**http.NO_STORE, "ETag": f'"{view["version"]}"'})


@routes.post("/v1/staff/petitions/{petition_id}/publish", desk("petitions"), _staff_change(
    "Staff: publish a petition awaiting moderation; it is open for the configured period", "PetitionPublish"))
def publish_petition(petition_id):
    from .moderation import publish
    return _changed(publish, petition_id)


@routes.post("/v1/staff/petitions/{petition_id}/reject", desk("petitions"), _staff_change(
    f"Staff: reject a petition with a standard reason ({', '.join(limits.REJECTIONS)}) and a note",
    "PetitionReject"))
def reject_petition(petition_id):
    from .moderation import reject
    return _changed(reject, petition_id)


@routes.post("/v1/staff/petitions/{petition_id}/response", desk("petitions"), _staff_change(
    "Staff: the council's response; every counted signer is told once", "PetitionResponse"))
def respond_to_petition(petition_id):
    from .moderation import respond
    return _changed(respond, petition_id)


@routes.post("/v1/staff/petitions/{petition_id}/debate", desk("petitions"), _staff_change(
    "Staff: schedule a debate at full council; every counted signer is told once", "PetitionDebate"))
def schedule_petition_debate(petition_id):
    from .moderation import schedule_debate
    return _changed(schedule_debate, petition_id)


@routes.post("/v1/staff/petitions/{petition_id}/invalidate", desk("petitions"), {
    "summary": "Staff: invalidate signatures in bulk by e-mail domain, postcode, client or time window; the "
               "count drops by the counted ones among them (audited). dry_run counts without changing",
    "parameters": [PETITION_ID], "requestBody": _body("SignatureInvalidation"),
    "responses": {"200": json_response(ref("InvalidationResult")),
                  **errors(400, **NOT_FOUND, **{"422": "Nothing named to match (code nothing_to_match)"})}})
def invalidate_signatures(petition_id):
    from .moderation import invalidate
    return http.ok(invalidate(http.deps(), petition_id, http.body()), headers=http.NO_STORE)
