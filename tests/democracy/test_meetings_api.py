"""What residents read of meetings, from our copy only: meetings ahead and
past by committee, ward and date, an agenda with its papers and (after the
meeting) its decisions, the cancelled meeting marked, forthcoming decisions,
search, the feeds; and all of it still there, with its age, once the
committee system stops answering."""
import pytest

from chalicelib.handlers.democracy import sync
from support.democracy_support import (CANCELLED, MORNING, PAST_SESSION, PLANNING, ROAD_REPAIRS_REPORT,
                                       ROAD_REPAIRS_SESSION, TENDER_EVALUATION, TENDER_PRICES, TRANSPORT)
from support.democracy_support import council_clock, moderngov  # noqa: F401 (fixtures)
from support.wards_support import ward


@pytest.fixture
def council(deps, moderngov, council_clock):
    """York's wards named in the demo, one sync at the council's morning, and the app's clock there too."""
    import time_machine
    deps.wards.put_many([ward(f"w{i}", -1.2 + i * 0.02, 53.9, name=name) for i, name in enumerate(
        ("Acomb", "Clifton", "Hull Road", "Westfield", "Holgate"))])
    sync.run(deps.replace(clock=council_clock))
    with time_machine.travel(MORNING, tick=False) as traveller:
        yield traveller


def test_meetings_ahead_soonest_first_with_the_cancelled_one_marked(client, council):
    found = client.get("/v1/meetings?when=ahead").json_body["meetings"]
    assert [m["id"] for m in found][:3] == [ROAD_REPAIRS_SESSION, "1202", "1502"]
    cancelled = next(m for m in found if m["id"] == CANCELLED)
    assert cancelled["cancelled"] and cancelled["committee_title"] == "Planning Committee"


def test_meetings_by_committee_by_ward_and_past_latest_first(client, council):
    planning = client.get(f"/v1/meetings?committee={PLANNING}&when=past").json_body["meetings"]
    assert [m["id"] for m in planning] == ["1301"]
    acomb = client.get("/v1/meetings?ward=acomb&from=2026-10-01&to=2026-12-31").json_body["meetings"]
    assert {m["id"] for m in acomb} == {"1201", "1301", ROAD_REPAIRS_SESSION}
    past = client.get("/v1/meetings?when=past&limit=3").json_body["meetings"]
    assert [m["date"] for m in past] == sorted((m["date"] for m in past), reverse=True)


def test_an_agenda_shows_its_papers_with_their_size_and_no_decision_before_the_meeting(client, council):
    meeting = client.get(f"/v1/meetings/{ROAD_REPAIRS_SESSION}").json_body
    repairs = next(i for i in meeting["items"] if i["title"] == "Road repairs in Acomb ward")
    assert repairs["decision"] is None and repairs["public_can_speak"]
    paper = repairs["papers"][0]
    assert paper["size"] > 500 and paper["url"].endswith(f"/v1/meetings/{ROAD_REPAIRS_SESSION}/papers/{ROAD_REPAIRS_REPORT}")
    answer = client.get(f"/v1/meetings/{ROAD_REPAIRS_SESSION}/papers/{ROAD_REPAIRS_REPORT}",
                        {"Accept": "application/pdf"})
    assert answer.status_code == 200 and answer.headers["Content-Type"] == "application/pdf"
    assert len(answer.body) == paper["size"]


def test_after_the_meeting_the_decision_shows_on_the_agenda(client, deps, council, council_clock):
    council_clock.advance(days=8)
    sync.run(deps.replace(clock=council_clock))
    council.move_to(council_clock.now)
    meeting = client.get(f"/v1/meetings/{ROAD_REPAIRS_SESSION}").json_body
    repairs = next(i for i in meeting["items"] if i["title"] == "Road repairs in Acomb ward")
    assert repairs["decision"] == ("Decision: that the carriageway repairs in Acomb ward be approved and carried "
                                   "out by March.")


@pytest.mark.parametrize("paper_id", [TENDER_PRICES, TENDER_EVALUATION, "140232' OR '1", "1"])
def test_a_restricted_paper_is_never_served_whatever_id_is_asked(client, council, paper_id):
    from urllib.parse import quote
    answer = client.get(f"/v1/meetings/{ROAD_REPAIRS_SESSION}/papers/{quote(paper_id)}", {"Accept": "application/pdf"})
    assert answer.status_code in (400, 404) and "%PDF" not in answer.body.decode("latin-1")
    assert answer.json_body["error"]["code"] in ("paper_not_found", "validation_failed", "not_found")


def test_a_meeting_page_costs_two_calls_whatever_its_agendas_size_150_items_included(deps, council):
    from chalicelib.handlers.democracy.meetings import one
    from chalicelib.storage.metering import metered
    with metered() as meter:
        one(deps, ROAD_REPAIRS_SESSION)
    # the meeting; the sync's health and the petitions its items debate in one BatchGetItem
    assert meter.operations == ["GetItem", "BatchGetItem"]
    big = {**deps.democracy.meeting(PAST_SESSION), "id": "9001", "items": [
        {"id": str(n), "number": f"{n}.", "title": f"Item {n}", "text": "Words. " * 60, "papers": [
            {"id": f"{n}1", "title": "Report", "published": "2026-11-01", "size": 20_000}]} for n in range(1, 151)]}
    deps.democracy.save_meeting(big)
    with metered() as meter:
        shown = one(deps, "9001")
    assert len(shown["items"]) == 150 and meter.operations == ["GetItem", "BatchGetItem"]


