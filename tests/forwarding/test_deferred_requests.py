"""A body that answers a request with a token and gives the id later
(GeoReport v2's deferred requests), as a Confirm-style server does: sent
once, kept as awaiting its id (staff see it), the token asked on the next
sweeps with backoff, the id recorded, and its updates read back by it."""
from datetime import timedelta

import pytest

from support.confirm_body import ConfirmBody
from support.staff_support import Officer, load_staff_data

OUTER = (53.9900, -1.1200)
BODY = "north-yorkshire"


class Jobs:
    def __init__(self):
        self.sent = []

    def send(self, jobs):
        self.sent.extend(jobs)


@pytest.fixture
def deferring():
    servers = []

    def start(fmt="json", **kwargs):
        servers.append(ConfirmBody(deferred=True, **kwargs))
        return servers[-1]
    yield start
    for server in servers:
        server.stop()


def use(deps, server, fmt):
    from doorstep_cli.demo_bodies import load_demo_bodies
    load_demo_bodies(deps, county_endpoint=server.url, county_key="key-of-the-district")
    body = deps.bodies.get(BODY)
    body.format = fmt
    deps.bodies.save(body)


def pothole(client):
    made = client.post("/v1/reports", {"service_code": "pothole", "lat": OUTER[0], "lon": OUTER[1],
                                       "description": "Hole by the stop.", "fields": {"size": "large"}})
    assert made.status_code == 201, made.body
    return made.json_body["id"]


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_a_token_is_asked_on_the_next_sweeps_until_its_id_comes_and_updates_then_come_back(client, deps, people,
                                                                                            deferring, fmt):
    from chalicelib.handlers.forwarding import polling, queue, sender
    server = deferring(token_lookups=3)
    use(deps, server, fmt)
    rid, start = pothole(client), deps.clock()
    at = lambda minutes: deps.replace(clock=lambda: start + timedelta(minutes=minutes))  # noqa: E731
    assert sender.attempt(at(0), rid, BODY) == "awaiting_id"
    send = deps.sends.get(rid, BODY)
    assert (send.token, send.reference, send.next_try_at) == ("TK0001", None, start + timedelta(minutes=1))

    load_staff_data(deps)
    officer = Officer(client, people("admin"))
    [seen] = officer.get(f"/v1/staff/reports/{rid}").json_body["sends"]
    assert (seen["state"], seen["token"], seen["reference"]) == ("awaiting_id", "TK0001", None)
    listed = officer.get("/v1/staff/sends?state=awaiting_id").json_body["sends"]
    assert [(s["report_id"], s["token"]) for s in listed] == [(rid, "TK0001")]
    public = client.get(f"/v1/reports/{rid}").json_body["sent_to"][0]
    assert public["summary"] == "Sent to North Yorkshire Council (highways); waiting for their reference"
    assert "token" not in public

    jobs = Jobs()
    assert queue.sweep(at(0.5), queue=jobs)["queued"] == 0  # not yet
    assert queue.sweep(at(1), queue=jobs)["queued"] == 1
    assert sender.attempt(at(1), rid, BODY) == "awaiting_id"  # not ready at the body yet
    assert deps.sends.get(rid, BODY).next_try_at == start + timedelta(minutes=2)
    assert sender.attempt(at(2), rid, BODY) == "awaiting_id"
    assert deps.sends.get(rid, BODY).next_try_at == start + timedelta(minutes=4)  # twice as long since the request
    assert sender.attempt(at(3), rid, BODY) is None
    assert sender.attempt(at(4), rid, BODY) == "sent"
    assert sender.attempt(at(5), rid, BODY) is None
    done = deps.sends.get(rid, BODY)
    assert (done.state, done.reference, done.sent_at) == ("sent", "CNF00001", start)
    assert len(server.posts) == 1 and server.token_asks == ["TK0001"] * 3

    # Its updates name the id: they now find the report.
    server.add_update("CNF00001", "CU-9", deps.clock() - timedelta(minutes=1), "CLOSED", "Filled.",
                      external_status_code="FIXED")
    assert polling.poll_all(deps) == {BODY: 1}
    assert client.get(f"/v1/reports/{rid}").json_body["status"] == "fixed"


def test_a_token_that_never_gets_its_id_fails_after_a_day_and_staff_can_send_it_again(client, deps, people,
                                                                                       deferring):
    from chalicelib.handlers.forwarding import sender
    server = deferring(token_lookups=10 ** 6)
    use(deps, server, "json")
    rid, start = pothole(client), deps.clock()
    assert sender.attempt(deps.replace(clock=lambda: start), rid, BODY) == "awaiting_id"
    state, moment = "awaiting_id", start
    while state == "awaiting_id":
        moment = deps.sends.get(rid, BODY).next_try_at
        state = sender.attempt(deps.replace(clock=lambda: moment), rid, BODY)
    assert state == "failed"
    assert start + timedelta(days=1) <= moment < start + timedelta(days=1, minutes=30)
    assert 45 <= len(server.token_asks) <= 60, len(server.token_asks)  # 1, 2, 4 ... 32 minutes, then every 30
    failed = deps.sends.get(rid, BODY)
    assert failed.last_error.startswith("North Yorkshire Council (highways) gave token TK0001 at ")
    assert len(server.posts) == 1

    load_staff_data(deps)
    officer = Officer(client, people("admin"))
    listed = officer.get("/v1/staff/sends?state=failed").json_body["sends"]
    assert [(s["report_id"], s["last_error"]) for s in listed] == [(rid, failed.last_error)]
    assert officer.post(f"/v1/staff/reports/{rid}/sends", {"body": BODY}).status_code == 201
    assert sender.attempt(deps, rid, BODY) == "awaiting_id"
    assert len(server.posts) == 2 and deps.sends.get(rid, BODY).token == "TK0002"
