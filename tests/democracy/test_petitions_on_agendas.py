"""A petition on an agenda: staff place a published petition at the item
that debates it; the meeting's page and the petition's say so; its signers
are told the date, then of the item when the agenda is out (by the same
fan-out, once each), then what was decided."""
from datetime import timedelta

from chalicelib.handlers.democracy import sync
from support.alert_support import FakeDeliver
from support.democracy_support import ROAD_REPAIRS_SESSION
from support.democracy_support import council, council_clock, moderngov  # noqa: F401 (fixtures)
from support.petition_support import NOON, at, published, sign_and_confirm, tell

PUBLISHED = f"meeting_agenda_published-{ROAD_REPAIRS_SESSION}"
DECIDED = f"meeting_decisions_published-{ROAD_REPAIRS_SESSION}"


def fan_out(deps, event_id):
    from chalicelib.handlers.alerts.worker import dispatch_event
    from chalicelib.storage.reports.reports import EventModel
    fake = FakeDeliver()
    dispatch_event(deps, EventModel.get(event_id), fake, sleep=lambda s: None)
    return {a: m for c, a, m in fake.calls if c == "email"}


def road_repairs_item(client):
    items = client.get(f"/v1/meetings/{ROAD_REPAIRS_SESSION}").json_body["items"]
    return next(i for i in items if i["title"].startswith("Road repairs in Acomb"))


def link(client, staff, petition_id, item_id, meeting_id=ROAD_REPAIRS_SESSION, etag=None):
    etag = etag or client.get(f"/v1/staff/petitions/{petition_id}", staff.auth).headers["ETag"]
    return client.post(f"/v1/staff/meetings/{meeting_id}/items/{item_id}/petitions/{petition_id}", {},
                       {**staff.auth, "If-Match": etag})


def test_a_petition_at_an_agenda_item_is_on_both_pages_and_its_signers_hear_the_date_the_item_and_the_decision(
        client, council, council_clock, people):
    import chalicelib.handlers.petitions.routes  # noqa: F401 (registers petitions' audiences, as app.py does)
    petition = published(council)
    signer = sign_and_confirm(at(council, NOON + timedelta(hours=1)), petition["id"], 1)
    sync.run(council)  # the transport session's agenda is out
    item = road_repairs_item(client)
    staff = people("staff")
    linked = link(client, staff, petition["id"], item["id"])
    assert linked.status_code == 200, linked.body
    assert linked.json_body["debate"]["meeting_id"] == ROAD_REPAIRS_SESSION
    shown = road_repairs_item(client)["petitions"]
    assert [p["id"] for p in shown] == [petition["id"]] and shown[0]["action"] == petition["action"]
    others = [i for i in client.get(f"/v1/meetings/{ROAD_REPAIRS_SESSION}").json_body["items"] if i != item]
    assert all(not i["petitions"] for i in others if i["id"] != item["id"])
    page = client.get(f"/v1/petitions/{petition['id']}").json_body["debate"]
    assert page["item_id"] == item["id"] and page["committee"] and page["decision"] is None
    # told the date: the petition's own debate notice, by the committee's name and the item's
    deliver = FakeDeliver()
    tell(council, petition["id"], deliver)
    [dated] = [m for c, a, m in deliver.calls if c == "email" and a == signer]
    assert page["date"] in dated["notice"]["text"] and item["title"] in dated["notice"]["text"]
    # told of the item with the agenda, through the same fan-out as everyone else
    told = fan_out(council, PUBLISHED)
    assert told[signer]["notice"]["subject"] == "A petition you signed is on a council meeting's agenda"
    assert item["title"] in told[signer]["body"]
    assert fan_out(council, PUBLISHED) == {}  # once
    # the meeting, then its decisions published two days after it
    council_clock.advance(days=9)
    sync.run(council)
    decided = fan_out(council, DECIDED)
    assert decided[signer]["title"] == "A decision on a petition you signed"
    decision = client.get(f"/v1/petitions/{petition['id']}").json_body["debate"]["decision"]
    assert decision and decision[:40] in decided[signer]["notice"]["text"]


def test_placing_a_petition_checks_the_meeting_the_item_and_the_petitions_version(client, council, people):
    petition = published(council)
    sync.run(council)
    item = road_repairs_item(client)
    staff, resident = people("staff"), people()
    assert link(client, staff, petition["id"], "999999").status_code == 404  # no such item
    assert link(client, staff, petition["id"], item["id"], meeting_id="999999").status_code == 404
    assert link(client, staff, petition["id"], "not-digits").status_code == 404  # no item's id has that form
    assert link(client, staff, petition["id"], item["id"], etag='"0"').status_code == 409  # a stale version
    assert client.post(f"/v1/staff/meetings/{ROAD_REPAIRS_SESSION}/items/{item['id']}/petitions/{petition['id']}",
                       {}, {**resident.auth, "If-Match": '"1"'}).status_code == 403
    assert link(client, staff, "PT-NOSUCH1", item["id"], etag='"1"').status_code == 404
