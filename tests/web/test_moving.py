"""Moving home on a phone (issue 61): a resident with a garden waste
subscription and a linked council tax account tells us they move within York
in 10 days' time; the move's page lists every change (council tax sent, the
saved address and bin days from the move date, the garden bins on the new
home's round) and what is left to do elsewhere, and My Account leads to it.
One moving out of York sees the garden months left refunded (the provider
holds the one refund) and the bins stop. The phone that remembers the old home shows the
new one's bin days from the move date, once."""
import json
import urllib.request
from datetime import date, datetime, time, timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from playwright.sync_api import expect

from support.pay_support import SUCCESS
from tests.web.browser import check_accessible
from tests.web.journeys import effect_held_back, heading, pressed_and_made_after, sign_in
from tests.web.test_bulky import pay, pay_on_the_card_page  # noqa: F401  (pay: a fixture)
from tests.web.test_council_tax import back_office, fill_demo_bill  # noqa: F401  (back_office: a fixture)

OLD_HOME, NEW_HOME = "990000000052", "990000000068"  # 4 Bootham and 4 Heworth Green: both on garden rounds
# 7 Bootham, on a garden round: a home of its own, as a garden subscription at OLD_HOME after
# the first journey's would start only when that one ends there.
LEAVING = "990000000055"
EIGHT_BOOTHAM = "990000000056"  # a home nobody else's journey moves from


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


def test_a_resident_moving_within_york_in_ten_days_sees_every_change_in_my_account(  # noqa: F811
        browser, back_office, pay, monkeypatch):
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
    from chalicelib.handlers.moving import following
    # Made after the page was shown: they appear on it, with no reload, and the status says so.
    pressed_and_made_after(page, monkeypatch, (following, "on_move"), "Tell us about the move", "Your move",
                           "#move-under-way", "We are making the changes now", "We have made the changes.")
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


def test_a_resident_whose_home_nothing_knows_finds_the_one_they_leave_and_each_council_names_itself(
        browser, chromium):
    """A new phone and an account with no home: the form asks for the old home as it asks for the new (before, it
    refused "Choose the address you are moving from." with nowhere to choose it), and says the council's place:
    York's, and Newcastle-under-Lyme's at its own address, never York there."""
    from tests.web.browser import Browser
    email = browser.stack.resident("moving.nowhere@example.org")
    page = browser.new_page()
    sign_in(page, email, next_path="/moving")
    heading(page, "Tell us you are moving home")
    expect(page.locator("#move-from")).to_have_count(0)
    # Sold or rented is asked of every move from a home here: not called optional (it was, and then refused)
    expect(page.locator("#move-form")).to_contain_text("Not needed if you are moving into York")
    expect(page.locator("#move-form")).not_to_contain_text("sold or rented? (optional)")
    page.get_by_label("To another home in York").check()
    day = date.today() + timedelta(days=10)
    for part, value in (("Day", day.day), ("Month", day.month), ("Year", day.year)):
        page.get_by_label(part, exact=True).fill(str(value))
    page.get_by_label("Your old home's postcode or street").fill("YO30 5DY")
    page.locator("#from-find").click()
    page.get_by_label("Choose your old home").select_option(EIGHT_BOOTHAM)
    page.get_by_label("Your new home's postcode or street").fill("YO31 8BB")
    page.locator("#to-find").click()
    page.get_by_label("Choose your new address").select_option(NEW_HOME)
    who_moves_and_whom_to_contact(page, "Sold", "solicitor", "Lee and Co")
    check_accessible(page, "moving home: the old home found")
    page.get_by_role("button", name="Tell us about the move").click()
    heading(page, "Your move")
    expect(page.locator("#move-summary")).to_contain_text("8 Bootham")

    borough = Browser(chromium, browser.stack, base_url=f"http://newcastle.localhost:{urlsplit(browser.stack.url).port}")
    try:
        there = borough.new_page()
        sign_in(there, email, next_path="/moving")
        heading(there, "Tell us you are moving home")
        expect(there.get_by_label("Out of Newcastle-under-Lyme")).to_have_count(1)
        expect(there.get_by_label("Into Newcastle-under-Lyme from somewhere else")).to_have_count(1)
        expect(there.locator("#move-form")).not_to_contain_text("York")
    finally:
        borough.close()


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


