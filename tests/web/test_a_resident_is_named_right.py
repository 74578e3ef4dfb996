"""A resident's name: an account may have none (never shown as "null"), and
My Account lets them set it; the report's check page then names them."""
from playwright.sync_api import expect

from tests.web.browser import check_accessible
from tests.web.journeys import describe, heading, not_one_of_these, place_by_gps, sign_in, start_report

NARROW = {"width": 360, "height": 740}


def reach_the_check_page(page):
    start_report(page, "Pothole")
    place_by_gps(page)
    not_one_of_these(page)
    describe(page, "A pothole by the bus stop", choices=["Larger than a car tyre"])


def test_a_resident_without_a_name_is_not_called_null_and_sets_one_in_their_account(browser):
    email = browser.stack.resident("nameless@example.org", name=None)
    page = browser.new_page()
    page.set_viewport_size(NARROW)
    sign_in(page, email)
    heading(page, "Your account")
    reach_the_check_page(page)
    words = page.locator("#screen form p").first
    expect(words).to_have_text("You are signed in as nameless@example.org. "
                               "We will send updates about this report there.")
    expect(page.locator("#screen")).not_to_contain_text("null")

    page.goto("/account")
    heading(page, "Your account")
    name = page.get_by_label("Full name")
    expect(name).to_have_value("")
    page.get_by_role("button", name="Save your name").click()
    expect(page.locator(".error-summary")).to_contain_text("Enter your full name")
    expect(page.locator(".error-summary")).not_to_contain_text("Full name:")
    expect(name).to_have_attribute("aria-invalid", "true")
    check_accessible(page, "account: name missing")
    name.fill("Nia Newcomer")
    page.get_by_role("button", name="Save your name").click()
    expect(page.locator("#name-saved")).to_have_text("Your name has been saved.")
    expect(page.locator(".error-summary")).to_have_count(0)
    check_accessible(page, "account: name saved")

    page.reload()
    expect(page.get_by_label("Full name")).to_have_value("Nia Newcomer")
    reach_the_check_page(page)
    expect(page.locator("#screen form p").first).to_contain_text(
        "You are signed in as Nia Newcomer (nameless@example.org).")
