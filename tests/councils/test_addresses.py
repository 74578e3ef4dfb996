"""Which council a request is for comes from its web address, once, at the edge
(docs/decisions/councils.md); an address no council has is refused."""
from support.councils_support import NL_HOST, YORK_HOST, add, at, north_lanarkshire, york


def test_an_address_no_council_has_is_refused_in_the_error_shape(client, deps):
    add(deps, york())
    answer = client.get("/v1/services", at("elsewhere.example.org"))
    assert answer.status_code == 421
    assert answer.json_body["error"]["code"] == "no_council_here"


def test_the_deployments_own_address_is_its_default_council_with_no_read(client, deps):
    from chalicelib.storage import metering
    add(deps, york())
    with metering.metered() as meter:
        from chalicelib.councils.registry import council_for_host
        assert council_for_host("localhost:8000") == "york"
    assert meter.calls == 0
    assert client.get("/v1/services", at("localhost:8000")).status_code == 200


def test_a_council_is_found_by_its_address_and_a_warm_function_reads_nothing_to_find_it(deps):
    from chalicelib.councils.registry import council_for_host
    from chalicelib.storage import metering
    from chalicelib.councils import registry
    add(deps, york(), north_lanarkshire())
    assert council_for_host(YORK_HOST) == "york"
    registry.forget()
    with metering.metered() as cold:  # a cold function: the one address's row, however many councils
        assert council_for_host(f"{NL_HOST}:8000") == "north-lanarkshire"
    assert (cold.calls, cold.queries, cold.items) == (1, 0, 1)
    assert council_for_host(YORK_HOST) == "york"
    with metering.metered() as meter:
        assert council_for_host(NL_HOST.upper()) == "north-lanarkshire"
        assert council_for_host(YORK_HOST) == "york"
    assert meter.calls == 0


def test_a_report_made_at_one_council_answers_404_at_anothers_address_and_is_its_owners_pin_there(client, deps):
    from conftest import pothole
    add(deps, york(), north_lanarkshire())
    made = client.post("/v1/reports", pothole(), at(YORK_HOST, {"Idempotency-Key": "a1b2c3d4-0000-4000-8000-000000000001"}))
    assert made.status_code == 201, made.json_body
    report_id = made.json_body["id"]
    assert client.get(f"/v1/reports/{report_id}", at(YORK_HOST)).status_code == 200
    assert client.get(f"/v1/reports/{report_id}", at(NL_HOST)).status_code == 404
    bbox = "bbox=-1.10,53.95,-1.07,53.97"
    assert [f["id"] for f in client.get(f"/v1/reports?{bbox}", at(YORK_HOST)).json_body["features"]] == [report_id]
    # on North Lanarkshire's map it is York's pin, grey, linked to York's address: never one of its own
    pins = client.get(f"/v1/reports?{bbox}", at(NL_HOST)).json_body["features"]
    assert [(f["id"], f["properties"]["held_by"]["council"]) for f in pins] == [(report_id, "york")]


def test_a_token_made_at_one_council_is_refused_at_anothers_address(client, deps):
    add(deps, york(), north_lanarkshire())
    ada = {"email": "ada@example.org", "password": "correct horse battery"}
    client.post("/v1/auth/register", {**ada, "name": "Ada Resident"}, at(YORK_HOST))
    made = client.post("/v1/auth/login", ada, at(YORK_HOST))
    assert made.status_code == 200, made.json_body
    bearer = {"Authorization": f"Bearer {made.json_body['access_token']}"}
    assert client.get("/v1/me", at(YORK_HOST, bearer)).status_code == 200
    refused = client.get("/v1/me", at(NL_HOST, bearer))
    assert refused.status_code == 401
    # one sign-in works at every council's address: there it makes that council's session
    there = client.post("/v1/auth/login", ada, at(NL_HOST)).json_body
    assert client.get("/v1/me", at(NL_HOST, {"Authorization": f"Bearer {there['access_token']}"})).status_code == 200


def test_behind_cloudfront_the_address_typed_chooses_the_council_not_api_gateways_host(client, deps):
    """CloudFront forwards every viewer header but Host (API Gateway refuses a foreign one), and its
    function copies the address typed into X-Doorstep-Host (infra/template/viewer_host.js)."""
    add(deps, york(), north_lanarkshire())
    gateway = "abc123.execute-api.eu-west-2.amazonaws.com"
    answer = client.get("/v1/council", at(gateway, {"X-Doorstep-Host": NL_HOST}))
    assert answer.status_code == 200 and answer.json_body["id"] == "north-lanarkshire"
    assert client.get("/v1/council", at(gateway)).status_code == 421  # API Gateway's own is no council's


def test_a_chat_socket_at_an_address_no_council_has_is_refused_not_an_error(deps):
    """As API Gateway invokes $connect at its own address (doorstep_cli/local/sockets.py builds the same event)."""
    from app import app
    from doorstep_cli.local.sockets import lambda_entries
    add(deps, york())
    event = {"requestContext": {"routeKey": "$connect", "eventType": "CONNECT", "connectionId": "L0SM9cOFvHcCIhw=",
                                "domainName": "abc123.execute-api.eu-west-2.amazonaws.com", "stage": "api",
                                "apiId": "abc123"}, "isBase64Encoded": False, "queryStringParameters": None}
    assert lambda_entries(app)["$connect"](event, None) == {"statusCode": 421}
