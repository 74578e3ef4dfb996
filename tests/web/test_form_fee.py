"""A form with a fee on a phone: the pest control treatment, its fee shown on
check your answers, "Pay and send" to the provider's card page, and back on
a page that asks the API how the payment stands (not the address it came
back to) until the form is sent: its reference, what was paid, and the copy
of the answers saying so."""
import re

from playwright.sync_api import expect

from support.pay_support import SUCCESS
from tests.web.browser import check_accessible
from tests.web.journeys import heading
from tests.web.test_bulky import fill_the_card_page, pay  # noqa: F401  (pay: a fixture)

EMAIL = "wasps.at.home@example.org"


def test_a_resident_books_a_pest_control_treatment_pays_its_fee_and_gets_a_reference(browser, pay):  # noqa: F811
    page = browser.new_page()
    page.goto("/forms")
    page.get_by_role("link", name="Book a pest control treatment").click()
    heading(page, "Book a pest control treatment")
    page.get_by_role("button", name="Start now").click()
    heading(page, "What needs treating?")
    page.get_by_label("A wasps' nest").check()
    page.get_by_role("button", name="Continue").click()
    heading(page, "Where the pests are")
    page.get_by_label("Postcode").fill("yo1 7hh")
    page.get_by_role("button", name="Find address").click()
    page.get_by_label("Choose the address").select_option(label="3 Micklegate, York")
    page.get_by_label("Where have you seen them?").fill("Under the eaves above the back door")
    page.get_by_role("button", name="Continue").click()
    heading(page, "Book a pest control treatment")
    page.get_by_label("Your name").fill("Sam Hale")
    page.get_by_label("Your email address").fill(EMAIL)
    page.get_by_label("A phone number for the officer to arrange the visit").fill("07700 900123")
    page.get_by_role("button", name="Continue").click()

    heading(page, "Check your answers")
    expect(page.locator("#form-fee")).to_contain_text("£55.00: Pest control treatment (up to three visits)")
    check_accessible(page, "form check answers with a fee")
    page.get_by_label("I understand and will arrange to be in").check()
    page.get_by_role("button", name="Pay and send").click()
    fill_the_card_page(page, SUCCESS, "£55.00")

    expect(page.locator("#form-sent")).to_contain_text("Form sent")
    expect(page).to_have_url(re.compile(r"\?step=sent$"))
    expect(page.locator("#form-paid")).to_contain_text("You paid £55.00.")
    reference = page.locator("#form-reference").inner_text()
    sent = browser.stack.deps().form_submissions.get(reference)
    assert sent.state == "submitted" and sent.paid["amount"] == 5500 and len(pay.payments) == 1
    check_accessible(page, "form sent after paying")
    copy = browser.stack.mail_once(EMAIL, f"Book a pest control treatment: your answers (reference {reference})")
    assert len(copy) == 1 and "Fee paid: £55.00" in copy[0].body
