"""The sync spares the committee system: it asks only what can have changed,
writes only what did, keeps each public paper once, writes an agenda's
publication as an event, and keeps the last copy with its health when the
committee system is down, blocked or changes a page's shape."""
import pytest

from chalicelib.handlers.democracy import sync
from chalicelib.handlers.democracy.agendas import paper_key
from support.democracy_support import (CANCELLED, ROAD_REPAIRS_REPORT, ROAD_REPAIRS_SESSION, TENDER_EVALUATION,
                                       TENDER_PRICES)
from support.democracy_support import council_clock, moderngov  # noqa: F401 (fixtures)

LIVE = 6  # agendas that can still change at the demo's anchor: 1201, 1202, 1301, 1401, 1402, 1501


@pytest.fixture
def synced(deps, moderngov, council_clock):
    """The app's clock is the council's; one first sync done."""
    deps = deps.replace(clock=council_clock)
    first = sync.run(deps)
    moderngov.calls.clear()
    return deps, first


def test_a_first_sync_copies_the_window_and_keeps_each_public_paper_once_and_no_restricted_one(synced):
    deps, first = synced
    # committees 1 + lists 5 + agendas 10 (not the cancelled one) + public papers 12 + the two list pages
    assert first["calls"] == 30
    meeting = deps.democracy.meeting(ROAD_REPAIRS_SESSION)
    papers = {p["id"]: p for i in meeting["items"] for p in i["papers"]}
    assert papers[ROAD_REPAIRS_REPORT]["size"] > 500
    assert deps.blobs.read(paper_key(ROAD_REPAIRS_REPORT)).startswith(b"%PDF-")
    assert TENDER_PRICES not in papers and TENDER_EVALUATION not in papers
    assert deps.democracy.meeting(CANCELLED)["cancelled"]


def test_a_sync_with_nothing_changed_asks_only_for_agendas_that_can_still_change(synced, moderngov, council_clock):
    deps, _ = synced
    council_clock.advance(minutes=30)
    again = sync.run(deps)
    assert again["calls"] == LIVE and again["changed_ids"] == []
    assert set(moderngov.calls) == {"/mgWebService.asmx/GetMeeting"}
    council_clock.advance(minutes=15)
    assert sync.run(deps)["calls"] == 0  # nothing due a quarter of an hour later
    council_clock.advance(minutes=15)
    hourly = sync.run(deps)
    assert hourly["calls"] == 5 + LIVE + 2  # each committee's list, the live agendas, the two list pages


def test_one_changed_agenda_costs_one_call_for_its_new_paper_and_one_meeting_written(synced, moderngov, council_clock):
    deps, _ = synced
    moderngov.add_paper(ROAD_REPAIRS_SESSION, "Supplementary: revised map of the repairs")
    council_clock.advance(minutes=30)
    again = sync.run(deps)
    assert again["calls"] == LIVE + 1 and again["changed_ids"] == [ROAD_REPAIRS_SESSION]
    items = deps.democracy.meeting(ROAD_REPAIRS_SESSION)["items"]
    assert items[-1]["papers"][0]["title"] == "Supplementary: revised map of the repairs"


def test_a_paper_made_restricted_after_it_was_kept_is_deleted_and_never_served(synced, moderngov, council_clock):
    from chalicelib.storage.blobs import BlobMissing
    from doorstep_cli.local import moderngov_data
    deps, _ = synced
    repairs = next(m for m in moderngov_data.MEETINGS if m[0] == ROAD_REPAIRS_SESSION)
    item = repairs[5][0]
    restricted = (item[0], item[1], item[2], [(item[3][0][0], True), *item[3][1:]], item[4])
    changed = (*repairs[:5], [restricted, *repairs[5][1:]])
    index = moderngov_data.MEETINGS.index(repairs)
    moderngov_data.MEETINGS[index] = changed
    try:
        council_clock.advance(minutes=30)
        sync.run(deps)
    finally:
        moderngov_data.MEETINGS[index] = repairs
    papers = {p["id"] for i in deps.democracy.meeting(ROAD_REPAIRS_SESSION)["items"] for p in i["papers"]}
    assert ROAD_REPAIRS_REPORT not in papers
    with pytest.raises(BlobMissing):
        deps.blobs.read(paper_key(ROAD_REPAIRS_REPORT))


def test_an_agendas_publication_writes_its_event_once(synced, council_clock):
    from chalicelib.storage.reports.reports import EventModel
    deps, _ = synced
    assert EventModel.get(f"meeting_agenda_published-{ROAD_REPAIRS_SESSION}").payload["meeting_id"] == \
        ROAD_REPAIRS_SESSION
    assert EventModel.count("meeting_agenda_published-1202") == 0  # nine days ahead: not out yet
    council_clock.advance(days=2)
    report = sync.run(deps)
    assert "1202" in report["changed_ids"]
    assert EventModel.get("meeting_agenda_published-1202").kind == "meeting_agenda_published"


