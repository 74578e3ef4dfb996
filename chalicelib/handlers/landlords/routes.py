"""The landlords' portal: a landlord organisation registered by its lead
user, its colleagues, its payment runs (and their CSV), the claims paid to it
and the changes it reports. Every landlord route is the caller's own
organisation's (registering.member_of); the cost of what it reads is sent
(Server-Timing)."""
from ...api import http
from ...api.openapi import errors, operation, path_param, q, idempotency_key
from ...api.registry import Routes
from ...auth.rules import SIGNED_IN, desk
from ...validation import SOME_TEXT, trimmed_text
from ..revenues.limits import REASON_MAX, REASON_MIN
from ..shared import effects
from . import limits

routes = Routes("landlords")
# The claims copy is written by its own event's effect, from the stream alone (copying.py).
effects.register("landlord_claims_old", "landlords.copy", "chalicelib.handlers.landlords.copying:on_old")
effects.register("landlord_invited", "landlords.invite", "chalicelib.handlers.landlords.inviting:on_invited")
# A change reported joins the revenues' queue by its `revenue_request`: counted once for the council's figures.
effects.register("revenue_request", "landlords.finished", "chalicelib.handlers.landlords.changes:on_request")
PRIVATE = {"Cache-Control": "private, no-store"}
DOWN = {"503": "The back office cannot be reached and there is no copy yet (Retry-After)"}
NOT_ONE = (403,)  # not a landlord's member, awaiting approval, or a role that may not
RUN_REF = path_param("run_ref", {"type": "string", "pattern": limits.RUN_PATTERN})
CLAIM_REF = path_param("claim_ref", {"type": "string", "maxLength": 20})
BODY = {"required": True, "content": {"application/json": {"schema": {"type": "object"}}}}


def _body(schema):
    return {"required": True, "content": {"application/json": {"schema": {"type": "object", **schema}}}}


CREDITOR_REF = {"type": "string", "pattern": limits.CREDITOR_PATTERN, "example": "CR000123"}
# The proof the council chose (GET /v1/landlords/registering): the other proof sent is a rule (422).
REGISTERING = _body({"oneOf": [
    {"required": ["creditor_ref", "claim_ref", "surname"], "additionalProperties": False, "properties": {
        "creditor_ref": CREDITOR_REF, "claim_ref": {"type": "string", "pattern": limits.CLAIM_PATTERN},
        "surname": {"type": "string", "minLength": 1, "maxLength": limits.NAME_MAX, "pattern": SOME_TEXT}}},
    {"required": ["creditor_ref", "bank_last4"], "additionalProperties": False, "properties": {
        "creditor_ref": CREDITOR_REF, "bank_last4": {"type": "string", "pattern": "^[0-9]{4}$"}}}]})
REASON = _body({"required": ["reason"], "properties": {
    "reason": {"type": "string", "minLength": 1, "maxLength": limits.REASON_MAX, "pattern": SOME_TEXT}}})
DAY = {"type": "string", "format": "date"}


def _costed():
    from ...storage.metering import expose
    expose()
    return http.deps()


def _member(need=None):
    from .registering import member_of
    deps = _costed()
    return deps, member_of(deps, need)[0]


@routes.get("/v1/landlords/registering", SIGNED_IN, operation(
    "What registering a landlord asks for here: the council's proof (claim: a tenant's claim reference and "
    "surname; bank: the last 4 digits of the account paid) and whether an officer approves", None, "200",
    "proof and approval"))
def landlord_registering():
    from ...config import landlords as settings
    chosen = settings()
    return http.ok({"proof": chosen["proof"], "approval": chosen["approval"]})


@routes.post("/v1/landlords", SIGNED_IN, {
    "summary": "Register a landlord we pay, as its lead user: the creditor reference and the council's proof "
               "(claim_ref and surname of a tenant paid for, or bank_last4). A missing landlord and a wrong proof "
               "get the same answer; attempts are limited per client, per person and per creditor reference",
    "requestBody": REGISTERING, "responses": {
        "201": {"description": "Registered (state active or awaiting_approval)"},
        **errors(400, 409, 429, **{"422": "Not matched (code not_matched), or not the proof this council asks for "
                                          "(validation_failed)", **DOWN})}})
