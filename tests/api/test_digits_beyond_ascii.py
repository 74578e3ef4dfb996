"""Digits that Python's str.isdigit() passes and int() refuses ("¹", "²³"): a check written as
`text.isdigit() and int(text)` answered them 500 (the staff directory's changes, found by the OpenAPI
fuzzing as `?limit=¹`). Every query parameter of every operation, given such digits by callers who can
reach it, is answered below 500."""
import re
from urllib.parse import quote

import pytest

# And digits past int()'s 4,300, which it refuses too.
DIGITS_INT_REFUSES = ("\u00b9", "\u00b2\u00b3", "1\u00b2", "9" * 4400)


def operations():
    from chalicelib.api.openapi import document
    from chalicelib.api.registry import REGISTRY
    for path, methods in document(REGISTRY)["paths"].items():
        for method, operation in methods.items():
            query = [p["name"] for p in operation.get("parameters", []) if p.get("in") == "query"]
            if query:
                yield method.upper(), path, query


def concrete(path):
    return re.sub(r"\{[^}]+\}", "X1", path)


@pytest.mark.parametrize("role", ["staff", "admin", "crew", "resident"])
def test_digits_int_refuses_in_any_query_parameter_never_get_a_5xx(client, deps, role):
    from api.test_fuzz_openapi import caller_headers
    headers = {**caller_headers(deps, role), "Content-Type": "application/json"}
    broken = []
    for method, path, names in operations():
        for name in names:
            for value in DIGITS_INT_REFUSES:
                url = f"{concrete(path)}?{name}={quote(value)}"
                answer = client.raw.http.request(method, url, headers=headers,
                                                 body=b"{}" if method in ("POST", "PUT", "PATCH") else b"")
                if answer.status_code >= 500:
                    broken.append(f"{method} {url}: {answer.status_code}")
    assert broken == []
