"""An officer books a bulky collection for a caller at the desk, by keyboard
alone: the property found by postcode, the items (ticked, then how many, as
residents choose them) and a day; waived with a
reason it is confirmed at once (a waiver without one is refused on the
screen), by card the officer is sent to the provider's page for the amount."""
import re

from playwright.sync_api import expect

from support.pay_support import SUCCESS, card_expiry
from tests.web.desk import desk  # noqa: F401 (a fixture)
from tests.web.desk import Officer, heading, screen, sign_in_by_keyboard, tab_to
from tests.web.test_bulky import DEMO_HOME, pay  # noqa: F401 (a fixture)


def find_the_caller(page):
    tab_to(page, page.get_by_role("link", name="Book a bulky collection"))
    page.keyboard.press("Enter")
    heading(page, "Book a bulky collection for a caller")
    tab_to(page, page.get_by_label("Postcode"))
    page.keyboard.type("YO1 7HH")
    page.keyboard.press("Enter")
    address = page.get_by_label("Address", exact=True)
    expect(address).to_be_focused()
    address.select_option(DEMO_HOME)  # a select's own keys: the option is chosen with the keyboard's arrows
    tab_to(page, page.get_by_role("button", name="Choose this address"))
    page.keyboard.press("Enter")
    expect(page.locator("#bulky-address")).to_have_text("1 Micklegate, York")


def choose(page, label, count):
    """Ticked, then how many: the residents' own control (tests/web/test_bulky_change.py)."""
    from tests.web.test_bulky_change import set_count
    set_count(page, label, count)


def pick_first_day(page):
    tab_to(page, page.locator("input[name=date]").first)
    page.keyboard.press("Space")


def test_an_officer_books_a_waived_collection_for_a_caller_and_a_card_one_goes_to_the_card_page(desk, pay):
    stack = desk.stack
    Officer(stack, "bulky.desk@example.org")
    page = desk.new_page()
    sign_in_by_keyboard(page, "bulky.desk@example.org", "/sign-in?next=/staff")
    find_the_caller(page)
    choose(page, "Sofa or settee", 1)
    choose(page, "Fridge or freezer", 1)
    expect(page.locator("#bulky-total")).to_have_text("Total: £35.00 (items: 2)")
    pick_first_day(page)
    tab_to(page, page.get_by_label("Where will the items be left?"))
    page.keyboard.type("In the yard")
    tab_to(page, page.get_by_role("radio", name="Card, over the phone"))  # one Tab stop: arrows move in it
    page.keyboard.press("ArrowDown")
    expect(page.get_by_role("radio", name="Waived")).to_be_checked()
    tab_to(page, page.get_by_role("button", name="Take the booking"))
    page.keyboard.press("Enter")
    expect(page.locator(".error-summary")).to_contain_text("Say why the charge is waived.")
    screen(page, "staff-bulky-take-errors")
    tab_to(page, page.get_by_label("Why is the charge waived?"))
    page.keyboard.type("Assisted collection: resident is housebound")
    tab_to(page, page.get_by_role("button", name="Take the booking"))
    page.keyboard.press("Enter")
    heading(page, "Collection booked")
    reference = page.locator("#reference").inner_text()
    expect(page.locator("#taken-summary")).to_contain_text("Charge waived: Assisted collection: resident is housebound")
    screen(page, "staff-bulky-taken")
    booking = Officer(stack, "bulky.checker@example.org").call("GET", f"/v1/waste/bulky/bookings/{reference}", None,
                                                               {"Access-Reason": "Checking the booking"})[0]
    assert (booking["status"], booking["taken_by"]["payment"], [i["id"] for i in booking["items"]]) == \
        ("confirmed", "waived", ["sofa", "fridge"])
    assert pay.payments == {}  # a waiver moves no money

    tab_to(page, page.get_by_role("link", name="Book another collection"))
    page.keyboard.press("Enter")
    find_the_caller(page)
    choose(page, "Table", 1)
    expect(page.locator("#bulky-total")).to_have_text("Total: £25.00 (items: 1)")  # the minimum charge
    pick_first_day(page)
    screen(page, "staff-bulky-take")
    tab_to(page, page.get_by_role("button", name="Take the booking"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/secure/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Enter card details")
    expect(page.locator(".amount")).to_contain_text("£25.00")
    assert [p["amount"] for p in pay.payments.values()] == [2500]
    assert [p.get("moto") for p in pay.payments.values()] == [True]  # card-not-present
    page.get_by_label("Card number").fill(SUCCESS)
    page.get_by_label("Expiry date (MM/YY)").fill(card_expiry())
    page.get_by_label("Name on card").fill("Caller Resident")
    page.get_by_label("Card security code").fill("123")
    page.get_by_role("button", name="Continue").click()
    heading(page, "Booking confirmed")  # the booking's page, the payment checked with the provider
    expect(page.locator("#booking")).to_contain_text("Table: £8.00")
