"""The council's privacy notice on a phone (issue 80, item 4): the account screen links to its part
of the notice, and the notice opens there, every part the council offers with what is held, why,
on what basis, who it goes to and how long it is kept, and the resident's rights."""
from playwright.sync_api import expect

from tests.web.browser import check_accessible
from tests.web.journeys import heading


def test_the_register_screen_links_to_the_accounts_part_of_the_notice_which_says_how_long_it_is_kept(browser):
    page = browser.new_page()
    page.goto("/register")
    page.get_by_role("link", name="How we use your information").click()
    heading(page, "How we use your information")
    assert page.url.endswith("/privacy#account")
    account = page.locator("section#account")
    expect(account.get_by_role("heading", name="Your account")).to_be_visible()
    expect(account).to_contain_text("How long we keep it")
    expect(account).to_contain_text("Kept 2 years after you last use it")
    expect(page.locator("section#reports")).to_contain_text("The law that lets us")
    expect(page.get_by_role("heading", name="Your rights")).to_be_visible()
    expect(page.locator("#dpo")).to_have_text(
        "The council has not named a data protection officer on this site: to ask about your information, "
        "contact the council as above.")
    check_accessible(page, "privacy notice")
