"""Tracking a report: from its reference, its tracking link, My reports and
the links alert messages carry; the public never sees the reporter."""
from playwright.sync_api import expect

from tests.web.browser import check_accessible
from tests.web.journeys import heading, sign_in

CLIFTON = {"lat": 53.9720, "lon": -1.0960}


def test_a_report_is_tracked_by_reference_tracking_link_my_reports_and_alert_link(browser):
    stack = browser.stack
    anonymous = stack.report(description="Anonymous pothole to track", contact={"email": "anon@example.org"},
                             lat=CLIFTON["lat"], lon=CLIFTON["lon"])
    resident = stack.resident("tracker@example.org")
    mine = stack.report(description="My own pothole to track", headers=stack.token(resident))
    stack.council_update(anonymous["id"], "investigating", "An inspector will look this week.")
    page = browser.new_page()

    page.goto("/track")
    heading(page, "Track a report")
    check_accessible(page, "track")
    page.get_by_label("Reference").fill(anonymous["id"].removeprefix("DS-").lower())  # as people type it
    page.get_by_role("button", name="Find report").click()
    heading(page, "Pothole")
    expect(page.locator(".tag")).to_have_text("Investigating")
    expect(page.locator(".timeline")).to_contain_text("An inspector will look this week.")
    expect(page.locator("#screen")).not_to_contain_text("anon@example.org")  # the public view
    check_accessible(page, "report page")

    page.goto(f"/?report={anonymous['id']}&token={anonymous['tracking_token']}")  # the tracking link
    expect(page.locator("#screen")).to_contain_text("because you made it")
    page.goto("/track")
    expect(page.locator("#device-reports")).to_contain_text(anonymous["id"])  # remembered on this phone

    sign_in(page, resident, "/account/reports")
    heading(page, "Your reports")
    check_accessible(page, "my reports")
    page.get_by_role("link", name="Pothole: My own pothole to track").click()
    heading(page, "Pothole")
    expect(page.locator(".caption")).to_have_text(f"Report {mine['id']}")

    page.goto(f"/?report={mine['id']}")  # the link in alert messages
    expect(page.locator(".summary-list")).to_contain_text("My own pothole to track")


def test_an_unknown_reference_says_so(page):
    page.goto("/?report=DS-222222")
    heading(page, "Report not found")
    expect(page.locator("#screen")).to_contain_text("There is no report DS-222222")
    page.goto("/track")
    page.get_by_label("Reference").fill("not a reference")
    page.get_by_role("button", name="Find report").click()
    expect(page.locator(".error-summary")).to_contain_text("Enter a reference like DS\u20117K3F9Q")
