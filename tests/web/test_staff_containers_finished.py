"""The containers desk finished (issue 57), through the local stack at 1280 px:
after a caller pays by card the officer is back on the desk, on the request
(never the resident's "Your container is ordered" with its red cancel); the
request shows its delivery job and the list links each request to it; a depot
is named, and its count's last change is said truly (an order took one), not
"No changes yet" beside a count."""
import re

from playwright.sync_api import expect

from support.pay_support import SUCCESS
from tests.web.desk import desk  # noqa: F401 (a fixture)
from tests.web.desk import Officer, heading, say_why, sign_in_by_keyboard
from tests.web.test_bulky import DEMO_HOME, fill_the_card_page, pay  # noqa: F401 (a fixture)


def test_a_caller_s_card_payment_returns_the_officer_to_the_request_with_its_job_and_the_depot_is_told_truly(
        desk, pay):
    Officer(desk.stack, "containers.card@example.org")
    page = desk.new_page()
    sign_in_by_keyboard(page, "containers.card@example.org", "/sign-in?next=/staff/containers")
    heading(page, "Bins and boxes ordered")
    expect(page.locator("#stock-depot")).to_have_text("Stock at Hazel Court depot")  # named, not "main"
    expect(page.locator("#stock")).not_to_contain_text("No changes yet")
    # Its last change with its moment, whatever made it (the demo's count, or another journey's order on this stack).
    expect(page.locator("#stock-refuse-bin")).to_contain_text(re.compile(r"\d{1,2} \w+ \d{4} at \d{1,2}:\d{2}"))
    page.locator("#containers-find").get_by_label("Postcode").fill("YO1 7HH")  # 1
    page.keyboard.press("Enter")  # 2
    page.locator("#containers-pick").get_by_label("Address", exact=True).select_option(DEMO_HOME)  # 3
    page.locator("#containers-pick").get_by_role("button", name="Choose this address").click()  # 4
    page.get_by_label("Grey wheeled bin (180 litres)").check()  # 5
    page.get_by_label("Missing or stolen").check()  # 6
    page.get_by_role("radio", name="Card, over the phone").check()  # 7
    page.get_by_role("button", name="Take the request").click()  # 8
    fill_the_card_page(page, SUCCESS, "£32.00")  # 9 (the card's four fields and Continue)
    heading(page, "Request CR-")  # back on the desk, not the resident's screen
    reference = page.url.rstrip("/").rsplit("/", 1)[-1]
    expect(page.locator("#request")).to_contain_text("To be delivered")
    expect(page.locator("#request")).to_contain_text("Paid")
    expect(page.locator("#screen")).not_to_contain_text("Cancel this order")
    expect(page.locator("#delivery-job")).to_contain_text(reference)
    expect(page.locator("#delivery-job")).to_contain_text("waste")
    page.get_by_role("link", name="Bins and boxes ordered").click()  # back to the desk
    heading(page, "Bins and boxes ordered")
    row = page.locator("#requests tr", has_text=reference)
    expect(row.get_by_role("link", name=f"Job {reference}")).to_be_visible()
    expect(page.locator("#stock-refuse-bin")).to_contain_text("One taken by an order")
    expect(page.locator("#stock-refuse-bin").get_by_role("link", name=reference)).to_be_visible()
    row.get_by_role("link", name=reference, exact=True).click()
    heading(page, f"Request {reference}")
    assert [e.reason for e in desk.stack.deps().audit.entries(reference)][-1] == "Taken for a caller"

    elsewhere = desk.new_page()  # another tab: nothing was said there about this request
    elsewhere.goto(f"/staff/containers/{reference}")
    heading(elsewhere, f"Request {reference}")
    expect(elsewhere.locator("#request")).to_have_count(0)  # the resident's address waits for a reason
    say_why(elsewhere, "The crew asked which bin it was")
    expect(elsewhere.locator("#request")).to_contain_text("Grey wheeled bin")
    assert [e.reason for e in desk.stack.deps().audit.entries(reference)][-1] == "The crew asked which bin it was"