def register_landlord():
    from .registering import register
    view, _ = register(http.deps(), http.body())
    return http.ok(view, status=201, headers=PRIVATE)


@routes.get("/v1/me/landlord", SIGNED_IN, operation(
    "The landlord I belong to and my role (the lead also sees the colleagues)", None, "200", "the landlord",
    (404,)))
def my_landlord():
    from .registering import mine
    return http.ok(mine(http.deps()), headers=PRIVATE)


@routes.post("/v1/me/landlord/colleagues", SIGNED_IN, {
    "summary": "The lead adds a colleague with a role (view, or report: view and report changes): by e-mail (an "
               "invitation, e-mailed to the address, the person takes by opening the portal signed in with it, "
               "the same answer whether or not they have an account yet) or by user_id; audited",
    "requestBody": BODY, "responses": {"201": {"description": "Added"}, **errors(400, 403, 404, 409)}})
def add_landlord_colleague():
    from .colleagues import add_colleague
    return http.ok(add_colleague(http.deps(), http.body()), status=201, headers=PRIVATE)


@routes.delete("/v1/me/landlord/colleagues/{user_id}", SIGNED_IN, {
    "summary": "The lead removes a colleague; audited", "parameters": [path_param("user_id", {"maxLength": 64})],
    "responses": {"204": {"description": "Removed"}, **errors(403, 404, 409)}})
def remove_landlord_colleague(user_id):
    from .colleagues import remove_colleague
    remove_colleague(http.deps(), user_id)
    return http.empty()


@routes.get("/v1/me/landlord/runs", SIGNED_IN, {
    "summary": "Our payment runs, newest first: date, total and lines, those paid in a period when asked; the last "
               "copy with its age while the back office is away",
    "parameters": [q("from", "paid on or after (YYYY-MM-DD)", schema=DAY),
                   q("to", "paid on or before (YYYY-MM-DD)", schema=DAY)],
    "responses": {"200": {"description": "the runs"}, **errors(400, *NOT_ONE, 503)}})
def landlord_runs():
    from .schedules import in_period, period, runs
    start, end = period(http.query())
    deps, org = _member()
    return http.ok(in_period(runs(deps, org), start, end), headers=PRIVATE)


@routes.get("/v1/me/landlord/runs/{run_ref}", SIGNED_IN, {
    "summary": "One payment run with a line per claim: tenant, address, period, amount and overpayment recovered",
    "parameters": [RUN_REF], "responses": {"200": {"description": "the run"}, **errors(*NOT_ONE, 404, 503)}})
def landlord_run(run_ref):
    from .schedules import run_view
    deps, org = _member()
    return http.ok(run_view(deps, org, run_ref), headers=PRIVATE)


@routes.get("/v1/me/landlord/runs/{run_ref}/csv", SIGNED_IN, {
    "summary": "The whole run as CSV for a finance system (pounds and pence, ISO dates)", "parameters": [RUN_REF],
    "responses": {"200": {"description": "text/csv"}, **errors(*NOT_ONE, 404, 503)}})
def landlord_run_csv(run_ref):
    from chalice import Response
    from .schedules import run_csv
    deps, org = _member()
    return Response(body=run_csv(deps, org, run_ref), status_code=200, headers={
        "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": f'attachment; filename="{run_ref}.csv"',
        **PRIVATE})


@routes.get("/v1/me/landlord/claims", SIGNED_IN, {
    "summary": "Claims paid to us found by the tenant's name (full, or surname), the address as printed or any run "
               "of its words (with the house number), the postcode or the claim reference: names first, then "
               "addresses, 50 a page; next_cursor (null on the last page) asks for the next",
    "parameters": [q("q", "what to search by", required=True,
                     schema=trimmed_text(limits.SEARCH_MIN, limits.SEARCH_MAX)),
                   q("cursor", "next_cursor of the page before", schema={"type": "string",
                                                                         "maxLength": limits.CURSOR_MAX})],
    "responses": {"200": {"description": "a page of the claims found"}, **errors(400, *NOT_ONE, 503)}})
