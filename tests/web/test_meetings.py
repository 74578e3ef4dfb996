"""Council meetings on a phone: a resident opens the transport decision
session's agenda, reads the road repairs paper, and after the meeting sees its
decision; the cancelled meeting shows as cancelled; and with the committee
system stopped, meetings still show, marked with their age."""
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from tests.web.browser import check_accessible
from tests.web.journeys import heading

LONDON = ZoneInfo("Europe/London")


class Clock:
    def __init__(self, now):
        self.now = now

    def __call__(self):
        return self.now


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
    page.goto("/decisions")
    heading(page, "Decisions to come")
    expect(page.locator("#forthcoming")).to_contain_text("Residents' parking on Bootham")
    check_accessible(page, "decisions to come")


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
