"""Council tax on a phone: a resident links their account with the details on
a demo bill, sees the balance, instalments and payments, opens the bill's PDF,
and, with the council's system down, still sees the account, marked with its age."""
import pytest
from playwright.sync_api import expect

from tests.web.browser import check_accessible
from tests.web.journeys import heading, sign_in


@pytest.fixture
def back_office(stack):
    from doorstep_cli.local.civica import CivicaBackOffice
    env = pytest.MonkeyPatch()
    with CivicaBackOffice(nightly=None) as office:
        env.setenv("DOORSTEP_CIVICA_URL", office.url)
        env.setenv("DOORSTEP_CIVICA_USER", office.user)
        env.setenv("DOORSTEP_CIVICA_PASSWORD", office.password)
        env.setenv("DOORSTEP_REVENUES_FRESH_S", "0")  # every look asks again: the down switch shows at once
        try:
            yield office
        finally:
            env.undo()


def test_a_resident_links_their_council_tax_and_still_sees_it_when_the_council_system_is_down(browser, back_office):
    email = browser.stack.resident("dev.patel@example.org")
    page = browser.new_page()
    sign_in(page, email, next_path="/account")
    page.get_by_role("link", name="Council tax").click()
    heading(page, "Council tax")
    page.get_by_label("Account reference").fill("500345686")
    page.get_by_label("Your name as it is on the bill").fill("Mr Dev Patel")
    page.get_by_label("Online key printed on your bill").fill("PTL8-3RZD")
    page.get_by_label("Last 3 digits of your phone number").fill("315")
    check_accessible(page, "council tax link")
    page.get_by_role("button", name="Link account").click()
    heading(page, "Council tax account 500345686")
    expect(page.locator("#ctax-summary")).to_contain_text("4 Hull Road")
    expect(page.locator("#ctax-age")).to_contain_text("just now")
    expect(page.locator("#ctax-plan li")).to_have_count(10)
    expect(page.locator("#ctax-claims")).to_contain_text("HB40721")
    check_accessible(page, "council tax account")
    with page.expect_download() as downloading:
        page.get_by_role("button", name="Council Tax Bill").click()
    with open(downloading.value.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    back_office.down = True
    page.reload()
    heading(page, "Council tax account 500345686")
    expect(page.locator("#ctax-stale")).to_contain_text("We cannot reach the council's system")
    expect(page.locator("#ctax-summary")).to_contain_text("4 Hull Road")


def test_a_wrong_detail_says_only_that_the_details_did_not_match(browser, back_office):
    email = browser.stack.resident("someone.else@example.org")
    page = browser.new_page()
    sign_in(page, email, next_path="/account/council-tax")
    page.get_by_label("Account reference").fill("500345686")
    page.get_by_label("Your name as it is on the bill").fill("Mr Dev Patel")
    page.get_by_label("Online key printed on your bill").fill("PTL8-0000")
    page.get_by_label("Postcode of the property").fill("YO10 4EE")
    page.get_by_role("button", name="Link account").click()
    expect(page.get_by_text("We could not match those details")).to_be_visible()
