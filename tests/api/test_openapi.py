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
        # Open311 has its own error shape (a list of code and description), and SCIM its own (RFC 7644 3.12).
        shape = "Open311Errors" if path.startswith("/open311/") else "ScimError" if path.startswith("/scim/") \
            else "Error"
        media = "application/scim+json" if path.startswith("/scim/") else "application/json"
        for op in ops.values():
            for status, response in op["responses"].items():
                if re.match(r"4\d\d", status):
                    schema = response["content"][media]["schema"]
                    assert schema == {"$ref": f"#/components/schemas/{shape}"}, (path, status)


def test_every_if_match_and_idempotency_key_states_what_the_shared_checks_accept(client):
    # handlers/shared/versions.py reads every If-Match ("*" names no version: 428), and
    # shared/idempotency.py every key but the follow-on's: a header typed as any string was
    # a request the document called valid and the API refused.
    from chalicelib.api.openapi import ETAG_PATTERN, KEY_MIN_SIGNED_IN, KEY_PATTERN
    spec = client.get("/openapi.json").json_body
    headers = [(f"{method.upper()} {path}", p) for path, ops in spec["paths"].items() for method, op in ops.items()
               for p in op.get("parameters", []) if p["in"] == "header"]
    matches = [(where, p["schema"]) for where, p in headers if p["name"] == "If-Match"]
    keys = [(where, p["schema"]) for where, p in headers if p["name"] == "Idempotency-Key"]
    assert len(matches) > 30 and len(keys) > 30
    assert [w for w, s in matches if s.get("pattern") != ETAG_PATTERN] == []
    assert [w for w, s in keys if s.get("pattern") != KEY_PATTERN or s.get("minLength", 0) < KEY_MIN_SIGNED_IN
            and "follow-on" not in w] == []
    assert not re.match(ETAG_PATTERN, "*") and re.match(ETAG_PATTERN, 'W/"12"')
