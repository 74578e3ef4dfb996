"""My account: register and confirm the address, sign in, my data, reset a
forgotten password, and delete the account."""
import json

from playwright.sync_api import expect

from tests.web.browser import PASSWORD, check_accessible
from tests.web.journeys import heading, signing_in

NEW_PASSWORD = "puddle lantern orchard violin"


def test_a_resident_registers_confirms_downloads_their_data_and_deletes_the_account(browser):
    stack = browser.stack
    earlier = stack.report(description="Reported before registering", contact={"email": "newcomer@example.org"})
    page = browser.new_page()
    page.goto("/account")
    heading(page, "Sign in")  # signed out: the account asks for a sign-in first, and says why
    expect(page.locator("#sign-in-why")).to_have_text("Sign in to see your account: your name, your email "
                                                      "address, your alerts and your council tax.")
    page.get_by_role("link", name="Create an account").click()
    heading(page, "Create an account")
    expect(page.locator("#sign-in-why")).to_contain_text("Sign in to see your account")
    page.get_by_role("button", name="Create account").click()
    for said in ("Enter your full name", "Enter your email address", "Create a password"):  # all at once
        expect(page.locator(".error-summary")).to_contain_text(said)
    expect(page.get_by_label("Full name")).to_have_attribute("aria-invalid", "true")
    check_accessible(page, "register with errors")
    page.get_by_label("Full name").fill("Nia Newcomer")
    page.get_by_label("Email address").fill("newcomer@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    heading(page, "Check your email")

    page.goto(stack.link_in_mail("newcomer@example.org", "/verify"))
    heading(page, "Email address confirmed")
    expect(page.locator("#screen")).to_contain_text("1 report you made before is now in your account.")
    check_accessible(page, "verified")
    page.get_by_role("link", name="Sign in and carry on where you were").click()  # the account it was made for
    page.get_by_label("Email address").fill("newcomer@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    heading(page, "Your account")
    check_accessible(page, "account")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download your data").click()
    data = json.loads(open(download.value.path()).read())
    assert data["profile"]["email"] == "newcomer@example.org"
    assert [r["id"] for r in data["reports"]] == [earlier["id"]]

    page.get_by_role("link", name="Delete your account").click()
    heading(page, "Delete your account")
    check_accessible(page, "delete account")
    page.get_by_role("button", name="Delete my account").click()
    heading(page, "Account deleted")
    signing_in(page, "newcomer@example.org")  # refused: the account is gone
    expect(page.locator(".error-summary")).to_contain_text("The email address or password is not right")


def test_a_forgotten_password_is_reset_from_the_emailed_link(browser):
    resident = browser.stack.resident("forgetful@example.org")
    page = browser.new_page()
    page.goto("/sign-in")
    page.get_by_role("link", name="Forgotten your password?").click()
    heading(page, "Reset your password")
    page.get_by_label("Email address").fill(resident)
    page.get_by_role("button", name="Send link").click()
    heading(page, "Check your email")

    page.goto(browser.stack.link_in_mail(resident, "/reset-password?token="))
    heading(page, "Choose a new password")
    page.get_by_label("Password").fill("password123")
    page.get_by_role("button", name="Save password").click()
    # A sentence naming its field stands alone: no "Password:" before it.
    expect(page.locator(".error-summary")).to_contain_text("This password is one of the most commonly used")
    expect(page.locator(".error-summary")).not_to_contain_text("Password:")
    check_accessible(page, "new password with errors")
    page.get_by_label("Password").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Save password").click()
    heading(page, "Password changed")

    page.get_by_role("link", name="Sign in").last.click()
    page.get_by_label("Email address").fill(resident)
    page.get_by_label("Password").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    heading(page, "Your account")
    page.get_by_role("button", name="Sign out").click()
    heading(page, "Your council, on your doorstep")
