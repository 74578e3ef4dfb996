"""York's administrator on the desk's Retention screen (issue 80, item 4): sets street reports to be
anonymised 12 months after closure (a period the settings refuse first, shown at its field; a save after
another administrator's change is refused as stale and the schedule read again), runs a dry
run that lists the report closed 13 months ago with the day it goes and not the one closed 11 months ago,
holds the old one (the next dry run leaves it out) and releases it; the night's sweep anonymises it, and
its report is read on the screen by kind and count. An
officer with every desk's role but not the administrator's cannot open the screen, nor its API.

The browser keeps the real time (tests/support/pinned_clock.py): the reports are made and closed at
moments counted back from the stack's own clock, on the council's calendar."""
import urllib.error
import urllib.request
import uuid
from datetime import datetime, time, timedelta

import pytest
from playwright.sync_api import expect

from chalicelib import tenancy

from tests.web.browser import CONEY_STREET
from tests.web.desk import desk  # noqa: F401 (a fixture)
from tests.web.desk import Officer, heading, screen, sign_in_by_keyboard

RETENTION = "/v1/admin/retention"


def closed_months_ago(deps, months, description):
    """A York report closed (fixed) at noon on the day `months` calendar months before today: (id, that day)."""
    from chalicelib.handlers.reports.changes import change_state
    from chalicelib.handlers.reports.create import create_report
    from chalicelib.handlers.retention.periods import add_months
    from chalicelib.stamps import london_today
    from zoneinfo import ZoneInfo
    day = add_months(london_today(deps.clock()), -months)
    closed = datetime.combine(day, time(12), ZoneInfo("Europe/London"))
    with tenancy.acting_for("york"):
        here = deps.for_council()
        made, _ = create_report(here.replace(clock=lambda: closed - timedelta(days=3)), {
            "service_code": "pothole", "lat": CONEY_STREET["latitude"], "lon": CONEY_STREET["longitude"],
            "description": description, "fields": {"size": "small"},
            "contact": {"name": "Ada Resident", "email": "ada@example.org"}})
        change_state(here.replace(clock=lambda: closed), made["id"], "fixed", text="Filled in.")
    return made["id"], day


def day_words(day):
    """The desk's words for a day with its year (web/js/i18n.js formatDay): "Saturday 28 November 2026"."""
    return f"{day:%A} {day.day} {day:%B %Y}"


@pytest.fixture
def yorks_settings_kept():
    """York's settings as the other journeys know them, put back after the test whatever it changed."""
    from chalicelib.councils import settings
    from chalicelib.storage.councils import CouncilStore
    from chalicelib.deps import default_deps
    store = CouncilStore()
    before, version = store.get("york", consistent=True)
    yield
    current = store.get("york", consistent=True)[1]
    if current != version:
        settings.write(store, before, current, default_deps("http://localhost").clock(), "test")


