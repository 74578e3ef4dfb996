"""`make run` serves every path the API serves, as CloudFront and API Gateway do in AWS: each
first segment of the route table (/v1/, /open311/, Citizen Space's /api/2.4/..., /openapi.json)
reaches the API, never the web app's index.html."""
import http.client
import json

from support.consultation_support import loaded
from support.served import served  # noqa: F401 (fixture)


def ask(server, path):
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    try:
        connection.request("GET", path)
        answer = connection.getresponse()
        return answer.status, answer.getheader("Content-Type") or "", answer.read()
    finally:
        connection.close()


def test_every_first_segment_of_the_route_table_reaches_the_api_through_make_runs_server(served):
    from app import app
    from chalicelib.api.registry import api_path_patterns
    patterns = api_path_patterns(app.routes)
    assert "/api/*" in patterns and "/v1/*" in patterns  # the walk covers Citizen Space's paths and ours
    for pattern in patterns:
        # A path under the prefix that no route serves: the API's own JSON 404, not the web app's page.
        path = pattern[:-1] + "no-such-thing-here" if pattern.endswith("/*") else pattern
        status, kind, body = ask(served, path)
        assert kind.startswith("application/json"), (path, status, kind, body[:80])
        if pattern.endswith("/*"):
            assert status == 404 and json.loads(body)["error"]["code"] == "not_found", (path, body[:200])
        else:
            assert status == 200, path


def test_every_get_route_in_the_registry_reaches_the_api_through_make_runs_server_never_the_web_app(served):
    import re
    from chalicelib.api.registry import REGISTRY
    walked = 0
    for method, path in sorted(REGISTRY.routes):
        if method != "GET" or path == "/{proxy+}":
            continue  # only GET and HEAD are ever the web app's; the catch-all is the API's JSON 404
        status, kind, body = ask(served, re.sub(r"\{[^}]+\}", "x", path))
        assert not kind.startswith("text/html") and not body.lstrip().lower().startswith(b"<!doctype html"), \
            (path, status, kind)
        walked += 1
    assert walked > 100


def test_citizen_spaces_search_answers_json_through_make_runs_server(served, deps):
    loaded(deps)  # Micklegate, open 1-14 June 2026: closed by now
    status, kind, body = ask(served, "/api/2.4/json_search_results?st=closed&fields=basic")
    assert (status, kind.split(";")[0]) == (200, "application/json"), body[:200]
    assert "micklegate-parking" in [c["id"] for c in json.loads(body)]
    status, _, body = ask(served, "/api/2.4/json_consultation_details?dept=transport-and-highways&id=micklegate-parking")
    assert status == 200 and json.loads(body)["id"] == "micklegate-parking"


def test_paths_that_are_no_route_of_the_api_are_still_the_web_apps_pages(served):
    status, kind, body = ask(served, "/consultations/micklegate-parking")
    assert (status, kind.split(";")[0]) == (200, "text/html") and body.lstrip().lower().startswith(b"<!doctype html")


def test_citizen_spaces_search_at_another_name_of_this_machine_is_answered_not_sent_to_the_web_app(storage, deps):
    """The issue's symptom: asked at 127.0.0.1 while make run's address is localhost, a page is sent there
    (308), but the API answers at any name, as in AWS: Citizen Space's paths are the API's."""
    import threading
    from pathlib import Path
    from app import app
    from doorstep_cli.local.devserver import make_server
    loaded(deps)
    server = make_server(app, "127.0.0.1", 0, Path(__file__).resolve().parents[2] / "web",
                         public_url="http://localhost:0")
    server._handler_extras["public_url"] = f"http://localhost:{server.port}"  # its port is known once bound
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
        connection.request("GET", "/api/2.4/json_search_results?st=closed", headers={"Host": f"127.0.0.1:{server.port}"})
        answer = connection.getresponse()
        assert (answer.status, (answer.getheader("Content-Type") or "").split(";")[0]) == (200, "application/json")
        assert "micklegate-parking" in [c["id"] for c in json.loads(answer.read())]
        connection.close()
    finally:
        server.shutdown()
        thread.join(timeout=5)


# Every character of a path segment (RFC 3986 pchar) that encodeURIComponent writes as %XX.
ESCAPED_BY_THE_APP = "id:1@2$3&4+5,6;7=8"


def test_every_routes_path_values_reach_it_decoded_as_api_gateway_hands_them_on_under_make_run_and_in_tests():
    """The web app writes each path value through encodeURIComponent (a move's part `alert:al1` as
    `alert%3Aal1`); API Gateway hands the route the value decoded, and so do `make run`'s server and
    the tests' client: every route of the app, each of its values, with a second value beside it."""
    import re
    from urllib.parse import quote
    from chalice.config import Config
    from chalice.test import Client
    from app import app
    from doorstep_cli.local.devserver import DoorstepRequestHandler
    gateways = {"make run": DoorstepRequestHandler.gateway_for(app, Config.create(chalice_app=app)),
                "tests": Client(app).http._local_gateway}
    walked = 0
    for path, methods in sorted(app.routes.items()):
        names = re.findall(r"\{([^}+]+)\}", path)
        if not names:
            continue
        values = {name: f"{ESCAPED_BY_THE_APP}{n}" for n, name in enumerate(names)}
        sent = re.sub(r"\{([^}+]+)\}", lambda m: quote(values[m.group(1)], safe=""), path)
        for where, gateway in gateways.items():
            event = gateway._generate_lambda_event(sorted(methods)[0], sent, {}, None)
            assert event["pathParameters"] == values, (where, path, event["pathParameters"])
        walked += 1
    assert walked > 150
