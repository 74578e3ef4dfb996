"""Starting a business, told once: the resident tells us of the premises, what
the business will do and when, and sees in one place what that offered:
business rates with the relief the premises may have, trade waste, the
licences the activity needs, and whether the use needs planning permission.
Everything offered follows from the `business_started` event (following.py)."""
from ...api import http
from ...api.openapi import errors, idempotency_key, json_response, path_param, ref
from ...api.registry import Routes
from ...auth.rules import ANYONE, SIGNED_IN, desk
from ..shared import effects
from . import limits

routes = Routes("business", schemas="chalicelib.handlers.business.schemas")
effects.register("business_started", limits.FOLLOW, "chalicelib.handlers.business.following:on_start")
START_ID = path_param("start_id", {"type": "string", "pattern": limits.START_ID_PATTERN, "example": "BZ-7K3F9Q2M4N"})
PART = path_param("part", {"type": "string", "pattern": limits.PART_PATTERN, "example": "trade_waste"})
KEY = idempotency_key("the same key and body answer the same business")
PRIVATE = {"Cache-Control": "private, no-store"}
NOT_MINE = {"404": "Not one of my businesses (code business_not_found)"}


@routes.post("/v1/me/businesses", SIGNED_IN, {
    "summary": "Tell the council a business is starting: the premises by UPRN from the address list, what it will "
               "do (one of the council's activities), the day it starts (up to 6 months ahead; further is 422 "
               "start_too_far_ahead with the rule in words), who pays the rates, and optionally what the premises "
               "were last used for and the rateable values of the business's other premises. What follows, once: "
               "the business made the ratepayer at the business rates office with the relief the premises may "
               "have, trade waste offered, the licences the activity may need, and planning's word on the use",
    "parameters": [KEY],
    "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": ref("BusinessNew")}}}},
    "responses": {"201": json_response(ref("Business"), "Told"),
                  "200": json_response(ref("Business"), "Told already (the same Idempotency-Key)"),
                  **errors(400, **{"422": "A rule in words: premises not in the area, an activity the council does "
                                          "not list, a day too far ahead or too long ago"})}})
def make_business():
    from .making import make
    view, made = make(http.deps(), http.body(), http.header("idempotency-key"))
    return http.ok(view, status=201 if made else 200, headers=PRIVATE)


@routes.get("/v1/me/businesses", SIGNED_IN, {
    "summary": "My businesses, newest first", "responses": {"200": json_response(ref("Businesses"))}})
def my_businesses():
    from .view import mine
    return http.ok(mine(http.deps()), headers=PRIVATE)


@routes.get("/v1/me/businesses/{start_id}", SIGNED_IN, {
    "summary": "One of my businesses: every part with its state in words in one place (business rates with the "
               "rateable value and the relief's estimate, its rule and source; trade waste; each licence; planning)",
    "parameters": [START_ID], "responses": {"200": json_response(ref("Business")), **errors(**NOT_MINE)}})
def my_business(start_id):
    from .view import one
    return http.ok(one(http.deps(), start_id), headers=PRIVATE)


@routes.post("/v1/me/businesses/{start_id}/parts/{part}/choice", SIGNED_IN, {
    "summary": "Ask for trade waste collections at the premises: bins from the council's price list, priced a week "
               "in pence. The same again is no change; another once asked is 409 chosen_already",
    "parameters": [START_ID, PART],
    "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": ref("BusinessChoice")}}}},
    "responses": {"200": json_response(ref("Business")),
                  **errors(400, 409, 422, **{"404": "Not my business, no such offer (part_not_found), or trade "
                                                    "waste not offered here (not_offered)"})}})
def choose_for_business(start_id, part):
    from .choices import choose
    return http.ok(choose(http.deps(), start_id, part, http.body()), headers=PRIVATE)


@routes.get("/v1/waste/trade/prices", ANYONE, {
    "summary": "The council's trade waste price list: each container with its price per collection in pence",
    "responses": {"200": json_response(ref("TradePrices"))}})
def trade_prices():
    from .prices import price_list
    return http.ok({"containers": price_list(http.deps())}, headers={"Cache-Control": "public, max-age=300"})


@routes.get("/v1/staff/waste/trade/requests", desk("containers"), {
    "summary": "Trade waste requests from businesses starting up, newest first: the premises, trading name, bins "
               "and price a week", "responses": {"200": json_response(ref("TradeRequests"))}})
def trade_requests():
    from .staff import trade_requests as listed
    return http.ok(listed(http.deps()), headers=PRIVATE)
