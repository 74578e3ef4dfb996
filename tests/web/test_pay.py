"""Paying a bill on a phone: a PCN pays the amount its parking system says is
due (half, within 14 days of issue), and a mistyped council tax reference is
refused with the rule it broke before any card page opens; the resident then
finds the bill paid in My Account."""
import re

import pytest
from playwright.sync_api import expect

from support.pay_support import SUCCESS
from tests.web.browser import check_accessible
from tests.web.journeys import heading, sign_in
from tests.web.test_bulky import pay, pay_on_the_card_page  # noqa: F401  (pay: a fixture)


@pytest.fixture
def bill_office(stack):
    from doorstep_cli.local.bill_office import BillOffice
    env = pytest.MonkeyPatch()
    with BillOffice() as office:
        env.setenv("DOORSTEP_BILL_OFFICE_URL", office.url)
        env.setenv("DOORSTEP_BILL_OFFICE_SECRET", office.secret)
        try:
            yield office
        finally:
            env.undo()


def test_a_pcn_pays_its_amount_due_and_a_mistyped_council_tax_reference_never_reaches_the_card_page(
        browser, pay, bill_office):  # noqa: F811
    page = browser.new_page()
    sign_in(page, browser.stack.resident("pcn.payer@example.org"), next_path="/pay?fund=council-tax")
    heading(page, "Pay a bill")
    page.get_by_label("Council tax account number").fill("400123454")
    page.get_by_label("Amount").fill("125.50")
    page.get_by_role("button", name="Continue to payment").click()
    summary = page.locator(".error-summary")
    expect(summary).to_contain_text("A council tax account number has 9 digits and starts with 5.")
    expect(page.locator("#reference-error, .error-message").first).to_contain_text("starts with 5")
    assert "/secure/" not in page.url and pay.payments == {}
    check_accessible(page, "pay with a mistyped reference")
    page.goto("/pay")
    page.get_by_role("link", name="Parking penalty charge notice (PCN)").click()
    page.get_by_label("PCN number").fill("cq1234 5679")
    page.get_by_role("button", name="Continue", exact=True).click()
    expect(page.locator("#amount-due")).to_contain_text("£35.00")
    check_accessible(page, "pay a PCN's amount due")
    pay_on_the_card_page(page, SUCCESS, "£35.00")
    heading(page, "Payment received")
    expect(page.locator("#bill")).to_contain_text("CQ12345679")
    expect(page.locator("#payment-reference")).to_have_text(re.compile(r"^PY-[2-9A-Z]{8}$"))
    number = page.locator("#payment-reference").inner_text()
    expect(page).to_have_url(re.compile(r"/pay\?paid=[0-9a-f]{32}$"))
    assert [p["reference"] for p in bill_office.posted("parking")] == ["CQ12345679"]
    page.goto("/account")
    expect(page.locator("#my-bills")).to_contain_text("CQ12345679: £35.00")
    expect(page.locator("#my-bills")).to_contain_text(f"(paid) Payment reference {number}")


def test_try_again_after_a_declined_card_keeps_the_reference_and_the_amount(browser, pay, bill_office):  # noqa: F811
    from support.pay_support import DECLINED
    page = browser.new_page()
    page.goto("/pay?fund=council-tax")
    heading(page, "Pay a bill")  # as people look for it, not "Pay for it"
    page.get_by_label("Council tax account number").fill("500123454")
    page.get_by_label("Amount").fill("42.50")
    pay_on_the_card_page(page, DECLINED, "£42.50")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your payment has been declined")  # the provider's page
    page.get_by_role("link", name="Go back to the service").click()
    heading(page, "Your payment did not go through")
    page.get_by_role("link", name="Try again").click()
    expect(page.get_by_label("Council tax account number")).to_have_value("500123454")
    expect(page.get_by_label("Amount")).to_have_value("42.50")
