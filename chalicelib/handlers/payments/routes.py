"""Payments' routes: the provider's webhook and the payer's way back."""
from ...api import http
from ...api.openapi import errors, json_response, path_param, ref
from ...api.registry import Routes
from ...auth.rules import ANYONE
from . import limits

routes = Routes("payments", schemas="chalicelib.handlers.payments.schemas")


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
