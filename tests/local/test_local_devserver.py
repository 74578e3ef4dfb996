"""The local web server: PWA files, Chalice routes and JSON 404s on one port."""
from __future__ import annotations

import http.client
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from chalice import Chalice

from doorstep_cli.local.devserver import make_server, resolve_static


def tiny_app() -> Chalice:
    app = Chalice(app_name="doorstep-test")

    @app.route("/v1/reports/{report_id}")
    def get_report(report_id):
        return {"id": report_id, "query": app.current_request.query_params}

    @app.route("/v1/reports", methods=["POST"])
    def create_report():
        return {"created": app.current_request.json_body}

    @app.route("/openapi.json")
    def openapi():
        return {"openapi": "3.1.0"}

    return app


@pytest.fixture
def web_dir(tmp_path: Path) -> Path:
    web = tmp_path / "web"
    (web / "icons").mkdir(parents=True)
    (web / "index.html").write_text("<!doctype html><title>Doorstep</title>")
    (web / "app.js").write_text("console.log('hi')")
    (web / "manifest.webmanifest").write_text('{"name": "Doorstep"}')
    (web / "icons" / "icon.png").write_bytes(b"\x89PNG\r\n")
    (web / ".env").write_text("SECRET=1")
    (tmp_path / "secret.txt").write_text("top secret")
    return web


@pytest.fixture
def server(web_dir: Path) -> Iterator[object]:
    srv = make_server(tiny_app(), "127.0.0.1", 0, web_dir)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    thread.join(timeout=5)


def request(server, method: str, path: str, body: bytes | None = None, headers: dict | None = None):
    # http.client sends the path verbatim, so "../" reaches the server as-is.
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


def test_root_serves_index_html(server):
    status, headers, body = request(server, "GET", "/")
    assert status == 200
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert body.startswith(b"<!doctype html>")


@pytest.mark.parametrize("path, content_type", [
    ("/app.js", "text/javascript; charset=utf-8"),
    ("/manifest.webmanifest", "application/manifest+json; charset=utf-8"),
    ("/icons/icon.png", "image/png"),
    ("/icons/icon.png?v=3", "image/png"),
])
def test_static_files_are_served_with_their_content_type(server, path, content_type):
    status, headers, body = request(server, "GET", path)
    assert (status, headers["Content-Type"]) == (200, content_type)
    assert int(headers["Content-Length"]) == len(body) > 0


def test_head_of_a_static_file_sends_headers_without_a_body(server):
    status, headers, body = request(server, "HEAD", "/app.js")
    assert (status, body) == (200, b"")
    assert headers["Content-Length"] == str(len("console.log('hi')"))


def test_an_unchanged_file_is_revalidated_without_its_body_and_a_changed_one_is_sent(server, web_dir):
    status, headers, body = request(server, "GET", "/app.js")
    etag = headers["ETag"]
    assert (status, headers["Cache-Control"]) == (200, "no-cache")
    status, headers, body = request(server, "GET", "/app.js", headers={"If-None-Match": etag})
    assert (status, body, headers["ETag"]) == (304, b"", etag)
    (web_dir / "app.js").write_text("console.log('changed')")
    status, headers, body = request(server, "GET", "/app.js", headers={"If-None-Match": etag})
    assert (status, body) == (200, b"console.log('changed')") and headers["ETag"] != etag


@pytest.mark.parametrize("path", [
    "/../secret.txt", "/icons/../../secret.txt", "/%2e%2e/secret.txt", "/icons/..%2f..%2fsecret.txt",
    "/..%5csecret.txt", "/.env",
])
def test_paths_escaping_the_web_folder_or_naming_dotfiles_are_refused(server, path):
    status, headers, body = request(server, "GET", path)
    assert status == 404
    assert b"top secret" not in body and b"SECRET=1" not in body


def test_resolve_static_never_returns_a_file_outside_the_web_folder(web_dir):
    (web_dir / "link.txt").symlink_to(web_dir.parent / "secret.txt")
    assert resolve_static(web_dir, "/link.txt") is None
    assert resolve_static(web_dir, "/icons/") is None  # a folder without index.html
    assert resolve_static(web_dir, "/icons/icon.png") == (web_dir / "icons" / "icon.png").resolve()


