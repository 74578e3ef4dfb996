"""A form on a phone, the issue's whole journey: the grant enquiry on a
360 px phone, the charity's branch, two files, saved and opened again from
the e-mailed link in another browser, check your answers (only the pages
taken), sent, a reference at once and a copy by e-mail; staff then see the
case in their inbox with the form's own due date, take it up, and the
resident opens their case from the e-mail saying so, with no account."""
import re
from datetime import date

import pytest
from playwright.sync_api import expect

from tests.web.browser import Browser, check_accessible
from tests.web.desk import DESKTOP, Officer
from tests.web.journeys import heading, phone_photo, sign_in

NARROW = {"width": 360, "height": 740}
EMAIL = "grants.ask@example.org"


def phone(chromium, stack):
    return Browser(chromium, stack, viewport=NARROW)


def fits(page):
    """Nothing wider than the 360 px phone (a long answer or file name wraps)."""
    assert page.evaluate("() => document.documentElement.scrollWidth") <= NARROW["width"]


def test_a_charity_asks_about_a_grant_leaves_and_comes_back_on_another_browser(chromium, stack, tmp_path):
    first = phone(chromium, stack)
    page = first.new_page()
    page.goto("/forms")
    heading(page, "Forms")
    check_accessible(page, "forms")
    page.get_by_role("link", name="Apply for a Blue Badge").click()
    expect(page.locator("#form-link-out")).to_contain_text("Blue Badges are applied for on GOV.UK")
    expect(page.get_by_role("link", name="Apply on GOV.UK")).to_have_attribute("href", "https://www.gov.uk/apply-blue-badge")
    check_accessible(page, "form link out")
    page.go_back()
    page.get_by_role("link", name="Ask about a community grant").click()
    heading(page, "Ask about a community grant")
    check_accessible(page, "form start")
    page.get_by_role("button", name="Start now").click()

    heading(page, "Who is asking for the grant?")  # one question: the question is the page's heading
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".error-summary")).to_contain_text("Select who is asking for the grant")
    check_accessible(page, "form page with errors")
    page.get_by_label("A registered charity").check()
    page.get_by_role("button", name="Continue").click()

    heading(page, "About the charity")
    page.get_by_label("Name of the charity").fill("York Community Larder")
    page.get_by_label("Registered charity number").fill("123456789")  # one digit too many
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".error-summary")).to_contain_text("Registered charity number must be 8 characters or fewer")
    page.get_by_label("Registered charity number").fill("1234567")
    page.get_by_role("button", name="Continue").click()

    heading(page, "The charity's latest accounts")
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Choose a file").click()
    chooser.value.set_files([phone_photo(tmp_path, "accounts-1.jpg"), phone_photo(tmp_path, "accounts <b>2.jpg")])
    expect(page.locator(".file-list li")).to_have_count(2)
    check_accessible(page, "form file question")
    fits(page)
    page.get_by_role("link", name="Save and come back later").click()  # straight after the files: they are kept
    heading(page, "Save your form and come back later")
    page.get_by_label("Your email address").fill(EMAIL)
    page.get_by_role("button", name="Save and email me the link").click()
    code = page.locator("#form-code").inner_text()
    assert re.fullmatch(r"\d{6}", code)
    check_accessible(page, "form saved")
    first.close()

    link = stack.link_in_mail(EMAIL, "/forms/resume")
    second = phone(chromium, stack)  # another browser: nothing of the first one's
    page = second.new_page()
    page.goto(link)
    heading(page, "Carry on with your form")
    check_accessible(page, "form resume")
    page.get_by_label("Code").fill(code)
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_label("What would the grant pay for?")).to_be_visible()  # two questions: the form's title heads it
    page.get_by_label("What would the grant pay for?").fill("A chest freezer for the larder")
    page.get_by_label("Amount you would ask for, in pounds").fill("650")
    page.get_by_role("button", name="Continue").click()
    heading(page, "How we contact you")
    page.get_by_label("First name").fill("Priya")
    page.get_by_label("Last name").fill("Shah")
    page.get_by_label("Your email address").fill(EMAIL)
    page.get_by_role("button", name="Continue").click()

    heading(page, "Check your answers")
    answers = page.locator("#form-answers")
    expect(answers).to_contain_text("York Community Larder")
    # each file by the name it had on the phone and its size, as text (the <b> is not markup)
    expect(answers).to_contain_text(re.compile(r"accounts-1\.jpg \(\d+ KB\), accounts <b>2\.jpg \(\d+ KB\)"))
    expect(answers.locator("b")).to_have_count(0)
    expect(answers).not_to_contain_text("Number of employees")  # the business's branch was not taken
    expect(answers).not_to_contain_text("Date of birth")
    check_accessible(page, "form check answers")
    fits(page)
    page.get_by_role("button", name="Accept and send").click()
    expect(page.locator(".error-summary")).to_contain_text("Confirm the declaration")
    page.get_by_label("I confirm this is correct").check()
    page.get_by_role("button", name="Accept and send").click()
    expect(page.locator("#form-sent")).to_contain_text("Form sent")
    reference = page.locator("#form-reference").inner_text()
    assert re.fullmatch(r"FM-[A-Z0-9]{8}", reference)
    check_accessible(page, "form sent")
    second.close()

    copy = stack.mail_once(EMAIL, f"Ask about a community grant: your answers (reference {reference})")
    assert len(copy) == 1 and "York Community Larder" in copy[0].body and "Number of employees" not in copy[0].body

    from chalicelib.handlers.forms.cases import case_of
    case = case_of(stack.deps(), reference)
    officer = Officer(stack, "grants.officer@example.org")
    desk = Browser(chromium, stack, **DESKTOP)
    try:
        office = desk.new_page()
        sign_in(office, "grants.officer@example.org", next_path=f"/staff/reports/{case}")
        heading(office, "A form's case")  # its answers are the resident's: opened once the officer says why
        office.get_by_label("Why are you opening it?").fill("Deciding the larder's grant")
        office.get_by_role("button", name="Open the case").click()
        heading(office, f"Ask about a community grant: {reference}")  # a form's case is named by its form
        expect(office.locator("#report-details")).to_contain_text(reference)
        due = date.fromisoformat(stack.deps().reports.get(case).due)
        assert due.weekday() < 5  # working days: never a weekend
        expect(office.locator("#report-details")).to_contain_text(f"{due:%A} {due.day} {due:%B}")
    finally:
        desk.close()

    # Staff take it up; the resident, who has no account, opens their case from the e-mail saying so.
    officer.change(case, status="investigating", public_update="We are reading your accounts this week.")
    assert stack.mail_once(EMAIL, f"Ask about a community grant {reference}: Investigating", seconds=30)
    link = stack.link_in_mail(EMAIL, "/form-case#")
    assert "?report=" not in link and case not in link
    third = phone(chromium, stack)
    try:
        page = third.new_page()
        page.goto(link)
        heading(page, reference)
        expect(page.locator("#form-case-status")).to_have_text("Investigating")
        expect(page.locator("#form-case-update")).to_have_text("We are reading your accounts this week.")
        expect(page.locator("main")).not_to_contain_text("York Community Larder")  # never the answers sent
        check_accessible(page, "form case from its e-mail")
        fits(page)
    finally:
        third.close()


