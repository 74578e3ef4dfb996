"""Finance at the desk, by keyboard alone: a payment link made (its reference
checked by its fund's rule first), sent by e-mail and shown to copy; then the day's cash file
of a fund downloaded and its reconciliation read, where a council tax payment
the council's system never took is flagged: settled and filed, not posted."""
import uuid

from playwright.sync_api import expect

from tests.web.desk import desk  # noqa: F401 (a fixture)
from tests.web.browser import check_accessible
from tests.web.desk import Officer, fresh_screen, heading, screen, sign_in_by_keyboard, stale_screen, tab_to
from tests.web.test_bulky import pay  # noqa: F401 (a fixture)
from tests.web.test_staff_payments import paid_through


def paid_council_tax(stack):
    """£12.34 paid on account 500345686 by a resident; its posting has nowhere to go
    (no council system in this stack), so the reconciliation must flag it."""
    payer = Officer(stack, f"payer-{uuid.uuid4().hex[:8]}@example.org", role="resident")
    return paid_through(payer, "/v1/pay/payments", {"fund": "council-tax", "reference": "500345686", "amount": 1234})


def test_finance_makes_a_payment_link_and_reads_the_days_cash_file_and_differences_by_keyboard(desk, pay):
    stack = desk.stack
    made = paid_council_tax(stack)
    finance = Officer(stack, "finance.links@example.org")
    day = finance.call("GET", "/v1/staff/payments")[0]["date"]  # the council's today, as the desk reads it
    page = desk.new_page()
    sign_in_by_keyboard(page, "finance.links@example.org", "/sign-in?next=/staff/pay/links")
    heading(page, "Payment links")
    tab_to(page, page.get_by_label("Reference"))
    page.keyboard.type("500345687")  # one digit wrong: its check digit fails
    tab_to(page, page.get_by_label("Amount (£)"))
    page.keyboard.type("86.50")
    tab_to(page, page.get_by_role("button", name="Make the link"))
    page.keyboard.press("Enter")
    expect(page.locator(".error-summary")).to_be_visible()
    assert not page.locator("#paylink").count()
    page.get_by_label("Reference").fill("")
    tab_to(page, page.get_by_label("Reference"))
    page.keyboard.type("500345686")
    tab_to(page, page.get_by_label("Send it by email to"))
    page.keyboard.type("dev.patel@example.org")
    tab_to(page, page.get_by_role("button", name="Make the link"))
    page.keyboard.press("Enter")
    link = page.locator("#paylink")
    expect(link).to_contain_text("£86.50")
    expect(page.locator("#paylink-sending")).to_contain_text("We are sending it by email")
    assert "/pay?link=" in page.locator("#paylink-url").input_value()
    screen(page, "staff-pay-links")
    tab_to(page, page.get_by_role("button", name="Copy the link"))
    page.keyboard.press("Enter")
    expect(page.locator("#paylink-copied")).not_to_be_empty()

    tab_to(page, page.get_by_role("link", name="Cash file and reconciliation"))
    page.keyboard.press("Enter")
    heading(page, "Cash file and reconciliation")
    tab_to(page, page.get_by_label("Day"))
    page.get_by_label("Day").fill(day)
    expect(page.locator("#reconcile-totals")).to_be_visible()  # it opens on today: a screen shown already
    tab_to(page, page.get_by_role("button", name="Show"))
    stale_screen(page)
    page.keyboard.press("Enter")
    fresh_screen(page)  # the day asked for, drawn anew: never the first screen's elements
    expect(page.locator("#reconcile-totals")).to_contain_text("£12.34")
    row = page.locator("#reconcile-differences tr", has_text=made["payment"]["id"])
    expect(row).to_contain_text("Missing")
    screen(page, "staff-pay-reconciliation")
    tab_to(page, page.get_by_role("button", name="Download the cash file for cash receipting (CSV, this fund)"))
    with page.expect_download() as downloading:
        page.keyboard.press("Enter")
    lines = open(downloading.value.path(), encoding="utf-8").read().splitlines()
    assert lines[0] == "fund_code,reference,amount_pence,date,payment_id,card_type"
    assert any(line.startswith("CTAX,500345686,1234,") for line in lines[1:]), lines
    expect(page.locator("#cash-file-status")).to_contain_text("has been downloaded")


