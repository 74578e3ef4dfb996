"""Reporting a problem in the browser: by GPS with a photo, by postcode with
the keyboard and no map, on the map, past "is it one of these?", and with
the API's errors shown on the fields they are about."""
import io
import re
import urllib.request

from playwright.sync_api import expect

from tests.web.browser import check_accessible
from tests.web.journeys import (describe, heading, phone_photo, place_by_gps, send, sent_reference, start_report,
                                not_one_of_these)

BOOTHAM = {"latitude": 53.9655, "longitude": -1.0900}


def test_a_resident_reports_a_pothole_with_a_photo_by_gps(browser, tmp_path):
    page = browser.new_page()
    start_report(page, "Pothole", search="hole", axe=True)
    place_by_gps(page, axe=True)
    not_one_of_these(page)
    expect(page.locator(".warning-text")).to_contain_text("immediate danger")  # the category's notice
    describe(page, "Pothole by the gps journey", choices=["Larger than a car tyre"],
             photos=[phone_photo(tmp_path)], axe=True)
    # Before Send: who will deal with it, from the routing the report will get.
    expect(page.locator("#sent-to")).to_have_text("This will be sent to City of York Council.")
    send(page, name="Ada Resident", email="ada@example.org", axe=True)
    reference = sent_reference(page)
    check_accessible(page, "report: sent")

    [stored] = browser.stack.reports_described("Pothole by the gps journey")
    assert stored.id == reference and stored.fields == {"size": "large"}
    assert (round(float(stored.lat), 4), round(float(stored.lon), 4)) == (53.9598, -1.0842)
    [photo] = stored.photos
    assert max(photo["width"], photo["height"]) == 1600  # resized on the phone from 3000 x 2000
    assert stored.contact == {"name": "Ada Resident", "email": "ada@example.org"}

    page.locator("#tracking-link").click()
    heading(page, "Pothole")
    expect(page.locator(".summary-list")).to_contain_text("Who deals with it")
    expect(page.locator(".summary-list")).to_contain_text("Sent to City of York Council at ")
    expect(page.get_by_role("img", name="Photo 1 of the Pothole report")).to_be_visible()
    src = page.get_by_role("img", name="Photo 1 of the Pothole report").get_attribute("src")
    from PIL import Image
    with urllib.request.urlopen(src, timeout=10) as response:
        shown = Image.open(io.BytesIO(response.read()))
    assert max(shown.size) == 1600 and 0x8825 not in shown.getexif()  # no GPS left in it


def test_a_resident_reports_a_pothole_by_postcode_with_the_keyboard_and_without_the_map(browser):
    page = browser.new_page()
    page.goto("/report/category")
    heading(page, "What is the problem?")
    tab_to(page, page.get_by_label("Search for a problem"))
    page.keyboard.type("crater")
    tab_to(page, page.get_by_label("Pothole", exact=True))
    page.keyboard.press("Space")
    tab_to(page, page.get_by_role("button", name="Continue"))
    page.keyboard.press("Enter")
    heading(page, "Where is the problem?")
    tab_to(page, page.get_by_label("Postcode or street"))
    page.keyboard.type("yo1 7hh")
    page.keyboard.press("Enter")
    tab_to(page, page.get_by_label("Choose the nearest address"))
    page.keyboard.type("7")  # a closed list picks the address starting with what is typed
    expect(page.locator("#chosen-location")).to_contain_text("7 Micklegate")
    tab_to(page, page.get_by_role("button", name="Continue"))
    page.keyboard.press("Enter")
    not_one_of_these(page)
    tab_to(page, page.get_by_label("Smaller than a dinner plate"))
    page.keyboard.press("ArrowDown")  # radios: the arrow keys choose within the group
    expect(page.get_by_label("Up to a car tyre")).to_be_checked()
    tab_to(page, page.get_by_label("Describe the problem"))
    page.keyboard.type("Pothole reported by the keyboard journey")
    tab_to(page, page.get_by_role("button", name="Continue"))
    page.keyboard.press("Enter")
    heading(page, "Your details")
    tab_to(page, page.get_by_role("button", name="Send report"))
    page.keyboard.press("Enter")
    reference = sent_reference(page)

    [stored] = browser.stack.reports_described("Pothole reported by the keyboard journey")
    assert stored.id == reference and stored.fields == {"size": "medium"} and not stored.contact
    address = next(a for a in browser.stack.deps().addresses.by_postcode("YO17HH") if a.text.startswith("7 "))
    assert (float(stored.lat), float(stored.lon)) == (float(address.lat), float(address.lon))
    assert stored.address == address.text  # the report is named by the address it was placed by


def test_a_tap_on_the_map_places_the_pin_and_so_does_its_centre_button(browser):
    page = browser.new_page()
    start_report(page, "Graffiti")
    # The map takes a tap once Leaflet has drawn it and holds its handlers: waited for, as the
    # map says it (data-state), not guessed from its container, which is made a step before.
    ready = page.locator(".map[data-state='ready']")
    expect(ready).to_be_visible()
    ready.click(position={"x": 60, "y": 60})
    expect(page.locator("#chosen-location")).to_contain_text("the point you placed on the map")
    tapped = page.locator("#chosen-location").inner_text()
    # Who takes it is said above the map once the API answers, moving the map and its button
    # down: on a busy machine that answer came as the button was pressed, and the press missed.
    expect(page.locator("#who-takes-it")).to_have_attribute("data-state", "settled")
    page.get_by_role("button", name="Put the pin in the middle of the map").click()
    expect(page.locator("#chosen-location")).not_to_have_text(tapped)
    expect(page.locator(".map-pin")).to_have_count(1)


