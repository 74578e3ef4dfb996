"""Bin days into a phone's calendar: an https .ics file every phone can save
and open, and a webcal:// subscription only where a calendar app takes it."""
from datetime import date

from playwright.sync_api import expect

from tests.web.browser import Browser, check_accessible
from tests.web.journeys import heading

ANDROID = ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
           "Chrome/130.0.0.0 Mobile Safari/537.36")
IPHONE = ("Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
          "Version/18.0 Mobile/15E148 Safari/604.1")
NARROW = {"width": 360, "height": 740}


def property_page(phone):
    page = phone.new_page()
    page.goto("/property?uprn=990000000003")
    heading(page, "3 Micklegate, York")
    expect(page.locator("#bins .card")).not_to_have_count(0)
    return page


def test_an_android_phone_downloads_the_bin_days_file_and_is_not_offered_webcal(chromium, stack):
    phone = Browser(chromium, stack, user_agent=ANDROID, viewport=NARROW)
    try:
        page = property_page(phone)
        add = page.get_by_role("link", name="Add bin days to my calendar")
        assert add.get_attribute("href").startswith(stack.url)  # https in production: what Android opens
        expect(page.locator("#bins-webcal")).to_have_count(0)
        with page.expect_download() as saved:
            add.click()
        download = saved.value
        assert download.suggested_filename == "bin-days.ics"
        from icalendar import Calendar
        calendar = Calendar.from_ical(open(download.path(), "rb").read())
        starts = [e.decoded("DTSTART") for e in calendar.walk("VEVENT")]
        assert len(starts) > 20 and all(type(d) is date for d in starts)  # all-day collections for a year
        assert str(calendar["X-WR-CALNAME"]) == "Bin days: 3 Micklegate, York"
        # The app's own links still work after the download (they once stopped after a webcal:// tap).
        page.get_by_role("link", name="Report", exact=True).click()
        heading(page, "What is the problem?")
        page.go_back()
        heading(page, "3 Micklegate, York")
        check_accessible(page, "property on Android")
    finally:
        phone.close()


def test_an_iphone_is_offered_the_file_and_a_webcal_subscription_and_the_button_has_room_around_its_words(
        chromium, stack):
    phone = Browser(chromium, stack, user_agent=IPHONE, viewport=NARROW)
    try:
        page = property_page(phone)
        webcal = page.get_by_role("link", name="Subscribe in your calendar app").get_attribute("href")
        assert webcal.startswith("webcal://") and webcal.endswith("/v1/places/990000000003/bins.ics")
        add = page.get_by_role("link", name="Add bin days to my calendar")
        expect(add).to_have_attribute("download", "bin-days.ics")
        padding = add.evaluate("a => { const s = getComputedStyle(a); return [s.paddingLeft, s.paddingTop]; }")
        left, top = (float(p.removesuffix("px")) for p in padding)
        assert left >= 12 and top >= 8  # not the bare link's 3 px above and nothing beside
        check_accessible(page, "property on an iPhone")
    finally:
        phone.close()