@pytest.mark.installed
def test_a_business_completes_the_grant_enquiry_with_no_signal_and_it_is_sent_when_the_signal_returns(browser):
    page = send_with_no_signal(browser)
    check_accessible(page, "form waiting for signal")
    browser.context.set_offline(False)
    page.evaluate("() => window.dispatchEvent(new Event('online'))")
    expect(page.locator("#form-sent")).to_contain_text("Form sent")
    sent = browser.stack.deps().form_submissions.get(page.locator("#form-reference").inner_text())
    assert sent.state == "submitted" and sent.taken == ["applicant-type", "business", "project", "contact"]
    assert sent.answers["business_name"] == "Acme Bakery" and sent.answers["employees"] == 12


def send_with_no_signal(browser):
    """The grant enquiry, from its start page on the installed app to "saved on this phone": answered and
    sent with no signal, the pages coming from the phone (the context is left offline)."""
    from tests.web.test_offline import installed
    page = browser.new_page()
    installed(page)
    page.goto("/forms/grant-enquiry")
    page.get_by_role("button", name="Start now").click()
    heading(page, "Who is asking for the grant?")
    browser.context.set_offline(True)
    answer_as_a_bakery(page, "Ada", "Baker", "ada.baker@example.org")
    expect(page.locator("#form-answers")).to_contain_text("Acme Bakery")
    expect(page.locator("#form-answers")).not_to_contain_text("The charity's latest accounts")
    page.get_by_label("I confirm this is correct").check()
    page.get_by_role("button", name="Accept and send").click()
    expect(page.locator("#form-waiting")).to_contain_text("Your form is saved on this phone")
    return page


def answer_as_a_bakery(page, first, last, email):
    """From "Who is asking?" to check your answers, the business's way (no files to choose)."""
    page.get_by_label("A business").check()
    page.get_by_role("button", name="Continue").click()
    heading(page, "About the business")
    page.get_by_label("Name of the business").fill("Acme Bakery")
    page.get_by_label("Number of employees").fill("12")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_label("What would the grant pay for?")).to_be_visible()  # two questions: the form's title heads it
    page.get_by_label("What would the grant pay for?").fill("An oven")
    page.get_by_label("Amount you would ask for, in pounds").fill("900")
    page.get_by_role("button", name="Continue").click()
    heading(page, "How we contact you")
    page.get_by_label("First name").fill(first)
    page.get_by_label("Last name").fill(last)
    page.get_by_label("Your email address").fill(email)
    page.get_by_role("button", name="Continue").click()
    heading(page, "Check your answers")


