"""Live chat's sockets on AWS: API Gateway's WebSocket API has one address for every council,
so a page names its own (?council=<its host>) and $connect's authoriser keeps the council in the
connection's context, which API Gateway hands every later event of that connection."""
import json

import pytest
from support.chat_support import ANON, open_desk, start  # noqa: F401
from support.councils_support import NL_HOST, add, at, north_lanarkshire, york

GATEWAY = "abc123.execute-api.eu-west-2.amazonaws.com"
METHOD_ARN = "arn:aws:execute-api:eu-west-2:123456789012:abc123/api/$connect"


def _authorise(query):
    from app import chat_socket_authorise
    return chat_socket_authorise({"type": "REQUEST", "methodArn": METHOD_ARN, "queryStringParameters": query,
                                  "headers": {"Host": GATEWAY}, "requestContext": {"routeKey": "$connect",
                                                                                     "domainName": GATEWAY}}, None)


def _event(route, connection_id, authorizer=None, **extra):
    kind = {"$connect": "CONNECT", "$disconnect": "DISCONNECT"}.get(route, "MESSAGE")
    context = {"routeKey": route, "eventType": kind, "connectionId": connection_id, "domainName": GATEWAY,
               "stage": "api", "apiId": "abc123"}
    if authorizer is not None:
        context["authorizer"] = authorizer
    return {"requestContext": context, "isBase64Encoded": False, **extra}


def test_a_socket_s_authoriser_allows_the_council_its_page_names_and_keeps_it_for_the_connection(deps):
    add(deps, york(), north_lanarkshire())
    answer = _authorise({"council": NL_HOST, "conversation": "CV-1"})
    assert answer["policyDocument"]["Statement"] == [
        {"Action": "execute-api:Invoke", "Effect": "Allow", "Resource": METHOD_ARN}]
    assert answer["context"] == {"council": "north-lanarkshire"}


@pytest.mark.parametrize("query", [None, {}, {"council": ""}, {"council": "nowhere.example"},
                                   {"council": GATEWAY}, {"council": "x" * 300}])
def test_a_socket_naming_no_council_of_the_deployment_is_denied_at_connect(deps, query):
    add(deps, york(), north_lanarkshire())
    answer = _authorise(query)
    assert answer["policyDocument"]["Statement"][0]["Effect"] == "Deny"
    assert "context" not in answer


def test_a_conversation_s_socket_at_api_gateway_s_address_opens_for_the_council_the_authoriser_kept(
        client, deps, open_desk):
    """The conversation is North Lanarkshire's: York's context cannot open it, NL's can; no context is 421."""
    from app import app
    from doorstep_cli.local.sockets import lambda_entries
    add(deps, york(), north_lanarkshire())
    conversation = start(client, ANON, at(NL_HOST))
    connect = lambda_entries(app)["$connect"]
    query = {"conversation": conversation["id"], "token": conversation["token"]}
    assert connect(_event("$connect", "A1", queryStringParameters=query), None) == {"statusCode": 421}
    refused = connect(_event("$connect", "A2", {"council": "york", "principalId": "socket"},
                             queryStringParameters=query), None)
    assert refused["statusCode"] == 404
    assert connect(_event("$connect", "A3", {"council": "north-lanarkshire", "principalId": "socket"},
                          queryStringParameters=query), None) == {"statusCode": 200}


def test_a_frame_and_a_disconnect_work_for_the_connection_s_council(client, deps, open_desk, monkeypatch):
    from app import app
    from doorstep_cli.local.sockets import lambda_entries
    from chalicelib import tenancy
    add(deps, york(), north_lanarkshire())
    conversation = start(client, ANON, at(NL_HOST))
    entries = lambda_entries(app)
    kept = {"council": "north-lanarkshire", "principalId": "socket"}
    query = {"conversation": conversation["id"], "token": conversation["token"]}
    assert entries["$connect"](_event("$connect", "B1", kept, queryStringParameters=query), None) == {
        "statusCode": 200}
    sent = []
    monkeypatch.setattr("chalicelib.handlers.conversations.live.send", lambda d, c, frame: sent.append(frame))
    assert entries["$default"](_event("$default", "B1", kept, body=json.dumps({"action": "ping"})), None) == {
        "statusCode": 200}
    assert sent and sent[0]["type"] == "pong"
    assert entries["$disconnect"](_event("$disconnect", "B1", kept), None) == {"statusCode": 200}
    with tenancy.acting_for("north-lanarkshire"):
        assert deps.sockets.connections(conversation["id"], deps.clock()) == []


def test_the_local_websocket_api_runs_the_authoriser_as_api_gateway_does(client, deps, open_desk, monkeypatch):
    """No council named: 401 before the authoriser; one no council has: its Deny, 403; North Lanarkshire's:
    the connection opens, and its conversation is found there (the authoriser's context, not the address)."""
    from urllib.parse import urlencode
    from app import app
    from doorstep_cli.local.sockets import LocalSockets, lambda_entries
    from websockets.exceptions import InvalidStatus
    from websockets.sync.client import connect
    add(deps, york(), north_lanarkshire())
    conversation = start(client, ANON, at(NL_HOST))
    served = LocalSockets(lambda_entries(app)).start()
    monkeypatch.setenv("DOORSTEP_SOCKET_ENDPOINT", served.api_url)  # where a frame's answer is posted
    try:
        query = {"conversation": conversation["id"], "token": conversation["token"]}
        for council, status in ((None, 401), ("nowhere.example", 403), ("localhost", 404)):
            with pytest.raises(InvalidStatus) as refused:
                connect(f"{served.url}/?{urlencode({**query, **({'council': council} if council else {})})}",
                        open_timeout=60)
            assert refused.value.response.status_code == status, council
        with connect(f"{served.url}/?{urlencode({**query, 'council': NL_HOST})}", open_timeout=60) as phone:
            phone.send(json.dumps({"action": "ping"}))
            assert json.loads(phone.recv(timeout=60))["type"] == "pong"
    finally:
        served.close()


def test_the_socket_address_the_api_gives_at_a_council_opens_as_given(client, deps, open_desk, monkeypatch):
    """The chat's `socket_url` at North Lanarkshire's address names that council already: the page adds
    only the conversation and its token, and the socket opens there (it was refused 401 as given)."""
    from urllib.parse import parse_qsl, urlencode, urlsplit
    from app import app
    from doorstep_cli.local.sockets import LocalSockets, lambda_entries
    from websockets.sync.client import connect
    add(deps, york(), north_lanarkshire())
    served = LocalSockets(lambda_entries(app)).start()
    monkeypatch.setenv("DOORSTEP_SOCKET_URL", served.url)
    monkeypatch.setenv("DOORSTEP_SOCKET_ENDPOINT", served.api_url)
    try:
        conversation = start(client, ANON, at(NL_HOST))
        given = urlsplit(conversation["socket_url"])
        assert dict(parse_qsl(given.query)) == {"council": NL_HOST}
        query = urlencode([*parse_qsl(given.query), ("conversation", conversation["id"]),
                           ("token", conversation["token"])])
        with connect(given._replace(query=query).geturl(), open_timeout=60) as phone:
            phone.send(json.dumps({"action": "ping"}))
            assert json.loads(phone.recv(timeout=60))["type"] == "pong"
    finally:
        served.close()
