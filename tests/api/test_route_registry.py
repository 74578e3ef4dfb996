"""The route registry: a route cannot exist without an access rule, and a
(method, path) nobody declared is refused, not let through."""
import pytest
from chalice import Chalice
from chalice.test import Client

from chalicelib.api.middleware import for_registry
from chalicelib.api.registry import Registry, RouteError, Routes
from chalicelib.auth.rules import ANYONE, STAFF

OPERATION = {"summary": "A test route", "responses": {"200": {"description": "OK"}}}


def test_a_route_without_an_access_rule_cannot_be_declared():
    routes = Routes("test")
    with pytest.raises(RouteError, match="access must be one of"):
        routes.get("/v1/nobody-said", None, OPERATION)
    with pytest.raises(RouteError, match="access must be one of"):
        routes.get("/v1/nobody-said", "everyone-please", OPERATION)


def test_a_route_without_an_openapi_operation_cannot_be_declared():
    routes = Routes("test")
    with pytest.raises(RouteError, match="OpenAPI operation"):
        routes.get("/v1/undocumented", ANYONE, None)
    with pytest.raises(RouteError, match="OpenAPI operation"):
        routes.get("/v1/undocumented", ANYONE, {"summary": "no responses"})


def test_two_capabilities_cannot_declare_the_same_route():
    first, second = Routes("first"), Routes("second")
    first.get("/v1/thing", ANYONE, OPERATION)(lambda: {})
    second.get("/v1/thing", STAFF, OPERATION)(lambda: {})
    with pytest.raises(RouteError, match="declared by both first and second"):
        Registry().wire(Chalice(app_name="twice"), first, second)


def test_a_route_registered_behind_the_registrys_back_is_refused(aws):
    app = Chalice(app_name="sneaky")
    registry = Registry()
    declared = Routes("declared")
    declared.get("/v1/declared", ANYONE, OPERATION)(lambda: {"ok": True})
    registry.wire(app, declared)
    app.register_middleware(for_registry(registry), "http")

    @app.route("/v1/undeclared", methods=["GET", "POST"])
    def undeclared():
        return {"secret": "should never be served"}

    with Client(app) as client:
        assert client.http.get("/v1/declared").status_code == 200
        for method in ("get", "post"):
            response = getattr(client.http, method)("/v1/undeclared")
            assert response.status_code == 404
            assert b"should never be served" not in response.body
            assert response.json_body["error"]["code"] == "not_found"


def test_every_route_of_the_app_is_in_the_registry_with_its_capability():
    from app import app
    from chalicelib.api.registry import REGISTRY
    wired = {(method, path) for path, entries in app.routes.items() for method in entries}
    assert wired == set(REGISTRY.routes)
    assert {route.capability for route in REGISTRY.routes.values()} == {
        "system", "reports", "places", "bodies", "forwarding", "accounts", "staff", "crews", "alerts", "open311", "stats", "opendata",
        "questionnaires", "payments", "waste", "conversations", "petitions", "moderation", "forms", "revenues", "landlords", "bills", "appointments", "containers", "hire", "licensing", "repairs", "democracy", "participation", "consultations",
        "officers", "planning", "moving", "schools", "business", "council", "privacy", "retention", "operator", "feedback", "scim", "unknown"}
