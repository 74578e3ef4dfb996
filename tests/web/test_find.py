"""Find my nearest, and my property: bin days into my calendar, councillors."""
import math

from playwright.sync_api import expect

from tests.web.browser import CONEY_STREET, check_accessible
from tests.web.journeys import heading


def metres(a, b):
    lat = math.radians((a[0] + b[0]) / 2)
    return math.hypot((a[0] - b[0]) * 111_195, (a[1] - b[1]) * 111_195 * math.cos(lat))


def test_the_nearest_library_is_found_with_one_press_of_use_my_location_after_choosing_libraries(page, stack):
    from doorstep_cli.seed import DEMO_DIR
    import json
    here = (CONEY_STREET["latitude"], CONEY_STREET["longitude"])
    libraries = [f for f in json.loads((DEMO_DIR / "facilities.geojson").read_text())["features"]
                 if f["properties"]["type"] == "library"]
    nearest = min(libraries, key=lambda f: metres(here, f["geometry"]["coordinates"][::-1]))

    page.goto("/find")
    heading(page, "Find your nearest")
    kinds = page.get_by_role("group", name="What do you want to find?")
    expect(kinds.get_by_role("radio", checked=True)).to_have_count(0)  # asked, not chosen for them
    page.get_by_role("button", name="Use my current location").click()  # before choosing: asked what
    expect(page.locator(".error-summary")).to_contain_text("Choose what you want to find")
    page.get_by_label("Libraries", exact=True).check()  # the place is known now: the list comes with the choice
    results = page.get_by_role("heading", level=2, name="Libraries: nearest to your current location")
    expect(results).to_be_visible()
    page.get_by_label("Car parks", exact=True).check()  # another kind, same place, focus kept on the choice
    expect(page.get_by_role("heading", name="Car parks: nearest to your current location")).to_be_visible()
    expect(page.get_by_label("Car parks", exact=True)).to_be_focused()
    page.get_by_label("Libraries", exact=True).check()
    page.get_by_role("button", name="Use my current location").click()  # one press
    expect(results).to_be_focused()
    first = page.locator("#results .card").first
    expect(first.get_by_role("heading")).to_have_text(nearest["properties"]["name"])
    expect(first).to_contain_text("Monday to Friday 09:00-18:00")
    lon, lat = nearest["geometry"]["coordinates"]
    assert f"{lat},{lon}" in first.get_by_role("link", name="Directions").get_attribute("href")
    check_accessible(page, "find: results")

    page.get_by_label("Postcode").fill("yo1 7hh")
    page.get_by_label("Postcode").press("Enter")  # one press again
    expect(page.get_by_role("heading", name="Libraries: nearest to YO1 7HH")).to_be_focused()
    said = page.locator("#screen").inner_text()  # the place said once, not twice
    assert "Using the middle of" not in said and "Near YO1 7HH" not in said and said.count("to YO1 7HH") == 1


def test_a_property_shows_bin_days_to_add_to_a_calendar_and_its_councillors(page):
    page.goto("/")
    page.get_by_role("link", name="Bin days", exact=True).click()
    heading(page, "Bin days and councillors")
    page.get_by_label("Postcode or street").fill("yo1 9zz")  # a York postcode we have no addresses at
    page.get_by_role("button", name="Find address").click()
    expect(page.locator(".error-summary")).to_contain_text("We have no addresses at YO1 9ZZ. Check the postcode")
    expect(page.locator(".error-summary")).to_contain_text("search for its street instead, such as 3 Micklegate")
    # A street and house number ("3 Micklegate") names its one address: tests/web/test_home_journeys.py.
    page.get_by_label("Postcode or street").fill("yo1 7hh")
    page.get_by_role("button", name="Find address").click()
    page.get_by_label("Choose your address in YO1 7HH").select_option(label="3 Micklegate, York")
    check_accessible(page, "property: choose address")
    page.get_by_role("button", name="Continue").click()
    heading(page, "3 Micklegate, York")
    expect(page.locator("#bins .card")).not_to_have_count(0)
    calendar = page.get_by_role("link", name="Subscribe in your calendar app").get_attribute("href")
    assert calendar.startswith("webcal://") and calendar.endswith("/bins.ics")
    ics = page.request.get(page.get_by_role("link", name="Add bin days to my calendar").get_attribute("href"))
    assert ics.ok and ics.headers["content-type"].startswith("text/calendar") and "BEGIN:VEVENT" in ics.text()
    expect(page.get_by_role("heading", name="Your councillors: Micklegate ward")).to_be_visible()
    check_accessible(page, "property")

    page.goto("/")
    expect(page.get_by_role("link", name="Bin days for 3 Micklegate, York")).to_be_visible()  # remembered


def test_a_street_searched_for_is_named_as_the_council_writes_it_and_an_unknown_postcode_clears_the_results(page):
    page.goto("/find")
    heading(page, "Find your nearest")
    page.get_by_label("Libraries", exact=True).check()
    page.get_by_label("Postcode").fill("3 MICKLEGATE")
    page.get_by_role("button", name="Find", exact=True).click()
    expect(page.get_by_role("heading", level=2, name="Libraries: nearest to 3 Micklegate", exact=True)).to_be_visible()
    page.get_by_label("Postcode").fill("YO1 0ZZ")  # a postcode with no addresses
    page.get_by_role("button", name="Find", exact=True).click()
    summary = page.locator(".error-summary")
    expect(summary.get_by_role("link")).to_contain_text("We have no addresses at YO1 0ZZ")
    expect(page.locator("#results .card")).to_have_count(0)  # the old place's results are gone with it


def test_bin_days_with_one_address_found_go_straight_to_it(page):
    page.goto("/property")
    page.get_by_label("Postcode or street").fill("3 Micklegate")
    page.get_by_role("button", name="Find address").click()
    heading(page, "3 Micklegate")  # nothing to choose from a list of one
