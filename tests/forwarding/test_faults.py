"""A body's server that is down, slow, failing, XML-only or talking nonsense:
nothing is lost, nothing is sent twice, and staff see why."""
import threading
import time
from dataclasses import replace
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import pytest

OUTER = (53.9900, -1.1200)


class Body311:
    """An Open311 server whose answer a test sets: "ok", "xml", "500", "malformed", "slow"."""

    def __init__(self):
        self.mode, self.posts = "ok", []
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                form = parse_qs(self.rfile.read(int(self.headers["Content-Length"] or 0)).decode())
                owner.posts.append((self.path, form, self.headers.get("Idempotency-Key")))
                mode = owner.mode
                if mode == "slow":
                    time.sleep(1.5)
                if mode == "500":
                    return self.answer(500, "application/json", b'[{"code":500,"description":"Confirm is down"}]')
                if mode == "malformed":
                    return self.answer(200, "application/json", b"<html>Gateway</html>")
                if self.path.endswith(".xml"):
                    return self.answer(200, "text/xml", b"<?xml version='1.0'?><service_requests><request>"
                                       b"<service_request_id>CFM-%d</service_request_id></request>"
                                       b"</service_requests>" % len(owner.posts))
                if mode == "xml":
                    return self.answer(400, "text/xml", b"<errors><error><code>400</code><description>"
                                       b"Only XML</description></error></errors>")
                return self.answer(200, "application/json", b'[{"service_request_id":"CFM-%d"}]' % len(owner.posts))

            def answer(self, status, kind, data):
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/open311/v2"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        self.server.shutdown()


@pytest.fixture
def body311(deps):
    from doorstep_cli.demo_bodies import load_demo_bodies
    server = Body311()
    load_demo_bodies(deps, county_endpoint=server.url, county_key="key-of-the-district")
    yield server
    server.stop()


def at(deps, moment):
    return replace(deps, clock=lambda: moment)


def pothole(client):
    made = client.post("/v1/reports", {"service_code": "pothole", "lat": OUTER[0], "lon": OUTER[1],
                                       "description": "Hole.", "fields": {"size": "large"}})
    assert made.status_code == 201, made.body
    return made.json_body["id"]


def test_a_body_down_for_an_hour_loses_nothing_and_gets_the_report_once_when_it_returns(client, deps, body311):
    from chalicelib.handlers.forwarding import queue, sender
    rid = pothole(client)
    body311.server.shutdown()  # down
    body311.server.server_close()
    start = deps.clock()
    assert sender.attempt(at(deps, start), rid, "north-yorkshire") == "retrying"
    send = deps.sends.get(rid, "north-yorkshire")
    assert send.next_try_at == start + timedelta(minutes=5) and "Could not reach" in send.last_error
    # Not due yet: a sweep a minute later queues nothing, a try does nothing.
    assert deps.sends.due("try", start + timedelta(minutes=1)) == []
    assert sender.attempt(at(deps, start + timedelta(minutes=1)), rid, "north-yorkshire") is None
    assert sender.attempt(at(deps, start + timedelta(minutes=5)), rid, "north-yorkshire") == "retrying"
    assert deps.sends.get(rid, "north-yorkshire").next_try_at == start + timedelta(minutes=35)
    # The body comes back after an hour: the sweep queues the due try, which sends once.
    back = Body311()
    body = deps.bodies.get("north-yorkshire")
    body.endpoint = back.url
    deps.bodies.save(body)
    later = at(deps, start + timedelta(minutes=65))
    assert deps.sends.due("try", start + timedelta(minutes=65)) == [(rid, "north-yorkshire")]
    sent = []
    queue.sweep(later, queue=type("Q", (), {"send": lambda self, jobs: sent.extend(jobs)})())
    assert sent == [{"report": rid, "body": "north-yorkshire"}]
    assert sender.attempt(later, rid, "north-yorkshire") == "sent"
    assert sender.attempt(later, rid, "north-yorkshire") is None
    assert len(back.posts) == 1 and back.posts[0][2] == f"doorstep-{rid}-north-yorkshire"
    staff_line = deps.sends.get(rid, "north-yorkshire")
    assert (staff_line.state, staff_line.tries, staff_line.reference) == ("sent", 3, "CFM-1")
    back.stop()


