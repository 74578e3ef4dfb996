"""A new resident finds their own way from the home page, on a 360 px phone
and with the keyboard alone, to the first screen of each of the five tasks
residents come for: bin days and the nearest library, a pothole report, a
petition, a chat asked from their property, and a bulky collection (through
its sign-in wall, which says why, and back to the same place). A second phone
signed in to the same account is offered the booking's address rather than
asked for a postcode. axe-core finds nothing on any screen on the way."""
import uuid

import pytest
from playwright.sync_api import expect

from tests.web.browser import Browser, check_accessible
from tests.web.desk import tab_to
from tests.web.journeys import heading
from tests.web.test_bulky import pay  # noqa: F401  (a fixture: the local payment provider)

PHONE_360 = {"viewport": {"width": 360, "height": 740}}
HOME = "3 Micklegate, York"


@pytest.fixture
def phone(chromium, stack):
    made = Browser(chromium, stack, **PHONE_360)
    yield made
    made.close()


def press(page, target):
    """Reach `target` with Tab, as a keyboard user would, and press Enter on it."""
    tab_to(page, target)
    page.keyboard.press("Enter")


def choose(page, label, most=40):
    """A radio: Tab into its group, then the arrow keys to it (which choose it too)."""
    target = page.get_by_label(label, exact=True)
    tab_to(page, page.locator(f"input[type=radio][name='{target.get_attribute('name')}']").first)
    for _ in range(most):
        if target.evaluate("el => el === document.activeElement"):
            if not target.is_checked():
                page.keyboard.press("Space")  # the first of a group is reached unchosen
            expect(target).to_be_checked()
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"the arrow keys never reached {label}")


def type_in(page, label, text):
    tab_to(page, page.get_by_label(label, exact=True))
    page.keyboard.type(text)


def home(page):
    """Back to the home page by the header's link (no web address typed)."""
    press(page, page.locator("#brand"))
    heading(page, "Your council")


def fits(page, name):
    check_accessible(page, name)
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 360, f"{name} is {width} px wide on a 360 px phone"


def test_a_new_resident_reaches_the_five_tasks_from_the_home_page_by_keyboard_at_360_px(chromium, phone, pay):  # noqa: F811,E501
    stack = phone.stack
    email = stack.resident("home.journey@example.org", name="Hana Home")
    page = phone.new_page()
    page.goto("/")  # the only address typed
    heading(page, "Your council")
    for group in ("Bins and waste", "Problems in the street", "Pay", "Have your say", "Ask us", "Your account"):
        expect(page.get_by_role("heading", level=2, name=group, exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Sign in", exact=True)).to_be_visible()  # a guest is offered it
    fits(page, "home")

    # Bin days, by a street and house number, and the nearest library.
    press(page, page.get_by_role("link", name="Bin days", exact=True))
    heading(page, "Bin days and councillors")
    type_in(page, "Postcode or street", "3 Micklegate")
    page.keyboard.press("Enter")
    expect(page.get_by_label("Choose your address")).to_have_value("990000000003")
    fits(page, "bin days: the address")
    press(page, page.get_by_role("button", name="Continue"))
    heading(page, HOME)
    expect(page.locator("#bins .card")).not_to_have_count(0)
    fits(page, "bin days")
    home(page)
    press(page, page.get_by_role("link", name="Find your nearest"))
    heading(page, "Find your nearest")
    choose(page, "Libraries")
    press(page, page.get_by_role("button", name="Use my current location"))
    expect(page.get_by_role("heading", name="Libraries: nearest to your current location")).to_be_focused()
    fits(page, "find: the nearest library")

    # A pothole: the report's first screens.
    home(page)
    press(page, page.get_by_role("link", name="Report a problem"))
    heading(page, "What is the problem?")
    choose(page, "Pothole")
    fits(page, "report: what")
    press(page, page.get_by_role("button", name="Continue"))
    heading(page, "Where is the problem?")
    fits(page, "report: where")

    # A petition.
    home(page)
    press(page, page.get_by_role("link", name="Petitions"))
    heading(page, "Petitions")
    fits(page, "petitions")

    # A chat, asked from the property (remembered: the home page names it).
    home(page)
    press(page, page.get_by_role("link", name=f"Bin days for {HOME}"))
    heading(page, HOME)
    press(page, page.get_by_role("link", name="Ask us: chat with the council"))
    heading(page, "Ask us")
    fits(page, "chat from the property")

    # A bulky collection: the wall says why, and signing in goes back to the booking form.
    home(page)
    press(page, page.get_by_role("link", name="Book a bulky waste collection"))
    heading(page, "Sign in")
    expect(page.locator("#sign-in-why")).to_contain_text("Sign in to book a bulky waste collection.")
    fits(page, "sign in: why, for bulky")
    type_in(page, "E-mail address", email)
    page.keyboard.press("Tab")
    page.keyboard.type("correct horse battery staple")
    page.keyboard.press("Enter")
    heading(page, "Book a bulky waste collection")
    assert "uprn=990000000003" in page.url
    fits(page, "bulky: the first screen")
    home(page)
    expect(page.get_by_role("link", name="Sign in", exact=True)).to_have_count(0)  # a member is not offered it
    expect(page.get_by_role("link", name="Your account")).to_be_visible()

    # A booking made for another address: a second phone, signed in, is offered it, not asked for a postcode.
    auth = stack.token(email)
    day = stack.get("/v1/places/990000000001/bulky/dates", auth)["dates"][-1]["date"]
    stack.post("/v1/waste/bulky/bookings", {"uprn": "990000000001", "date": day, "items": ["sofa"],
                                            "location": "By the front gate"}, {**auth, "Idempotency-Key": str(uuid.uuid4())})
    other = Browser(chromium, stack, **PHONE_360)
    try:
        second = other.new_page()
        second.goto("/")
        press(second, second.get_by_role("link", name="Sign in", exact=True))
        type_in(second, "E-mail address", email)
        second.keyboard.press("Tab")
        second.keyboard.type("correct horse battery staple")
        second.keyboard.press("Enter")
        heading(second, "Your council")  # back where they were
        press(second, second.get_by_role("link", name="Garden waste collection"))
        heading(second, "Garden waste collection")
        expect(second.locator("#my-property")).to_contain_text("1 Micklegate")
        fits(second, "garden: the account's address offered")
        press(second, second.get_by_role("link", name="Use this address"))
        heading(second, "Garden waste collection")
        assert "uprn=990000000001" in second.url
    finally:
        other.close()
