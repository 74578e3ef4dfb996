"""The one-tap stop in a council meeting notice stops what that notice was
about and nothing else: the meeting notices the alert brought (a report's,
for the agenda items near it), said so before and after; the report's own
news still reaches its reporter, and a neighbour's notices go on."""
import json

from chalicelib.handlers.democracy import sync
from chalicelib.handlers.democracy.agendas import ITEM_RETAGGED
from support.alert_support import FakeDeliver
from support.democracy_support import ROAD_REPAIRS_SESSION
from support.democracy_support import council, council_clock, moderngov  # noqa: F401 (fixtures)

ACOMB = {"lat": 53.955, "lon": -1.135}  # inside the test's square Acomb ward (w0)


def told(deps, event):
    """{e-mail address: message} of one event's whole fan-out."""
    from chalicelib.handlers.alerts.worker import dispatch_event
    fake = FakeDeliver()
    dispatch_event(deps, event, fake, sleep=lambda s: None)
    return {a: m for c, a, m in fake.calls if c == "email"}


def events(kind):
    from chalicelib.storage.reports.reports import EventModel
    return [e for e in EventModel.scan() if e.kind == kind]


def reported(client, person):
    from conftest import pothole
    made = client.post("/v1/reports", pothole(contact={"email": person.user.email}, **ACOMB), person.auth)
    assert made.status_code == 201, made.body
    return made.json_body["id"]


def path_of(url):
    return url.split("/v1/", 1)[1].join(("/v1/", ""))


def test_a_meeting_notices_stop_link_stops_those_notices_and_leaves_the_reports_own_news(client, council, people):
    from chalicelib.storage.reports.reports import EventModel
    eve, nina = people(email="eve@example.org"), people(email="nina@example.org")
    report_id = reported(client, eve)
    reported(client, nina)  # her neighbour, on the same road
    sync.run(council)
    first = told(council, EventModel.get(f"meeting_agenda_published-{ROAD_REPAIRS_SESSION}"))
    assert {"eve@example.org", "nina@example.org"} <= set(first)
    stop = path_of(first["eve@example.org"]["unsubscribe_url"])

    before = client.get(stop)
    assert before.status_code == 200, before.body
    assert {k: before.json_body[k] for k in ("stops", "subscribed", "alert_kept", "describes")} == {
        "stops": "meeting_notices", "subscribed": True, "alert_kept": True, "describes": f"report {report_id}"}
    assert "alert itself goes on" in before.json_body["unsubscribe"]
    done = client.raw.http.post(stop, body="List-Unsubscribe=One-Click",
                                headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert done.status_code == 200, done.body
    assert {k: json.loads(done.body)[k] for k in ("stops", "subscribed", "alert_kept")} == {
        "stops": "meeting_notices", "subscribed": False, "alert_kept": True}
    assert client.raw.http.post(stop).status_code == 200  # a second press: the same, nothing more

    # The next notice for Acomb: staff give the street lighting item Acomb too.
    officer = people("staff")
    tags = client.get(f"/v1/staff/meetings/{ROAD_REPAIRS_SESSION}/tags", officer.auth)
    lighting = next(i for i in tags.json_body["items"] if i["title"].startswith("Street lighting"))
    corrected = client.raw.http.patch(
        f"/v1/staff/meetings/{ROAD_REPAIRS_SESSION}/items/{lighting['id']}/tags",
        body=json.dumps({"wards": sorted({*lighting["wards"], "Acomb"}), "topics": lighting["topics"]}),
        headers={"Content-Type": "application/json", **officer.auth, "If-Match": tags.headers["ETag"]})
    assert corrected.status_code == 200, corrected.body
    (correction,) = events(ITEM_RETAGGED)
    assert set(told(council, correction)) == {"nina@example.org"}  # not eve: she stopped those

    # Her report's next public update still reaches her.
    etag = client.raw.http.get(f"/v1/staff/reports/{report_id}", headers=officer.auth).headers["ETag"]
    updated = client.raw.http.patch(f"/v1/staff/reports/{report_id}", body='{"status": "investigating", '
                                    '"public_update": "A crew will look this week."}',
                                    headers={"Content-Type": "application/json", "If-Match": etag, **officer.auth})
    assert updated.status_code == 200, updated.body
    (news,) = events("report_state_changed")
    assert "eve@example.org" in told(council, news)


def test_a_whole_alerts_link_still_stops_the_whole_alert(client, council, people):
    from chalicelib.handlers.alerts.subscriptions import unsubscribe_token
    eve = people(email="eve@example.org")
    report_id = reported(client, eve)
    (alert,) = [a for a in council.alerts.of_user(eve.user.id) if (a.target or {}).get("report_id") == report_id]
    whole = client.raw.http.post(f"/v1/alerts/unsubscribe?token={unsubscribe_token(alert.id)}")
    assert whole.status_code == 200 and json.loads(whole.body)["stops"] == "alert"
    assert council.alerts.get(alert.id) is None
