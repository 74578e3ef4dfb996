"""Council meetings on a phone: a resident opens the transport decision
session's agenda (meeting 1402 of the local Modern.gov), finds it by its ward
and by its words, reads the road repairs paper, and after the meeting sees
its decision; the cancelled meeting shows as cancelled; a restricted paper is
never listed, kept or served, whatever id is asked; and with the committee
system stopped, meetings and an agenda still show, marked with their age."""
import re
from datetime import datetime, timedelta, timezone
from urllib.request import urlopen
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect
from support.democracy_support import Clock

from tests.web.browser import check_accessible
from tests.web.error_pattern import pattern_breaks
from tests.web.journeys import heading

LONDON = ZoneInfo("Europe/London")
ROAD_REPAIRS_SESSION, ROAD_REPAIRS_ITEM = "1402", "14023"  # doorstep_cli/local/moderngov_data.py
PUBLIC_PAPERS = {"140231": "Report: road repairs in Acomb ward", "140232": "Annex A: map of the repairs"}
# Annex B of the road repairs item, restricted; the exempt item's paper; and ids no meeting of ours lists.
RESTRICTED_PAPERS = ["140233", "140271", "140234", "99999"]


@pytest.fixture
def council(stack):
    """The local Modern.gov, its demo placed around today, read by one sync."""
    from doorstep_cli.local.moderngov import ModernGov
    env = pytest.MonkeyPatch()
    clock = Clock(datetime.now(LONDON))
    with ModernGov(clock=clock) as office:
        env.setenv("DOORSTEP_MODERNGOV_URL", office.url)
        office.sync_clock = clock
        try:
            yield office
        finally:
            env.undo()


def sync(stack, clock):
    from chalicelib.deps import default_deps
    from chalicelib.handlers.democracy.sync import run
    return run(default_deps(stack.url).replace(clock=lambda: clock.now.astimezone(timezone.utc)))


def test_a_resident_reads_an_agenda_and_its_paper_and_after_the_meeting_its_decision(browser, council):
    sync(browser.stack, council.sync_clock)
    page = browser.new_page()
    page.goto("/")
    page.get_by_role("link", name="Council meetings").click()
    heading(page, "Council meetings")
    page.get_by_role("link", name="Decision Session - Executive Member for Transport").first.click()
    heading(page, "Decision Session - Executive Member for Transport")
    item = page.locator(".agenda-item", has_text="Road repairs in Acomb ward")
    expect(item).to_contain_text("You can register to speak")
    check_accessible(page, "a meeting's agenda")
    paper = item.get_by_role("link", name="Report: road repairs in Acomb ward (PDF, 1 KB)")
    answer = page.request.get(paper.get_attribute("href"))
    assert answer.ok and answer.body().startswith(b"%PDF-")
    assert "tender" not in page.locator("#agenda").inner_text().lower()  # the restricted paper is not listed
    expect(item.locator(".decision")).to_have_count(0)
    council.sync_clock.now += timedelta(days=8)  # the meeting was six days ahead; its decisions out two days after
    sync(browser.stack, council.sync_clock)
    page.reload()
    expect(item.locator(".decision")).to_contain_text("carriageway repairs in Acomb ward be approved")


def test_the_cancelled_meeting_shows_as_cancelled(browser, council):
    sync(browser.stack, council.sync_clock)
    page = browser.new_page()
    page.goto("/meetings?committee=3")
    expect(page.locator(".meeting-item", has=page.locator(".meeting-cancelled"))).to_have_count(1)
    page.locator(".meeting-item", has=page.locator(".meeting-cancelled")).get_by_role("link").click()
    heading(page, "Planning Committee")
    expect(page.locator("#meeting-cancelled")).to_contain_text("This meeting has been cancelled.")
    check_accessible(page, "a cancelled meeting")


def test_a_resident_finds_their_wards_meetings_by_a_postcode_or_an_address(browser, council):
    sync(browser.stack, council.sync_clock)
    page = browser.new_page()
    page.goto("/meetings")
    heading(page, "Council meetings")
    for place in ("yo24 4wu", "1 Front Street"):  # both in Acomb (doorstep_cli/demo/addresses.csv)
        page.get_by_label("Ward, postcode or address").fill(place)
        page.get_by_role("button", name="Show meetings").click()
        expect(page.locator("#ward-of-place")).to_have_text(f"Meetings about Acomb ward, the ward of {place}.")
        listed = page.locator("#meeting-list .meeting-item",
                              has_text="Decision Session - Executive Member for Transport")
        expect(listed).to_have_count(1)
    check_accessible(page, "meetings found by an address")
    page.get_by_label("Ward, postcode or address").fill("YO24 9ZZ")
    page.get_by_role("button", name="Show meetings").click()
    expect(page.locator("#ward-of-place")).to_contain_text("We have no addresses at YO24 9ZZ")
    expect(page.locator("#no-meetings")).to_have_count(0)  # not "There are no meetings to show."


