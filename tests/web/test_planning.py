"""Planning applications on a phone: from their home's page a resident sees
the applications within 500 m (the local Public Access's demo, read by one
sync), opens one, reads when comments close and finds the link to comment on
the council's own register; with the register stopped, the applications
still show, marked with their age."""
import re
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect
from support.democracy_support import Clock

from tests.web.browser import Browser, check_accessible
from tests.web.journeys import heading

LONDON = ZoneInfo("Europe/London")
THREE_MICKLEGATE = "990000000003"  # doorstep_cli/demo/addresses.csv: 26/00412/FUL is there
EAST_OF_HOLGATE_ROAD = {"latitude": 53.952606, "longitude": -1.089425}  # 650 m east of 3 Holgate Road


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
        forget_lists_read()
        try:
            yield office
        finally:
            forget_lists_read()
            env.undo()


def forget_lists_read():
    """The shared stack's sync starts each journey with no weekly list read: journeys sync at their own times."""
    from chalicelib.deps import default_deps
    default_deps().planning.keep_state("lists", {}, None)


def sync(stack, clock):
    from chalicelib.deps import default_deps
    from chalicelib.handlers.planning.sync import run
    return run(default_deps(stack.url).replace(clock=lambda: clock.now.astimezone(timezone.utc)))


def test_a_new_application_within_a_residents_alert_reaches_them_once_with_its_distance_and_direction(
        chromium, stack):
    from doorstep_cli.local.public_access import PublicAccess
    today = datetime.now(LONDON)
    last_monday = (today - timedelta(days=today.weekday() + 7)).replace(hour=10, minute=0)
    clock = Clock(last_monday)  # the register's demo placed around last week: 26/00444/FUL validated on its Thursday
    env = pytest.MonkeyPatch()
    phone = Browser(chromium, stack, geolocation=EAST_OF_HOLGATE_ROAD)
    with PublicAccess(clock=clock) as office:
        for name, value in (("DOORSTEP_PLANNING_URL", office.root), ("DOORSTEP_PLANNING_GAP_S", "0"),
                            ("DOORSTEP_PLANNING_QUIET", "")):
            env.setenv(name, value)
        try:
            forget_lists_read()
            assert sync(stack, clock)["stopped"] is None  # last Monday: the garden room not yet validated
            page = phone.new_page()
            page.goto("/alerts/new?kind=area")
            page.get_by_role("button", name="Use my current location").click()
            page.get_by_label("How far around it?").select_option(label="Within 1000 metres")
            page.get_by_label("Householder (extensions, lofts, garden rooms)").check()
            page.get_by_label("Email", exact=True).check()
            page.get_by_label("Email address").fill("planning.neighbour@example.org")
            check_accessible(page, "alerts: a new area alert with planning's choices")
            page.get_by_role("button", name="Set up alert").click()
            heading(page, "Check your email")
            page.goto(stack.link_in_mail("planning.neighbour@example.org", "/alerts/confirm"))
            heading(page, "Your alert is on")
            clock.now = datetime.now(LONDON)
            assert sync(stack, clock)["new"] >= 1
            subject = "Planning application 650 m west: 26/00444/FUL"
            [told] = stack.mail_once("planning.neighbour@example.org", subject)
            clock.now += timedelta(hours=7)  # this week's lists asked again: the same application, no news
            assert sync(stack, clock)["lists"] >= 1
            page.goto(re.search(r"https?://\S+/planning/26-00444-ful", told.body).group(0))
            heading(page, "Erection of single storey garden room")
            assert len(stack.mail_once("planning.neighbour@example.org", subject)) == 1
        finally:
            forget_lists_read()
            env.undo()
            phone.close()


def test_a_resident_sees_applications_near_home_follows_one_is_told_its_decision_and_sees_the_copy_when_it_stops(
        browser, register):
    first = sync(browser.stack, register.sync_clock)
    assert first["stopped"] is None  # new or changed: an earlier journey's register may have held them
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
    expect(page.locator("#planning-comment")).to_have_attribute("href", re.compile(  # the register's, where it was read
        r"/online-applications/applicationDetails\.do\?activeTab=makeComment&keyVal=PA00HOU0001$"))
    check_accessible(page, "one planning application")
    expect(page.locator("#planning-constraints")).to_contain_text("Conservation area: Central Historic Core")
    page.locator("#planning-follow").click()
    heading(page, "Follow a planning application")
    expect(page.get_by_text("Planning application 26/00412/FUL.")).to_be_visible()
    page.get_by_label("Email", exact=True).check()
    page.get_by_label("Email address").fill("follower@example.org")
    page.get_by_role("button", name="Set up alert").click()
    heading(page, "Check your email")
    page.goto(browser.stack.link_in_mail("follower@example.org", "/alerts/confirm"))
    heading(page, "Your alert is on")
    register.down = True
    register.sync_clock.now = datetime.now(LONDON)
    assert sync(browser.stack, register.sync_clock)["stopped"] == "unreachable"
    page.goto(f"/planning?uprn={THREE_MICKLEGATE}")
    expect(page.locator(".planning-card").first).to_contain_text("Single storey rear extension")
    expect(page.locator("#planning-stale")).to_contain_text("We cannot reach the council's planning register")
    register.down = False  # back, with the decision made today
    register.decide("PA00HOU0001", "Approved")
    sync(browser.stack, register.sync_clock)
    [told] = browser.stack.mail_once("follower@example.org", "Planning decision (you follow it): 26/00412/FUL")
    assert "Approved on" in told.body
    page.goto(re.search(r"https?://\S+/planning/26-00412-ful", told.body).group(0))
    expect(page.locator("#planning-application")).to_contain_text("Approved on")


def test_an_application_on_the_planning_committees_agenda_links_to_its_item_and_the_item_to_it(browser, register):
    from tests.web.test_meetings import sync as sync_meetings
    from doorstep_cli.local.moderngov import ModernGov
    env = pytest.MonkeyPatch()
    with ModernGov(clock=Clock(datetime.now(LONDON))) as office:
        env.setenv("DOORSTEP_MODERNGOV_URL", office.url)
        try:
            sync_meetings(browser.stack, Clock(datetime.now(LONDON)))
        finally:
            env.undo()
    sync(browser.stack, register.sync_clock)
    browser.stack.once(lambda: browser.stack.get("/v1/planning/applications/26-00418-lbc")["committee"],
                       "the agenda's event carried out")
    page = browser.new_page()
    page.goto("/planning/26-00418-lbc")
    expect(page.locator("#planning-committee")).to_contain_text("On the agenda of Planning Committee on")
    check_accessible(page, "an application on a committee's agenda")
    page.locator("#planning-committee-item").click()
    heading(page, "Planning Committee")
    item = page.locator(".agenda-item", has_text="11 Micklegate, York YO1 5DS (26/00418/LBC)")
    expect(page).to_have_url(re.compile(r"/meetings/1301#item-\d+$"))
    item.get_by_role("link", name="26/00418/LBC: Internal alterations to form en-suite").click()
    heading(page, "Internal alterations to form en-suite and replacement sash windows to front elevation")
