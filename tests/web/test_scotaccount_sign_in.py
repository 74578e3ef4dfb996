"""A resident of North Lanarkshire signs in with ScotAccount (issue 71) in the browser, at the
council's own address, through the local provider of ScotAccount's shape over real HTTP: off to
its page, back at /sign-in/return, and on to where they were going. One whose identity is not
verified is told why they are not signed in."""
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from chalicelib.councils import registry, settings
from chalicelib.storage.councils import CouncilStore
from doorstep_cli.local.scotaccount import LocalScotAccount
from support.councils_support import NL
from tests.auth.scotaccount_support import registered, with_provider
from tests.web.browser import check_accessible


@pytest.fixture
def scotaccount(stack, monkeypatch):
    """North Lanarkshire's settings pointed at a local ScotAccount of the test's own, its key registered there."""
    from chalicelib.auth import code_flow
    port = urlsplit(stack.url).port
    monkeypatch.setenv("PORT", str(port))  # the council's links: its own host, the stack's port
    store = CouncilStore()
    kept, version = store.get(NL, consistent=True)
    with LocalScotAccount() as provider:
        changed = with_provider(kept, provider, verified_attributes=["email"])
        registered(provider, changed, monkeypatch, f"http://northlanarkshire.localhost:{port}")
        settings.write(store, changed, version, stack.deps().clock(), "test")
        try:
            yield f"http://northlanarkshire.localhost:{port}"
        finally:
            now = CouncilStore().get(NL, consistent=True)[1]
            settings.write(store, kept, now, stack.deps().clock(), "test")
            registry.forget(NL)
            code_flow.forget_discovery()


def test_a_resident_signs_in_at_north_lanarkshire_with_their_scotaccount(browser, scotaccount):
    page = browser.new_page()
    page.goto(f"{scotaccount}/sign-in?next=/account")
    expect(page.get_by_role("button", name="Sign in with ScotAccount")).to_be_visible()
    check_accessible(page, "sign-in with ScotAccount")
    page.get_by_role("button", name="Sign in with ScotAccount").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("ScotAccount (local)")
    page.get_by_role("button", name="Sign in as Morag Reid (identity verified)").click()
    expect(page).to_have_url(f"{scotaccount}/account")
    expect(page.get_by_label("Full name")).to_have_value("Morag Reid")  # ScotAccount's verified name
    expect(page.get_by_text("morag.reid@example.org")).to_be_visible()  # the e-mail ScotAccount verified
    expect(page.get_by_text("Confirm your email address")).to_have_count(0)  # verified there: nothing to confirm
    assert page.evaluate("location.host") == urlsplit(scotaccount).netloc


def test_a_resident_who_declines_to_share_their_email_is_signed_in_and_told_how_they_will_hear(browser, scotaccount):
    page = browser.new_page()
    page.goto(f"{scotaccount}/sign-in?next=/account")
    page.get_by_role("button", name="Sign in with ScotAccount").click()
    page.get_by_label("Do not share my email address").check()
    page.get_by_role("button", name="Sign in as Morag Reid (identity verified)").click()
    expect(page).to_have_url(f"{scotaccount}/account")
    expect(page.locator("#no-email")).to_contain_text("here in the app and on their pages, not by email")
    check_accessible(page, "signed in without an email address")


def test_a_resident_whose_identity_is_not_verified_is_told_why_they_are_not_signed_in(browser, scotaccount):
    page = browser.new_page()
    page.goto(f"{scotaccount}/sign-in")
    page.get_by_role("button", name="Sign in with ScotAccount").click()
    page.get_by_role("button", name="Sign in as Callum Boyd (identity not verified)").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("You are not signed in")
    expect(page.locator("#sign-in-refused")).to_have_text(
        "North Lanarkshire Council asks for your identity to be verified in your ScotAccount. "
        "Verify your identity with ScotAccount, then sign in again.")
    assert "code=" not in page.url  # the used code is not left in the address bar or history
    check_accessible(page, "sign-in refused")
