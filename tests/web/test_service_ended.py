"""A council that has left the service (issue 80, item 5): its address's app shows the API's words that
its service has ended, and nothing else: no screen, no menu, no sign-in."""
from urllib.parse import urlsplit

from playwright.sync_api import expect

from tests.web.browser import Browser, check_accessible

LEAVING = {"id": "leaving-test", "name": "Leaving Test Council", "short_name": "Leaving", "hosts": ["leaving.localhost"],
           "jurisdiction": "england"}


def test_a_council_that_has_left_shows_its_residents_that_its_service_here_has_ended(stack, chromium):
    from chalicelib.councils import settings
    from chalicelib.councils.offboarding.steps import stop
    from chalicelib.storage.councils import CouncilStore
    from chalicelib.storage.offboarding.records import OffboardStore
    store, clock = CouncilStore(), stack.deps().clock
    if store.get(LEAVING["id"], consistent=True) is None and OffboardStore().get(LEAVING["id"]) is None:
        settings.write(store, LEAVING, 0, clock(), "test")
    stop(OffboardStore(), store, LEAVING["id"], clock(), "test")
    phone = Browser(chromium, stack, base_url=f"http://leaving.localhost:{urlsplit(stack.url).port}")
    try:
        page = phone.new_page()
        page.goto("/report")
        expect(page.get_by_role("heading", level=1)).to_have_text(
            "Leaving Test Council's online service here has ended: this address no longer takes reports, sign-ins "
            "or requests. Contact the council directly.")
        expect(page.locator("#nav")).to_be_hidden()
        check_accessible(page, "a service that has ended")
    finally:
        phone.close()
