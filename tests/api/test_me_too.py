""""Me too": residents add their support to a report, signed in or by a
proven e-mail, once each; the public sees the count and never who; staff
sort the inbox by it; supporters hear of the report's updates."""
import re
from datetime import timedelta

import pytest

from conftest import pothole
from support.alert_support import FakeDeliver, events_of, outbox_to
from support.staff_support import officer, report_at, staff_data  # noqa: F401  (fixtures)
from support.tampering import tampered


def support_links(to):
    return [t for m in outbox_to(to) for t in re.findall(r"/\?support=([\w.-]+)", m.body)]


def supporters_of(client, rid):
    return client.get(f"/v1/reports/{rid}").json_body["supporters"]


@pytest.fixture
def report(client):
    def make(**overrides):
        made = client.post("/v1/reports", pothole(**overrides))
        assert made.status_code == 201, made.body
        return made.json_body["id"]
    return make


def test_a_second_resident_by_email_makes_the_count_two_once_the_link_is_followed(client, people, report):
    rid = report()
    assert supporters_of(client, rid) == 0
    first = people(email="mo.neighbour@example.org")
    assert client.post(f"/v1/reports/{rid}/supporters", {"email": "mo.neighbour@example.org"}).status_code == 202
    said = client.post(f"/v1/reports/{rid}/supporters", {}, {**first.auth, "Idempotency-Key": "me-too-0001"})
    assert said.status_code == 200 and said.json_body["supporters"] == 1  # signed in: proven, the pending one counts
    again = client.post(f"/v1/reports/{rid}/supporters", {}, first.auth)  # a retry, or a second tab
    assert again.status_code == 200 and again.json_body["supporters"] == 1
    late = client.post("/v1/supporters/confirm", {"token": support_links("mo.neighbour@example.org")[0]})
    assert late.status_code == 200 and late.json_body["supporters"] == 1  # the link too: still once

    url = f"/v1/reports/{rid}/supporters"
    asked = client.post(url, {"email": "Sam.Second+potholes@example.org"})
    assert asked.status_code == 202 and asked.json_body["status"] == "check_email"
    assert client.post(url, {"email": "samsecond@example.org"}).json_body == asked.json_body  # the same person
    assert supporters_of(client, rid) == 1  # not counted before the link is followed
    links = support_links("Sam.Second+potholes@example.org")
    assert len(links) == 1 and support_links("samsecond@example.org") == []  # no second mail
    assert client.post("/v1/supporters/confirm", {"token": tampered(links[0], 3)}).status_code == 404
    confirmed = client.post("/v1/supporters/confirm", {"token": links[0]})
    assert confirmed.status_code == 200 and confirmed.json_body["supporters"] == 2
    assert client.post("/v1/supporters/confirm", {"token": links[0]}).json_body["supporters"] == 2  # twice: once
    public = client.get(f"/v1/reports/{rid}")
    assert public.json_body["supporters"] == 2
    assert "example.org" not in public.body.decode().replace("ada@example.org", "")  # nobody's address
    assert "mo.neighbour" not in client.get(f"/v1/reports/{rid}/updates").body.decode()


def test_a_me_too_is_refused_clearly_when_it_cannot_count(client, deps, people, report):
    from chalicelib.handlers.reports.changes import change_state
    rid = report()
    url = f"/v1/reports/{rid}/supporters"
    assert client.post(url, {}).json_body["error"]["code"] == "email_required"  # nobody signed in, no e-mail
    bad = client.post(url, {"email": "not an address"})
    assert bad.status_code == 400 and {f["field"] for f in bad.json_body["error"]["fields"]} == {"email"}
    odd = client.post(url, {"email": "a@example.org", "name": "x"})  # its schema takes no name: at the edge
    assert odd.status_code == 400 and [f["field"] for f in odd.json_body["error"]["fields"]] == ["name"]
    assert client.post("/v1/reports/DS-ZZZZZZ/supporters", {"email": "a@example.org"}).status_code == 404
    reporter = people(email="rae.reporter@example.org")
    own = client.post("/v1/reports", pothole(contact={"email": "rae.reporter@example.org"}), reporter.auth)
    refused = client.post(f"/v1/reports/{own.json_body['id']}/supporters", {}, reporter.auth)
    assert refused.status_code == 409 and refused.json_body["error"]["code"] == "own_report"
    change_state(deps, rid, "fixed", "Filled.")
    closed = client.post(url, {"email": "late@example.org"})
    assert closed.status_code == 409 and closed.json_body["error"]["code"] == "report_closed"
    assert client.post("/v1/supporters/confirm", {}).status_code == 400


