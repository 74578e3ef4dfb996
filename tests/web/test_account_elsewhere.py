"""My Account at one council names the others the resident signed in at (issue 70, item 6): what
they made there is on that council's site, by a link to its My Account."""
import uuid
from urllib.parse import urlsplit

from playwright.sync_api import expect

from tests.web.browser import PASSWORD, check_accessible
from tests.web.journeys import heading, sign_in


def test_my_account_at_york_names_north_lanarkshire_where_i_also_signed_in(browser, stack):
    email = stack.resident(f"ada.{uuid.uuid4().hex[:6]}@example.org")
    port = urlsplit(stack.url).port
    page = browser.new_page()
    sign_in(page, email)
    heading(page, "Your account")  # signed in (the sign-in page has a heading of its own)
    expect(page.locator("#elsewhere")).to_have_count(0)  # York alone so far
    # The same person signs in on North Lanarkshire's site (its address is its own council's).
    stack.post("/v1/auth/login", {"email": email, "password": PASSWORD},
               {"Host": f"northlanarkshire.localhost:{port}"})
    page.reload()
    heading(page, "Your account")
    expect(page.locator("#elsewhere")).to_contain_text("You have also signed in on other councils' sites.")
    link = page.get_by_role("link", name="North Lanarkshire Council")
    expect(link).to_have_attribute("href", f"http://northlanarkshire.localhost:{port}/account")
    check_accessible(page, "my account, other councils")