def test_with_the_committee_system_stopped_meetings_still_show_marked_with_their_age(
        client, deps, council, moderngov, council_clock):
    moderngov.close()
    council_clock.advance(hours=3)
    report = sync.run(deps.replace(clock=council_clock))
    assert report["stopped"] == "unreachable"
    council.move_to(council_clock.now)
    meeting = client.get(f"/v1/meetings/{ROAD_REPAIRS_SESSION}").json_body
    assert meeting["stale"] and meeting["age_s"] >= 3 * 3600 and meeting["items"]
    assert client.get("/v1/meetings").json_body["stale"]


def test_the_decisions_feed_carries_the_decisions_taken_at_meetings_when_the_list_pages_cannot_be_read(
        client, deps, moderngov, council_clock):
    moderngov.pages_blocked = True  # a firewall before the list pages; the web service answers
    report = sync.run(deps.replace(clock=council_clock))
    assert report["stopped"] == "blocked" and deps.democracy.document("decisions") is None
    atom = client.get("/v1/feeds/decisions.atom")
    assert atom.status_code == 200
    assert b"Winter maintenance: gritting routes" in atom.body  # decided at the meeting fourteen days back
    assert f"/meetings/{PAST_SESSION}#item-".encode() in atom.body
    made = client.get("/v1/decisions?from=2026-01-01&to=2026-11-24").json_body["decisions"]
    gritting = [d for d in made if d["title"] == "Winter maintenance: gritting routes"]
    assert [(d["meeting_id"], d["decided"]) for d in gritting] == [(PAST_SESSION, "2026-11-10")]


def test_a_decision_both_the_list_page_and_its_meeting_give_is_listed_once(client, council):
    made = client.get("/v1/decisions?from=2026-01-01&to=2026-11-24").json_body["decisions"]
    gritting = [d for d in made if d["title"] == "Winter maintenance: gritting routes"]
    assert len(gritting) == 1 and gritting[0]["call_in"]  # the list page's, which says its call-in
    assert client.get("/v1/feeds/decisions.atom").body.count(b"Winter maintenance: gritting routes") == 1


def test_forthcoming_decisions_key_or_not_with_their_date_maker_and_wards(client, council):
    every = client.get("/v1/decisions/forthcoming").json_body["decisions"]
    key = client.get("/v1/decisions/forthcoming?key=true").json_body["decisions"]
    others = client.get("/v1/decisions/forthcoming?key=false").json_body["decisions"]
    assert len(every) == 6 and [d["title"] for d in others] == ["Road repairs in Acomb ward"]
    assert [d["id"] for d in key] == [d["id"] for d in every if d["id"] != others[0]["id"]]  # soonest first
    assert {d["key"] for d in key} == {True} and others[0]["key"] is False
    clifton = client.get("/v1/decisions/forthcoming?ward=Clifton").json_body["decisions"]
    assert [(d["title"], d["due"], d["decision_maker"]) for d in clifton] == [
        ("Residents' parking on Bootham", "2026-11-30", "Executive Member for Transport")]


def test_search_finds_items_by_title_and_decision(client, council):
    found = client.get("/v1/agenda-items?q=pothole").json_body["items"]
    assert {f["title"] for f in found} >= {"Pothole repairs: how well are we doing?"}
    decided = client.get("/v1/agenda-items?q=gritting approved").json_body["items"]
    assert [f["meeting_id"] for f in decided] == [PAST_SESSION]


def test_a_committees_calendar_and_the_decisions_feed(client, council):
    calendar = client.get(f"/v1/feeds/committees/{PLANNING}/meetings.ics")
    assert calendar.status_code == 200 and calendar.body.count(b"BEGIN:VEVENT") == 3
    assert b"STATUS:CANCELLED" in calendar.body and b"UID:meeting-1302@doorstep" in calendar.body
    again = client.get(f"/v1/feeds/committees/{PLANNING}/meetings.ics", {"If-None-Match": calendar.headers["ETag"]})
    assert again.status_code == 304
    atom = client.get("/v1/feeds/decisions.atom")
    assert atom.headers["Content-Type"].startswith("application/atom+xml")
    assert b"Winter maintenance: gritting routes" in atom.body


@pytest.mark.parametrize("path, field", [
    ("/v1/meetings?when=soon", "when"), ("/v1/meetings?from=2026-13-01", "from"),
    ("/v1/meetings?committee=x", "committee"),
    ("/v1/meetings?limit=0", "limit"),
    ("/v1/decisions/forthcoming?key=maybe", "key"), ("/v1/agenda-items?q=a", "q")])
def test_bad_input_gets_a_clear_400_naming_its_field(client, council, path, field):
    answer = client.get(path)
    assert answer.status_code == 400
    assert field in [f["field"] for f in answer.json_body["error"]["fields"]]


@pytest.mark.parametrize("path", ["/v1/meetings/abc", f"/v1/feeds/committees/{TRANSPORT}x/meetings.ics"])
def test_a_path_id_of_the_wrong_form_names_nothing_404_at_the_edge(client, council, path):
    answer = client.get(path)
    assert answer.status_code == 404 and answer.json_body["error"]["code"] == "not_found"


@pytest.mark.parametrize("path", ["/v1/meetings?from=2026-12-01&to=2026-11-01",
                                  "/v1/decisions?from=2020-01-01&to=2026-01-01", "/v1/agenda-items?q=%20%20%20"])
def test_well_formed_input_that_breaks_a_rule_gets_a_422(client, council, path):
    answer = client.get(path)
    assert answer.status_code == 422 and answer.json_body["error"]["fields"]


def test_an_unknown_meeting_or_committee_is_not_found(client, council):
    assert client.get("/v1/meetings/999999").json_body["error"]["code"] == "meeting_not_found"
    assert client.get("/v1/feeds/committees/77/meetings.ics").json_body["error"]["code"] == "committee_not_found"
