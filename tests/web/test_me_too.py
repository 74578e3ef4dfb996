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
    expect(page.get_by_label("Your e-mail address")).to_be_focused()
    page.keyboard.type("second.neighbour@example.org")
    page.keyboard.press("Enter")
    expect(box.get_by_role("status")).to_contain_text("Check your e-mail")
    check_accessible(page, "report page: me too sent")

    page.goto(stack.link_in_mail("second.neighbour@example.org", "?support="))
    expect(page.locator("#screen")).to_contain_text("2 people have this problem too.")
    check_accessible(page, "me too: confirmed")
    page.get_by_role("link", name=f"See report {rid}").click()
    expect(page.locator(".metoo, #screen").first).to_contain_text("2 people have this problem too.")
