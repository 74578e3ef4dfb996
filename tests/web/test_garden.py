"""Garden waste on a phone: a household pays for a year of two garden bins on
the provider's card page and comes back to the subscription active; the
property then says when renewing opens."""
import re

from playwright.sync_api import expect

from support.pay_support import SUCCESS, card_expiry
from tests.web.browser import check_accessible
from tests.web.journeys import heading, sign_in
from tests.web.test_bulky import pay  # noqa: F401  (fixture)

DEMO_HOME = "990000000049"  # 1 Bootham: on a garden round in the demo data


def test_a_household_subscribes_two_garden_bins_and_pays(browser, pay):  # noqa: F811
    email = browser.stack.resident("garden.subscriber@example.org")
    page = browser.new_page()
    sign_in(page, email, next_path=f"/garden?uprn={DEMO_HOME}")
    heading(page, "Garden waste collection")
    page.get_by_label("2 bins: £85.00 a year").check()
    check_accessible(page, "garden subscription")
    page.get_by_role("button", name="Continue to payment").click()
    page.wait_for_url(re.compile(r"/secure/"))
    expect(page.locator(".amount")).to_contain_text("£85.00")
    page.get_by_label("Card number").fill(SUCCESS)
    page.get_by_label("Expiry date (MM/YY)").fill(card_expiry())
    page.get_by_label("Name on card").fill("Ada Resident")
    page.get_by_label("Card security code").fill("123")
    page.get_by_role("button", name="Continue").click()
    heading(page, "Your garden waste subscription is active")
    expect(page.locator("#subscription")).to_contain_text("£85.00")
    check_accessible(page, "garden subscription active")
    page.goto(f"/garden?uprn={DEMO_HOME}")
    expect(page.locator("#garden-current")).to_contain_text("2 garden bins")
    expect(page.locator("#garden-renewal")).to_contain_text("You can renew from")
