"""A council's administrator changes its settings on the desk: York's colour,
a bin-day word, a service it does not offer and its data protection officer
(shown in its privacy notice); each refusal is shown at its field. York's site shows the change at once; North Lanarkshire's site, the same
app at its own address (northlanarkshire.localhost), is as it was."""
import re
import uuid
from urllib.parse import urlsplit

from playwright.sync_api import expect

from tests.web.browser import Browser
from tests.web.desk import desk  # noqa: F401 (a fixture)
from tests.web.desk import heading, screen, sign_in_by_keyboard

YORK_GREEN, NL_PURPLE = "rgb(11, 90, 50)", "rgb(90, 45, 130)"


def at_north_lanarkshire(stack):
    """The stack's address under North Lanarkshire's name: Chromium takes any *.localhost to this machine."""
    return f"http://northlanarkshire.localhost:{urlsplit(stack.url).port}"


def home(browser, base_url):
    page = browser.new_page()
    page.goto(f"{base_url}/")
    heading(page, "Your council, on your doorstep")
    return page


def test_yorks_administrator_changes_its_colour_a_bin_day_word_and_a_service_and_north_lanarkshire_is_unchanged(
        desk, chromium, stack):
    from chalicelib.councils import settings
    from chalicelib.storage.councils import CouncilStore
    store = CouncilStore()
    before, version = store.get("york", consistent=True)
    admin = f"admin.{uuid.uuid4().hex[:6]}@york.example.gov.uk"
    stack.resident(admin, name="Ada Admin", role="admin")
    resident = Browser(chromium, stack)
    try:
        page = desk.new_page()
        sign_in_by_keyboard(page, admin, "/sign-in?next=/staff/council")
        heading(page, "Council settings")
        screen(page, "staff-council-settings")
        page.get_by_label("Colour").fill("#ffdd00")  # white words cannot be read on yellow
        page.get_by_label("By phone").fill("3.39")  # pounds where pence are asked for
        page.get_by_label("Find words to change").fill("bin days")
        page.get_by_role("button", name="Find words").click()
        page.get_by_role("button", name="Change “Bin days” (home.bin_days)").click()
        page.get_by_label("Instead of “Bin days”").fill("Bin collection days")
        page.get_by_label("Planning applications near you").uncheck()
        page.get_by_label("Name of the officer or team").fill("Information Governance Team")
        page.get_by_label("Their email address").fill("dpo@york")  # no domain: the notice could not use it
        page.get_by_role("button", name="Save settings").click()

        summary = page.locator(".error-summary")
        expect(summary).to_be_focused()
        expect(summary).to_contain_text("too light for the header's white words")
        colour = page.locator(".form-group--error").filter(has=page.get_by_label("Colour"))
        expect(colour.locator(".error-message")).to_contain_text("Colour is too light")
        phone = page.locator(".form-group--error").filter(has=page.get_by_label("By phone"))
        expect(phone.locator(".error-message")).to_contain_text("By phone must be a whole number")
        dpo = page.locator(".form-group--error").filter(has=page.get_by_label("Their email address"))
        expect(dpo.locator(".error-message")).to_contain_text("Their email address must be an email address")
        screen(page, "staff-council-settings-refused")
        assert store.get("york", consistent=True)[1] == version  # nothing of it applied

        page.get_by_label("Colour").fill("#0B5A32")
        page.get_by_label("By phone").fill("450")
        page.get_by_label("Their email address").fill("dpo@york.example.gov.uk")
        page.get_by_role("button", name="Save settings").click()
        expect(page.locator("#council-status")).to_have_text(re.compile("^Settings saved"))
        expect(page.locator("#council-history li").first).to_contain_text("by " + admin)
        expect(page.locator("#council-history")).to_contain_text("branding.colour: #1d4f91 to #0b5a32")
        expect(page.locator("#council-history")).to_contain_text('channel_costs: None to {"phone":450}')
        expect(page.get_by_label("By phone")).to_have_value("450")

        yorks = home(resident, stack.url)
        expect(yorks.get_by_role("link", name="Bin collection days")).to_be_visible()
        expect(yorks.get_by_role("link", name="Planning applications near you")).to_have_count(0)
        expect(yorks.locator(".header")).to_have_css("background-color", YORK_GREEN)
        yorks.goto(f"{stack.url}/privacy")
        expect(yorks.locator("#dpo")).to_have_text("The council's data protection officer is Information Governance "
                                                   "Team: email dpo@york.example.gov.uk.")
        yorks.goto(f"{stack.url}/")
        heading(yorks, "Your council, on your doorstep")
        expect(yorks.locator("#brand")).to_have_text("City of York Council")
        expect(yorks).to_have_title("Your council, on your doorstep – City of York Council")

        theirs = home(resident, at_north_lanarkshire(stack))
        expect(theirs.locator("#brand")).to_have_text("North Lanarkshire Council")
        expect(theirs.locator(".header")).to_have_css("background-color", NL_PURPLE)
        expect(theirs.get_by_role("link", name="Bin days", exact=True)).to_be_visible()
        expect(theirs.get_by_role("link", name="Planning applications near you")).to_be_visible()
        expect(theirs.locator("#footer")).to_contain_text("Phone the council on 01698 403200.")
        screen(theirs, "home-north-lanarkshire")
    finally:
        resident.close()
        current = store.get("york", consistent=True)[1]
        if current != version:  # the stack's York as the other journeys know it
            settings.write(store, before, current, stack.deps().clock(), "test")