@pytest.mark.parametrize("fault, kind", [("down", "unreachable"), ("challenge", "blocked")])
def test_a_committee_system_not_answering_is_asked_once_and_the_last_copy_stands(synced, moderngov, council_clock,
                                                                                fault, kind):
    deps, _ = synced
    before = deps.democracy.meeting(ROAD_REPAIRS_SESSION)
    setattr(moderngov, fault, True)
    council_clock.advance(hours=1)
    report = sync.run(deps)
    assert (report["calls"], report["stopped"]) == (1, kind)
    assert deps.democracy.meeting(ROAD_REPAIRS_SESSION)["items"] == before["items"]
    health = deps.democracy.document("health")[0]
    assert health["meetings"]["kind"] == kind


def test_a_malformed_agenda_keeps_its_last_copy_and_the_rest_go_on(synced, moderngov, council_clock):
    deps, _ = synced
    moderngov.malformed = True
    council_clock.advance(minutes=30)
    report = sync.run(deps)
    assert report["calls"] == LIVE and report["stopped"] is None
    assert deps.democracy.document("health")[0]["agendas"]["kind"] == "malformed"
    assert deps.democracy.meeting(ROAD_REPAIRS_SESSION)["agenda_published"]


def test_a_meeting_the_committee_system_no_longer_has_does_not_stop_the_others(deps, moderngov, council_clock):
    """Modern.gov answers 500 for a meeting id it does not have (one deleted there, here one of our
    copy's it never listed): that meeting's failure alone, asked again at its cadence;
    every other agenda is still copied, on the first run as on later ones."""
    deps = deps.replace(clock=council_clock)
    today = council_clock().date().isoformat()
    deps.democracy.save_meeting({"id": "9801", "committee_id": "3", "committee_title": "Planning Committee",
                                 "date": today, "time": "18:00", "location": "", "agenda_published": True,
                                 "items": []})
    first = sync.run(deps)
    assert first["stopped"] is None and ROAD_REPAIRS_SESSION in first["changed_ids"]
    assert deps.democracy.meeting(ROAD_REPAIRS_SESSION)["agenda_published"]
    council_clock.advance(minutes=30)
    again = sync.run(deps)
    assert again["stopped"] is None and again["calls"] == LIVE + 1  # the refused one once, at its cadence


def test_a_forward_plan_of_another_shape_keeps_the_last_plan_and_warns_staff(synced, moderngov, council_clock):
    deps, _ = synced
    plan = deps.democracy.document("forward_plan")[0]
    moderngov.plan_changed = True
    council_clock.advance(hours=1)
    sync.run(deps)
    assert deps.democracy.document("forward_plan")[0] == plan
    assert deps.democracy.document("health")[0]["forward_plan"]["kind"] == "changed"
    moderngov.calls.clear()
    council_clock.advance(minutes=30)
    sync.run(deps)
    assert "/mgListPlanItems.aspx" not in moderngov.calls  # a changed page is asked again at its hour, no sooner


def test_the_events_stream_takes_a_publication_and_has_nothing_to_send_yet(synced):
    """With nobody following anything its items are tagged with, each
    agenda's publication is taken by the stream, its jobs (if any page is
    read) all succeed and nothing is sent (those it concerns:
    test_told_of_items.py)."""
    from chalicelib.storage.outbox import OutboxModel
    from support.effects_support import events_of_kind, run_stream, stream_takes
    deps, _ = synced
    published = {e.id for e in events_of_kind("meeting_agenda_published")}
    assert f"meeting_agenda_published-{ROAD_REPAIRS_SESSION}" in published and len(published) == LIVE
    taken, _ = stream_takes(deps, "meeting_agenda_published", "meeting_decisions_published")
    assert taken == len(published) + len(events_of_kind("meeting_decisions_published"))
    assert run_stream(deps, "meeting_agenda_published", "meeting_decisions_published") == []
    assert list(OutboxModel.scan()) == []  # nobody e-mailed or texted


def test_the_app_imports_no_committee_system_code_until_the_sync_runs():
    import ast
    import subprocess
    import sys
    from pathlib import Path
    root = Path(__file__).resolve().parents[2]
    loaded = subprocess.run([sys.executable, "-c", "import sys, app; print(sorted(m for m in sys.modules "
                             "if 'democracy' in m or 'moderngov' in m))"], cwd=root, capture_output=True, text=True,
                            check=True, env={"PYTHONPATH": str(root), "PATH": ""}).stdout
    assert ast.literal_eval(loaded) == ["chalicelib.handlers.democracy", "chalicelib.handlers.democracy.limits",
                                        "chalicelib.handlers.democracy.routes"]