def test_an_officer_sends_again_a_form_the_councils_system_never_took(chromium, stack):
    """The desk's list of forms given up after three days of tries (tests/forms/test_form_webhook.py
    proves the three days): the officer presses Send again once the system is back, and it is taken."""
    from support.forms_support import demo, published
    from tests.forms.test_form_cases import sent
    from tests.forms.test_form_webhook import Receiver
    receiver = Receiver([503] * 5)  # down when the form is sent
    try:
        definition = demo("general-enquiry")
        definition["hand_on"] = {"to": "webhook", "url": receiver.url}
        published(stack.deps(), "general-enquiry", definition)
        reference = sent(stack.deps())
        deps = stack.deps()

        def first_try_refused():
            row = deps.outbox.get(f"form-hook:{reference}")
            return row if row is not None and row.status == "retry" else None
        row = stack.once(first_try_refused, "the worker's first try of the hand-on")
        assert len(receiver.received) == 1
        deps.outbox.tried(row.id, "the webhook answered 503", deps.clock(), given_up_in="webhook-failed")
        receiver.statuses = []  # back
        Officer(stack, "forms.officer@example.org")
        desk = Browser(chromium, stack, **DESKTOP)
        try:
            page = desk.new_page()
            sign_in(page, "forms.officer@example.org", next_path="/staff/forms/hand-ons")
            heading(page, "Forms the council's own system never took")
            row_on_screen = page.get_by_role("row", name=re.compile(reference))
            expect(row_on_screen).to_contain_text("the webhook answered 503")
            check_accessible(page, "forms not handed on")
            row_on_screen.get_by_role("button", name="Send again").click()
            expect(page.locator("#hand-ons-status")).to_have_text(f"{reference} was sent to the council's system.")
            expect(page.locator("#hand-ons-none")).to_be_visible()
        finally:
            desk.close()
        assert len(receiver.received) == 2 and reference.encode() in receiver.received[-1][1]
    finally:
        receiver.close()


def test_a_signed_in_resident_finds_their_home_and_name_filled_in_and_their_choice_in_words(browser):
    page = browser.new_page()
    sign_in(page, browser.stack.resident("pests.home@example.org", name="Pat Pest"), next_path="/property?uprn=990000000003")
    heading(page, "3 Micklegate")  # their property, remembered on this phone
    page.goto("/forms/pest-control")
    page.get_by_role("button", name="Start now").click()
    page.get_by_label("A wasps' nest").check()
    page.get_by_role("button", name="Continue").click()
    heading(page, "Where the pests are")
    expect(page.get_by_label("Choose the address")).to_have_value("990000000003")  # not asked for its postcode again
    page.get_by_label("Where have you seen them?").fill("Under the eaves")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_label("Your name")).to_have_value("Pat Pest")
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".error-summary")).to_have_text(re.compile("Enter a phone number for the officer"))
    page.get_by_label("A phone number for the officer").fill("07700 900123")
    page.get_by_role("button", name="Continue").click()
    heading(page, "Check your answers")
    expect(page.locator(".summary-list")).to_contain_text("A wasps' nest")


def _required_questions():
    """Every required question of the demo forms and consultation, as loaded and with no words of its own, and
    labels of each kind: a question asked (its verb before its subject), one that reads on after "Select", none."""
    import json
    from pathlib import Path
    demo = Path(__file__).resolve().parents[2] / "doorstep_cli" / "demo"
    found = []

    def walk(questions):
        for q in questions:
            if not q.get("optional"):
                found.append({k: q[k] for k in ("id", "type", "label", "error_if_empty") if k in q})
                found.append({k: q[k] for k in ("id", "type", "label")})
            walk(q.get("questions") or [])
    for path in sorted((demo / "forms").glob("**/*.json")) + sorted((demo / "consultations").glob("*.json")):
        data = json.loads(path.read_text())
        for page in (data.get("form") or data).get("pages") or []:
            walk(page["questions"])
    found += [{"id": "q", "type": kind, "label": label} for kind in ("selection", "text", "file", "property", "date")
              for label in ("Is the gate locked?", "How many bins do you need?", "What is wrong with it?",
                            "NHS number", "A phone number", "Who has the key?  ")]
    return found


def test_the_screens_say_a_question_left_empty_in_the_engines_very_words(browser):
    from chalicelib.handlers.forms.wording import required
    questions = _required_questions()
    page = browser.new_page()
    page.goto("/forms")
    heading(page, "Forms")
    said = page.evaluate("async qs => { const {requiredWords} = await import('/js/forms/questions.js');"
                         " return qs.map(requiredWords); }", questions)
    assert said == [required(q) for q in questions]
    # Never the question put after "Select" or "Enter", as "Select do you support …" was.
    turned = re.compile(r"^(Select|Enter) (\w+ )?(do|does|did|is|are|have|has|would|can|will) (you|it|the|your)\b")
    assert [words for words in said if turned.match(words)] == []
