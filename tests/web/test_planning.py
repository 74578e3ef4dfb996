"""Planning applications on a phone: from their home's page a resident sees
the applications within 500 m (the local Public Access's demo, read by one
sync), opens one, reads when comments close and finds the link to comment on
the council's own register; with the register stopped, the applications
still show, marked with their age."""
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect
from support.democracy_support import Clock

from tests.web.browser import check_accessible
from tests.web.journeys import heading

LONDON = ZoneInfo("Europe/London")
THREE_MICKLEGATE = "990000000003"  # doorstep_cli/demo/addresses.csv: 26/00412/FUL is there


@pytest.fixture
def register(stack):
    """The local Public Access, its demo placed around a day three days ago, read by one sync then."""
    from doorstep_cli.local.public_access import PublicAccess
    env = pytest.MonkeyPatch()
    clock = Clock(datetime.now(LONDON) - timedelta(days=3))
    with PublicAccess(clock=clock) as office:
        for name, value in (("DOORSTEP_PLANNING_URL", office.root), ("DOORSTEP_PLANNING_GAP_S", "0"),
                            ("DOORSTEP_PLANNING_QUIET", "")):
            env.setenv(name, value)
        office.sync_clock = clock
        try:
            yield office
        finally:
            env.undo()


def sync(stack, clock):
    from chalicelib.deps import default_deps
    from chalicelib.handlers.planning.sync import run
    return run(default_deps(stack.url).replace(clock=lambda: clock.now.astimezone(timezone.utc)))


def test_a_resident_sees_applications_near_home_and_where_to_comment_and_the_copy_when_the_register_stops(
        browser, register):
    first = sync(browser.stack, register.sync_clock)
    assert first["new"] >= 2 and first["stopped"] is None
    page = browser.new_page()
    page.goto(f"/property?uprn={THREE_MICKLEGATE}")
    page.get_by_role("link", name="Planning applications near here").click()
    heading(page, "Planning applications near you")
    cards = page.locator(".planning-card")
    expect(cards.first).to_contain_text("Single storey rear extension and new rooflight")
    expect(cards.first).to_contain_text("0 metres away")
    expect(page.locator("#planning-count")).to_contain_text("within 500 metres")
    expect(page.locator("#planning-stale")).to_have_count(1)  # its copy is three days old: said so
    check_accessible(page, "planning applications near a home")
    cards.first.get_by_role("link").click()
    heading(page, "Single storey rear extension and new rooflight")
    expect(page.locator("#planning-application")).to_contain_text("Comments close on")
    expect(page.locator("#planning-comment")).to_have_attribute("href", f"{register.root}applicationDetails.do"
                                                                       "?activeTab=makeComment&keyVal=PA00HOU0001")
    check_accessible(page, "one planning application")
    page.locator("#planning-follow").click()
    heading(page, "Follow a planning application")
    expect(page.get_by_text("Planning application 26/00412/FUL.")).to_be_visible()
    register.down = True
    register.sync_clock.now = datetime.now(LONDON)
    assert sync(browser.stack, register.sync_clock)["stopped"] == "unreachable"
    page.goto(f"/planning?uprn={THREE_MICKLEGATE}")
    expect(page.locator(".planning-card").first).to_contain_text("Single storey rear extension")
    expect(page.locator("#planning-stale")).to_contain_text("We cannot reach the council's planning register")
