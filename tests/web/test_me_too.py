""""Me too" on a report's page, by keyboard alone: a neighbour without an
account gives an e-mail address, follows the link it is sent, and the count
reads two (the first neighbour said so signed in)."""
from playwright.sync_api import expect

from tests.web.browser import check_accessible


def test_a_second_neighbour_says_me_too_by_keyboard_and_the_count_reads_two(browser):
    stack = browser.stack
    rid = stack.report(description="A pothole the whole street drives round")["id"]
    first = stack.resident("first.neighbour@example.org")
    stack.post(f"/v1/reports/{rid}/supporters", {}, stack.token(first))
    page = browser.new_page()
    page.goto(f"/?report={rid}")
    box = page.locator(".metoo")
    expect(box).to_contain_text("1 person has this problem too.")
    page.get_by_role("button", name="Me too").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_label("Your email address")).to_be_focused()
    page.keyboard.type("second.neighbour@example.org")
    page.keyboard.press("Enter")
    expect(box.get_by_role("status")).to_contain_text("Check your email")
    check_accessible(page, "report page: me too sent")

    page.goto(stack.link_in_mail("second.neighbour@example.org", "?support="))
    expect(page.locator("#screen")).to_contain_text("2 people have this problem too.")
    check_accessible(page, "me too: confirmed")
    page.get_by_role("link", name=f"See report {rid}").click()
    expect(page.locator(".metoo, #screen").first).to_contain_text("2 people have this problem too.")


def test_a_signed_in_neighbour_takes_their_me_too_back_where_they_gave_it(browser):
    from tests.web.journeys import sign_in
    stack = browser.stack
    rid = stack.report(description="A pothole outside number 9")["id"]
    stack.resident("changed.mind@example.org")
    page = browser.new_page()
    sign_in(page, "changed.mind@example.org", next_path=f"/?report={rid}")
    box = page.locator(".metoo")
    box.get_by_role("button", name="Me too").click()
    expect(box).to_contain_text("1 person has this problem too.")
    box.get_by_role("button", name="Take back my support").click()
    expect(box.get_by_role("status")).to_contain_text("Your support is taken back.")
    expect(box).to_contain_text("Nobody else has said so yet.")
    expect(box.get_by_role("button", name="Me too")).to_be_visible()
    check_accessible(page, "report page: me too taken back")


def test_the_me_too_emails_other_link_takes_the_support_back_only_when_pressed(browser):
    stack = browser.stack
    rid = stack.report(description="A pothole by the bus stop")["id"]
    stack.post(f"/v1/reports/{rid}/supporters", {"email": "by.mail@example.org"})
    stack.post("/v1/supporters/confirm", {"token": stack.link_in_mail("by.mail@example.org", "?support=")
               .split("?support=")[1]})
    assert stack.get(f"/v1/reports/{rid}")["supporters"] == 1
    page = browser.new_page()
    page.goto(stack.link_in_mail("by.mail@example.org", "?withdraw-support="))
    expect(page.get_by_role("button", name="Take back my support")).to_be_visible()
    assert stack.get(f"/v1/reports/{rid}")["supporters"] == 1  # opening the link took nothing back
    page.get_by_role("button", name="Take back my support").click()
    expect(page.locator("#screen")).to_contain_text("Nobody else has said so yet.")
    assert stack.get(f"/v1/reports/{rid}")["supporters"] == 0
    check_accessible(page, "me too: taken back by the email's link")
