"""Council tax in My Account: link an account, see it, its bills, unlink.
Each route is the signed-in person's own (their links only)."""
from ...api import http
from ...api.openapi import errors, json_response, operation, path_param, q, ref, idempotency_key
from ...api.registry import Routes
from ...auth.rules import SIGNED_IN, desk
from ..shared import effects
from . import limits

routes = Routes("revenues", schemas="chalicelib.handlers.revenues.schemas")
# A resident's request reaches the back office from its own event (sending.py).
effects.register("revenue_request", "revenues.send", "chalicelib.handlers.revenues.sending:on_request")
LINK_ID = path_param("link_id", {"type": "string", "pattern": limits.LINK_ID_PATTERN})
NO_LINK = {"404": "Not one of your links (code link_not_found)"}
DOWN = {"503": "The back office cannot be reached and there is no copy yet (Retry-After)"}
PRIVATE = {"Cache-Control": "private, no-store"}


@routes.get("/v1/me/council-tax", SIGNED_IN, operation(
    "The council tax accounts linked to me", None, "200", ref("CouncilTaxLinks")))
def my_council_tax():
    from .linking import my_links
    return http.ok(my_links(http.deps()), headers=PRIVATE)


@routes.post("/v1/me/council-tax", SIGNED_IN, {
    "summary": "Link a council tax account: the reference (its check digit checked at once), the name as on the "
               "bill and at least two of the four checks. A missing account and a wrong detail get the same "
               "answer; attempts are limited per client, per person and per reference. Linking again is the same "
               "link (200)",
    "requestBody": {"required": True, "content": {"application/json": {
        "schema": {"$ref": ref("CouncilTaxLinkRequest")}}}},
    "responses": {"201": json_response(ref("CouncilTaxLink"), "Linked"),
                  "200": json_response(ref("CouncilTaxLink"), "Linked already"),
                  **errors(400, 409, 429, **{"422": "Not matched (code not_matched), fewer than two checks, or a "
                                                    "reference whose check digit is wrong",
                                             **DOWN})}})
def link_council_tax():
    from .linking import link
    view, made = link(http.deps(), http.body())
    return http.ok(view, status=201 if made else 200, headers=PRIVATE)


@routes.get("/v1/me/council-tax/{link_id}", SIGNED_IN, {
    "summary": "My linked account: balance, next instalment, address and band, and the sections asked for "
               "(sections=plan,payments,documents,benefits,rent; none for the first screen alone; all when not "
               "given): the year's plan, payments this year, bills and letters, benefit claims and their payments, "
               "rent. Kept for minutes, each section with when it was read, and the last copy with its age when the "
               "back office cannot be asked",
    "parameters": [LINK_ID, q("sections", "plan, payments, documents, benefits, rent (comma separated), or none",
                              schema={"type": "string", "maxLength": 60, "pattern": limits.SECTIONS_PATTERN})],
    "responses": {"200": json_response(ref("CouncilTaxAccount")), **errors(400, **NO_LINK, **DOWN)}})
def council_tax_account(link_id):
    from .view import account, wanted
    return http.ok(account(http.deps(), link_id, wanted(http.query())), headers=PRIVATE)


@routes.post("/v1/me/council-tax/warm", SIGNED_IN, operation(
    "Read the first screen of each of my linked accounts whose copy is not fresh, and keep it, so opening one "
    "answers at once (the app asks when it opens, without waiting); a back office that cannot be asked is no "
    "error here", None, "200", "warmed: how many copies were read"))
def warm_council_tax():
    from .view import warm
    return http.ok(warm(http.deps()), headers=PRIVATE)


@routes.delete("/v1/me/council-tax/{link_id}", SIGNED_IN, {
    "summary": "Unlink the account (audited); its cached copy goes with it",
    "parameters": [LINK_ID], "responses": {"204": {"description": "Unlinked"}, **errors(**NO_LINK)}})
def unlink_council_tax(link_id):
    from .linking import unlink
    unlink(http.deps(), link_id)
    return http.empty()


@routes.get("/v1/me/council-tax/{link_id}/documents/{document_id}", SIGNED_IN, {
    "summary": "A bill or letter of my linked account as PDF, fetched from the back office for me now and "
               "never stored (Cache-Control: private, no-store); any Accept that takes application/pdf (*/*, as "
               "browsers send, or none)",
    "parameters": [LINK_ID, path_param("document_id", {"type": "string", "pattern": limits.DOCUMENT_ID_PATTERN})],
    "responses": {"200": {"description": "the PDF", "content": {"application/pdf": {
        "schema": {"type": "string", "format": "binary"}}}},
        **errors(**{"404": "Not one of your links or documents (link_not_found, document_not_found)", **DOWN})}})
def council_tax_document(link_id, document_id):
    from chalice import Response
    from .view import document
    pdf = document(http.deps(), link_id, document_id)
    return Response(body=pdf, status_code=200, headers={
        "Content-Type": "application/pdf", "Content-Disposition": f'inline; filename="{document_id}.pdf"',
        **PRIVATE})