def test_a_resident_finds_the_road_repairs_session_by_its_ward_and_by_its_words_and_reads_each_paper(
        browser, council):
    sync(browser.stack, council.sync_clock)
    page = browser.new_page()
    page.goto("/meetings")
    heading(page, "Council meetings")
    page.get_by_label("Ward").fill("Acomb")
    # The new screen is drawn once its meetings are read; until then the old one, every meeting and its own
    # search box, is still there to be typed in (and lost).
    page.locator("#screen > .screen").evaluate("s => { s.dataset.before = ''; }")
    page.get_by_role("button", name="Show meetings").click()
    expect(page).to_have_url(re.compile(r"ward=Acomb"))
    expect(page.locator("#screen > .screen[data-before]")).to_have_count(0)
    listed = page.locator("#meeting-list .meeting-item", has_text="Decision Session - Executive Member for Transport")
    expect(listed).to_have_count(1)
    page.get_by_label("Search agenda items and decisions").fill("road repairs")
    page.get_by_role("button", name="Search").click()
    page.locator("#item-results").get_by_role("link", name="Road repairs in Acomb ward").first.click()
    heading(page, "Decision Session - Executive Member for Transport")
    item = page.locator(f"#item-{ROAD_REPAIRS_ITEM}")
    expect(item).to_contain_text("pothole and carriageway repairs on Front Street")
    for paper_id, title in PUBLIC_PAPERS.items():
        link = item.get_by_role("link", name=re.compile(re.escape(title) + r" \(PDF, \d+ KB\)"))
        assert link.get_attribute("href").endswith(f"/v1/meetings/{ROAD_REPAIRS_SESSION}/papers/{paper_id}")
        answer = page.request.get(link.get_attribute("href"))
        assert answer.ok and answer.headers["content-type"] == "application/pdf"
        assert answer.body().startswith(b"%PDF-") and title.encode() in answer.body()
    check_accessible(page, "an agenda item found by its words")


def test_a_restricted_paper_is_never_listed_kept_or_served_whatever_id_is_asked(browser, council):
    from chalicelib.deps import default_deps
    from chalicelib.handlers.democracy.agendas import paper_key
    from chalicelib.storage.blobs import BlobMissing
    sync(browser.stack, council.sync_clock)
    page = browser.new_page()
    page.goto(f"/meetings/{ROAD_REPAIRS_SESSION}")
    expect(page.locator(f"#item-{ROAD_REPAIRS_ITEM}")).to_contain_text("Annex A: map of the repairs")
    agenda = page.locator("#agenda").inner_text()
    assert "Annex B" not in agenda and "tender" not in agenda.lower() and "Contract award" not in agenda
    blobs = default_deps().blobs
    for meeting_id in (ROAD_REPAIRS_SESSION, "1302", "1401"):
        for paper_id in RESTRICTED_PAPERS:
            answer = page.request.get(f"/v1/meetings/{meeting_id}/papers/{paper_id}")
            assert answer.status == 404 and answer.json()["error"]["code"] == "paper_not_found", (meeting_id, paper_id)
    for paper_id in RESTRICTED_PAPERS[:2]:
        with pytest.raises(BlobMissing):
            blobs.read(paper_key(paper_id))
    meeting = page.request.get(f"/v1/meetings/{ROAD_REPAIRS_SESSION}").json()
    listed = {p["id"] for i in meeting["items"] for p in i["papers"]}
    assert listed >= set(PUBLIC_PAPERS) and not listed & set(RESTRICTED_PAPERS)
    # What a council's Modern.gov answers for it: its sign-in page, never the PDF.
    assert b"%PDF" not in urlopen(f"{council.url}/mgConvert2PDF.aspx?ID=140233", timeout=10).read()


def test_the_cancelled_meeting_reads_as_cancelled_in_the_list_and_has_no_agenda(browser, council):
    sync(browser.stack, council.sync_clock)
    page = browser.new_page()
    page.goto("/meetings?committee=3")
    cancelled = page.locator(".meeting-item", has=page.locator(".meeting-cancelled"))
    expect(cancelled.locator(".meeting-cancelled")).to_have_text("Cancelled")
    cancelled.get_by_role("link").click()
    expect(page.locator("#meeting-cancelled")).to_be_visible()
    expect(page.locator("#agenda")).to_have_count(0)
    expect(page.locator("#meeting-when")).to_contain_text("Cancelled")


