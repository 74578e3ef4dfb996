"""No signal: the app shell and the last data still load, a report made
offline waits on the phone (IndexedDB) and is sent once when the signal
returns, whatever happens to the answers on the way."""
import pytest
from playwright.sync_api import expect

from tests.web.browser import check_accessible
from tests.web.journeys import describe, heading, phone_photo, place_by_gps, send, start_report

OSBALDWICK = {"latitude": 53.9570, "longitude": -1.0280}
HAXBY = {"latitude": 54.0150, "longitude": -1.0700}


def installed(page):
    """Load the app and wait until its service worker controls the page."""
    page.goto("/")
    page.wait_for_function("() => navigator.serviceWorker && navigator.serviceWorker.controller !== null")


@pytest.mark.installed
def test_a_report_made_offline_waits_on_the_phone_and_arrives_exactly_once(browser, tmp_path):
    browser.context.set_geolocation(OSBALDWICK)
    page = browser.new_page()
    installed(page)
    start_report(page, "Street light fault")
    browser.context.set_offline(True)
    expect(page.locator("#status")).to_contain_text("You are offline")
    place_by_gps(page)
    heading(page, "Tell us about")  # "is it one of these?" needs signal: skipped
    page.get_by_label("Not working").check()
    describe(page, "Light out, reported with no signal", photos=[phone_photo(tmp_path)])
    send(page, email="offline@example.org")
    heading(page, "Saved on this phone")
    expect(page.locator("#status")).to_contain_text("1 report is waiting to be sent.")
    check_accessible(page, "report: saved offline")

    page.reload()  # still offline: the shell comes from the service worker, the report from IndexedDB
    page.get_by_role("link", name="See reports waiting", exact=True).click()
    heading(page, "Track a report")
    expect(page.locator("#waiting-list")).to_contain_text("Street light fault")
    expect(page.locator("#waiting-list")).to_contain_text("Waiting for signal")
    check_accessible(page, "track: waiting")
    assert browser.stack.reports_described("Light out, reported with no signal") == []

    browser.context.set_offline(False)
    page.get_by_role("link", name="Find").click()  # back in signal, the resident carries on
    expect(page.locator("#status")).to_contain_text("Your waiting report was sent")
    page.evaluate("() => window.dispatchEvent(new Event('online'))")  # another try sends nothing more
    page.get_by_role("link", name="Track", exact=True).click()
    expect(page.locator("#waiting-list")).to_have_count(0)
    [stored] = browser.stack.reports_described("Light out, reported with no signal")
    assert stored.fields == {"fault": "out"} and len(stored.photos) == 1
    expect(page.locator("#device-reports")).to_contain_text(stored.id)


def test_a_report_whose_answer_was_lost_is_sent_again_and_stored_once(chromium, stack):
    """The request reached the council but the answer never reached the
    phone: the retry carries the same Idempotency-Key and photo uploads, and
    the API answers with the report it already has."""
    from tests.web.browser import Browser
    phone = Browser(chromium, stack, geolocation=HAXBY, service_workers="block")
    try:
        page = phone.new_page()

        answers = []
        signal = []  # empty: the phone stays out of signal after losing the answer

        def lose_the_first_answer(route):
            if not answers:
                answers.append(route.fetch())  # the council gets the report...
                route.abort("connectionreset")  # ...the phone never hears back
            elif signal:
                route.continue_()
            else:
                # Still no signal: the app's own retries (on every screen drawn)
                # must not turn "Saved on this phone" into "sent" before we look.
                route.abort("internetdisconnected")

        page.route("**/v1/reports", lose_the_first_answer)
        start_report(page, "Litter")
        place_by_gps(page)
        heading(page, "Tell us about")
        describe(page, "Cans on the verge, answer lost")
        send(page)
        heading(page, "Saved on this phone")
        assert answers[0].status == 201
        [first] = stack.reports_described("Cans on the verge, answer lost")

        signal.append(True)
        page.get_by_role("link", name="Track", exact=True).click()  # the app tries again
        expect(page.locator("#device-reports")).to_contain_text(first.id)
        expect(page.locator("#waiting-list")).to_have_count(0)
        assert [r.id for r in stack.reports_described("Cans on the verge, answer lost")] == [first.id]
    finally:
        phone.close()


@pytest.mark.installed
def test_the_last_data_loaded_is_shown_without_signal(browser):
    report = browser.stack.report(description="Seen once, then read offline")
    page = browser.new_page()
    installed(page)
    page.goto(f"/?report={report['id']}")
    heading(page, "Pothole")
    browser.context.set_offline(True)
    page.reload()
    heading(page, "Pothole")
    expect(page.locator(".summary-list")).to_contain_text("Seen once, then read offline")


@pytest.mark.installed
def test_a_phone_that_never_reported_with_signal_can_start_a_report_offline(browser):
    page = browser.new_page()
    installed(page)  # the home screen alone: the categories were never asked for by a screen
    browser.context.set_offline(True)
    page.get_by_role("link", name="Report a problem").click()
    heading(page, "What is the problem?")
    expect(page.get_by_label("Pothole", exact=True)).to_be_visible()
