"""An application on a Planning Committee's agenda is linked both ways,
whichever sync writes first: the application says when and where it is
decided and how to register to speak; the agenda's item shows the
application. The link follows from the agenda's own event, claimed once."""
from datetime import datetime, timezone

import pytest

from chalicelib.handlers.democracy import sync as meetings_sync
from chalicelib.handlers.democracy.planning_refs import PLANNING_ITEMS, found
from chalicelib.handlers.planning import committee, routes, sync
from chalicelib.handlers.shared import effects
from chalicelib.storage.records import Event
from support.democracy_support import moderngov  # noqa: F401 (a fixture)
from support.planning_support import council_clock, public_access, york_addresses  # noqa: F401 (fixtures)

assert routes  # its import registers the agenda's effect, as wiring app.py does
LISTED = "26-00418-lbc"  # 11 Micklegate: on the demo Planning Committee's agenda (meeting 1301)


def carried_out(deps):
    """Each `meeting_planning_items` event the syncs wrote, its effects carried out (as the stream's job does)."""
    from chalicelib.storage.binding import record_of
    from chalicelib.storage.reports.reports import EventModel
    written = [record_of(Event, e) for e in EventModel.scan() if e.kind == PLANNING_ITEMS]
    return [effects.carry_out(deps, e) for e in written]


def test_references_are_read_from_titles_and_papers_but_not_dates_years_or_orders():
    assert found("Land at 12 Front Street (25/01234/FUL)", "", "Officer report BH2017/04225") == [
        "25/01234/FUL", "BH2017/04225"]
    assert found("<p>Trees: dc/26/1388/tca, see 24/11/2026 and the 2027/28 budget; TPO 12/1987</p>") == [
        "DC/26/1388/TCA"]


def test_the_agenda_written_first_links_its_item_and_the_application_copied_after_finds_it(
        client, york_addresses, public_access, moderngov, council_clock):
    deps = york_addresses.replace(clock=council_clock)
    meetings_sync.run(deps)  # the agenda first: our copy of the register holds nothing yet
    assert [list(done.values()) for done in carried_out(deps)] == [["done"]]
    assert client.get("/v1/meetings/1301").json_body["items"][-1]["applications"] == []
    sync.run(deps)
    item = client.get("/v1/meetings/1301").json_body["items"][-1]
    assert [(a["reference"], a["url"].rsplit("/", 1)[-1]) for a in item["applications"]] == [("26/00418/LBC", LISTED)]
    page = client.get(f"/v1/planning/applications/{LISTED}")
    # By key each way: the application, the health and its committee row; the meeting, its documents and the
    # applications its items name (one BatchGetItem); no Query, no scan.
    for timing in (page.headers["Server-Timing"], client.get("/v1/meetings/1301").headers["Server-Timing"]):
        assert 'queries=0 items=3"' in timing
    shown = page.json_body["committee"]
    assert (shown["meeting_id"], shown["item_id"]) == ("1301", item["id"])
    assert shown["words"].startswith("On the agenda of Planning Committee on Sunday 22 November 2026 at 4:30pm")
    assert shown["speaking"]["open"] is False and shown["speaking"]["url"] is None  # the meeting is past
    assert [list(done.values()) for done in carried_out(deps)] == [["already"]]  # claimed once
    assert client.get("/v1/planning/applications/26-00412-ful").json_body["committee"] is None


def agenda(meeting_id, date, at, links, gone=(), cancelled=False):
    return Event(id=f"e-{meeting_id}-{at}", kind=PLANNING_ITEMS, report_id=None, created_at=None, payload={
        "meeting_id": meeting_id, "committee_id": "3", "committee_title": "Planning Committee", "date": date,
        "time": "16:30", "location": "West Offices", "cancelled": cancelled, "gone": list(gone), "at": at,
        "links": {app: {"item_id": "7", "reference": "26/00418/LBC", "can_speak": True} for app in links}})


@pytest.fixture
def tuesday(deps):
    return deps.replace(clock=lambda: datetime(2026, 11, 24, 10, tzinfo=timezone.utc))


def test_a_deferred_application_shows_its_next_meeting_and_registration_closing_two_working_days_before_a_weekend(
        client, tuesday):
    committee.on_agenda(tuesday, agenda("1301", "2026-11-22", "2026-11-20T09:00:00Z", [LISTED]), "k1")
    committee.on_agenda(tuesday, agenda("1304", "2026-12-01", "2026-11-23T09:00:00Z", [LISTED]), "k2")
    shown = committee.of_application(tuesday, LISTED, datetime(2026, 11, 24).date())
    assert shown["words"] == ("To be decided at Planning Committee on Tuesday 1 December 2026 at 4:30pm, "
                              "West Offices")
    # Two working days before a Tuesday: Monday, then Friday (the weekend between is not counted).
    assert shown["speaking"] == {"open": True, "closes": "5pm on Friday 27 November 2026",
                                 "words": "You can ask to speak on it at the meeting until 5pm on Friday 27 November "
                                          "2026.", "url": "/meetings/1304/items/7/speak"}


def test_an_older_event_handled_late_changes_nothing_and_an_item_dropped_unlinks(tuesday):
    newer = agenda("1304", "2026-12-08", "2026-11-23T10:00:00Z", [LISTED])
    older = agenda("1304", "2026-12-01", "2026-11-23T09:00:00Z", [LISTED])
    committee.on_agenda(tuesday, newer, "k1")
    committee.on_agenda(tuesday, older, "k2")  # the stream's order is per shard
    assert committee.of_application(tuesday, LISTED, datetime(2026, 11, 24).date())["date"] == "2026-12-08"
    committee.on_agenda(tuesday, agenda("1304", "2026-12-08", "2026-11-23T11:00:00Z", [], gone=[LISTED]), "k3")
    assert committee.of_application(tuesday, LISTED, datetime(2026, 11, 24).date()) is None
