"""Newcastle-under-Lyme, a district with no homes of its own, in the resident's app (issue 71, item 3):
a resident looking for repairs is told where their landlord takes them (Aspire Housing's repairs line,
from the council's settings), and a street light they report on the borough's site goes to Staffordshire
County, which they are told. As `make run` adds the demo councils."""
import re
import uuid
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.web.browser import Browser, check_accessible
from tests.web.desk import desk  # noqa: F401 (a fixture)
from tests.web.journeys import describe, heading, not_one_of_these, send, start_report

THE_AVENUE_KIDSGROVE = {"latitude": 53.0890, "longitude": -2.2420}
BOROUGH = "newcastle-under-lyme"


def borough_url(stack):
    """The stack's address under the borough's name: Chromium takes any *.localhost to this machine."""
    return f"http://newcastle.localhost:{urlsplit(stack.url).port}"


@pytest.fixture
def borough_phone(stack, chromium):
    """A phone at Newcastle-under-Lyme's address, standing on a street in Kidsgrove."""
    phone = Browser(chromium, stack, base_url=borough_url(stack), geolocation=THE_AVENUE_KIDSGROVE)
    yield phone
    phone.close()


def test_a_resident_looking_for_repairs_is_told_where_their_landlord_takes_them(borough_phone):
    page = borough_phone.new_page()
    page.goto("/")
    tile = page.get_by_role("link", name="Repairs to your council home")
    expect(tile.locator("xpath=../p")).to_have_text("Aspire Housing provides this, not the council: how to reach them.")
    tile.click()
    heading(page, "Repairs to your council home")
    expect(page.locator("#provided-elsewhere")).to_have_text(
        "Newcastle-under-Lyme Borough Council has no council homes: Aspire Housing is the landlord of the homes it "
        "had. If you rent from Aspire Housing, report your repair to them.")
    expect(page.get_by_role("link", name="01782 635200")).to_have_attribute("href", "tel:01782635200")
    expect(page.get_by_role("link", name="Aspire Housing's website")).to_have_attribute(
        "href", "https://www.aspirehousing.co.uk")
    check_accessible(page, "repairs provided elsewhere")
    # the repair form's own address, typed or kept from before, leads to the same, with no sign-in asked
    page.goto("/repairs/new")
    expect(page.locator("#provided-elsewhere")).to_contain_text("If you rent from Aspire Housing")


def test_a_street_light_reported_on_the_boroughs_site_goes_to_the_county_and_the_resident_is_told(borough_phone):
    page = borough_phone.new_page()
    start_report(page, "Street light fault")
    page.get_by_role("button", name="Use my current location").click()
    expect(page.locator("#who-takes-it")).to_have_attribute("data-state", "settled")
    expect(page.locator("#goes-to")).to_contain_text("Staffordshire County Council")
    page.get_by_role("button", name="Continue").click()
    not_one_of_these(page)
    describe(page, "The lamp outside number 25 has been out for a week.", choices=["Not working"])
    send(page, name="Ada Resident", email="ada.kidsgrove@example.org")
    heading(page, "Report sent")
    expect(page.locator("#sent-to")).to_contain_text("Staffordshire County Council")
    check_accessible(page, "report sent to the county")


def test_an_administrator_switching_repairs_on_takes_the_housing_associations_line_off_with_it(desk, stack):
    from chalicelib import tenancy
    from chalicelib.councils import settings
    from chalicelib.handlers.accounts import users
    from chalicelib.storage.councils import CouncilStore
    from tests.web.browser import PASSWORD
    from tests.web.desk import sign_in_by_keyboard
    store = CouncilStore()
    before, version = store.get(BOROUGH, consistent=True)
    admin = f"admin.{uuid.uuid4().hex[:6]}@newcastle.example"
    with tenancy.acting_for(BOROUGH):
        users.create_user(stack.deps().for_council(), admin, "admin", name="Nell Admin", password=PASSWORD)
    try:
        page = desk.new_page()
        sign_in_by_keyboard(page, admin, f"{borough_url(stack)}/sign-in?next=/staff/council")
        heading(page, "Council settings")
        page.get_by_label("Repairs to your council home").check()  # its homes taken back, say
        page.get_by_role("button", name="Save settings").click()
        expect(page.locator("#council-status")).to_have_text(re.compile("^Settings saved"))
        now = store.get(BOROUGH, consistent=True)[0]
        assert "repairs" not in (now.get("services") or {}) and "repairs" not in (now.get("instead") or {})
    finally:
        current = store.get(BOROUGH, consistent=True)[1]
        if current != version:  # the stack's borough as the other journeys know it
            settings.write(store, before, current, stack.deps().clock(), "test")
