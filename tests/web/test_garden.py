"""Garden waste on a phone: a household pays for a year of two garden bins on
the provider's card page and comes back to the subscription active; the
property then says when renewing opens, and My Account lists the year and
leads back to it."""
from playwright.sync_api import expect

from support.pay_support import SUCCESS
from tests.web.browser import check_accessible
from tests.web.journeys import effect_held_back, heading, sign_in
from tests.web.test_bulky import pay, pay_on_the_card_page  # noqa: F401  (pay: a fixture)

DEMO_HOME = "990000000049"  # 1 Bootham: on a garden round in the demo data


def test_a_household_subscribes_two_garden_bins_pays_and_finds_it_in_my_account(  # noqa: F811
        browser, pay, monkeypatch):
    from chalicelib.handlers.payments import core
    email = browser.stack.resident("garden.subscriber@example.org")
    page = browser.new_page()
    sign_in(page, email, next_path=f"/garden?uprn={DEMO_HOME}")
    heading(page, "Garden waste collection")
    page.get_by_label("2 bins: £85.00 a year").check()
    check_accessible(page, "garden subscription")
    # Settled by the stream's worker after the page is shown: active appears with no reload.
    with effect_held_back(monkeypatch, core, "on_finished") as released:
        pay_on_the_card_page(page, SUCCESS, "£85.00")
        heading(page, "Waiting for your payment")
        released.set()
    heading(page, "Your garden waste subscription is active")
    expect(page.locator("#subscription")).to_contain_text("£85.00")
    check_accessible(page, "garden subscription active")
    page.goto(f"/garden?uprn={DEMO_HOME}")
    expect(page.locator("#garden-current")).to_contain_text("2 garden bins")
    expect(page.locator("#garden-renewal")).to_contain_text("You can renew from")
    page.goto("/account")
    listed = page.locator("#garden-subscriptions a")
    expect(listed).to_have_count(1)
    expect(listed).to_contain_text("1 Bootham")
    expect(listed).to_contain_text("collected")
    check_accessible(page, "my account with garden waste")
    listed.click()
    heading(page, "Your garden waste subscription is active")
