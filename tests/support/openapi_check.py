"""Checking an answer against what /openapi.json promises for it."""
import json


def assert_answer_matches_document(client, path, method, response):
    """The response body validates against the documented schema of its status
    (OpenAPI 3.0, `nullable` included)."""
    from openapi_schema_validator import OAS30Validator
    spec = client.get("/openapi.json").json_body
    documented = spec["paths"][path][method.lower()]["responses"][str(response.status_code)]
    schema = documented["content"]["application/json"]["schema"]
    body = response.json_body if response.json_body is not None else json.loads(response.body)
    # The components beside the schema, so its "#/components/..." references resolve.
    validator = OAS30Validator({**schema, "components": spec["components"]})
    problems = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(body)]
    assert not problems, problems
