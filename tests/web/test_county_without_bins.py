"""Staffordshire County, whose districts collect bins and council tax, in the resident's app (issue 78): its
home offers no bin days of its own but says who does, its repairs say who the landlord is with no sign-in
asked, and a service a council switched off without naming anyone says it is not offered here. As `make
run` adds the demo councils."""
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.web.browser import Browser, check_accessible
from tests.web.journeys import heading


@pytest.fixture
def county_phone(stack, chromium):
    phone = Browser(chromium, stack, base_url=f"http://staffordshire.localhost:{urlsplit(stack.url).port}")
    yield phone
    phone.close()


def test_a_county_resident_looking_for_bin_days_or_repairs_is_told_who_provides_them(county_phone):
    page = county_phone.new_page()
    page.goto("/")
    tile = page.get_by_role("link", name="Bin days")
    expect(tile.locator("xpath=../p")).to_have_text(
        "Your district or borough council provides this, not the council: how to reach them.")
    tile.click()
    heading(page, "Bin days")
    expect(page.locator("#provided-elsewhere")).to_have_text(
        "Staffordshire County Council does not provide this service. Your district or borough council does: "
        "Staffordshire has eight, and GOV.UK finds yours by your postcode.")
    expect(page.get_by_role("link", name="Your district or borough council: find it on GOV.UK")).to_have_attribute(
        "href", "https://www.gov.uk/find-local-council")
    check_accessible(page, "bin days provided elsewhere")
    page.goto("/repairs")
    expect(page.locator("#provided-elsewhere")).to_contain_text("Staffordshire County Council has no council homes.")
    expect(page.get_by_role("heading", name="Sign in")).to_have_count(0)
    page.goto("/property?then=bulky")
    heading(page, "Book a bulky waste collection")
    expect(page.locator("#provided-elsewhere")).to_contain_text("Your district or borough council does")


def test_a_service_switched_off_with_nobody_named_says_it_is_not_offered_here(stack, chromium):
    from chalicelib.councils import registry, settings
    from chalicelib.storage.councils import CouncilStore
    store, council = CouncilStore(), "north-lanarkshire"
    before, version = store.get(council, consistent=True)
    settings.write(store, dict(before, services={"hire": False}), version, stack.deps().clock(), "test")
    phone = Browser(chromium, stack, base_url=f"http://northlanarkshire.localhost:{urlsplit(stack.url).port}")
    try:
        page = phone.new_page()
        page.goto("/hire")
        expect(page.locator("#not-offered")).to_have_text("North Lanarkshire Council does not offer this service online.")
        check_accessible(page, "a service not offered")
    finally:
        phone.close()
        settings.write(store, before, store.get(council, consistent=True)[1], stack.deps().clock(), "test")
        registry.forget(council)
