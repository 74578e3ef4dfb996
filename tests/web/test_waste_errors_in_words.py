"""Bulky waste and garden waste forms say what is missing as GOV.UK does,
every missing part at once, each in its own words with no label before it."""
from playwright.sync_api import expect

from tests.web.browser import check_accessible
from tests.web.journeys import heading, sign_in

NARROW = {"width": 360, "height": 740}
# On a refuse round; on a garden round, and not the home test_garden.py subscribes (a stack serves a worker's tests)
BULKY_HOME, GARDEN_HOME = "990000000001", "990000000054"


def summary_says(page, *sentences):
    summary = page.locator(".error-summary")
    expect(summary.locator("li")).to_have_count(len(sentences))
    for n, sentence in enumerate(sentences):
        expect(summary.locator("li").nth(n)).to_have_text(sentence)


def sent_empty(browser, email, path, title):
    """Signed in, on `path` at 360 px, Continue pressed with nothing chosen."""
    page = browser.new_page()
    page.set_viewport_size(NARROW)
    sign_in(page, browser.stack.resident(email), next_path=path)
    heading(page, title)
    page.get_by_role("button", name="Continue to payment").click()
    return page


def test_an_empty_bulky_booking_is_told_to_choose_items_and_a_day_at_once(browser):
    page = sent_empty(browser, "bulky.empty@example.org", f"/bulky?uprn={BULKY_HOME}", "Book a bulky waste collection")
    summary_says(page, "Choose what you want collected", "Choose a day for the collection")
    expect(page.locator("input[name=date]").first).to_have_attribute("aria-invalid", "true")
    check_accessible(page, "bulky booking: nothing chosen")


def test_an_empty_garden_subscription_is_told_to_choose_how_many_bins(browser):
    page = sent_empty(browser, "garden.empty@example.org", f"/garden?uprn={GARDEN_HOME}", "Garden waste collection")
    summary_says(page, "Choose how many bins")
    check_accessible(page, "garden subscription: nothing chosen")
