"""Every route's read cost can be seen from outside: the middleware adds its DynamoDB figures
(Server-Timing) to every answer, refusals included, so a route added tomorrow sends them too.
Meetings, hire and the newer routes sent none. Only the few answers that are the same for
any e-mail address keep their cost back, as their cost could say whether it has an account."""
import re

import pytest

FIGURES = re.compile(r'^dynamodb;dur=[\d.]+;desc="queries=\d+ items=\d+"$')
CONCEALED = {("POST", "/v1/auth/register"), ("POST", "/v1/auth/login"), ("POST", "/v1/auth/password-reset")}


def get_routes():
    import app  # noqa: F401 (wires the registry)
    from chalicelib.api.registry import REGISTRY
    return sorted(path for (method, path) in REGISTRY.routes if method == "GET")


def test_every_get_route_answers_with_its_dynamodb_figures_for_staff_and_for_anyone(client, people):
    staff = people("admin")
    missing = {}
    for path in get_routes():
        url = re.sub(r"\{[^}]+\}", "x0", path)  # an id nothing has: a refusal carries them too
        for who, headers in (("staff", staff.auth), ("anyone", {})):
            got = client.get(url, headers=headers)
            if not FIGURES.match(got.headers.get("Server-Timing", "")):
                missing[f"{who} GET {url}"] = (got.status_code, got.headers.get("Server-Timing"))
    assert missing == {}
    assert len(get_routes()) > 100


def test_a_meeting_list_says_what_it_read(client):
    got = client.get("/v1/meetings")
    assert got.status_code == 200 and FIGURES.match(got.headers["Server-Timing"])


@pytest.mark.parametrize("method, path", sorted(CONCEALED))
def test_answers_the_same_for_any_address_keep_their_cost_back(client, method, path):
    got = client.post(path, {"email": "nobody@example.org", "password": "wrong wrong wrong", "name": "N"})
    assert got.status_code < 500 and "Server-Timing" not in got.headers
