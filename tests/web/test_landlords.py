"""The landlords' portal in the browser: a housing association's lead user
registers (errors in words first; where the council checks each landlord, an
officer approves it on the landlords desk) and adds a colleague by e-mail;
the colleague, on a 320 px phone, opens the last payment run's lines a page
at a time, downloads its CSV, prints the remittance, finds a tenant by the
address as printed, pages through a street's claims, finds a tenant by
surname and reports them gone; the back office has the change once. axe on
every new screen. A creditor others' wrong tries locked says on the screen
when it opens."""
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from tests.web.browser import Browser, check_accessible
from tests.web.journeys import heading, sign_in
from tests.web.test_council_tax import back_office  # noqa: F401  (a fixture: the local Civica office)

NARROW = {"viewport": {"width": 320, "height": 640}, "is_mobile": True, "has_touch": True, "device_scale_factor": 1}


@pytest.fixture
def approval():
    env = pytest.MonkeyPatch()
    env.setenv("DOORSTEP_LANDLORD_APPROVAL", "staff")
    yield
    env.undo()


def register(page, creditor_ref, claim_ref, surname):
    page.get_by_label("Creditor reference").fill(creditor_ref)
    page.get_by_label("A tenant's claim reference").fill(claim_ref)
    page.get_by_label("That tenant's surname").fill(surname)
    page.get_by_role("button", name="Register").click()


def register_and_approve(browser, chromium, lead_email, officer_email):
    page = browser.new_page()
    sign_in(page, lead_email, next_path="/landlords")
    heading(page, "Register a landlord we pay")
    page.get_by_role("button", name="Register").click()
    expect(page.locator(".error-summary")).to_contain_text("Give your creditor reference")
    expect(page.locator(".error-summary")).to_contain_text("Give that tenant's surname")
    check_accessible(page, "registering a landlord, with its errors")
    register(page, "CR100200", "HB50003", "Oakes")
    heading(page, "Waiting for the council")
    desk = Browser(chromium, browser.stack, viewport={"width": 1280, "height": 900})
    try:
        officer = desk.new_page()
        sign_in(officer, officer_email, next_path="/staff/landlords")
        heading(officer, "Landlords waiting for approval")
        expect(officer.locator("#landlords-waiting")).to_contain_text("Ouse Valley Housing Association")
        check_accessible(officer, "the landlords desk")
        officer.locator("#approve-CR100200").get_by_role("button", name="Approve").click()
        expect(officer.locator("#landlords-done")).to_contain_text("is approved")
    finally:
        desk.close()
    page.goto("/landlords")
    heading(page, "Ouse Valley Housing Association")
    return page