# 10 Bootham (Guildhall ward) to 5 Heworth Green (Heworth ward): homes of this journey's own.
CHOOSING_FROM, CHOOSING_TO = "990000000058", "990000000069"
# 11 Bootham (refuse on Thursdays) to 2 Heworth Green (refuse on Fridays): the calendar journey's.
CALENDAR_FROM, CALENDAR_TO = "990000000059", "990000000066"


def london_today():
    """The move date a resident means by "today": London's, whatever the machine's zone."""
    return datetime.now(ZoneInfo("Europe/London")).date()


def a_bulky_collection_paid_for(stack, auth, uprn):
    """A sofa on the last day offered at `uprn`, paid on the provider's page and confirmed."""
    from support.pay_support import pay_with
    last = stack.get(f"/v1/places/{uprn}/bulky/dates")["dates"][-1]["date"]
    made = stack.post("/v1/waste/bulky/bookings", {"uprn": uprn, "date": last, "items": ["sofa"],
                                                   "location": "By the front gate"}, auth)
    assert pay_with(made["payment"]["next_url"], SUCCESS)  # the provider's webhook confirms it
    return stack.once(lambda: stack.deps().bulky.get(made["id"]).status == "confirmed" and made["id"],
                      "the bulky collection confirmed")


def press(page, part, choice, state):
    """The choice's button in the part's row, by its words; the row then says the part's new state."""
    row = page.locator(f"#move-parts li[data-part='{part}']")
    row.get_by_role("button", name=choice).click()
    expect(page.locator(f"#move-parts li[data-part='{part}']")).to_have_attribute("data-state", state)


def test_a_resident_makes_each_choice_the_move_offers_on_its_page(browser, back_office, pay):  # noqa: F811
    """Each choice goes to the API as the page writes it (the part's name through encodeURIComponent:
    `alert%3A...`), as API Gateway then hands it on: an alert moved and one kept, a bulky collection
    cancelled, and the new home's council tax account linked once the back office opens it."""
    stack = browser.stack
    email = stack.resident("moving.choices@example.org")
    auth = stack.token(email)
    page = browser.new_page()
    sign_in(page, email, next_path="/account/council-tax")
    fill_demo_bill(page)
    page.get_by_role("button", name="Link account").click()
    heading(page, "Council tax account 500345686")
    ward = stack.post("/v1/alerts", {"kind": "ward", "ward": "guildhall", "channels": ["email"]}, auth)["id"]
    home = stack.deps().addresses.get(CHOOSING_FROM)
    near = stack.post("/v1/alerts", {"kind": "area", "lat": float(home.lat), "lon": float(home.lon), "radius_m": 300,
                                     "channels": ["email"]}, auth)["id"]
    booking = a_bulky_collection_paid_for(stack, auth, CHOOSING_FROM)
    made = stack.post("/v1/me/moves", {"move": "within", "date": london_today().isoformat(),
                                       "from_uprn": CHOOSING_FROM, "to_uprn": CHOOSING_TO, "tenure": "sold",
                                       "people": ["Dev Patel"]}, {**auth, "Idempotency-Key": "choices-move"})

    page.goto(f"/moving/{made['id']}")
    heading(page, "Your move")
    press(page, f"alert:{ward}", "Move it to my new home", "moved")
    press(page, f"alert:{near}", "Keep it where it is", "stayed")
    press(page, f"bulky:{booking}", "Cancel it", "cancelled")
    expect(page.locator("#screen")).not_to_contain_text("Not found")
    alerts = {a["id"]: a for a in stack.get("/v1/alerts", auth)["alerts"]}
    assert near in alerts and ward not in alerts
    assert [a["ward"] for a in alerts.values() if a["kind"] == "ward"] == ["heworth"]
    assert stack.deps().bulky.get(booking).status == "cancelled"

    user_id = stack.get("/v1/me", auth)["id"]
    stack.once(lambda: any(r.get("reference") for r in stack.deps().revenue_requests.of_user(user_id)),
               "the council tax office taking the move")
    back_office.moves.open_all()  # the office works the move: the new home's account opens
    page.reload()
    press(page, "council_tax_new", "Link it to my account", "linked")
    links = stack.get("/v1/me/council-tax", auth)["links"]
    assert len(links) == 2