@pytest.mark.parametrize("method, path", [("GET", "/v1/nope"), ("POST", "/v1/nope"), ("DELETE", "/open311/x")])
def test_unknown_api_routes_answer_404_in_the_project_error_shape(server, method, path):
    status, headers, body = request(server, method, path, body=b"{}" if method == "POST" else None)
    assert status == 404
    assert headers["Content-Type"] == "application/json"
    assert json.loads(body) == {"error": {"code": "not_found", "message": f"No route for {method} {path}."}}


def test_unknown_static_file_answers_the_same_json_404(server):
    status, headers, body = request(server, "GET", "/missing.png")
    assert (status, headers["Content-Type"]) == (404, "application/json")
    assert json.loads(body)["error"] == {"code": "not_found", "message": "No route for GET /missing.png."}


def test_chalice_routes_still_work_with_captures_query_and_bodies(server):
    status, _, body = request(server, "GET", "/v1/reports/42?full=1")
    assert status == 200
    assert json.loads(body) == {"id": "42", "query": {"full": "1"}}
    status, _, body = request(server, "POST", "/v1/reports", b'{"title": "Pothole"}',
                              {"Content-Type": "application/json"})
    assert (status, json.loads(body)) == (200, {"created": {"title": "Pothole"}})
    status, _, body = request(server, "GET", "/openapi.json")
    assert (status, json.loads(body)) == (200, {"openapi": "3.1.0"})


def test_a_keep_alive_connection_survives_a_404_with_a_body(server):
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
    try:
        conn.request("POST", "/v1/nope", body=b'{"x": 1}')
        first = conn.getresponse()
        assert (first.status, bool(first.read())) == (404, True)
        conn.request("GET", "/v1/reports/7")
        response = conn.getresponse()
        assert (response.status, json.loads(response.read())["id"]) == (200, "7")
    finally:
        conn.close()


@pytest.mark.parametrize("path", ["/verify?token=abc", "/reset-password?token=abc"])
def test_links_in_e_mails_open_the_web_client(server, path):
    status, headers, body = request(server, "GET", path)
    assert status == 200 and body.startswith(b"<!doctype html>")


@pytest.mark.timeout(30)
def test_fifty_clients_connecting_at_once_are_all_queued_and_answered(web_dir):
    import socket
    # The server is listening but not yet accepting, as when all its threads
    # are busy: every connection must wait in the listen queue, not be
    # refused or dropped (the default queue of 5 lost most of 50).
    srv = make_server(tiny_app(), "127.0.0.1", 0, web_dir)
    clients = []
    try:
        for _ in range(50):
            clients.append(socket.create_connection(("127.0.0.1", srv.port), timeout=2))
        thread = threading.Thread(target=srv.serve_forever, daemon=True)
        thread.start()
        for n, sock in enumerate(clients):
            sock.sendall(f"GET /v1/reports/{n} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
        answers = [b"".join(iter(lambda s=sock: s.recv(65536), b"")) for sock in clients]
        assert [a.split(b"\r\n", 1)[0] for a in answers] == [b"HTTP/1.1 200 OK"] * 50
        assert [json.loads(a.split(b"\r\n\r\n", 1)[1])["id"] for a in answers] == [str(n) for n in range(50)]
    finally:
        for sock in clients:
            sock.close()
        srv.shutdown()


def test_the_app_opened_at_another_name_of_this_machine_is_sent_to_its_one_public_address(web_dir):
    """localhost and 127.0.0.1 are two origins to a browser: links, payment returns and the security
    policy are made for the configured one, so a page asked for at the other is sent there."""
    srv = make_server(tiny_app(), "127.0.0.1", 0, web_dir, public_url="http://localhost:0")
    public = f"http://localhost:{srv.port}"
    srv._handler_extras["public_url"] = public  # its port is known once it is listening
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        status, headers, _ = request(srv, "GET", "/pay?paid=abc", headers={"Host": f"127.0.0.1:{srv.port}"})
        assert status == 308 and headers["Location"] == f"{public}/pay?paid=abc"
        assert request(srv, "GET", "/", headers={"Host": f"localhost:{srv.port}"})[0] == 200  # the address itself
        assert request(srv, "GET", "/v1/reports/DS-1", headers={"Host": f"127.0.0.1:{srv.port}"})[0] == 200  # the API
        assert request(srv, "GET", "/", headers={"Host": "doorstep.example.org"})[0] == 200  # not a name of ours
    finally:
        srv.shutdown()
        thread.join(timeout=5)
