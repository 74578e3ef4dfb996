"""The OpenAPI document is the contract: every route must be in it."""
import re


def test_openapi_describes_every_route(client):
    from app import app
    spec = client.get("/openapi.json").json_body
    documented = {(path, method.upper()) for path, ops in spec["paths"].items() for method in ops}
    routes = {(path, method) for path, methods in app.routes.items() for method in methods
              if "+}" not in path}  # the catch-all 404 is not an API
    assert routes - documented == set()
    assert documented - routes == set()


def test_openapi_document_is_valid_openapi_3(client):
    from openapi_spec_validator import validate
    validate(client.get("/openapi.json").json_body)


def test_every_documented_error_uses_the_error_schema(client):
    spec = client.get("/openapi.json").json_body
    for path, ops in spec["paths"].items():
        # Open311 has its own error shape (a list of code and description).
        shape = "Open311Errors" if path.startswith("/open311/") else "Error"
        for op in ops.values():
            for status, response in op["responses"].items():
                if re.match(r"4\d\d", status):
                    schema = response["content"]["application/json"]["schema"]
                    assert schema == {"$ref": f"#/components/schemas/{shape}"}, (path, status)