def test_after_a_day_of_failures_the_send_stops_and_staff_see_the_bodys_error(client, deps, body311, people):
    from chalicelib.handlers.forwarding import sender
    from support.staff_support import Officer, load_staff_data
    body311.mode = "500"
    rid = pothole(client)
    start = deps.clock()
    assert sender.attempt(at(deps, start), rid, "north-yorkshire") == "retrying"
    assert sender.attempt(at(deps, start + timedelta(days=1)), rid, "north-yorkshire") == "failed"
    load_staff_data(deps)
    officer = Officer(client, people("admin"))
    view = officer.get(f"/v1/staff/reports/{rid}").json_body
    assert view["sends"][0]["state"] == "failed" and view["sends"][0]["tries"] == 2
    assert view["sends"][0]["last_error"] == "HTTP 500: Confirm is down"
    listed = officer.get("/v1/staff/sends?state=failed").json_body["sends"]
    assert [(s["report_id"], s["body_id"], s["last_error"]) for s in listed] == [
        (rid, "north-yorkshire", "HTTP 500: Confirm is down")]
    assert officer.get("/v1/staff/sends?state=lost").status_code == 400
    public = client.get(f"/v1/reports/{rid}").json_body["sent_to"][0]
    assert "Confirm" not in str(public) and public["state"] == "failed"
    # Staff send it again once the body is back: a new try, queued.
    body311.mode = "ok"
    again = officer.post(f"/v1/staff/reports/{rid}/sends", {"body": "north-yorkshire"})
    assert again.status_code == 201 and again.json_body["state"] == "waiting", again.body
    assert officer.post(f"/v1/staff/reports/{rid}/sends", {"body": "north-yorkshire"}).status_code == 409
    assert sender.attempt(deps, rid, "north-yorkshire") == "sent"
    assert officer.audit(rid)[-1]["action"] == "send_again"


@pytest.mark.parametrize("mode, error", [("malformed", "The answer was not Open311 JSON"),
                                         ("xml", "HTTP 400: Only XML")])
def test_an_answer_that_is_not_open311_json_is_a_failed_try_with_its_reason(client, deps, body311, mode, error):
    from chalicelib.handlers.forwarding import sender
    body311.mode = mode
    rid = pothole(client)
    assert sender.attempt(deps, rid, "north-yorkshire") == "retrying"
    assert deps.sends.get(rid, "north-yorkshire").last_error.startswith(error)


def test_a_body_that_speaks_only_xml_is_sent_xml(client, deps, body311):
    from chalicelib.handlers.forwarding import sender
    body = deps.bodies.get("north-yorkshire")
    body.format = "xml"
    deps.bodies.save(body)
    rid = pothole(client)
    assert sender.attempt(deps, rid, "north-yorkshire") == "sent"
    assert deps.sends.get(rid, "north-yorkshire").reference == "CFM-1"
    path, form, _ = body311.posts[0]
    assert path == "/open311/v2/requests.xml" and form["service_code"] == ["pothole"]
    assert form["attribute[size]"] == ["large"] and form["api_key"] == ["key-of-the-district"]


def test_a_slow_body_past_the_timeout_is_a_failed_try_not_a_hang(client, deps, body311, monkeypatch):
    from chalicelib.handlers.forwarding import sender, wire
    monkeypatch.setattr(wire, "TIMEOUT_S", 0.5)
    body311.mode = "slow"
    rid = pothole(client)
    assert sender.attempt(deps, rid, "north-yorkshire") == "retrying"
    assert "No answer within" in deps.sends.get(rid, "north-yorkshire").last_error
