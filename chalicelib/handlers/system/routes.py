"""The service's own routes: health, the OpenAPI document, and a JSON 404
for any other path (wired last)."""
from ...api import http
from ...api.registry import REGISTRY, Routes
from ...auth.rules import ANYONE
from ...errors import NotFound
from .wording import NO_ROUTE

routes = Routes("system")
ANY_PATH = Routes("unknown")  # the catch-all, wired after every capability


@routes.get("/v1/health", ANYONE, {
    "summary": "Liveness and storage reachability",
    "responses": {"200": {"description": "Healthy"}, "503": {"description": "Storage unreachable"}}})
def get_health():
    from . import health
    return http.ok(*health.check())


@routes.get("/openapi.json", ANYONE, {"summary": "This document", "responses": {"200": {"description": "OpenAPI 3"}}})
def openapi():
    from ...api.openapi import document
    return http.ok(document(REGISTRY))


NOT_AN_API = {"x-internal": True, "summary": "Any other path: a JSON 404",
              "responses": {"404": {"description": "Not found"}}}


@ANY_PATH.route("GET", "/{proxy+}", ANYONE, NOT_AN_API)
@ANY_PATH.route("POST", "/{proxy+}", ANYONE, NOT_AN_API)
@ANY_PATH.route("PUT", "/{proxy+}", ANYONE, NOT_AN_API)
@ANY_PATH.route("PATCH", "/{proxy+}", ANYONE, NOT_AN_API)
@ANY_PATH.route("DELETE", "/{proxy+}", ANYONE, NOT_AN_API)
def unknown_route(**_):
    request = http.request()
    raise NotFound(NO_ROUTE.format(method=request.method, path=request.context.get("path", "")))
