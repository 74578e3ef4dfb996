"""The local server's own refusals speak the API's one error shape: a TRACE,
a 70 KB query string and a 60 MB body get JSON, and the body is refused by
its declared length before a byte of it is read."""
import http.client
import json
import socket
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def server():
    from app import app
    from doorstep_cli.local.devserver import DoorstepRequestHandler, make_server
    DoorstepRequestHandler.log_message = lambda *args: None
    made = make_server(app, "127.0.0.1", 0, ROOT / "web")
    threading.Thread(target=made.serve_forever, daemon=True).start()
    yield made
    made.shutdown()


def ask(server, method, path, headers=None, body=None):
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    connection.request(method, path, body=body, headers=headers or {})
    answer = connection.getresponse()
    return answer.status, answer.getheader("Content-Type"), answer.read()


def test_trace_is_refused_in_the_error_shape(server):
    status, kind, body = ask(server, "TRACE", "/v1/health")
    assert (status, kind) == (405, "application/json")
    assert json.loads(body)["error"]["code"] == "method_not_allowed"


def test_a_method_nobody_serves_is_refused_in_the_error_shape(server):
    status, kind, body = ask(server, "BREW", "/v1/health")
    assert (status, kind, json.loads(body)["error"]["code"]) == (405, "application/json", "method_not_allowed")


def test_a_70_kb_query_string_is_refused_in_the_error_shape(server):
    status, kind, body = ask(server, "GET", "/v1/health?q=" + "x" * 70_000)
    assert (status, kind) == (414, "application/json")
    assert json.loads(body)["error"]["code"] == "uri_too_long"


def test_a_60_mb_body_is_refused_by_its_length_before_it_is_read(server):
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as raw:
        raw.sendall(b"POST /v1/reports HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    b"Content-Length: 62914560\r\n\r\n" + b"{" * 1024)  # 1 KB of the 60 MB it announces
        answer = b""
        while b"\r\n\r\n" not in answer or not answer.rstrip().endswith(b"}"):
            chunk = raw.recv(65536)
            if not chunk:
                break
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.0 413") or head.startswith(b"HTTP/1.1 413"), head
    assert json.loads(body)["error"]["code"] == "payload_too_large"
