"""Staff's payment screens at a desk, by keyboard alone: the day's payments
and refunds with totals, finance's CSV of the day, and a refund with its
reason, made once and kept with who made it."""
import uuid

import requests
from playwright.sync_api import expect

from support.pay_support import SUCCESS, pay_with
from tests.web.desk import desk  # noqa: F401 (a fixture)
from tests.web.desk import Officer, heading, screen, sign_in_by_keyboard, tab_to
from tests.web.test_bulky import DEMO_HOME, pay  # noqa: F401 (a fixture)


def paid_booking(stack):
    """A resident's bulky booking of a sofa and a fridge (£15.00 + £20.00), paid."""
    resident = Officer(stack, f"payer-{uuid.uuid4().hex[:8]}@example.org", role="resident")
    day = resident.call("GET", f"/v1/places/{DEMO_HOME}/bulky/dates")[0]["dates"][-1]["date"]
    return paid_through(resident, "/v1/waste/bulky/bookings", {"uprn": DEMO_HOME, "date": day,
                                                               "items": ["sofa", "fridge"]})


def paid_through(payer, path, body):
    """Made by `payer` at `path`, paid with a card on the provider's page, and back in the app."""
    made, _ = payer.call("POST", path, body, {"Idempotency-Key": str(uuid.uuid4())})
    back = pay_with(made["payment"]["next_url"], SUCCESS)
    requests.get(back, allow_redirects=False, timeout=10)  # the return: the app asks the provider
    return made


def test_an_officer_reads_the_day_downloads_it_and_refunds_part_of_a_payment_by_keyboard(desk, pay):
    stack = desk.stack
    made = paid_booking(stack)
    Officer(stack, "finance.desk@example.org")
    page = desk.new_page()
    sign_in_by_keyboard(page, "finance.desk@example.org", "/sign-in?next=/staff/payments")
    heading(page, "Payments")
    row = page.locator("#payments tr", has_text=made["id"])
    expect(row).to_contain_text("£35.00")
    expect(page.locator("#payment-totals")).to_contain_text("Taken")
    screen(page, "staff-payments")

    tab_to(page, page.get_by_role("button", name="Download every payment and refund of the day (CSV, all funds)"))
    with page.expect_download() as downloading:
        page.keyboard.press("Enter")
    text = open(downloading.value.path(), encoding="utf-8").read()
    assert text.startswith("at,kind,reference,purpose,description,amount_pence,amount")
    assert made["id"] in text and "35.00" in text
    expect(page.locator("#csv-status")).to_contain_text("has been downloaded")

    tab_to(page, page.get_by_role("link", name=made["id"]))
    page.keyboard.press("Enter")
    heading(page, f"Payment {made['id']}")
    expect(page.locator("#payment")).to_contain_text("£35.00")
    screen(page, "staff-payment")
    tab_to(page, page.get_by_label("Amount to refund (£)"))
    page.keyboard.type("50")  # more than was paid: told so, nothing sent
    tab_to(page, page.get_by_role("button", name="Refund"))
    page.keyboard.press("Enter")
    expect(page.locator(".error-summary")).to_contain_text("at most £35.00")
    expect(page.locator(".error-summary")).to_contain_text("Say why")
    screen(page, "staff-payment-errors")
    page.get_by_label("Amount to refund (£)").fill("")
    tab_to(page, page.get_by_label("Amount to refund (£)"))
    page.keyboard.type("5.50")
    page.keyboard.press("Tab")
    page.keyboard.type("Goodwill: the crew came late")
    tab_to(page, page.get_by_role("button", name="Refund"))
    page.keyboard.press("Enter")
    expect(page.locator("#refund-done")).to_contain_text("£5.50 refunded.")
    expect(page.locator("#refunds")).to_contain_text("£5.50")
    expect(page.locator("#refunds")).to_contain_text("finance.desk@example.org: Goodwill: the crew came late")
    expect(page.locator("#payment")).to_contain_text("£29.50")  # still refundable
    screen(page, "staff-payment-refunded")
    provider_id = stack.deps().payments.get(made["payment"]["id"]).provider_id
    assert [r["amount"] for r in pay.payments[provider_id]["refunds"]] == [550]
