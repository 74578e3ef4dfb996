"""Booking a bulky waste collection on a phone: three items for my property,
paid on the payment provider's card page (the local provider, over real
HTTP, as GOV.UK Pay's would be), back in the app with the booking confirmed
and a receipt e-mailed; cancelled before the cut-off and refunded once. A
declined card books nothing."""
import re

import pytest
from playwright.sync_api import expect

from support.pay_support import DECLINED, SUCCESS, card_expiry
from tests.alerts.test_alerts_end_to_end import wait_for
from tests.web.browser import check_accessible
from tests.web.desk import screen
from tests.web.journeys import effect_held_back, heading, sign_in

DEMO_HOME = "990000000001"  # 1 Micklegate: on a fortnightly refuse round in the demo data


@pytest.fixture
def pay(stack):
    from doorstep_cli.local.pay_provider import PayProvider
    env = pytest.MonkeyPatch()
    with PayProvider(webhook_url=stack.url + "/v1/payments/webhook", retry_delays_s=(0.2, 0.5, 1.0)) as provider:
        env.setenv("DOORSTEP_PAY_URL", provider.origin)
        env.setenv("DOORSTEP_PAY_API_KEY", provider.api_key)
        env.setenv("DOORSTEP_PAY_WEBHOOK_SECRET", provider.webhook_secret)
        try:
            yield provider
        finally:
            env.undo()


def choose_three_items(page):
    heading(page, "Book a bulky waste collection")
    expect(page.locator("#bulky-total")).to_contain_text("Choose at least one item")
    expect(page.locator("#bulky-address")).to_contain_text("Micklegate")  # which address it is for
    page.get_by_label("Sofa or settee", exact=True).check()  # the item first: then how many
    expect(page.locator("#bulky-total")).to_contain_text("Minimum charge top-up: £10.00")
    expect(page.locator("#bulky-total")).to_contain_text("Total to pay: £25.00 (items: 1)")
    for item in ("Dining chair", "Table"):
        page.get_by_label(item, exact=True).check()
    expect(page.get_by_label("How many? (Table)")).to_have_value("1")
    expect(page.locator("#bulky-total")).to_contain_text("Total to pay: £27.00 (items: 3)")
    expect(page.locator("#bulky-total")).not_to_contain_text("Minimum charge")
    page.locator("input[name=date]").first.check()
    page.get_by_label("Where will you leave the items?").fill("By the front gate")


def pay_on_the_card_page(page, card, amount="£27.00"):
    """From the app's Continue to payment to the provider's page, filled in and sent."""
    page.get_by_role("button", name="Continue to payment").click()
    fill_the_card_page(page, card, amount)


def fill_the_card_page(page, card, amount):
    """On the provider's page (opened by whichever button): the card filled in and sent."""
    page.wait_for_url(re.compile(r"/secure/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Enter card details")
    expect(page.locator(".amount")).to_contain_text(amount)
    page.get_by_label("Card number").fill(card)
    page.get_by_label("Expiry date (MM/YY)").fill(card_expiry())
    page.get_by_label("Name on card").fill("Ada Resident")
    page.get_by_label("Card security code").fill("123")
    page.get_by_role("button", name="Continue").click()


def test_a_resident_books_three_items_pays_and_cancels_for_one_full_refund(browser, pay, monkeypatch):
    from chalicelib.handlers.payments import core
    email = browser.stack.resident("bulky.booker@example.org")
    page = browser.new_page()
    sign_in(page, email, next_path=f"/bulky?uprn={DEMO_HOME}")
    choose_three_items(page)
    screen(page, "bulky-booking")
    # Back in the app, the payment checked with the provider; settled by the stream's worker after the
    # page is shown (as on a busy day), the booking confirmed appears there with no reload.
    with effect_held_back(monkeypatch, core, "on_finished") as released:
        pay_on_the_card_page(page, SUCCESS)
        heading(page, "Waiting for your payment")
        released.set()
    heading(page, "Booking confirmed")
    expect(page.locator("#booking")).to_contain_text("Sofa or settee: £15.00")
    expect(page.locator("#booking")).to_contain_text("£27.00")
    screen(page, "bulky-booking-confirmed")
    # A receipt (exactly one even when the return and a webhook confirm at the same moment is proven on
    # DynamoDB Local, tests/contract/test_dynamodb_local_payment_round_trip.py: this stack's moto server
    # does not make one item's conditional writes atomic across threads).
    receipts = [m for m in browser.stack.mail_to(email) if "is booked" in m.subject]
    assert receipts and "Total paid: £27.00" in receipts[0].body
    page.get_by_role("button", name="Cancel this collection").click()
    heading(page, "Collection cancelled")
    # The answer does not wait for the provider: the refund follows from the cancellation's event.
    expect(page.locator("#refund")).to_contain_text("£27.00 is being refunded to the card you paid with")
    check_accessible(page, "bulky booking cancelled")

    from chalicelib.storage.waste.bulky import BulkyStore
    booking_id = page.url.rstrip("/").rsplit("/", 1)[-1]

    def refunded():
        """the stack's worker has made the cancellation's refund and settled it on the booking"""
        return (BulkyStore().get(booking_id).refund or {}).get("status") == "done"
    wait_for(refunded, seconds=20)
    page.reload()
    heading(page, "Collection cancelled")
    expect(page.locator("#refund")).to_contain_text("£27.00 has been refunded")
    assert [[r["amount"] for r in p["refunds"]] for p in pay.payments.values()] == [[2700]]


def test_a_declined_card_books_nothing_and_says_so(browser, pay):
    email = browser.stack.resident("bulky.declined@example.org")
    page = browser.new_page()
    sign_in(page, email, next_path=f"/bulky?uprn={DEMO_HOME}")
    choose_three_items(page)
    pay_on_the_card_page(page, DECLINED)
    expect(page.get_by_role("heading", level=1)).to_have_text("Your payment has been declined")
    page.get_by_role("link", name="Go back to the service").click()
    heading(page, "Not booked")
    check_accessible(page, "bulky booking not booked")