def test_yorks_administrator_keeps_street_reports_12_months_and_a_dry_run_lists_the_one_closed_13_months_ago(
        desk, stack, yorks_settings_kept):
    from chalicelib.handlers.retention.periods import add_months
    deps = stack.deps()
    old, closed_on = closed_months_ago(deps, 13, "A pothole closed thirteen months ago")
    recent, _ = closed_months_ago(deps, 11, "A pothole closed eleven months ago")
    admin = stack.resident(f"admin.{uuid.uuid4().hex[:6]}@york.example.gov.uk", name="Ada Admin", role="admin")
    page = desk.new_page()
    sign_in_by_keyboard(page, admin, "/sign-in?next=/staff/retention")
    heading(page, "Retention")
    reports = page.locator("#retention-kinds tr", has_text="Street reports")
    expect(reports).to_contain_text("72 months")
    expect(reports).to_contain_text("Doorstep's default")

    months = page.get_by_label("Street reports: months kept")
    months.fill("0")
    page.get_by_role("button", name="Save the schedule").click()
    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    refused = page.locator(".form-group--error").filter(has=months)
    expect(refused.locator(".error-message")).to_contain_text("Street reports: months kept must be at least 1")
    expect(reports).to_contain_text("72 months")  # nothing of it applied

    # Another administrator changes the warning while this page is open: this save is refused as stale,
    # and the schedule shown is read again (theirs kept, this one to be made again).
    other = Officer(stack, f"admin.{uuid.uuid4().hex[:6]}@york.example.gov.uk", role="admin")
    _, headers = other.call("GET", RETENTION)
    other.call("PUT", RETENTION, {"warn_days": 14}, {"If-Match": headers["ETag"]})
    months.fill("12")
    page.get_by_role("button", name="Save the schedule").click()
    expect(page.locator("#retention-status")).to_contain_text("Someone changed the council's settings")
    expect(page.locator("#retention")).to_contain_text("14 days (The council)")
    expect(reports).to_contain_text("72 months")
    expect(months).to_have_value("")

    months.fill("12")
    page.get_by_role("button", name="Save the schedule").click()
    expect(page.locator("#retention-status")).to_have_text("Schedule saved. The sweep keeps to it from its next run.")
    expect(reports).to_contain_text("12 months")
    expect(reports).to_contain_text("The council")
    screen(page, "staff-retention")

    dry = page.locator("#retention-dry")
    page.get_by_role("button", name="Dry run").click()
    expect(dry.locator("[data-kind=reports]")).to_contain_text(f"{old}: goes on {day_words(add_months(closed_on, 12))}")
    expect(dry.locator("[data-kind=reports]")).not_to_contain_text(recent)

    page.get_by_label("Its reference").fill(old)
    page.get_by_label("Why it is held").fill("A claim about this pothole is open")
    page.get_by_role("button", name="Put on hold").click()
    expect(page.locator("#holds")).to_contain_text(old)
    expect(page.locator("#holds-status")).to_contain_text(f"{old} is on a legal hold")
    page.get_by_role("button", name="Dry run").click()
    expect(dry.locator("[data-kind=reports]")).not_to_contain_text(old)  # the next dry run leaves the held one
    expect(dry.locator("[data-kind=reports]")).to_contain_text("would be anonymised")

    page.get_by_role("button", name=f"Release {old}").click()
    expect(page.locator("#holds-status")).to_contain_text(f"The hold on {old} is released")
    expect(page.locator("#holds")).to_have_count(0)
    expect(page.locator("#retention-runs")).to_contain_text(f"a dry run by {admin}")
    with tenancy.acting_for("york"):
        assert deps.for_council().reports.get(old).contact  # a dry run changed nothing

        # The night's sweep, as the scheduled function runs it for York: its report is read on the screen.
        from chalicelib.config import links_base
        from chalicelib.handlers.retention.sweep import run
        night = deps.for_council()
        night.base_url = links_base(night.settings, night.council)
        assert run(night).counts["reports"] == {"anonymised": 1, "kept": 0}
        assert deps.for_council().reports.get(old).contact == {}
        assert deps.for_council().reports.get(recent).contact
    page.reload()
    latest = page.locator("#retention-runs > ul > li").first
    expect(latest).to_contain_text("the nightly run")
    expect(latest.locator("[data-kind=reports]")).to_have_text("Street reports: 1 anonymised, 0 kept (not due when read again)")


def test_an_officer_without_the_administrators_role_cannot_open_the_retention_screen(desk, stack):
    page = desk.new_page()
    asked = []
    page.on("request", lambda request: asked.append(request.url) if RETENTION in request.url else None)
    officer = stack.resident(f"olu.{uuid.uuid4().hex[:6]}@york.example.gov.uk", name="Olu", role="staff")
    sign_in_by_keyboard(page, officer)
    heading(page, "Inbox")
    expect(page.locator(".desk-menu")).not_to_contain_text("Retention")
    page.goto("/staff/retention")
    heading(page, "Not one of your desks")
    assert asked == []  # the screen asked its API nothing
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(urllib.request.Request(stack.url + RETENTION, headers=stack.token(officer)), timeout=10)
    assert refused.value.code == 403