def test_the_bin_calendar_the_app_offers_for_my_home_lists_the_new_homes_collections_once_i_have_moved(browser):
    """The app offered a calendar app the old home's feed, which kept listing the old street's collections
    after the move. For the resident's own home it offers their own calendar, which follows them: a move
    told for today, and what the subscribed address lists is the new home's; the old home's feed stands."""
    from icalendar import Calendar
    stack = browser.stack
    email = stack.resident("moving.calendar@example.org")
    auth = stack.token(email)
    saved = urllib.request.Request(f"{stack.url}/v1/me", method="PATCH", headers={**auth, "Content-Type":
                                   "application/json"}, data=json.dumps({"uprn": CALENDAR_FROM}).encode())
    urllib.request.urlopen(saved, timeout=10).close()
    page = browser.new_page()
    sign_in(page, email, next_path=f"/property?uprn={CALENDAR_FROM}")
    heading(page, "11 Bootham")
    expect(page.locator("#bins-calendar-hint")).to_contain_text("your own calendar")
    subscribed = urlsplit(page.locator("#bins-ics").get_attribute("href")).path

    def homes_listed(path):
        with urllib.request.urlopen(stack.url + path, timeout=10) as answer:
            events = Calendar.from_ical(answer.read()).walk("VEVENT")
        return {str(e["UID"]).split("-")[0] for e in events}

    assert homes_listed(subscribed) == {CALENDAR_FROM}
    stack.post("/v1/me/moves", {"move": "within", "date": london_today().isoformat(), "from_uprn": CALENDAR_FROM,
                                "to_uprn": CALENDAR_TO, "tenure": "sold", "people": ["Dev Patel"]},
               {**auth, "Idempotency-Key": "calendar-move"})
    assert homes_listed(subscribed) == {CALENDAR_TO}
    assert homes_listed(f"/v1/places/{CALENDAR_FROM}/bins.ics") == {CALENDAR_FROM}  # whoever lives there now


def test_a_move_whose_changes_were_given_up_says_so_on_its_page_and_never_that_they_were_made(browser, monkeypatch):
    stack = browser.stack
    email = stack.resident("moving.held.up@example.org")
    page = browser.new_page()
    sign_in(page, email)
    # Signed in before the move is told: a first sign-in here names the council on the account, raising its
    # version, and a move told meanwhile (from the account as read before) is refused as changed at once.
    heading(page, "Your account")
    from chalicelib.handlers.moving import following
    with effect_held_back(monkeypatch, following, "on_move", fails=True) as released:
        move = {"move": "within", "date": london_today().isoformat(), "from_uprn": CHOOSING_FROM,
                "to_uprn": CHOOSING_TO, "tenure": "sold", "people": ["Dev Patel"]}
        made = stack.post("/v1/me/moves", move, {**stack.token(email), "Idempotency-Key": "held-up-move"})
        page.goto(f"/moving/{made['id']}")
        heading(page, "Your move")
        expect(page.locator("#move-under-way")).to_contain_text("We are making the changes now")
        released.set()
        expect(page.locator("#move-under-way")).to_have_text(
            "We could not make every change. Our team has been alerted and will make the rest.")
    expect(page.locator("#move-parts li")).to_have_count(0)
    page.reload()  # read afresh, the page says the same at once
    heading(page, "Your move")
    expect(page.locator("#move-under-way")).to_be_visible()
    expect(page.locator("#move-under-way")).to_contain_text("We could not make every change.")
    check_accessible(page, "a move given up")