def test_me_toos_reorder_the_staff_inbox_and_a_page_reads_about_what_it_returns(client, deps, people, officer):
    now = deps.clock()
    quiet, one, two = (report_at(deps, pothole(), now - timedelta(minutes=m)) for m in (30, 20, 10))
    assert [r for r in _inbox(officer, sort="newest") if r in (quiet, one, two)] == [two, one, quiet]
    for n, rid in ((1, quiet), (2, quiet), (3, one)):
        neighbour = people(email=f"neighbour{n}@example.org")
        assert client.post(f"/v1/reports/{rid}/supporters", {}, neighbour.auth).status_code == 200
    page = officer.inbox(sort="supporters", limit=3)
    lines = page.json_body["reports"]
    assert [(r["id"], r["supporters"]) for r in lines] == [(quiet, 2), (one, 1), (two, 0)]
    items = int(page.headers["Server-Timing"].split("items=")[1].split('"')[0])
    assert items <= len(lines) + 3, page.headers["Server-Timing"]  # and the officer's user, session and grant
    refused = officer.inbox(sort="supporters", priority="high")
    assert refused.status_code == 422 and refused.json_body["error"]["fields"][0]["field"] == "sort"
    # A staff change rewrites the rows and keeps the count.
    assert officer.patch(one, {"priority": "high"}).status_code == 200
    assert [r["id"] for r in officer.inbox(sort="supporters", limit=2).json_body["reports"]] == [quiet, one]


def _inbox(officer, **params):
    answer = officer.inbox(**params)
    assert answer.status_code == 200, answer.body
    return [r["id"] for r in answer.json_body["reports"]]


def test_supporters_are_told_of_the_reports_updates_and_of_nothing_before(client, deps, people, report):
    from chalicelib.handlers.alerts.worker import dispatch_event
    from chalicelib.handlers.reports.changes import change_state
    rid = report()
    signed_in = people(email="sid.supporter@example.org")
    client.post(f"/v1/reports/{rid}/supporters", {}, signed_in.auth)
    client.post(f"/v1/reports/{rid}/supporters", {"email": "em.supporter@example.org"})
    client.post("/v1/supporters/confirm", {"token": support_links("em.supporter@example.org")[0]})
    fake = FakeDeliver()
    dispatch_event(deps, events_of(rid)[0], fake, sleep=lambda s: None)  # the creation: before they said so
    assert "sid.supporter@example.org" not in fake.to("email")
    change_state(deps, rid, "action_scheduled", text="Booked for Tuesday.")
    fake = FakeDeliver()
    dispatch_event(deps, events_of(rid)[-1], fake, sleep=lambda s: None)
    told = fake.to("email")
    assert {"sid.supporter@example.org", "em.supporter@example.org"} <= set(told) and len(told) == len(set(told))
    message = next(m for c, a, m in fake.calls if a == "em.supporter@example.org")
    assert "Booked for Tuesday." in message["body"] and message["unsubscribe_url"]
    listed = client.get("/v1/alerts", signed_in.auth).json_body["alerts"]
    assert [(a["kind"], a["report_id"]) for a in listed] == [("report", rid)]  # theirs to stop


def test_confirming_a_me_too_reads_and_writes_a_fixed_handful_of_items(client, deps, report):
    from chalicelib.handlers.reports.support import confirm
    from chalicelib.storage.metering import metered
    rid = report()
    client.post(f"/v1/reports/{rid}/supporters", {"email": "cost@example.org"})
    with metered() as meter:
        answer = confirm(deps, {"token": support_links("cost@example.org")[0]})
    assert answer["supporters"] == 1
    reads = [op for op in meter.operations if op in ("GetItem", "Query", "BatchGetItem", "Scan")]
    # The supporter, the report and the category (for its name): then one transaction to follow, one to count.
    assert "Scan" not in reads and len(reads) <= 3 and meter.operations.count("TransactWriteItems") == 2, \
        meter.operations
