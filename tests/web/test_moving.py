"""Moving home on a phone (issue 61): a resident with a garden waste
subscription and a linked council tax account tells us they move within York
in 10 days' time; the move's page lists every change (council tax sent, the
saved address and bin days from the move date, the garden bins on the new
home's round) and what is left to do elsewhere, and My Account leads to it.
One moving out of York sees the garden months left refunded (the provider
holds the one refund) and the bins stop. The phone that remembers the old home shows the
new one's bin days from the move date, once."""
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from playwright.sync_api import expect

from support.pay_support import SUCCESS
from tests.web.browser import check_accessible
from tests.web.journeys import heading, sign_in
from tests.web.test_bulky import pay, pay_on_the_card_page  # noqa: F401  (pay: a fixture)
from tests.web.test_council_tax import back_office, fill_demo_bill  # noqa: F401  (back_office: a fixture)

OLD_HOME, NEW_HOME = "990000000052", "990000000068"  # 4 Bootham and 4 Heworth Green: both on garden rounds
# 7 Bootham, on a garden round: a home of its own, as a garden subscription at OLD_HOME after
# the first journey's would start only when that one ends there.
LEAVING = "990000000055"


def a_garden_bin_paid_for(page):
    page.get_by_label("1 bin: £50.00 a year").check()
    pay_on_the_card_page(page, SUCCESS, "£50.00")
    heading(page, "Your garden waste subscription is active")


def the_move_form_from_my_account(page, home, where, day):
    """The form reached from My Account, where and when filled in."""
    page.goto("/account")
    page.locator("#moving-link").click()
    heading(page, "Tell us you are moving home")
    expect(page.locator("#move-from")).to_contain_text(home)
    page.get_by_label(where).check()
    for part, value in (("Day", day.day), ("Month", day.month), ("Year", day.year)):
        page.get_by_label(part, exact=True).fill(str(value))


def who_moves_and_whom_to_contact(page, tenure, role, name):
    page.get_by_label("Everyone moving who is on the council tax bill").fill("Dev Patel")
    page.get_by_label(tenure).check()
    page.get_by_label("Who can we contact about your old home?").select_option(role)
    page.get_by_label("Their name").fill(name)


def test_a_resident_moving_within_york_in_ten_days_sees_every_change_in_my_account(browser, back_office, pay):  # noqa: F811
    email = browser.stack.resident("moving.resident@example.org")
    page = browser.new_page()
    sign_in(page, email, next_path="/account/council-tax")
    fill_demo_bill(page)
    page.get_by_role("button", name="Link account").click()
    heading(page, "Council tax account 500345686")
    page.goto(f"/garden?uprn={OLD_HOME}")
    a_garden_bin_paid_for(page)

    the_move_form_from_my_account(page, "4 Bootham", "To another home in York", date.today() + timedelta(days=10))
    page.get_by_label("Your new home's postcode or street").fill("YO31 8BB")
    page.get_by_role("button", name="Find addresses").click()
    page.get_by_label("Choose your new address").select_option(NEW_HOME)
    who_moves_and_whom_to_contact(page, "Sold", "solicitor", "Lee and Co")
    check_accessible(page, "moving home")
    page.get_by_role("button", name="Tell us about the move").click()

    heading(page, "Your move")
    parts = page.locator("#move-parts")
    expect(parts.locator("[data-part='council_tax']")).to_contain_text("gone to the council tax office")
    expect(parts.locator("[data-part='address']")).to_contain_text("4 Heworth Green")
    expect(parts.locator("[data-part='bin_days']")).to_contain_text("new street")
    expect(parts.locator("[data-part^='garden:']")).to_contain_text("moves to the new home")
    expect(page.locator("#move-elsewhere")).to_contain_text("Register to vote")
    check_accessible(page, "a move's page")
    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320

    page.goto("/account")
    page.locator("#my-moves a").click()
    heading(page, "Your move")
    expect(page.locator("#move-parts li")).to_have_count(4)


def test_a_phone_shows_the_new_homes_bins_from_the_move_date_once_and_a_home_chosen_after_stands(browser):
    email = browser.stack.resident("moving.phone@example.org")
    page = browser.new_page()
    sign_in(page, email, next_path=f"/property?uprn={OLD_HOME}")
    heading(page, "4 Bootham")  # remembered on this phone
    day = date.today() + timedelta(days=10)
    move = {"move": "within", "date": day.isoformat(), "from_uprn": OLD_HOME, "to_uprn": NEW_HOME,
            "tenure": "sold", "people": ["Dev Patel"]}
    told = browser.stack.post("/v1/me/moves", move, {**browser.stack.token(email), "Idempotency-Key": "phone-move-one"})
    assert told["date"] == day.isoformat()

    page.goto("/property")
    expect(page.locator("#my-property")).to_contain_text("4 Bootham")  # the day before: still the old home
    # The phone's day is the move date while the server's is still today: the phone
    # follows the move's own new home, not the profile's address of the server's day.
    page.clock.set_fixed_time(datetime.combine(day, time(0, 30), ZoneInfo("Europe/London")))
    page.goto("/property")
    expect(page.locator("#my-property")).to_contain_text("4 Heworth Green")
    page.locator("#my-property a").click()
    heading(page, "4 Heworth Green")

    page.goto(f"/property?uprn={OLD_HOME}")  # the resident's own choice afterwards
    heading(page, "4 Bootham")
    page.goto("/property")
    expect(page.locator("#my-property")).to_contain_text("4 Bootham")  # followed once: the choice stands


def test_moving_out_of_york_the_garden_months_left_are_refunded_once_and_the_bins_stop(browser, pay):  # noqa: F811
    email = browser.stack.resident("moving.out@example.org")
    page = browser.new_page()
    sign_in(page, email, next_path=f"/garden?uprn={LEAVING}")
    a_garden_bin_paid_for(page)

    the_move_form_from_my_account(page, "7 Bootham", "Out of York", date.today() + timedelta(days=10))
    who_moves_and_whom_to_contact(page, "Rented", "landlord", "Mrs Ross")
    page.get_by_label("Your forwarding address").fill("4 Quay Street, Whitby YO21 3PY")
    page.get_by_role("button", name="Tell us about the move").click()

    heading(page, "Your move")
    parts = page.locator("#move-parts")
    # A year from today, left 10 days on: 11 whole months of 12 at £50, rounded down to the penny.
    expect(parts.locator("[data-part^='garden:']")).to_contain_text("£45.83 for the 11 months left")
    expect(parts.locator("[data-part^='garden:']")).to_contain_text("refunded")
    expect(parts.locator("[data-part='bin_days']")).to_contain_text("stop on")
    expect(parts.locator("[data-part='address']")).to_contain_text("cleared")
    refunds = [r["amount"] for p in pay.payments.values() for r in p["refunds"]]
    assert refunds == [4583]