def landlord_claims():
    from .searching import search
    deps, org = _member()
    asked = http.query()
    return http.ok(search(deps, org, asked.get("q"), asked.get("cursor")), headers=PRIVATE)


@routes.get("/v1/me/landlord/claims/{claim_ref}", SIGNED_IN, {
    "summary": "A claim paid to us: status (and why suspended), weekly amount, next payment, overpayments "
               "recovered and the date by which each can be disputed", "parameters": [CLAIM_REF],
    "responses": {"200": {"description": "the claim"}, **errors(*NOT_ONE, 404, 503)}})
def landlord_claim(claim_ref):
    from .claims import one
    deps, org = _member()
    return http.ok(one(deps, org, claim_ref), headers=PRIVATE)


@routes.post("/v1/me/landlord/claims/{claim_ref}/changes", SIGNED_IN, {
    "summary": "Report a change on a claim paid to us (tenant_left with date and forwarding_address, tenant_away, "
               "new_occupiers): queued for the back office and sent once; Idempotency-Key: sending again answers "
               "the same change (200)", "requestBody": BODY,
    "parameters": [CLAIM_REF, idempotency_key("the same key and body answer the same change (200)")],
    "responses": {"201": {"description": "Queued"}, "200": {"description": "Made already"},
                  **errors(400, *NOT_ONE, 404, 422)}})
def report_landlord_change(claim_ref):
    from .changes import report
    deps, org = _member("report")
    view, made = report(deps, org, claim_ref, http.body(), http.header("idempotency-key"))
    return http.ok(view, status=201 if made else 200, headers=PRIVATE)


@routes.get("/v1/me/landlord/changes", SIGNED_IN, operation(
    "The changes we reported and their state, with the back office's reference once taken", None, "200",
    "the changes", NOT_ONE))
def landlord_changes():
    from .changes import ours
    deps, org = _member()
    return http.ok(ours(deps, org), headers=PRIVATE)


CREDITOR = path_param("creditor_ref", {"type": "string", "pattern": limits.CREDITOR_PATTERN})


@routes.get("/v1/staff/landlords", desk("landlords"), operation(
    "Landlords awaiting the council's approval, oldest first (one Query of a sparse index)", None, "200",
    "the landlords waiting"))
def landlords_waiting():
    from .approvals import waiting
    return http.ok(waiting(http.deps()), headers=PRIVATE)


@routes.post("/v1/staff/landlords/{creditor_ref}/approval", desk("landlords"), {
    "summary": "Approve a landlord waiting for the council (where configuration asks for approval); audited",
    "parameters": [CREDITOR], "responses": {"200": {"description": "Approved"}, **errors(404, 409)}})
def approve_landlord(creditor_ref):
    from .approvals import approve
    return http.ok(approve(http.deps(), creditor_ref), headers=PRIVATE)


@routes.post("/v1/staff/landlords/{creditor_ref}/refusal", desk("landlords"), {
    "summary": "Refuse a landlord waiting for the council, with the reason: the organisation goes, the audit "
               "stays, and the creditor reference may be registered again", "parameters": [CREDITOR],
    "requestBody": REASON, "responses": {"200": {"description": "Refused"}, **errors(400, 404, 409)}})
def refuse_landlord(creditor_ref):
    from .approvals import refuse
    return http.ok(refuse(http.deps(), creditor_ref, http.body()), headers=PRIVATE)


@routes.post("/v1/staff/landlords/lookups", desk("landlords"), {
    "summary": "Read a landlord organisation for a caller: its members (names, e-mail addresses, roles, "
               "invitations), its audit with people by name, and the changes it reported. Personal data: read "
               "with a reason in the body (never the path), the read itself audited in the landlord's audit first",
    "requestBody": _body({"required": ["creditor_ref", "reason"], "additionalProperties": False, "properties": {
        "creditor_ref": CREDITOR_REF, "reason": trimmed_text(REASON_MIN, REASON_MAX)}}),
    "responses": {"200": {"description": "the landlord, its members, audit and changes"},
                  **errors(400, **{"404": "No landlord registered with that creditor reference (landlord_not_found)"})}})
def staff_landlord_lookup():
    from .staff import lookup
    return http.ok(lookup(_costed(), http.body()), headers=PRIVATE)
