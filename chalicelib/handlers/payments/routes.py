"""Payments' routes: the provider's webhook and the payer's way back."""
from ...api import http
from ...api.openapi import errors, json_response, path_param, q, ref
from ...api.registry import Routes
from ...auth.rules import ANYONE, desk
from ..shared import effects
from . import limits

routes = Routes("payments", schemas="chalicelib.handlers.payments.schemas")
# A finished payment's purpose is told from its event (written with the state).
effects.register("payment_finished", "payments.settle", "chalicelib.handlers.payments.core:on_finished")


@routes.post("/v1/payments/webhook", ANYONE, {
    "summary": "The payment provider's webhook (GOV.UK Pay's format): verified by Pay-Signature, the hex "
               "HMAC-SHA256 of the raw body with the signing secret; the payment is then checked with the "
               "provider, so a duplicate or out-of-order delivery changes nothing",
    "parameters": [{"name": "Pay-Signature", "in": "header", "required": True, "schema": {"type": "string"}}],
    "requestBody": {"required": True, "content": {"application/json": {"schema": {"type": "object"}}}},
    "responses": {"200": json_response(ref("WebhookReceived")),
                  **errors(400, **{"403": "Bad or missing Pay-Signature (code bad_signature)",
                                   "503": "The provider could not be asked; it sends the webhook again"})}})
def payment_webhook():
    from .webhooks import receive
    request = http.request()
    return http.ok(receive(http.deps(), request.raw_body, http.header("pay-signature"), http.client()))


@routes.get("/v1/payments/return/{token}", ANYONE, {
    "summary": "Where the provider sends the payer back (each payment's own random token): the payment is "
               "checked with the provider, never taken from this address, then the payer is sent to the page "
               "of what they paid for",
    "parameters": [path_param("token", {"type": "string", "pattern": limits.RETURN_TOKEN_PATTERN})],
    "responses": {"302": {"description": "to the page of what was paid for",
                          "headers": {"Location": {"schema": {"type": "string"}}}},
                  **errors(**{"404": "No payment has that return address (code payment_not_found)"})}})
def payment_return(token):
    from .core import returned
    deps = http.deps()
    return http.redirect(deps.base_url + returned(deps, token), headers=http.NO_STORE)


DAY = q("date", "a day in the council's calendar (YYYY-MM-DD); default today",
        schema={"type": "string", "format": "date"})
PAYMENT_ID = path_param("payment_id", {"type": "string", "pattern": "^[0-9a-f]{32}$"})
PAYMENT_NOT_FOUND = {"404": "No payment with that id (code payment_not_found)"}


@routes.get("/v1/staff/payments", desk("payments"), {
    "summary": "The money that moved on a day: payments that succeeded and refunds made, with totals (pence)",
    "parameters": [DAY], "responses": {"200": json_response(ref("PaymentDay")), **errors(400)}})
def staff_payments_day():
    from .staff import day
    return http.ok(day(http.deps(), http.query()), headers=http.NO_STORE)


@routes.get("/v1/staff/payments.csv", desk("payments"), {
    "summary": "The same day as CSV for finance: one row per payment or refund, amounts in pence and pounds",
    "parameters": [DAY],
    "responses": {"200": {"description": "text/csv", "content": {"text/csv": {"schema": {"type": "string"}}}},
                  **errors(400)}})
def staff_payments_csv():
    from chalice import Response
    from .staff import day_csv
    on, text = day_csv(http.deps(), http.query())
    return Response(body=text, status_code=200, headers={
        "Content-Type": "text/csv; charset=utf-8", **http.NO_STORE,
        "Content-Disposition": f'attachment; filename="payments-{on}.csv"'})


@routes.get("/v1/staff/payments/{payment_id}", desk("payments"), {
    "summary": "One payment: its state, what it paid for, its refunds (who, when, why) and what is left to refund",
    "parameters": [PAYMENT_ID],
    "responses": {"200": json_response(ref("StaffPayment")), **errors(**PAYMENT_NOT_FOUND)}})
def staff_payment(payment_id):
    from .staff import one
    return http.ok(one(http.deps(), payment_id), headers=http.NO_STORE)


@routes.post("/v1/staff/payments/{payment_id}/refunds", desk("payments"), {
    "summary": "Refund some or all of a payment through the provider, with a reason (kept with who did it); "
               "send refund_amount_available as read, so a second press or another officer's refund is refused",
    "parameters": [PAYMENT_ID],
    "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": ref("StaffRefund")}}}},
    "responses": {"201": json_response(ref("StaffPayment")),
                  **errors(400, 422, **PAYMENT_NOT_FOUND, **{
                      "409": "Someone refunded meanwhile (code refund_amount_available_mismatch)",
                      "503": "The provider cannot be reached (code payments_unavailable)"})}})
def staff_refund(payment_id):
    from .staff import refund
    return http.ok(refund(http.deps(), payment_id, http.body()), status=201, headers=http.NO_STORE)
