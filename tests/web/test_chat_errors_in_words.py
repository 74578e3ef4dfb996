"""Ask us, signed out: Send with nothing written is told every missing
answer at once, each in its own words."""
from playwright.sync_api import expect

from tests.web.browser import check_accessible
from tests.web.journeys import heading

NARROW = {"width": 360, "height": 740}


def test_an_empty_question_from_a_guest_is_told_its_name_contact_and_message_at_once(browser):
    page = browser.new_page()
    page.set_viewport_size(NARROW)
    page.goto("/chat?from=home")
    heading(page, "Ask us")
    page.get_by_role("button", name="Send").click()
    summary = page.locator(".error-summary li")
    expect(summary).to_have_text(["Enter your name, or sign in",
                                  "Enter an email address or a phone number so we can answer, or sign in",
                                  "Enter your message"])
    for label in ("Your name", "Your question"):
        expect(page.get_by_label(label)).to_have_attribute("aria-invalid", "true")
    check_accessible(page, "ask us: nothing written")
