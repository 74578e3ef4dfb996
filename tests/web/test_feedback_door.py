"""Complaints, comments and compliments on a phone (issue 72, item 2): one front door from the footer; a
comment is sent and confirmed, a compliment reaches the officers of the team it names (their desk and
their mail), and a complaint goes on to the complaint report journey, its deadline the category's."""
from playwright.sync_api import expect

from tests.web.browser import check_accessible
from tests.web.desk import picture
from tests.web.journeys import heading, send, sent_reference


def open_front_door(page, kind, axe=False):
    page.goto("/")
    page.locator("#footer").get_by_role("link", name="Complaints, comments and compliments").click()
    heading(page, "Complaints, comments and compliments")
    if axe:
        check_accessible(page, "front door")
        picture(page, "feedback-front-door")
    page.get_by_label(kind, exact=True).check()
    page.get_by_role("button", name="Continue").click()


def test_a_comment_is_sent_and_confirmed_and_kept_for_its_service(browser):
    page = browser.new_page()
    open_front_door(page, "A comment", axe=True)
    heading(page, "Comment on a service")
    check_accessible(page, "front door: comment")
    page.get_by_role("button", name="Send").click()  # nothing chosen: both asked for, in words
    expect(page.locator(".error-summary")).to_contain_text("Select a service")
    expect(page.locator(".error-summary")).to_contain_text("Enter what you would like to tell us")
    page.get_by_label("Halls and pitches").check()
    page.get_by_label("Your comment").fill("Say on the hall's page whether it has a hearing loop.")
    page.get_by_role("button", name="Send").click()
    heading(page, "Comment sent")
    check_accessible(page, "front door: comment sent")
    picture(page, "feedback-comment-sent")
    officer = browser.stack.resident("hall.officer@example.org", role="staff", roles=["halls"])
    answers = browser.stack.get("/v1/staff/feedback/halls", browser.stack.token(officer))["answers"]
    # The newest on the halls' desk (another journey may have answered a booking's question there before).
    assert (answers[0]["kind"], answers[0]["improve"]) == (
        "comment", "Say on the hall's page whether it has a hearing loop.")


def test_a_compliment_reaches_the_desk_and_the_mail_of_the_team_it_names(browser):
    stack = browser.stack
    officer = stack.resident("garden.officer@example.org", role="staff", roles=["street_scene"])
    page = browser.new_page()
    open_front_door(page, "A compliment")
    heading(page, "Send a compliment")
    page.get_by_label("Garden waste").check()
    page.get_by_label("What did they do well?").fill("The crew came back for the bin they missed the same day.")
    check_accessible(page, "front door: compliment")
    page.get_by_role("button", name="Send").click()
    heading(page, "Compliment sent")
    expect(page.get_by_text("passed it on to the Garden waste team")).to_be_visible()
    [mail] = stack.mail_once(officer, "A compliment for Garden waste rounds")  # the desk's own name
    assert "came back for the bin they missed" in mail.body and "/staff/feedback/garden" in mail.body
    answers = stack.get("/v1/staff/feedback/garden", stack.token(officer))["answers"]
    assert answers[0]["kind"] == "compliment"  # the newest on its desk


def test_a_complaint_goes_on_to_the_complaint_report_journey(browser):
    page = browser.new_page()
    open_front_door(page, "A complaint")
    heading(page, "Tell us about")
    expect(page.get_by_label("Which service is this about?")).to_be_visible()
    page.get_by_label("Which service is this about?").fill("Bins")
    page.get_by_label("Describe the problem").fill("The crew left our gate open three weeks running.")
    page.get_by_role("button", name="Continue").click()
    heading(page, "Your details")
    # A complaint is private: the check before Send never says it is shown publicly.
    expect(page.locator("#report-privacy")).to_have_text(
        "Nothing of this is shown publicly: only the council's officers who deal with it read it.")
    send(page, name="Ada Resident", email="ada.complains@example.org")
    reference = sent_reference(page)
    [made] = browser.stack.reports_described("The crew left our gate open three weeks running.")
    assert (made.id, made.service_code, bool(made.due)) == (reference.strip(), "complaint", True)