def make_link_at_the_desk(page, fund, reference, amount):
    page.get_by_label("What it is for").select_option(fund)
    page.get_by_label("Reference").fill(reference)
    page.get_by_label("Amount (£)").fill(amount)
    page.get_by_role("button", name="Make the link").click()


def test_a_link_whose_payment_is_under_way_reads_in_progress_and_a_second_is_made_only_when_confirmed(
        desk, pay, page):
    stack = desk.stack
    Officer(stack, "finance.second-link@example.org")
    office = desk.new_page()
    sign_in_by_keyboard(office, "finance.second-link@example.org", "/sign-in?next=/staff/pay/links")
    heading(office, "Payment links")
    make_link_at_the_desk(office, "sundry-invoice", "200345672", "72.50")
    first = office.locator("#paylink-url").input_value()
    # The payer presses "Continue to payment", and leaves the card page open.
    page.goto(first[first.index("/pay?"):])
    page.get_by_role("button", name="Continue to payment").click()
    page.wait_for_url(lambda url: "/secure/" in url)
    page.goto(first[first.index("/pay?"):])  # back to the link: in progress, not "used or expired"
    expect(page.locator("#link-gone")).to_contain_text("A payment with this link is in progress: it started at")
    check_accessible(page, "pay-link-in-progress")
    # Later (the payer calls: the link "did not work"), the officer is told of the first before anything is made.
    office.reload()
    heading(office, "Payment links")
    make_link_at_the_desk(office, "sundry-invoice", "200345672", "72.50")
    asked = office.locator("#paylink-exists")
    expect(asked).to_contain_text("There is already a link for this reference")
    expect(asked).to_contain_text("A payment with it is in progress: it started")
    expect(asked).to_contain_text("the bill could be paid twice")
    assert not office.locator("#paylink").count()
    screen(office, "staff-pay-links-in-progress")
    office.get_by_role("button", name="Make another link anyway").click()
    expect(office.locator("#paylink")).to_contain_text("£72.50")
    assert office.locator("#paylink-url").input_value() != first
    assert not office.locator("#paylink-exists").count()


def test_finance_opens_on_today_says_which_file_is_which_and_a_bill_refund_speaks_of_the_bill(desk, pay):
    made, finance = paid_council_tax(desk.stack), Officer(desk.stack, "finance.today@example.org")
    today = finance.call("GET", "/v1/staff/payments")[0]["date"]  # the council's today, as the desk reads it
    page = desk.new_page()
    sign_in_by_keyboard(page, "finance.today@example.org", "/sign-in?next=/staff/pay/reconciliation")
    heading(page, "Cash file and reconciliation")
    expect(page.get_by_label("Day")).to_have_value(today)  # as the payments screen: today, shown
    expect(page.locator("#reconcile-totals")).to_be_visible()
    expect(page.locator("#cash-file-hint")).to_contain_text("cash receipting imports")
    page.get_by_label("Day").fill("")
    page.get_by_role("button", name="Show").click()
    expect(page.locator(".error-summary")).to_contain_text("Choose a day")
    page.goto("/staff/payments")
    expect(page.locator("#payments-csv-hint")).to_contain_text("not the file cash receipting imports")
    page.goto(f"/staff/payments/{made['payment']['id']}")
    hint = page.locator("#refund-form .hint")
    expect(hint).to_contain_text("reversal is posted to the back office that holds the bill")
    expect(hint).not_to_contain_text("booking or subscription")
    screen(page, "staff-payment-bill")
