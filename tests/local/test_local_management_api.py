"""The local stack's management API answers as API Gateway's does, to
botocore's own client and to many posts on one kept-alive connection, and a
malformed or oversized request is refused without stopping it."""
import http.client
import json
import socket

import pytest


@pytest.fixture
def served():
    from doorstep_cli.local.sockets import LocalSockets
    sockets = LocalSockets({}).start()  # no Lambda behind it: every connect is let in
    yield sockets
    sockets.close()


@pytest.fixture
def screen(served):
    from websockets.sync.client import connect
    with connect(f"{served.url}/?meeting=1", open_timeout=10) as opened:
        yield opened


def _only_connection(served):
    (connection_id,) = served.open
    return connection_id


def _management(served, monkeypatch):
    import botocore.session
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    return botocore.session.get_session().create_client(
        "apigatewaymanagementapi", region_name="eu-west-2", endpoint_url=served.api_url)


def test_botocore_posts_gets_and_deletes_a_connection_and_hears_gone_after(served, screen, monkeypatch):
    from botocore.exceptions import ClientError
    client, connection_id = _management(served, monkeypatch), _only_connection(served)
    client.post_to_connection(ConnectionId=connection_id, Data=b'{"n": 1}')
    assert json.loads(screen.recv(timeout=10)) == {"n": 1}
    assert client.get_connection(ConnectionId=connection_id)["Identity"]["SourceIp"] == "127.0.0.1"
    client.delete_connection(ConnectionId=connection_id)
    with pytest.raises(ClientError) as gone:
        client.post_to_connection(ConnectionId=connection_id, Data=b"{}")
    assert gone.value.response["Error"]["Code"] == "GoneException"


def test_many_posts_on_one_kept_alive_connection_reach_the_screen_in_order(served, screen):
    from urllib.parse import quote
    http_connection = http.client.HTTPConnection("127.0.0.1", served.api_port, timeout=10)
    path = f"/@connections/{quote(_only_connection(served), safe='')}"
    for n in range(50):
        http_connection.request("POST", path, body=json.dumps({"n": n}).encode())
        answer = http_connection.getresponse()
        answer.read()
        assert answer.status == 200
    assert [json.loads(screen.recv(timeout=10))["n"] for _ in range(50)] == list(range(50))
    http_connection.close()


def test_a_frame_over_api_gateways_limit_is_refused_and_the_screen_still_served(served, screen):
    from urllib.parse import quote
    http_connection = http.client.HTTPConnection("127.0.0.1", served.api_port, timeout=10)
    path = f"/@connections/{quote(_only_connection(served), safe='')}"
    http_connection.request("POST", path, body=b"x" * (128 * 1024 + 1))
    answer = http_connection.getresponse()
    assert (answer.status, answer.getheader("x-amzn-ErrorType")) == (413, "PayloadTooLargeException")
    answer.read()
    http_connection.request("POST", path, body=b'"after"')
    assert http_connection.getresponse().status == 200
    assert json.loads(screen.recv(timeout=10)) == "after"


def test_a_request_that_is_not_http_is_answered_400_and_the_api_serves_the_next(served, screen):
    with socket.create_connection(("127.0.0.1", served.api_port), timeout=10) as raw:
        raw.sendall(b"NOT HTTP AT ALL\r\n\r\n")
        assert raw.recv(100).startswith(b"HTTP/1.1 400")
    http_connection = http.client.HTTPConnection("127.0.0.1", served.api_port, timeout=10)
    http_connection.request("POST", "/@connections/nobody", body=b"{}")
    answer = http_connection.getresponse()
    assert (answer.status, answer.getheader("x-amzn-ErrorType")) == (410, "GoneException")
    http_connection.request("PUT", "/elsewhere", body=b"{}")
    answer.read()
    assert http_connection.getresponse().status == 404
