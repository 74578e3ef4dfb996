"""Another council's reports and places in the resident's app (issue 70, item 5):
its pins on the map are grey and lead to the report on its own site, and a place
another council looks after says so, with the way to report it there."""
import pytest
from playwright.sync_api import expect

from chalicelib import tenancy
from support.councils_support import add, north_lanarkshire, remove, with_categories
from tests.web.browser import check_accessible
from tests.web.journeys import start_report

NEIGHBOUR = "north-yorkshire"
BESIDE_CONEY_STREET = (53.9603, -1.0836)  # lat, lon: 60 m from where the test phone is
MOTHERWELL = {"latitude": 55.7892, "longitude": -3.9916}


def north_yorkshire():
    """A council of the deployment whose area takes in the streets round the test phone (as a county's
    roads run through its districts): its reports there are its own, not York's."""
    square = [[-1.0900, 53.9560], [-1.0780, 53.9560], [-1.0780, 53.9640], [-1.0900, 53.9640], [-1.0900, 53.9560]]
    return dict(north_lanarkshire(), id=NEIGHBOUR, name="North Yorkshire Council", short_name="North Yorkshire",
                hosts=["northyorkshire.localhost"], jurisdiction="england",
                area={"type": "Polygon", "coordinates": [square]})


@pytest.fixture(scope="module")  # one report of theirs: a second would be a second grey pin
def neighbours(stack):
    deps = stack.deps()
    add(deps, north_yorkshire())  # York's and North Lanarkshire's are the stack's, as `make run` adds them
    with_categories(NEIGHBOUR)
    from chalicelib.handlers.reports.create import create_report
    with tenancy.acting_for(NEIGHBOUR):
        theirs, _ = create_report(deps.for_council(), {
            "service_code": "pothole", "lat": BESIDE_CONEY_STREET[0], "lon": BESIDE_CONEY_STREET[1],
            "description": "A pothole on North Yorkshire's road", "fields": {"size": "small"}})
    yield theirs
    remove(NEIGHBOUR)


def test_another_councils_report_is_a_grey_pin_that_leads_to_it_on_their_site(browser, neighbours):
    page = browser.new_page()
    start_report(page, "Pothole")
    page.get_by_role("button", name="Use my current location").click()
    grey = page.locator(".map path.pin-elsewhere")
    expect(grey).to_have_count(1)
    grey.click(force=True)
    link = page.locator(".leaflet-popup a.pin-elsewhere__link")
    expect(link).to_have_text("See it on North Yorkshire Council's site")
    assert link.get_attribute("href").endswith(f"/?report={neighbours['id']}")
    assert "//northyorkshire.localhost:" in link.get_attribute("href")
    expect(page.locator("#chosen-location")).to_contain_text("your current location")  # the tap chose nothing


def test_pins_asked_for_an_earlier_view_and_answered_late_do_not_replace_this_views(browser, neighbours):
    page = browser.new_page()
    first = []
    page.route("**/v1/reports?bbox=*", lambda route: route.continue_() if first else first.append(route))
    # The map is ready once it has asked, but the question reaches this test's route later, through the
    # browser and Playwright: wait for the question itself. Its route is handed over before the next call's
    # answer comes.
    with page.expect_request(lambda request: "/v1/reports?bbox=" in request.url):
        start_report(page, "Pothole")
    expect(page.locator(".map[data-state='ready']")).to_be_visible()  # its first view: the council's middle
    assert len(first) == 1, "the map's first view asked for no pins"
    page.get_by_role("button", name="Use my current location").click()
    expect(page.locator(".map path.pin-elsewhere")).to_have_count(1)
    first[0].fulfill(json={"type": "FeatureCollection", "features": []})  # the first view's, answered last
    expect(page.locator(".map")).to_have_attribute("data-answers", "2")
    expect(page.locator(".map path.pin-elsewhere")).to_have_count(1)


def test_a_place_another_council_looks_after_says_whose_it_is_and_the_way_there(browser, neighbours):
    browser.context.set_geolocation(MOTHERWELL)
    page = browser.new_page()
    start_report(page, "Pothole")
    page.get_by_role("button", name="Use my current location").click()
    expect(page.locator("#who-takes-it")).to_have_attribute("data-state", "settled")
    expect(page.locator("#goes-to")).to_contain_text("North Lanarkshire Council looks after this place, not us.")
    there = page.get_by_role("link", name="Report it on North Lanarkshire Council's site")
    assert there.get_attribute("href").endswith("/report/category")
    assert "//northlanarkshire.localhost:" in there.get_attribute("href")
    check_accessible(page, "report: a place another council looks after")
