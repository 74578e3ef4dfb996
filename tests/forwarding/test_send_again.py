"""Staff's "send again" on a send still retrying: the body said it is back,
so the next try comes now rather than in up to 30 minutes, and the body is
asked once however many press at once beside the sweeper's own try."""
import threading
from datetime import timedelta

import pytest

from support.confirm_body import ConfirmBody
from support.racing import at_once

OUTER = (53.9900, -1.1200)
BODY = "north-yorkshire"
PRESSES = 5


class Jobs:
    """The send queue as staff_sending and the sweep use it: what was queued."""

    def __init__(self):
        self.sent, self.lock = [], threading.Lock()

    def send(self, jobs):
        with self.lock:
            self.sent.extend(jobs)


@pytest.fixture
def down_then_up(deps):
    """A body whose server is down for the first try, and a Confirm-style server
    it comes back as (the same body, a new address)."""
    from doorstep_cli.demo_bodies import load_demo_bodies
    server = ConfirmBody()
    load_demo_bodies(deps, county_endpoint="http://127.0.0.1:9/open311/v2", county_key="key-of-the-district")
    yield server
    server.stop()


def retrying_pothole(client, deps, server):
    """A report whose first try failed at `start`: its next try is 5 minutes on."""
    from chalicelib.handlers.forwarding import sender
    made = client.post("/v1/reports", {"service_code": "pothole", "lat": OUTER[0], "lon": OUTER[1],
                                       "description": "Hole by the stop.", "fields": {"size": "large"}})
    assert made.status_code == 201, made.body
    rid, start = made.json_body["id"], deps.clock()
    assert sender.attempt(deps.replace(clock=lambda: start), rid, BODY) == "retrying"
    body = deps.bodies.get(BODY)
    body.endpoint = server.url  # it is back
    deps.bodies.save(body)
    return rid, start


def test_send_again_while_retrying_sends_it_now_once_the_body_is_back(client, deps, down_then_up, people):
    from chalicelib.handlers.forwarding import sender
    from support.staff_support import Officer, load_staff_data
    rid, start = retrying_pothole(client, deps, down_then_up)
    assert deps.sends.get(rid, BODY).next_try_at == start + timedelta(minutes=5)
    load_staff_data(deps)
    officer = Officer(client, people("admin"))
    pressed = officer.post(f"/v1/staff/reports/{rid}/sends", {"body": BODY})
    assert pressed.status_code == 201, pressed.body
    assert pressed.json_body["state"] == "retrying" and pressed.json_body["tries"] == 1
    hurried = deps.sends.get(rid, BODY)
    assert hurried.next_try_at <= deps.clock() < start + timedelta(minutes=5)
    # Its next try is due already: pressing again does nothing more.
    again = officer.post(f"/v1/staff/reports/{rid}/sends", {"body": BODY})
    assert (again.status_code, again.json_body["error"]["code"]) == (409, "already_sending")
    assert sender.attempt(deps, rid, BODY) == "sent"
    assert [p["service_code"] for p in down_then_up.posts] == [["pothole"]]
    # It reached the body moments ago: a press made while the screen said "retrying" sends nothing.
    late = officer.post(f"/v1/staff/reports/{rid}/sends", {"body": BODY})
    assert (late.status_code, late.json_body["error"]["code"]) == (409, "just_sent")
    assert len(down_then_up.posts) == 1
    assert [e["action"] for e in officer.audit(rid)].count("send_again") == 1


def test_staff_pressing_send_again_together_beside_the_sweepers_due_try_ask_the_body_once(client, deps,
                                                                                         down_then_up, people):
    from chalicelib.auth.principal import Principal
    from chalicelib.errors import ApiError
    from chalicelib.handlers.forwarding import queue, sender, staff_sending
    rid, start = retrying_pothole(client, deps, down_then_up)
    pressed_at, due_at = start + timedelta(minutes=1), start + timedelta(minutes=5)
    jobs = Jobs()

    def race(person):
        if person is None:  # the sweeper's try, due now
            return "try", sender.attempt(deps.replace(clock=lambda: due_at), rid, BODY)
        own = deps.replace(clock=lambda: pressed_at,
                           principal=Principal(user_id=person.user.id, role="admin", email=person.user.email))
        try:
            return 201, staff_sending.send_again(own, rid, {"body": BODY}, queue=jobs).state
        except ApiError as e:
            return e.status, e.code

    outcomes = at_once(race, [people("admin") for _ in range(PRESSES)] + [None])
    assert all(o[0] in (201, 409, "try") for o in outcomes), outcomes
    # Then every job queued is run, twice over, and the sweep looks for what is due.
    for job in jobs.sent * 2:
        sender.attempt(deps.replace(clock=lambda: pressed_at), job["report"], job["body"])
    queue.sweep(deps.replace(clock=lambda: due_at + timedelta(minutes=1)), queue=jobs)
    for job in jobs.sent:
        sender.attempt(deps.replace(clock=lambda: due_at + timedelta(minutes=1)), job["report"], job["body"])
    assert len(down_then_up.posts) == 1, (down_then_up.posts, outcomes)
    final = deps.sends.get(rid, BODY)
    assert (final.state, final.reference) == ("sent", "CNF00001")