@routes.post("/v1/me/council-tax/{link_id}/requests", SIGNED_IN, {
    "summary": "Ask the council tax office for something about my linked account: paperless billing (my own "
               "consent, never another liable person's), moving in, out or within on any date it accepts, the "
               "single person discount applied for or ended, the instalment day. The reference at once; it goes "
               "to the back office when it can be reached, once, and I am e-mailed when it is taken. "
               "Idempotency-Key: sending again answers the same request (200)",
    "parameters": [LINK_ID, idempotency_key("the same key and body answer the same request (200)")],
    "requestBody": {"required": True, "content": {"application/json": {
        "schema": {"$ref": ref("CouncilTaxRequestNew")}}}},
    "responses": {"201": json_response(ref("CouncilTaxRequest"), "Made (state queued or taken)"),
                  "200": json_response(ref("CouncilTaxRequest"), "Made already (the same Idempotency-Key)"),
                  **errors(400, 422, **NO_LINK)}})
def make_council_tax_request(link_id):
    from .requests import make
    view, made = make(http.deps(), link_id, http.body(), http.header("idempotency-key"))
    return http.ok(view, status=201 if made else 200, headers=PRIVATE)


@routes.get("/v1/me/council-tax/{link_id}/requests", SIGNED_IN, {
    "summary": "My requests about this linked account, newest first, each with its state and, once taken, the "
               "back office's reference",
    "parameters": [LINK_ID], "responses": {"200": json_response(ref("CouncilTaxRequests")), **errors(**NO_LINK)}})
def council_tax_requests(link_id):
    from .linking import owned
    from .requests import mine
    owned(http.deps(), link_id)
    found = mine(http.deps())
    return http.ok({"requests": [r for r in found["requests"] if r["link_id"] == link_id]}, headers=PRIVATE)


@routes.post("/v1/staff/council-tax/lookups", desk("council_tax"), operation(
    "Look a council tax account up for a caller, with a reason (audited before the back office is asked): the "
    "account as the back office has it now, its liable people, who has linked it, and its audit",
    "CouncilTaxLookup", "200", "the account, its links and its audit", (400, 404, 422, 503)))
def staff_council_tax_lookup():
    from .staff import lookup
    return http.ok(lookup(http.deps(), http.body()), headers=PRIVATE)


@routes.post("/v1/staff/council-tax/revocations", desk("council_tax"), operation(
    "Revoke a resident's link to a council tax account, with a reason (audited); its cached copy goes too",
    "CouncilTaxRevocation", "200", "Revoked", (400, 404, 422)))
def staff_council_tax_revoke():
    from .staff import revoke
    return http.ok(revoke(http.deps(), http.body()), headers=PRIVATE)


@routes.post("/v1/staff/council-tax/documents", desk("council_tax"), {
    "summary": "A bill or letter of a council tax account as PDF, opened for a caller with a reason (audited, with "
               "the document, before the back office is asked); never stored (Cache-Control: private, no-store)",
    "requestBody": {"required": True, "content": {"application/json": {
        "schema": {"$ref": ref("CouncilTaxStaffDocument")}}}},
    "responses": {"200": {"description": "the PDF", "content": {"application/pdf": {
        "schema": {"type": "string", "format": "binary"}}}},
        **errors(400, 422, **{"404": "No such account, or not one of its documents (account_not_found, "
                                     "document_not_found)", **DOWN})}})
def staff_council_tax_document():
    from chalice import Response
    from .staff import document
    body = http.body()
    pdf = document(http.deps(), body)
    return Response(body=pdf, status_code=200, headers={
        "Content-Type": "application/pdf", "Content-Disposition": 'inline; filename="document.pdf"', **PRIVATE})


@routes.post("/v1/staff/council-tax/unlocks", desk("council_tax"), operation(
    "Let a caller try linking their account again now: the wrong tries others made on its reference this hour "
    "forgotten (five lock it until the hour's end), with a reason (audited)",
    "CouncilTaxLookup", "200", "wrong_tries_forgotten and the lock now", (400, 422)))
def staff_council_tax_unlock():
    from .staff import unlock
    return http.ok(unlock(http.deps(), http.body()), headers=PRIVATE)


@routes.get("/v1/staff/council-tax/requests", desk("council_tax"), {
    "summary": "Residents' council tax requests the back office never took in two days (state=failed), newest "
               "first, at most 100: what was asked, for which account and person, how the last try failed; for an "
               "officer to key by hand. Our own rows, not audited per read (a lookup is)",
    "parameters": [q("state", "failed (the only state listed)", required=True,
                     schema={"type": "string", "enum": ["failed"]})],
    "responses": {"200": json_response(ref("CouncilTaxRequestsGivenUp")), **errors(400)}})
def staff_council_tax_requests():
    from .staff import given_up
    return http.ok(given_up(http.deps(), http.query()), headers=PRIVATE)


@routes.get("/v1/staff/council-tax/health", desk("council_tax"), operation(
    "Whether the revenues back office answers now (a login, as its availability is checked) and how fast; "
    "failure says how it failed: unreachable (down, its nightly window, too slow), malformed or refused",
    None, "200", "configured, reachable, seconds, failure"))
def staff_council_tax_health():
    from .staff import health
    return http.ok(health(http.deps()), headers=http.NO_STORE)
