"""A North Lanarkshire resident's council tax on a phone, at the council's own address (issue 71):
their band's Scottish council tax and Scottish Water's water and waste water charges, each a line
of its own saying which rule made it, as North Lanarkshire's back office bills them."""
import pytest
from playwright.sync_api import expect

from tests.web.browser import check_accessible
from tests.web.journeys import PASSWORD, heading
from tests.web.test_council_settings import at_north_lanarkshire


@pytest.fixture
def north_lanarkshire_office(stack):
    """North Lanarkshire's own office, named in its settings as its administrator would (issue 70)."""
    from doorstep_cli.local.civica import CivicaBackOffice
    from support.councils_support import NL, back_offices_at
    env = pytest.MonkeyPatch()
    with CivicaBackOffice(nightly=None, council=NL) as office, back_offices_at(
            stack.deps(), NL, env, {"revenues": {"url": office.url, "user": {"secret": "civica-user"},
                                                 "password": {"secret": "civica-password"},
                                                 "nightly": "00:00-00:00"}},  # this office keeps no nightly window
            {"civica-user": office.user, "civica-password": office.password}):
        try:
            yield office
        finally:
            env.undo()


def campbells_linked(browser, email):
    """Mrs Campbell signed in at North Lanarkshire's address with her council tax account linked:
    (the page, the address)."""
    browser.stack.resident(email)
    base = at_north_lanarkshire(browser.stack)
    page = browser.new_page()
    page.goto(f"{base}/sign-in?next=/account/council-tax")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()  # not ScotAccount's
    heading(page, "Council tax")
    page.get_by_label("Account reference").fill("500700028")
    page.get_by_label("Your name as it is on the bill").fill("Mrs Fiona Campbell")
    page.get_by_label("Online key printed on your bill").fill("CMP3-8LWA")
    page.get_by_label("Postcode of the property").fill("ML1 1JJ")
    page.get_by_role("button", name="Link account").click()
    heading(page, "Council tax account 500700028")
    return page, base


def test_a_north_lanarkshire_resident_sees_their_bands_scottish_charge_and_the_water_charges(
        browser, north_lanarkshire_office):
    page, _ = campbells_linked(browser, "fiona.campbell@example.org")
    charges = page.locator("#ctax-charges")
    expect(charges.locator("[data-kind=council_tax]")).to_contain_text("Council tax, band C£1,291.43")
    expect(charges.locator("[data-kind=council_tax]")).to_contain_text(
        "320/360 of band D for band C, under the Council Tax (Substitution of Proportion) (Scotland) Order 2016")
    expect(charges.locator("[data-kind=water]")).to_contain_text("£268.40")
    expect(charges.locator("[data-kind=waste_water]")).to_contain_text("£311.44")
    expect(charges.locator("[data-kind=water]")).to_contain_text("under Scottish Water's unmetered household charges")
    expect(page.locator("#ctax-summary")).to_contain_text("14 Merry Street, Motherwell")
    check_accessible(page, "council tax: a Scottish account's charges")
