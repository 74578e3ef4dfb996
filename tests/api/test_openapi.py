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


def test_a_text_the_document_calls_long_enough_is_long_enough_once_its_spaces_are_trimmed(client):
    """The handlers count a staff reason, or an appeal's grounds, without the spaces around it ("Say why,
    in 5 to 300 characters"): a document that counted them called "abcd\\n" valid, and the fuzzing met it
    refused as malformed. Every text of at least two characters but a password is counted so."""
    document = client.get("/openapi.json").json_body

    def texts(node, where):
        if isinstance(node, dict):
            for key, value in node.items():
                if isinstance(value, dict) and value.get("type") == "string" and value.get("minLength", 0) > 1 \
                        and key != "password" and "format" not in value:
                    yield f"{where}/{key}", value
                yield from texts(value, f"{where}/{key}")
        elif isinstance(node, list):
            for n, value in enumerate(node):
                yield from texts(value, f"{where}/{n}")

    def valid(schema, text):
        """As ECMA-262 reads a pattern (and the fuzzing, which draws by it): a closing $ is the string's end."""
        pattern = re.sub(r"\$$", r"\\Z", schema.get("pattern", ""))
        return schema["minLength"] <= len(text) <= schema["maxLength"] and re.search(pattern, text) is not None

    found = [(where, schema) for where, schema in texts(document, "")  # what a body holds, not a header
             if where.startswith("/components/schemas/") or "/requestBody/" in where]
    assert len(found) >= 5  # reasons (moving's undo, school places, council tax, retention holds), grounds
    padded = [f"{where} ({schema['minLength']}, {space!r})" for where, schema in found
              for space in (" ", "\n", "\u00a0") for text in ("x" * (schema["minLength"] - 1) + space,
                                                           space + "x" * (schema["minLength"] - 1))
              if valid(schema, text)]
    assert padded == []
    words = [schema for _, schema in found if valid(schema, "x" * schema["minLength"])]  # not a phone's shape
    assert len(words) >= 5 and all(valid(schema, "a b\nc" + "x" * schema["minLength"]) for schema in words)


def test_every_postcode_the_document_takes_carries_a_postcodes_shape(client):
    """The crews' jobs took `postcode` as any string and refused what was not one: the fuzzing's valid case
    was refused as malformed."""
    document = client.get("/openapi.json").json_body
    shapeless = [f"{method.upper()} {path}" for path, methods in document["paths"].items()
                 for method, operation in methods.items() for parameter in operation.get("parameters", [])
                 if parameter.get("name") == "postcode" and "pattern" not in parameter.get("schema", {})]
    assert shapeless == []