def test_with_the_committee_system_stopped_meetings_still_show_marked_with_their_age(browser, council):
    from chalicelib.deps import default_deps
    default_deps().democracy.keep_document("health", {}, None, council.sync_clock.now)  # no earlier test's runs
    council.sync_clock.now -= timedelta(hours=3)  # the last time it answered
    sync(browser.stack, council.sync_clock)
    council.close()
    page = browser.new_page()
    page.goto("/meetings")
    expect(page.locator("#meetings-stale")).to_contain_text("We cannot reach the council's committee system")
    expect(page.locator("#meeting-list li").first).to_be_visible()
    page.goto(f"/meetings/{ROAD_REPAIRS_SESSION}")
    heading(page, "Decision Session - Executive Member for Transport")
    said = page.request.get("/v1/meetings").json()["synced_at"]  # when the committee system last answered
    moment = page.evaluate("""iso => new Intl.DateTimeFormat("en-GB", {day: "numeric", month: "long", year: "numeric",
        hour: "2-digit", minute: "2-digit"}).format(new Date(iso))""", said)
    expect(page.locator("#meetings-stale")).to_have_text(
        f"We cannot reach the council's committee system just now. This is what it said on {moment}.")
    expect(page.locator(f"#item-{ROAD_REPAIRS_ITEM}")).to_contain_text("Road repairs in Acomb ward")
    page.goto("/decisions")
    heading(page, "Decisions to come")
    expect(page.locator("#forthcoming")).to_contain_text("Residents' parking on Bootham")
    check_accessible(page, "decisions to come")


def test_a_search_opened_from_its_address_is_refused_at_the_box_as_one_typed_there(browser):
    page = browser.new_page()
    box = page.get_by_label("Search agenda items and decisions")
    for words, said in (("x", "Enter at least 2 letters or numbers to search for"),
                        ("%20%20%20", "Enter words to search agenda items and decisions for"),
                        ("w" * 101, "Search words must be 100 characters or fewer")):
        page.goto(f"/meetings?q={words}")
        heading(page, "Council meetings")
        expect(page.locator(".error-summary")).to_contain_text(said)
        expect(page.locator("#item-search .error-message")).to_contain_text(said)
        assert pattern_breaks(page) == []
        page.locator(".error-summary a").click()
        expect(box).to_be_focused()
    # The API's own refusal (here no signal at all) is said the same way, at the box.
    page.route("**/v1/agenda-items*", lambda route: route.abort())
    page.goto("/meetings?q=road+repairs")
    heading(page, "Council meetings")
    expect(page.locator("#item-search .error-message")).to_be_visible()
    assert pattern_breaks(page) == []
    expect(page.locator("#meetings-error")).to_have_count(0)


def test_a_resident_reads_what_they_were_told_of_and_why_and_makes_then_stops_their_calendar_link(browser, council):
    import urllib.error
    import urllib.request
    from chalicelib.handlers.democracy.told import record
    from tests.web.journeys import sign_in
    stack = browser.stack
    sync(stack, council.sync_clock)
    email = stack.resident(f"told-{datetime.now(timezone.utc):%H%M%S%f}@example.org")
    deps = stack.deps()
    user_id = stack.get("/v1/me", stack.token(email))["id"]
    meeting = next(m for m in stack.get("/v1/meetings?committee=4")["meetings"] if not m["cancelled"])
    shown = stack.get(f"/v1/meetings/{meeting['id']}")
    item = next(i for i in shown["items"] if not i["heading"])
    # As the agenda's notice writes it (tests/democracy cover the matching): a "me too" in Acomb.
    record(deps, user_id, shown, {item["id"]: [{"why": "supported", "ward": "Acomb", "report_id": "DS-TOLD01"}]})
    page = browser.new_page()
    sign_in(page, email, "/account/meetings")
    heading(page, "Council meetings you were told of")
    mine = page.locator("#my-meetings")
    expect(mine).to_contain_text(item["title"])
    expect(mine).to_contain_text("You said \u201cme too\u201d to a report in Acomb ward (DS-TOLD01).")
    check_accessible(page, "my meetings")
    page.get_by_role("button", name="Make my calendar link").click()
    link = page.locator("#my-calendar-url")
    expect(link).to_be_visible()
    from urllib.parse import urlsplit
    url = stack.url + urlsplit(link.inner_text()).path  # the link names the public host; ask the stack itself
    with urllib.request.urlopen(url, timeout=10) as answer:
        calendar = answer.read().decode()
    assert item["title"] in calendar and "DS-TOLD01" not in calendar and "me too" not in calendar
    page.reload()
    page.get_by_role("button", name="Stop my calendar link").click()
    expect(page.locator("#my-calendar-stopped")).to_be_visible()
    with pytest.raises(urllib.error.HTTPError) as gone:
        urllib.request.urlopen(url, timeout=10)
    assert gone.value.code == 404
