"""Changing a paid bulky collection from its booking page with the keyboard
alone: the screen prices the new list as the API will, a cheaper change
moves the day and refunds the difference to the card exactly once, and a
change costing more says how much more and sends the resident to pay the
difference before the booking changes."""
import re

from playwright.sync_api import expect

from support.pay_support import SUCCESS, card_expiry
from tests.web.browser import check_accessible
from tests.web.desk import tab_to
from tests.web.journeys import heading, sign_in
from tests.web.test_bulky import DEMO_HOME, choose_three_items, pay, pay_on_the_card_page  # noqa: F401 (a fixture)


def set_count(page, label, count):
    """The item ticked or not (Space), then how many: the form asks in that order."""
    box = page.get_by_label(label, exact=True)
    tab_to(page, box)
    if box.is_checked() != (count > 0):
        page.keyboard.press("Space")
    if count > 1:
        how_many = page.get_by_label(f"How many? ({label})")
        tab_to(page, how_many)
        how_many.select_option(str(count))


def refunds_once_made(pay, seconds=30):
    """The provider's refunds once the alert worker has made the change's, from its event (a moment
    after the answer); what there is at the deadline otherwise."""
    import time
    deadline = time.monotonic() + seconds
    while True:
        refunds = [[r["amount"] for r in p["refunds"]] for p in pay.payments.values()]
        if any(refunds) or time.monotonic() > deadline:
            return refunds
        time.sleep(0.05)


def test_a_resident_changes_a_paid_collection_to_fewer_items_and_another_day_and_is_refunded_once(browser, pay):
    email = browser.stack.resident("bulky.changer@example.org")
    page = browser.new_page()
    sign_in(page, email, next_path=f"/bulky?uprn={DEMO_HOME}")
    choose_three_items(page)  # sofa, dining chair, table: £27.00
    pay_on_the_card_page(page, SUCCESS)
    heading(page, "Booking confirmed")
    booked_day = page.locator("#booking dd").nth(1).inner_text()

    tab_to(page, page.locator("#change-link"))
    page.keyboard.press("Enter")
    heading(page, "Change your collection")
    expect(page.locator("#change-total")).to_contain_text("New total: £27.00 (items: 3).")
    check_accessible(page, "bulky change")

    set_count(page, "Dining chair", 0)  # sofa and table, £23.00: the £25.00 minimum, £2.00 back
    expect(page.locator("#change-total")).to_contain_text("New total: £25.00 (items: 2). We will refund £2.00")
    tab_to(page, page.locator("input[name=date]:checked"))  # a radio group is one Tab stop: arrows move in it
    page.keyboard.press("ArrowDown")
    expect(page.locator("input[name=date]").first).not_to_be_checked()
    tab_to(page, page.get_by_role("button", name="Save the change"))
    page.keyboard.press("Enter")

    heading(page, "Booking confirmed")
    expect(page.locator("#booking")).not_to_contain_text("Dining chair")
    expect(page.locator("#booking")).to_contain_text("£25.00")
    assert page.locator("#booking dd").nth(1).inner_text() != booked_day
    assert refunds_once_made(pay) == [[200]]

    tab_to(page, page.locator("#change-link"))
    page.keyboard.press("Enter")
    heading(page, "Change your collection")
    set_count(page, "Fridge or freezer", 1)  # sofa, table and fridge: £43.00, £18.00 more than paid
    expect(page.locator("#change-total")).to_contain_text("That is £18.00 more than you paid")
    tab_to(page, page.get_by_role("button", name="Save the change"))
    page.keyboard.press("Enter")
    expect(page.locator("#change-costs-more")).to_have_text("This change costs £18.00 more")
    check_accessible(page, "bulky change pay step")
    tab_to(page, page.get_by_role("link", name="Pay £18.00"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/secure/"))
    expect(page.locator(".amount")).to_contain_text("£18.00")
    page.get_by_label("Card number").fill(SUCCESS)
    page.get_by_label("Expiry date (MM/YY)").fill(card_expiry())
    page.get_by_label("Name on card").fill("Ada Resident")
    page.get_by_label("Card security code").fill("123")
    page.get_by_role("button", name="Continue").click()
    heading(page, "Booking confirmed")  # back in the app, the difference checked with the provider
    expect(page.locator("#booking")).to_contain_text("Fridge or freezer: £20.00")
    expect(page.locator("#booking")).to_contain_text("£43.00")

    page.goto("/account")  # My Account lists it, with the way to change it
    heading(page, "Your account")
    tab_to(page, page.locator("#bulky-bookings a[id^=change-]"))
    page.keyboard.press("Enter")
    heading(page, "Change your collection")