def test_a_housing_association_registers_adds_a_colleague_who_opens_the_run_and_reports_a_tenant_gone_once(
        browser, chromium, back_office, approval):  # noqa: F811
    lead = browser.stack.resident("lena.finance@ousevalley.example.org", name="Lena Finance")
    colleague = browser.stack.resident("rob.rents@ousevalley.example.org", name="Rob Rents")
    officer = browser.stack.resident("rev.officer@example.org", name="Rita Revenues", role="staff")
    page = register_and_approve(browser, chromium, lead, officer)
    check_accessible(page, "the landlord's start")
    page.get_by_role("link", name="Colleagues").click()
    heading(page, "Colleagues")
    page.get_by_label("Their email address").fill(colleague)
    page.get_by_label("View and report changes").check()
    page.get_by_role("button", name="Add colleague").click()
    expect(page.locator("#landlord-colleague-made")).to_contain_text(colleague)
    check_accessible(page, "the lead's colleagues")

    phone = Browser(chromium, browser.stack, **NARROW)
    try:
        rob = phone.new_page()
        sign_in(rob, colleague, next_path="/landlords")
        heading(rob, "Ouse Valley Housing Association")
        rob.get_by_role("link", name="Payment runs").click()
        heading(rob, "Payment runs")
        check_accessible(rob, "payment runs")
        rob.locator("#landlord-runs tbody a").first.click()
        heading(rob, "Payment of")
        expect(rob.locator("#landlord-lines tbody tr")).to_have_count(100)
        lines = int(rob.locator("#landlord-run .summary-list__row").nth(1).locator("dd").inner_text().replace(",", ""))
        assert lines > 1_900
        check_accessible(rob, "a payment run's lines")
        assert rob.evaluate("() => document.documentElement.scrollWidth") <= 320  # the table scrolls, not the page
        rob.get_by_role("link", name="Next 100 lines").click()
        expect(rob.locator("#landlord-page")).to_contain_text("Lines 101 to 200")
        with rob.expect_download() as downloading:
            rob.get_by_role("button", name="Download the CSV").click()
        rows = Path(downloading.value.path()).read_bytes().decode().strip().split("\r\n")
        assert len(rows) == lines + 1 and rows[0].startswith("Payment date,Claim reference")
        rob.get_by_role("link", name="Printable remittance advice").click()
        heading(rob, "Remittance advice")
        expect(rob.locator("#landlord-lines tbody tr")).to_have_count(lines)
        rob.emulate_media(media="print")
        expect(rob.get_by_role("button", name="Print")).to_be_hidden()
        rob.emulate_media(media="screen")

        rob.goto("/landlords/claims")
        heading(rob, "Find a tenant's claim")
        search = rob.get_by_label("Name, address, postcode or claim reference")
        search.fill("Flat 5, 264 Heworth Green, York")  # as the remittance prints it
        rob.get_by_role("button", name="Find").click()
        expect(rob.locator("#landlord-found")).to_contain_text("1 claim paid to you matches")
        expect(rob.locator("#landlord-claims li")).to_contain_text("Eli Oakes")
        search.fill("Heworth Green")
        rob.get_by_role("button", name="Find").click()
        expect(rob.locator("#landlord-found")).to_contain_text("Claims 1 to 50 of those paid to you")
        rob.get_by_role("link", name="Next 50 claims").click()
        expect(rob.locator("#landlord-found")).to_contain_text("Claims 51 to 100 of those paid to you")
        expect(rob.locator("#landlord-claims li")).to_have_count(50)
        check_accessible(rob, "the second page of claims found")
        search.fill("Dawson")
        rob.get_by_role("button", name="Find").click()
        expect(rob.locator("#landlord-claims li").first).to_contain_text("Dawson")
        check_accessible(rob, "claims found")
        rob.locator("#landlord-claims a").first.click()
        heading(rob, "Dawson")
        claim_ref = rob.locator(".caption").first.inner_text()
        check_accessible(rob, "a claim paid to the landlord")
        rob.get_by_label("The tenant left").check()
        today = browser.stack.deps().clock().date()  # the server's day, whatever this machine's zone
        rob.get_by_label("Day").fill(str(today.day))
        rob.get_by_label("Month").fill(str(today.month))
        rob.get_by_label("Year").fill(str(today.year))
        rob.get_by_label("The tenant's forwarding address").fill("12 Acomb Road, York YO24 4EP")
        rob.get_by_role("button", name="Report the change").click()
        heading(rob, "Change reported")
        reference = rob.locator("#landlord-change-ref").inner_text()
        assert reference.startswith("LLC-")
        rob.get_by_role("link", name="Follow your changes").click()
        expect(rob.locator(f'[data-id="{reference}"]')).to_contain_text("Taken by housing benefit")
        check_accessible(rob, "changes reported")
        browser.stack.once(lambda: back_office.landlords.count(claim_ref) == 1, "the change in the back office")
        assert back_office.landlords.count() == 1  # once, whatever the retries and the stream's own try

        rob.goto("/landlords/claims/HB70001")  # the small landlord's tenant: not paid to this one
        expect(rob.locator("#landlord-error")).to_contain_text("You are not paid for a claim with that reference")
    finally:
        phone.close()


def test_a_creditor_locked_by_wrong_tries_says_on_the_registering_screen_when_it_opens(
        browser, back_office):  # noqa: F811
    import time_machine
    import urllib.error
    stack = browser.stack
    # The app's clock (this process serves it) at 10:20 in London: the lock holds until the hour's end.
    with time_machine.travel(datetime(2026, 11, 24, 10, 20, tzinfo=ZoneInfo("Europe/London")), tick=True):
        guesser = stack.token(stack.resident("guesser@example.org", name="Guy Guesser"))
        for _ in range(5):
            try:
                stack.post("/v1/landlords", {"creditor_ref": "CR100301", "claim_ref": "HB70002", "surname": "Smith"},
                           guesser)
            except urllib.error.HTTPError as refused:
                assert refused.code == 422
        page = browser.new_page()
        sign_in(page, stack.resident("piotr.gill@example.org", name="Piotr Gill"), next_path="/landlords")
        heading(page, "Register a landlord we pay")
        register(page, "CR100301", "HB70002", "Hughes")
        expect(page.locator(".error-summary")).to_contain_text(
            "This landlord is locked for now after too many wrong tries to register it. You can try again from 11:00")
        check_accessible(page, "registering a locked landlord")
