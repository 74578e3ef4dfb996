"""Paying any council bill by its reference: anyone, signed in or not."""
from ...api import http
from ...api.openapi import errors, json_response, operation, path_param, q, ref, idempotency_key
from ...api.registry import Routes
from ...auth.rules import ANYONE, SIGNED_IN, desk
from ..payments import hooks
from ..shared import effects
from . import limits

routes = Routes("bills", schemas="chalicelib.handlers.bills.schemas")
hooks.register(limits.PURPOSE, "chalicelib.handlers.bills.settling")  # receipts, the bill's status
# A bill paid is posted to its fund's back office from the payment's own event, once.
effects.register("payment_finished", "bills.post", "chalicelib.handlers.bills.posting:on_finished")
effects.register("payment_refunded", "bills.reverse", "chalicelib.handlers.bills.posting:on_refunded")  # a reversal
effects.register("pay_link_made", "bills.link_email", "chalicelib.handlers.bills.sending:by_email")
effects.register("pay_link_made", "bills.link_text", "chalicelib.handlers.bills.sending:by_text")
BILL_ID = path_param("bill_id", {"type": "string", "pattern": limits.BILL_ID_PATTERN})
NO_STORE = {"Cache-Control": "private, no-store"}
# An anonymous caller's key is 16 characters at least (shared/idempotency.py): a UUID is ideal.
# Payments anonymous callers make ask the anonymous length of a key (their keys share one space).
IDEMPOTENCY_KEY = idempotency_key(anonymous=True)


@routes.get("/v1/pay/funds", ANYONE, operation(
    "What can be paid for: each fund's name, hint, reference rule and the least and most it takes",
    None, "200", ref("Funds")))
def pay_funds():
    from .paying import funds
    return http.ok(funds(http.deps()), headers={"Cache-Control": "public, max-age=300"})


@routes.post("/v1/pay/check", ANYONE, {
    "summary": "Check a reference before the card page: its format and check digit (422 with the rule it "
               "broke), then the amount its issuer says is due (a PCN), or for a council tax account linked to "
               "the signed-in resident, the balance and next instalment; the same answer for any other "
               "well-formed reference",
    "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": ref("BillCheckRequest")}}}},
    "responses": {"200": json_response(ref("BillCheck")),
                  **errors(400, **{"422": "The reference breaks its fund's rule (code reference_invalid), or its "
                                          "issuer holds no such bill or it cannot be paid",
                                   "503": "The issuer cannot be asked now (code issuer_unavailable)"})}})
def pay_check():
    from .paying import check
    return http.ok(check(http.deps(), http.body()), headers=NO_STORE)


@routes.post("/v1/pay/payments", ANYONE, {
    "summary": "Pay a bill: the reference checked as by /v1/pay/check, the amount the issuer's where it fixes it; "
               "pay at payment.next_url (idempotent with Idempotency-Key)",
    "parameters": [IDEMPOTENCY_KEY],
    "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": ref("BillNew")}}}},
    "responses": {"201": json_response(ref("Bill")),
                  **errors(400, **{"422": "The reference breaks its fund's rule, the amount is outside its "
                                          "limits, the e-mail is not an address, or the key was used for "
                                          "another payment",
                                   "404": "The payment link was used or has expired (code link_gone)",
                                   "409": "A payment with the link is in progress (code link_in_progress, "
                                          "with started_at)",
                                   "503": "Card payments or the issuer cannot be reached now"})}})
def pay_create():
    from .paying import create
    view, made = create(http.deps(), http.body(), http.header("idempotency-key"))
    return http.created(view, made, headers={"Location": f"/v1/pay/payments/{view['id']}", **NO_STORE})


@routes.get("/v1/pay/payments/{bill_id}", ANYONE, {
    "summary": "A bill paid by reference and how its payment stands (its random id is the payer's way back)",
    "parameters": [BILL_ID],
    "responses": {"200": json_response(ref("Bill")), **errors(**{"404": "No such bill (code bill_not_found)"})}})
def pay_read(bill_id):
    from .paying import read
    return http.ok(read(http.deps(), bill_id), headers=NO_STORE)


@routes.get("/v1/me/bills", SIGNED_IN, operation(
    "The bills I paid by reference, newest first, each with how its payment finished", None, "200", ref("Bills")))
def my_bills():
    from .paying import mine
    return http.ok(mine(http.deps()), headers=NO_STORE)


LINK_ID = path_param("link_id", {"type": "string", "pattern": limits.LINK_ID_PATTERN})
LINK_GONE = {"404": "No such link, or it was paid or has expired (code link_gone)",
             "409": "A payment with the link is in progress (code link_in_progress, with started_at)"}


@routes.get("/v1/pay/links/{link_id}", ANYONE, {
    "summary": "A payment link an officer sent: its fund, reference and amount, to prefill the pay screen",
    "parameters": [LINK_ID], "responses": {"200": json_response(ref("PayLink")), **errors(**LINK_GONE)}})
def pay_link(link_id):
    from .links import read
    return http.ok(read(http.deps(), link_id), headers=NO_STORE)


@routes.post("/v1/staff/pay/links", desk("bills"), {
    "summary": "Make a payment link with the fund, reference and amount filled in (the amount left to the "
               "issuer where it fixes it), to send by e-mail or text; it expires, and pays once; refused while "
               "another for the fund and reference is live or in progress unless confirmed",
    "parameters": [IDEMPOTENCY_KEY],
    "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": ref("PayLinkNew")}}}},
    "responses": {"201": json_response(ref("PayLink")),
                  **errors(400, **{"422": "The reference breaks its fund's rule (code reference_invalid)",
                                   "409": "Another link for the fund and reference is live or in progress "
                                          "(code link_exists, with links): send confirm to make one anyway"})}})
def staff_pay_link():
    from .links import make
    view, made = make(http.deps(), http.body(), http.header("idempotency-key"))
    return http.created(view, made)


DAY = q("date", "a day in the council's calendar (YYYY-MM-DD)", required=True,
        schema={"type": "string", "format": "date"})


@routes.get("/v1/staff/pay/cash-file.csv", desk("payments"), {
    "summary": "Finance's cash file of a fund's day, for its cash-receipting system: fund code, reference, "
               "amount in pence, date, payment id, card type",
    "parameters": [q("fund", "the fund's id", required=True, schema={"type": "string",
                                                                     "pattern": limits.FUND_ID_PATTERN}), DAY],
    "responses": {"200": {"description": "text/csv", "content": {"text/csv": {"schema": {"type": "string"}}}},
                  **errors(400, **{"404": "No such fund (code fund_not_found)"})}})
def staff_cash_file():
    from chalice import Response
    from .cashfile import cash_file
    name, text = cash_file(http.deps(), http.query())
    return Response(body=text, status_code=200, headers={
        "Content-Type": "text/csv; charset=utf-8", **NO_STORE, "Content-Disposition": f'attachment; filename="{name}"'})


@routes.get("/v1/staff/pay/reconciliation", desk("payments"), {
    "summary": "A day's reconciliation per fund: what the provider settled, what was posted to the fund's back "
               "office and what the cash file holds (totals in pence, counts), and every payment that differs",
    "parameters": [DAY],
    "responses": {"200": json_response(ref("Reconciliation")), **errors(400)}})
def staff_reconciliation():
    from .cashfile import reconciliation
    return http.ok(reconciliation(http.deps(), http.query()), headers=NO_STORE)
