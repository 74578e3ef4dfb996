"""A new resident finds their own way from the home page, on a 360 px phone
and with the keyboard alone, through four of the five tasks residents come
for, each to its end: bin days and the nearest library, a pothole the county
takes (the sent page says so), a chat asked from their property (queued, its
place shown), and a bulky collection (through its sign-in wall, which says
why, and back to the same place), paid on the provider's card page. The fifth,
signing a petition, starts from the home page in tests/web/test_petitions.py,
where there is an open petition to sign. A second phone signed in to the same
account is offered the booking's address rather than asked for a postcode.
axe-core finds nothing on any screen on the way."""
import re
import uuid

import pytest
from playwright.sync_api import expect

from support.pay_support import SUCCESS, card_expiry
from tests.web.browser import Browser, check_accessible
from tests.web.desk import tab_to
from tests.web.journeys import heading
from tests.web.test_bulky import pay  # noqa: F401  (a fixture: the local payment provider)

PHONE_360 = {"viewport": {"width": 360, "height": 740}}
HOME = "3 Micklegate, York"
OUTSIDE_THE_CENTRE = {"latitude": 53.9900, "longitude": -1.1200}  # York, past the city walls
COUNTY = "North Yorkshire Council (highways)"


@pytest.fixture
def county(stack):
    """The demo's two-tier routing: the county takes potholes outside the city
    centre (by e-mail here, so nothing waits on its Open311 server)."""
    from doorstep_cli.demo_bodies import demo_bodies
    deps = stack.deps()
    body = demo_bodies(deps)[1]
    body.id, body.send_method, body.email = "web-north-yorkshire", "email", "highways@northyorks.example"
    deps.bodies.save(body, new=True)
    yield body
    body = deps.bodies.get(body.id)
    body.retired = True
    deps.bodies.save(body)  # the stack's other tests report where they like


@pytest.fixture
def open_chat(monkeypatch):
    monkeypatch.setenv("DOORSTEP_CHAT_HOURS", "Mon-Sun 00:00-23:59")  # open whenever the suite runs


@pytest.fixture
def phone(chromium, stack):
    made = Browser(chromium, stack, geolocation=OUTSIDE_THE_CENTRE, **PHONE_360)  # where the county mends the roads
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


def pay_by_keyboard(page):
    """The local provider's card page, as GOV.UK Pay's: filled in and sent with the keyboard."""
    page.wait_for_url(re.compile(r"/secure/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Enter card details")
    fits(page, "the provider's card page")
    for label, text in (("Card number", SUCCESS), ("Expiry date (MM/YY)", card_expiry()), ("Name on card", "Hana Home"),
                        ("Card security code", "123")):
        type_in(page, label, text)
    press(page, page.get_by_role("button", name="Continue"))


def test_a_new_resident_does_four_tasks_from_the_home_page_by_keyboard_at_360_px(chromium, phone, pay, county, open_chat):  # noqa: F811,E501
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
    heading(page, HOME)  # one address found: straight to it, no list of one to pick from
    expect(page.locator("#bins .card")).not_to_have_count(0)
    fits(page, "bin days")
    home(page)
    press(page, page.get_by_role("link", name="Find your nearest"))
    heading(page, "Find your nearest")
    choose(page, "Libraries")
    press(page, page.get_by_role("button", name="Use my current location"))
    expect(page.get_by_role("heading", name="Libraries: nearest to your current location")).to_be_focused()
    expect(page.locator("#results .card").first.get_by_role("link", name="Directions")).to_be_visible()
    fits(page, "find: the nearest library")

    # A bulky collection: the wall says why, and signing in goes back to the booking form.
    home(page)
    press(page, page.get_by_role("link", name="Book a bulky waste collection"))
    heading(page, "Sign in")
    expect(page.locator("#sign-in-why")).to_contain_text("Sign in to book a bulky waste collection.")
    fits(page, "sign in: why, for bulky")
    type_in(page, "Email address", email)
    page.keyboard.press("Tab")
    page.keyboard.type("correct horse battery staple")
    page.keyboard.press("Enter")
    heading(page, "Book a bulky waste collection")
    assert "uprn=990000000003" in page.url
    fits(page, "bulky: the first screen")
    tab_to(page, page.get_by_label("Sofa or settee", exact=True))
    page.keyboard.press("Space")  # the item first: then how many
    expect(page.locator("#bulky-total")).to_contain_text("Total to pay: £25.00 (items: 1)")
    tab_to(page, page.locator("input[name=date]").first)
    page.keyboard.press("Space")
    type_in(page, "Where will you leave the items? (optional)", "By the front gate")
    fits(page, "bulky: chosen")
    press(page, page.get_by_role("button", name="Continue to payment"))
    pay_by_keyboard(page)
    heading(page, "Booking confirmed")  # back in the app, the payment checked with the provider
    expect(page.locator("#booking")).to_contain_text("£25.00")
    fits(page, "bulky: booking confirmed")
    home(page)
    expect(page.get_by_role("link", name="Sign in", exact=True)).to_have_count(0)  # a member is not offered it
    expect(page.get_by_role("link", name="Your account")).to_be_visible()

    # A pothole outside the city centre: the county takes it, and every step says so. Signed in by now, the
    # report and the chat count against the account's own allowance, not the suite's shared 127.0.0.1.
    press(page, page.get_by_role("link", name="Report a problem"))
    heading(page, "What is the problem?")
    choose(page, "Pothole")
    fits(page, "report: what")
    press(page, page.get_by_role("button", name="Continue"))
    heading(page, "Where is the problem?")
    press(page, page.get_by_role("button", name="Use my current location"))
    expect(page.locator("#goes-to")).to_have_text(f"This will be sent to {COUNTY}.")
    expect(page.locator("#who-takes-it")).to_have_attribute("data-state", "settled")
    fits(page, "report: where, the county takes it")
    press(page, page.get_by_role("button", name="Continue"))
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Is it one of these|Tell us about"))
    if "one of these" in page.get_by_role("heading", level=1).inner_text():
        press(page, page.get_by_role("button", name="No, mine is a new problem"))
    heading(page, "Tell us about")
    choose(page, "Up to a car tyre")
    type_in(page, "Describe the problem", "A deep pothole on the road out of town")
    fits(page, "report: details")
    press(page, page.get_by_role("button", name="Continue"))
    heading(page, "Your details")
    expect(page.locator("#sent-to")).to_have_text(f"This will be sent to {COUNTY}.")
    fits(page, "report: your details")
    press(page, page.get_by_role("button", name="Send report"))
    heading(page, "Report sent")
    expect(page.locator("#who-and-when #sent-to")).to_have_text(f"It has gone to {COUNTY}.")
    expect(page.locator("#who-and-when #target")).to_contain_text(f"{COUNTY} aim")  # whose target it is
    fits(page, "report: sent to the county")

    # A chat, asked from the property (remembered: the home page names it).
    home(page)
    press(page, page.get_by_role("link", name=f"Bin days for {HOME}"))
    heading(page, HOME)
    press(page, page.get_by_role("link", name="Ask us: chat with the council"))
    heading(page, "Ask us")
    fits(page, "chat from the property")
    expect(page.get_by_label("Your name")).to_have_count(0)  # signed in: the account says who is asking
    type_in(page, "Your question", "Can I put a mattress out with my bins?")
    press(page, page.get_by_role("button", name="Send", exact=True))
    heading(page, "Your conversation with the council")
    expect(page.locator("#chat-queue")).to_have_text(re.compile(r"You are number \d+ in the queue\."))
    fits(page, "chat: waiting, its place shown")

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
        type_in(second, "Email address", email)
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
