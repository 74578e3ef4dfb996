"""Reading updates back from a back office that is not Doorstep (a
Confirm-style server, tests/support/confirm_body.py): its wrapped JSON read
as its bare JSON is, both ends of the range and its jurisdiction sent, and an
answer Doorstep cannot read shown to staff as the body's health."""
import logging
from datetime import timedelta

import pytest

from support.confirm_body import ConfirmBody

OUTER = (53.9900, -1.1200)  # the county's for potholes


def use(deps, server, **settings):
    from doorstep_cli.demo_bodies import load_demo_bodies
    load_demo_bodies(deps, county_endpoint=server.url, county_key="key-of-the-district")
    body = deps.bodies.get("north-yorkshire")
    for name, value in settings.items():
        setattr(body, name, value)
    deps.bodies.save(body)


def sent_pothole(client, deps):
    from chalicelib.handlers.forwarding import sender
    made = client.post("/v1/reports", {"service_code": "pothole", "lat": OUTER[0], "lon": OUTER[1],
                                       "description": "Hole by the stop.", "fields": {"size": "large"}})
    assert made.status_code == 201, made.body
    rid = made.json_body["id"]
    assert sender.attempt(deps, rid, "north-yorkshire") == "sent"
    return rid, deps.sends.get(rid, "north-yorkshire").reference


@pytest.fixture
def confirm():
    servers = []

    def start(**kwargs):
        servers.append(ConfirmBody(**kwargs))
        return servers[-1]
    yield start
    for server in servers:
        server.stop()


@pytest.mark.parametrize("fmt, wrapped", [("json", True), ("json", False), ("xml", False)])
def test_a_bodys_updates_are_applied_once_whether_its_json_is_wrapped_or_bare(client, deps, confirm, fmt, wrapped):
    from chalicelib.handlers.forwarding import polling
    server = confirm(wrapped=wrapped)
    use(deps, server, format=fmt)
    rid, reference = sent_pothole(client, deps)
    server.add_update(reference, "CU-1", deps.clock() - timedelta(minutes=2), "CLOSED", "Filled and rolled.",
                      external_status_code="FIXED")
    assert polling.poll_all(deps) == {"north-yorkshire": 1}
    assert polling.poll_all(deps) == {"north-yorkshire": 0}
    mine = client.get(f"/v1/reports/{rid}").json_body
    assert mine["status"] == "fixed"
    said = [u["text"] for u in client.get(f"/v1/reports/{rid}/updates").json_body["updates"] if u["text"]]
    assert said == ["Filled and rolled."]


def test_polls_send_both_ends_of_the_range_and_the_bodys_jurisdiction(client, deps, confirm):
    from chalicelib.handlers.forwarding import polling
    server = confirm(jurisdiction="nyc-highways")
    use(deps, server, jurisdiction_id="nyc-highways")
    rid, reference = sent_pothole(client, deps)
    assert server.posts[0]["jurisdiction_id"] == ["nyc-highways"]
    # Stamped in this very second: an end_date of "now" in whole seconds would leave it out.
    now = deps.clock()
    server.add_update(reference, "CU-7", now.replace(microsecond=0), "IN_PROGRESS", "Booked.",
                      external_status_code="IN_PROGRESS")
    assert polling.poll_all(deps) == {"north-yorkshire": 1}
    [asked] = server.queries
    assert {"start_date", "end_date", "api_key", "jurisdiction_id"} <= set(asked)
    assert asked["jurisdiction_id"] == "nyc-highways"
    assert asked["start_date"] < asked["end_date"]
    assert client.get(f"/v1/reports/{rid}").json_body["status"] == "in_progress"


def test_an_answer_doorstep_cannot_read_shows_on_the_bodys_health_with_its_reason(client, deps, confirm, people,
                                                                               caplog):
    from chalicelib.handlers.forwarding import polling
    from support.staff_support import Officer, load_staff_data
    server = confirm()
    use(deps, server)
    load_staff_data(deps)
    officer = Officer(client, people("staff"))
    health = lambda: officer.get("/v1/staff/bodies/north-yorkshire/health").json_body  # noqa: E731
    assert health()["status"] == "not_read_yet"
    rid, reference = sent_pothole(client, deps)
    # Objects, but not updates: each would have been skipped with no word to anyone.
    server.updates_answer = b'{"data": [{"id": 1, "state": "closed"}, {"id": 2}]}'
    with caplog.at_level(logging.WARNING, logger="doorstep.forwarding"):
        assert polling.poll_all(deps) == {"north-yorkshire": 0}
    seen = health()
    assert seen["status"] == "failing"
    assert seen["updates"]["problem"]["reason"].startswith("1 of 1 updates had no update_id or service_request_id")
    assert any("had no update_id" in r.getMessage() for r in caplog.records)
    # Not JSON at all: the poll fails, and says why.
    server.updates_answer = b"<html><body>502 Bad Gateway</body></html>"
    assert "not Open311 JSON" in polling.poll_all(deps)["north-yorkshire"]
    seen = health()
    assert seen["status"] == "failing"
    assert seen["updates"]["problem"]["reason"] == "Reading updates: The answer was not Open311 JSON: JSONDecodeError"
    # Back to sense: healthy again, the last problem kept with its time.
    server.updates_answer = None
    server.add_update(reference, "CU-2", deps.clock() - timedelta(minutes=1), "OPEN", "Seen.")
    assert polling.poll_all(deps) == {"north-yorkshire": 1}
    seen = health()
    assert seen["status"] == "ok" and seen["updates"]["read_whole_at"] >= seen["updates"]["problem"]["at"]
    assert officer.get("/v1/staff/bodies/nobody-here/health").status_code == 404
    assert officer.get("/v1/staff/bodies/national-highways/health").json_body["status"] == "not_read"
    assert client.get(f"/v1/reports/{rid}").status_code == 200
