"""Front-line staff take a caller's report; administrators keep the response
templates; and none of it reaches a resident's phone."""
import re
import time
from urllib.parse import urlsplit

from playwright.sync_api import expect

from tests.web.desk import desk  # noqa: F401 (a fixture)
from tests.web.desk import Officer, heading, screen, sign_in_by_keyboard
from tests.web.journeys import sign_in


def test_staff_take_a_phone_callers_report_and_the_caller_is_sent_the_reference(desk):
    stack = desk.stack
    Officer(stack, "contact-centre@example.org")
    page = desk.new_page()
    sign_in_by_keyboard(page, "contact-centre@example.org", "/sign-in?next=/staff/take")
    heading(page, "Take a report for a caller")
    expect(page.get_by_label("Phone", exact=True)).to_be_checked()
    page.get_by_role("button", name="Send report").click()
    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Choose a category")
    page.get_by_label("Category").select_option(label="Pothole")
    page.get_by_role("button", name="Send report").click()
    expect(summary).to_contain_text("Choose how wide the pothole is")  # the category's own words
    expect(summary).to_contain_text("Find the address of the problem")
    screen(page, "staff-take-errors")

    page.get_by_label("Caller's name").fill("Colin Caller")
    page.get_by_label("Up to a car tyre").check()
    page.get_by_label("Postcode or street").fill("YO1 7HH")
    page.get_by_role("button", name="Find", exact=True).click()
    page.get_by_label("Choose the nearest address").select_option(index=1)
    expect(page.locator("#chosen-place")).to_contain_text("Micklegate")
    page.get_by_label("What the caller says").fill("Pothole outside the caller's house, reported by phone")
    page.get_by_role("button", name="Send report").click()
    # No e-mail or phone: asked for on the desk's own page, before the API, in the question's words.
    expect(summary).to_contain_text("Enter the caller's email address or phone number")
    page.get_by_label("Caller's email address").fill("colin@example.org")
    page.get_by_role("button", name="Send report").click()

    heading(page, "Report taken")
    reference = page.locator("#reference").inner_text()
    assert re.fullmatch(r"DS-[0-9A-Z]{6}", reference)
    screen(page, "staff-take-done")
    page.get_by_role("link", name="Open the report").click()
    heading(page, reference)
    expect(page.locator("#report-details")).to_contain_text("Colin Caller")
    expect(page.locator("#report-details")).to_contain_text("(Phone)")
    expect(page.locator("#audit")).to_contain_text("Taken for a caller")
    stored = stack.reports_described("Pothole outside the caller's house, reported by phone")
    assert [r.id for r in stored] == [reference] and "Micklegate" in stored[0].address
    deadline = time.monotonic() + 60  # a wait, not a timing: a busy machine is slower
    while not any(reference in m.body for m in stack.mail_to("colin@example.org")):
        assert time.monotonic() < deadline, "the caller was not sent the reference"
        time.sleep(0.2)


def test_an_administrator_adds_a_template_that_staff_then_choose_from(desk):
    stack = desk.stack
    Officer(stack, "admin@example.org", role="admin")
    Officer(stack, "officer@example.org")
    report = stack.report(description="A pothole for the new template")
    page = desk.new_page()
    sign_in_by_keyboard(page, "admin@example.org", "/sign-in?next=/staff/templates")
    heading(page, "Response templates")
    expect(page.locator("#templates")).to_contain_text("Inspection booked")
    screen(page, "staff-templates")
    page.get_by_role("link", name="Add a template").click()
    heading(page, "Add a template")
    page.get_by_role("button", name="Save template").click()
    expect(page.locator(".error-summary")).to_be_focused()
    page.get_by_label("Title").fill("Crew booked")
    page.get_by_label("Text").fill("A crew will repair {reference} by {colour}.")
    page.get_by_label("State", exact=True).select_option(label="Action scheduled")
    page.get_by_label("Pothole").check()
    page.get_by_role("button", name="Save template").click()
    expect(page.locator(".error-summary")).to_contain_text("colour")  # not a placeholder the public may read
    page.get_by_label("Text").fill("A crew will repair {reference} by {due}.")
    screen(page, "staff-template-edit")
    page.get_by_role("button", name="Save template").click()
    heading(page, "Response templates")
    expect(page.locator("#templates tr", has_text="Crew booked")).to_contain_text("Pothole")

    officer = desk.context.browser.new_context(base_url=stack.url, viewport={"width": 1280, "height": 900})
    try:
        other = officer.new_page()
        sign_in(other, "officer@example.org", "/staff/templates")
        heading(other, "Response templates")
        expect(other.locator("#templates")).to_contain_text("Crew booked")
        expect(other.get_by_role("link", name="Add a template")).to_have_count(0)
        other.goto(f"/staff/reports/{report['id']}")
        other.get_by_label("Template").select_option(label="Crew booked")
        # The preview fills the placeholders as the message will: the report's reference and the due date.
        expect(other.locator("#template-preview")).to_have_text(
            re.compile(rf"^A crew will repair {re.escape(report['id'])} by \d{{1,2}} \w+ \d{{4}}\.$"))
        other.get_by_role("button", name="Save changes").click()
        expect(other.locator("#saved")).to_be_visible()
        expect(other.locator("#report-details")).to_contain_text("Action scheduled")
    finally:
        officer.close()


def test_a_residents_phone_loads_nothing_of_the_staff_screens(browser):
    stack = browser.stack
    page = browser.new_page()
    fetched = []
    page.on("request", lambda r: fetched.append(r.url))
    page.goto("/")
    heading(page, "Your council")
    page.wait_for_load_state("networkidle")
    sign_in(page, stack.resident("not-staff@example.org"))
    heading(page, "Your account")
    expect(page.get_by_role("link", name="Staff")).to_have_count(0)
    page.wait_for_load_state("networkidle")
    # The sign-in page asks which directories the council's officers sign in with (a public list, shared
    # by everyone who signs in); the staff screens' code and their data are what a resident never loads.
    staff_screens = ("/js/staff/", "/v1/staff")
    assert not [url for url in fetched if any(part in urlsplit(url).path for part in staff_screens)]
    assert any(urlsplit(url).path.startswith("/js/screens/") for url in fetched)  # the watch saw the screens load
    # A resident who finds the address is told whom it is for; the API would refuse them anyway.
    page.goto("/staff")
    heading(page, "For council staff")
    assert not [url for url in fetched if "/v1/staff" in url]
