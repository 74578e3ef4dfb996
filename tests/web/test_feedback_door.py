"""Complaints, comments and compliments on a phone (issue 72, item 2): one front door from the footer; a
comment is sent and confirmed, a compliment reaches the officers of the team it names (their desk and
their mail), and a complaint reads as one from the front door to "Complaint received", with no place to give, and
goes nowhere without a way to answer it."""
import pytest
from playwright.sync_api import expect

from tests.web.browser import check_accessible
from tests.web.desk import picture
from tests.web.journeys import heading, send, sent_reference
from tests.web.test_offline import installed


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


@pytest.mark.installed  # its service worker keeps the app's screens for when the signal drops
def test_a_complaint_reads_as_one_asks_no_place_and_will_not_go_on_without_a_way_to_answer_it(browser):
    """From /feedback to "Complaint received": a complaint's words on every step, no "where is the problem?"
    (the category has no place), and a complaint with neither email nor phone goes nowhere. Its date is the
    one the council's procedure gives (York: 10 working days, its rule named), counted on the server."""
    from datetime import date
    page = browser.new_page()
    seen = []  # every screen of the journey, to show none asked where the problem is
    page.on("framenavigated", lambda frame: seen.append(frame.url) if frame == page.main_frame else None)
    installed(page)
    open_front_door(page, "A complaint", axe=True)
    heading(page, "Make a complaint")
    screen = page.locator("#screen")
    expect(screen).not_to_contain_text("Report a problem")
    page.get_by_label("Which service is this about?").fill("Bins")
    page.get_by_label("What happened?").fill("The crew left our gate open three weeks running.")
    check_accessible(page, "complaint: what happened")
    page.get_by_role("button", name="Continue").click()
    heading(page, "How we will answer you")
    expect(screen).to_contain_text("Check your complaint")
    expect(page.locator("#report-privacy")).to_have_text(
        "Nothing of this is shown publicly: only the council's officers who deal with it read it.")
    page.get_by_label("Full name").fill("Ada Resident")
    page.get_by_role("button", name="Send complaint").click()  # no email, no phone: asked for, in words
    expect(page.locator(".error-summary")).to_contain_text("Enter an email address or a phone number")
    check_accessible(page, "complaint: no way to answer it")
    assert browser.stack.reports_described("The crew left our gate open three weeks running.") == []
    page.get_by_label("Email address").fill("ada.complains@example.org")
    browser.context.set_offline(True)  # sent from where the signal drops: kept on the phone, still a complaint
    page.get_by_role("button", name="Send complaint").click()
    heading(page, "Saved on this phone")
    expect(screen).to_contain_text("Your complaint is waiting to be sent.")
    check_accessible(page, "complaint: saved on this phone")
    browser.context.set_offline(False)
    page.evaluate("() => window.dispatchEvent(new Event('online'))")
    heading(page, "Complaint received")
    reference = page.locator("#reference").inner_text().strip()
    [made] = browser.stack.reports_described("The crew left our gate open three weeks running.")
    assert (made.id, made.service_code, made.contact["email"]) == (reference, "complaint", "ada.complains@example.org")
    due = date.fromisoformat(made.due)
    expect(page.locator("#answer-by")).to_have_text(
        f"We will answer by {due:%A} {due.day} {due:%B %Y} "
        "(10 working days under the council's complaints policy (stage 1)).")
    expect(screen).not_to_contain_text("Report sent")
    check_accessible(page, "complaint received")
    assert any("/report/details" in url for url in seen)  # the app's own steps are seen as they are taken
    assert not [url for url in seen if "/report/location" in url or "/report/nearby" in url]
