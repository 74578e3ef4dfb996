"""A new café at Newcastle-under-Lyme's address, told once in the browser: the owner is offered small
business rate relief (from the borough's own local Civica), trade waste and the premises licence, follows
the licence's link and reaches licensing's application with the café's name and address already there.
The moment is pinned on the business routes' own clock (as the school places' journey pins its own)."""
import re
import types
from datetime import datetime, timezone
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from tests.web.browser import PASSWORD, Browser, check_accessible
from tests.web.journeys import heading, pressed_and_made_after, sign_in
from tests.web.test_bulky import fill_the_card_page, pay  # noqa: F401  (pay: a fixture, the local card provider)
from support.pay_support import SUCCESS

LONDON = ZoneInfo("Europe/London")
MORNING = datetime(2026, 11, 24, 10, 0, tzinfo=LONDON)  # a Tuesday, outside the Civica's nightly window
BOROUGH = "newcastle-under-lyme"
CORNER_CAFE = "990100000901"  # Unit 1, 24 High Street: rateable value £13,500 (civica_nndr.py)


@pytest.fixture
def borough(stack, chromium, monkeypatch, pay):  # noqa: F811
    """The borough's address, its business routes' clock pinned, its revenues at a local Civica of its own and
    its card payments at the test's local provider (an account of its own, as `make run` gives it)."""
    from chalicelib.api import http
    from chalicelib.councils import registry, settings
    from chalicelib.handlers.business import routes
    from chalicelib.storage.councils import CouncilStore
    from doorstep_cli.local.civica import CivicaBackOffice
    shim = types.SimpleNamespace(**{name: getattr(http, name) for name in dir(http) if not name.startswith("__")})
    shim.deps = lambda: http.deps().replace(clock=lambda: MORNING.astimezone(timezone.utc))
    monkeypatch.setattr(routes, "http", shim)
    store = CouncilStore()
    before, version = store.get(BOROUGH, consistent=True)
    with CivicaBackOffice(clock=lambda: MORNING, council=BOROUGH) as office:
        offices = dict(before["back_offices"], revenues={**before["back_offices"]["revenues"], "url": office.url},
                       payments={"url": pay.origin, "account": "test", "accounts": {"test": {
                           "api_key": {"secret": "pay-api-key"}, "webhook_secret": {"secret": "pay-webhook-secret"}}}})
        from chalicelib.keystore import council_variable
        monkeypatch.setenv(council_variable(BOROUGH, "pay-api-key"), pay.api_key)
        monkeypatch.setenv(council_variable(BOROUGH, "pay-webhook-secret"), pay.webhook_secret)
        now = settings.write(store, dict(before, back_offices=offices), version, stack.deps().clock(), "test")
        registry.forget()
        phone = Browser(chromium, stack, base_url=f"http://newcastle.localhost:{urlsplit(stack.url).port}")
        try:
            yield phone
        finally:
            phone.close()
            settings.write(store, before, now, stack.deps().clock(), "test")
            registry.forget()


def test_a_new_cafe_owner_tells_us_once_and_reaches_the_premises_licence_application_with_the_cafe_filled_in(
        stack, borough, monkeypatch):
    from chalicelib import tenancy
    from chalicelib.deps import default_deps
    from chalicelib.handlers.accounts import users
    with tenancy.acting_for(BOROUGH):
        users.create_user(default_deps(stack.url), "cafe.owner@example.org", "resident", name="Bea Barista",
                          password=PASSWORD)
    page = borough.new_page()
    sign_in(page, "cafe.owner@example.org", next_path="/business")
    heading(page, "Tell us you are starting a business")
    page.get_by_label("Your premises' postcode or street").fill("ST5 1QL")
    page.get_by_role("button", name="Find addresses").click()
    page.get_by_label("Choose your premises").select_option(CORNER_CAFE)
    page.get_by_label("A café").check()
    page.get_by_label("What were the premises last used for?").select_option("shop")
    for part, value in zip(("Day", "Month", "Year"), ("1", "12", "2026")):
        page.get_by_label(part, exact=True).fill(value)
    page.get_by_label("The business's trading name").fill("The Corner Cafe")
    page.get_by_label("A person").check()
    page.get_by_label("Their full name, or the company's name").fill("Bea Barista")
    check_accessible(page, "business: telling us once")
    from chalicelib.handlers.business import following
    pressed_and_made_after(page, monkeypatch, (following, "on_start"), "Tell us about the business",
                           "Your business", "#business-under-way", "We are telling the services now",
                           "We have told the services.")
    parts = page.locator("#business-parts")
    expect(parts.locator('[data-part="business_rates"]')).to_have_attribute("data-state", "sent")
    expect(parts.locator('[data-part="business_rates"]')).to_contain_text("Small business rate relief: 50% off")
    expect(parts.locator('[data-part="trade_waste"]')).to_have_attribute("data-state", "offered")
    expect(parts.locator('[data-part="trade_waste"]')).to_contain_text("Trade waste: Choose bins")  # named once
    licence = parts.locator('[data-part="licence:premises-licence"]')
    expect(licence).to_have_attribute("data-state", "not_applied")
    check_accessible(page, "business: a café's page, every part in one place")
    business_page = page.url
    licence.get_by_role("link", name="Apply for the Premises licence").click()
    heading(page, "Premises licence")
    expect(page.get_by_label("Name of the premises or event")).to_have_value("The Corner Cafe")
    expect(page.get_by_label("Address of the premises")).to_have_value(re.compile(r"^Unit 1, 24 High Street.*ST5 1QL"))
    assert urlsplit(page.url).hostname == "newcastle.localhost"
    # The premises licence form's questions (the borough's form): a café selling no alcohol names no supervisor.
    page.get_by_label("Hot food or drink between 11pm and 5am").check()
    page.get_by_label("The days and hours of each activity").fill("Hot drinks until midnight on Fridays")
    page.get_by_label("The hours the premises are open to the public").fill("7am to midnight")
    page.get_by_label("The most people on the premises at any one time").fill("30")
    page.get_by_label("A general description of the premises").fill("A small café on the High Street.")
    for objective in ("prevent crime and disorder", "keep the public safe", "prevent public nuisance",
                      "protect children from harm"):
        page.get_by_label(f"The steps you will take to {objective}").fill("Staff on the counter; CCTV.")
    page.get_by_label("A phone number the licensing team can call you on").fill("01782 000444")
    # Applied and paid on the borough's own card account: the business's page shows the case with its reference
    # and the state the payment left it in.
    page.get_by_role("button", name="Continue to pay").click()
    fill_the_card_page(page, SUCCESS, "£100.00")  # band A, the first offered
    page.wait_for_url(re.compile(r"newcastle\.localhost:\d+/licensing/cases/LC-"))
    page.goto(business_page)
    licence = page.locator('#business-parts [data-part="licence:premises-licence"]')
    expect(licence).to_have_attribute("data-state", "applied")
    expect(licence).to_contain_text(re.compile(r"you applied \(reference LC-[0-9A-Z]+\): received, being considered"))
    expect(licence.get_by_role("link", name="See your application")).to_be_visible()