def test_a_place_chosen_before_the_map_has_come_is_where_the_map_opens(browser):
    """On a slow signal a resident may use their location before the map's script has come: the map
    opens on the place chosen, pinned, not on the council's middle with no pin."""
    page = browser.new_page()
    held = []
    page.route("**/vendor/leaflet/leaflet.js", lambda route: held.append(route))  # routing turns the page's cache off
    start_report(page, "Pothole")
    page.get_by_role("button", name="Use my current location").click()
    expect(page.locator("#chosen-location")).to_contain_text("your current location")
    assert len(held) == 1, "the map's script was not asked for"
    held[0].continue_()
    expect(page.locator(".map[data-state='ready']")).to_be_visible()
    expect(page.locator(".map .map-pin")).to_have_count(1)


def test_open_reports_nearby_are_offered_before_a_new_one(chromium, stack):
    from tests.web.browser import Browser
    earlier = stack.report(lat=BOOTHAM["latitude"], lon=BOOTHAM["longitude"], description="Bootham pothole, reported first")
    phone = Browser(chromium, stack, geolocation=BOOTHAM)
    try:
        page = phone.new_page()
        start_report(page, "Pothole")
        place_by_gps(page)
        heading(page, "Is it one of these?")
        check_accessible(page, "report: is it one of these?")
        expect(page.locator(".card .metoo")).to_contain_text("Nobody else has said so yet.")  # "me too"s, counted
        expect(page.get_by_role("button", name="Me too: Bootham pothole, reported first")).to_be_visible()
        page.get_by_role("link", name="Yes, follow this one: Bootham pothole, reported first").click()
        heading(page, "Pothole")
        expect(page.locator(".caption")).to_have_text(f"Report {earlier['id']}")
        expect(page.get_by_role("link", name="Follow this report")).to_be_visible()
    finally:
        phone.close()


def test_missing_answers_and_the_apis_field_errors_are_shown_on_their_fields(browser):
    page = browser.new_page()
    start_report(page, "Pothole")
    place_by_gps(page)
    not_one_of_these(page)
    page.get_by_role("button", name="Continue").click()
    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    # GOV.UK's way: the category's own words, the same in the summary and on the field.
    expect(summary.get_by_role("link")).to_have_text(["Choose how wide the pothole is",
                                                             "Enter a description of the problem"])
    expect(page.locator("[data-field='fields.size'] .error-message")).to_have_text("Error: Choose how wide the pothole is")
    check_accessible(page, "report: details with errors")
    summary.get_by_role("link").first.click()
    expect(page.get_by_label("Smaller than a dinner plate")).to_be_focused()
    expect(page).to_have_title("Error: Tell us about the pothole – City of York Council")

    page.get_by_label("Up to a car tyre").check()
    page.get_by_label("Roughly how deep, in centimetres?").fill("500")  # the API allows 0 to 100
    page.get_by_label("Describe the problem").fill("Pothole with an impossible depth")
    page.get_by_role("button", name="Continue").click()
    heading(page, "Tell us about the pothole")  # checked on its own page, not after Send
    expect(page.locator(".error-summary a")).to_have_text(
        "‘Roughly how deep, in centimetres’ must be a number from 0 to 100")
    depth = page.get_by_label("Roughly how deep, in centimetres?")
    expect(depth).to_have_attribute("aria-invalid", "true")
    page.locator(".error-summary a").click()
    expect(depth).to_be_focused()
    assert browser.stack.reports_described("Pothole with an impossible depth") == []


def test_every_kind_of_question_reaches_the_api_as_it_expects(browser):
    page = browser.new_page()
    start_report(page, "Fly-tipping")
    place_by_gps(page)
    not_one_of_these(page)
    page.get_by_label("Household bags").check()
    page.get_by_label("Possible asbestos").check()
    page.get_by_label("A car boot load").check()
    page.get_by_label("Day").fill("3")
    page.get_by_label("Month").fill("11")
    page.get_by_label("Year").fill("2026")
    page.get_by_label("Registration of any vehicle seen dumping").fill("YO26 ABC")
    describe(page, "Bags and boards by the lane")
    send(page)
    sent_reference(page)
    [stored] = browser.stack.reports_described("Bags and boards by the lane")
    assert stored.fields == {"waste_types": ["household", "asbestos"], "amount": "car_boot",
                             "seen_on": "2026-11-03", "vehicle_seen": "YO26 ABC"}


def tab_to(page, target, limit=60):
    """Press Tab until `target` has the focus, as a keyboard user would."""
    for _ in range(limit):
        if target.evaluate("el => el === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{target} cannot be reached with the Tab key")


def test_the_check_page_says_where_the_phone_was_not_your_current_location(browser):
    page = browser.new_page()
    start_report(page, "Pothole")
    place_by_gps(page)  # "your current location" while choosing it
    not_one_of_these(page)
    page.get_by_label("Up to a car tyre").check()
    describe(page, "Pothole found on a walk")
    where = page.locator("#screen dl")
    expect(where).not_to_contain_text("your current location")  # the resident has walked on since
    expect(where).to_contain_text(re.compile(r"where your phone was at \d{1,2}(:\d{2})?(am|pm) \(53\.9"))
