"""Every link in a message names the address of the council that holds the thing (issue 78): a
report made at North Lanarkshire, which is not the deployment's default council, is told by e-mail
with links to North Lanarkshire's address, and each of them opens the thing there. The stack's own
address (DOORSTEP_PUBLIC_URL, which `make run` sets) is the default council's, never theirs."""
import json
import re
from urllib.parse import parse_qs, urlsplit

from support.councils_support import NL, NL_HOST, add, at, north_lanarkshire, signed_in_at, \
    with_categories, york

THERE = f"http://{NL_HOST}:8000"
IN_MOTHERWELL = (55.7892, -3.9916)


def _links(text):
    return re.findall(r"https?://[^\s<>\"')]+", text)


def _opens_there(client, link):
    """Follow a message's link as its reader's browser would: a web page is checked by the API
    read that page makes, at the link's own address."""
    parts = urlsplit(link)
    host, query = parts.hostname, parse_qs(parts.query)
    if parts.path.startswith("/v1/"):
        answer = client.get(f"{parts.path}?{parts.query}" if parts.query else parts.path, at(host))
    elif parts.path == "/" and "report" in query:
        answer = client.get(f"/v1/reports/{query['report'][0]}", at(host))
    elif parts.path == "/alerts/unsubscribe":  # the page's button POSTs to the API's address, which a GET describes
        answer = client.get(f"/v1/alerts/unsubscribe?{parts.query}", at(host))
    elif parts.path == "/feedback/give":
        answer = client.get(f"/v1/feedback/{query['service'][0]}/changes", at(host))
    else:
        raise AssertionError(f"a link this test does not know how to follow: {link}")
    return answer.status_code


def _run_events(*kinds):
    """The events' effects and alerts, each council's with the deps the Lambda builds for it."""
    from chalicelib.deps import default_deps
    from chalicelib.handlers.alerts.worker import InlineQueue, on_queue
    from chalicelib.handlers.stream import on_stream
    from chalicelib.storage.reports.reports import EventModel
    from chalicelib import tenancy

    class Stamped(InlineQueue):
        def send(self, bodies):
            return super().send([tenancy.stamped(b) for b in bodies])

    images = []
    for council in ("york", NL):  # tests only: a scan is fine
        with tenancy.acting_for(council):
            images += [e.serialize() for e in EventModel.scan() if e.kind in kinds]
    queue = Stamped()
    on_stream([{"eventName": "INSERT", "dynamodb": {"Keys": {"id": i["id"]}, "NewImage": i}} for i in images],
              default_deps, queue, InlineQueue())
    jobs = list(queue)
    records = [{"messageId": str(n), "body": json.dumps(job)} for n, job in enumerate(jobs)]
    assert on_queue({"Records": records}, default_deps, queue=InlineQueue(jobs))["batchItemFailures"] == []


def test_a_report_at_a_council_that_is_not_the_default_is_told_with_links_to_that_councils_address(
        client, deps, monkeypatch):
    from conftest import pothole
    from support.alert_support import outbox_to
    from support.staff_support import Officer
    from chalicelib import tenancy
    monkeypatch.setenv("DOORSTEP_PUBLIC_URL", "http://localhost:8000")  # as make run's stack: York's address
    add(deps, york(), north_lanarkshire())
    with_categories(NL)
    email = "morag@example.org"
    resident = signed_in_at(deps, NL, "resident", email=email)
    made = client.post("/v1/reports", pothole(lat=IN_MOTHERWELL[0], lon=IN_MOTHERWELL[1], contact={"email": email}),
                       at(NL_HOST, {**resident, "Idempotency-Key": "e5f6a7b8-0000-4000-8000-000000000078"}))
    assert made.status_code == 201, made.json_body
    rid = made.json_body["id"]
    _run_events("report_created")
    officer = Officer(client, type("P", (), {"auth": at(NL_HOST, signed_in_at(deps, NL, "staff"))})())
    moved = officer.patch(rid, {"status": "investigating", "public_update": "We will look at it this week."})
    assert moved.status_code == 200, moved.body
    _run_events("report_state_changed")

    with tenancy.acting_for(NL):
        bodies = [m.body for m in outbox_to(email)]
    assert len(bodies) == 2, bodies  # received, then moved on
    links = [link for body in bodies for link in _links(body)]
    assert any(f"report={rid}" in link for link in links) and len(links) >= 4, links
    assert [link for link in links if not link.startswith(THERE + "/")] == []
    assert {link: _opens_there(client, link) for link in links} == {link: 200 for link in links}


def test_a_resident_registering_at_a_council_that_is_not_the_default_verifies_at_its_address(
        client, deps, monkeypatch):
    from support.alert_support import outbox_to
    from support.councils_support import PASSWORD
    from chalicelib import tenancy
    monkeypatch.setenv("DOORSTEP_PUBLIC_URL", "http://localhost:8000")
    add(deps, york(), north_lanarkshire())
    email = "iain@example.org"
    assert client.post("/v1/auth/register", {"email": email, "password": PASSWORD, "name": "Iain Resident"},
                       at(NL_HOST)).status_code == 202
    with tenancy.acting_for(NL):
        (message,) = outbox_to(email)
    (link,) = _links(message.body)
    parts = urlsplit(link)
    assert (f"{parts.scheme}://{parts.netloc}", parts.path) == (THERE, "/verify")
    token = parse_qs(parts.query)["token"][0]
    assert client.post("/v1/auth/verify", {"token": token}, at(parts.netloc.split(":")[0])).status_code == 200
