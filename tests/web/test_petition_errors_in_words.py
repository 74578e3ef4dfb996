"""A petition's forms say what is wrong as GOV.UK does, in each field's own
words, every empty field at once; a signed-in resident finds their name and
e-mail already filled in."""
from playwright.sync_api import expect

from tests.web.browser import check_accessible
from tests.web.journeys import heading, sign_in

NARROW = {"width": 360, "height": 740}
VALIDATOR_WORDS = ("Is required", "(true)", "Must be", "Full name:", "Where you are:")


def open_petition(stack):
    """Published at the stack's own moment (its clock), so it is open whenever the test runs."""
    from tests.support.petition_support import published
    deps = stack.deps()
    return published(deps, moment=deps.clock())


def summary_says(page, *sentences):
    summary = page.locator(".error-summary")
    expect(summary.locator("li")).to_have_count(len(sentences))
    for sentence in sentences:
        expect(summary).to_contain_text(sentence)
    for words in VALIDATOR_WORDS:
        expect(summary).not_to_contain_text(words)


def test_an_empty_signature_is_told_each_missing_field_in_its_own_words(browser, monkeypatch):
    monkeypatch.setenv("DOORSTEP_PETITION_CLIENT_LIMIT", "1000/60")
    petition = open_petition(browser.stack)
    page = browser.new_page()
    page.set_viewport_size(NARROW)
    page.goto(f"/petitions/{petition['id']}")
    page.get_by_role("button", name="Sign", exact=True).click()
    summary_says(page, "Enter your full name", "Enter your email address", "Enter your postcode",
                 "Confirm that you live, work or study in the council's area")
    for label in ("Full name", "Email address", "Postcode"):
        expect(page.get_by_label(label, exact=True)).to_have_attribute("aria-invalid", "true")
    check_accessible(page, "petition signing: every field missing")

    page.get_by_label("Full name", exact=True).fill("Ada Resident")
    page.get_by_label("Email address", exact=True).fill("ada.example.org")
    page.get_by_label("Postcode", exact=True).fill("3 Micklegate")
    page.get_by_label("I live, work or study in the council's area").check()
    page.get_by_role("button", name="Sign", exact=True).click()
    summary_says(page, "Enter an email address in the correct format, like name@example.com",
                 "Enter a real postcode, like YO1 7HH")
    check_accessible(page, "petition signing: wrong email and postcode")


def test_a_signed_in_resident_finds_their_name_and_email_filled_in(browser):
    stack = browser.stack
    petition = open_petition(stack)
    email = stack.resident("petition.reader@example.org", name="Rita Reader")
    page = browser.new_page()
    page.set_viewport_size(NARROW)
    sign_in(page, email)
    heading(page, "Your account")
    page.goto(f"/petitions/{petition['id']}")
    expect(page.get_by_label("Full name", exact=True)).to_have_value("Rita Reader")
    expect(page.get_by_label("Email address", exact=True)).to_have_value(email)
    page.get_by_role("button", name="Sign", exact=True).click()
    summary_says(page, "Enter your postcode", "Confirm that you live, work or study in the council's area")
    check_accessible(page, "petition signing: signed in")


def test_an_empty_new_petition_is_told_what_to_write(browser):
    email = browser.stack.resident("petition.starter@example.org")
    page = browser.new_page()
    page.set_viewport_size(NARROW)
    sign_in(page, email, next_path="/petitions/new")
    heading(page, "Start a petition")
    page.get_by_role("button", name="Start petition").click()
    summary_says(page, "Enter what you want the council to do", "Enter why you want it")
    check_accessible(page, "petition start: nothing written")
