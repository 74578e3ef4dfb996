"""Staff send council news to an area drawn on the map, or around an
address, and see it in the log of what was sent."""
from playwright.sync_api import expect

from tests.web.desk import desk  # noqa: F401 (a fixture)
from tests.web.desk import Officer, heading, screen, sign_in_by_keyboard


def write_news(desk, email, topic, headline, message):
    """A staff member's page on the news screen, with the news written."""
    officer = Officer(desk.stack, email)
    page = desk.new_page()
    sign_in_by_keyboard(page, email, "/sign-in?next=/staff/broadcasts")
    heading(page, "Council news")
    page.get_by_label(topic).check()
    page.get_by_label("Headline").fill(headline)
    page.get_by_label("Message").fill(message)
    return page, officer


def test_staff_draw_an_area_on_the_map_and_send_news_to_it(desk):
    page, officer = write_news(desk, "press-desk@example.org", "Roads and travel", "Lendal Bridge closed on Sunday",
                               "The bridge is closed to traffic from 6am to 6pm for repairs.")
    page.get_by_label("People in an area I draw on the map").check()
    page.get_by_role("button", name="Send news").click()
    expect(page.locator(".error-summary")).to_contain_text("Draw at least three corners")

    ready = page.locator(".map[data-state='ready']")  # takes a tap from now (web/js/map.js)
    expect(ready).to_be_visible()
    for x, y in ((300, 90), (900, 110), (600, 290)):
        ready.click(position={"x": x, "y": y})
    expect(page.locator("#corner-count")).to_have_text("Corners: 3")
    expect(page.locator("#corners li")).to_have_count(3)
    expect(page.locator(".map path.leaflet-interactive")).to_have_count(1)  # the area, drawn
    page.get_by_role("button", name="Remove the last corner").click()
    expect(page.locator("#corner-count")).to_have_text("Corners: 2")
    page.get_by_role("button", name="Add the middle of the map as a corner").click()  # no mouse needed for this one
    expect(page.locator("#corner-count")).to_have_text("Corners: 3")
    screen(page, "staff-broadcast-draw")
    page.get_by_role("button", name="Send news").click()

    expect(page.locator(".banner--saved")).to_contain_text("Your news is on its way.")
    row = page.locator("#broadcast-log tr", has_text="Lendal Bridge closed on Sunday")
    expect(row).to_contain_text("An area drawn on the map")
    screen(page, "staff-broadcasts")
    sent, _ = officer.call("GET", "/v1/broadcasts")
    polygon = sent["broadcasts"][0]["target"]["polygon"]
    ring = polygon["coordinates"][0]
    assert polygon["type"] == "Polygon" and len(ring) == 4 and ring[0] == ring[-1]
    # Corners are where they were clicked: the first left of the map's middle, the second right of it.
    assert ring[0][0] < ring[2][0] < ring[1][0]


def test_staff_send_news_around_an_address(desk):
    page, _ = write_news(desk, "bins-desk@example.org", "Bins and recycling", "Micklegate bins a day late",
                         "Collections on Micklegate move to Thursday this week.")
    page.get_by_label("Distance around it, in metres").fill("10")
    page.get_by_role("button", name="Send news").click()
    expect(page.locator(".error-summary")).to_contain_text("Find the address to send around")
    page.get_by_label("Postcode or street").fill("YO1 7HH")
    page.get_by_role("button", name="Find", exact=True).click()
    page.get_by_label("Choose the nearest address").select_option(index=1)
    page.get_by_role("button", name="Send news").click()
    summary = page.locator(".error-summary")
    expect(summary).to_contain_text("Distance around it, in metres")  # the API's limit: 50 m at least
    page.get_by_label("Distance around it, in metres").fill("400")
    page.get_by_role("button", name="Send news").click()
    expect(page.locator("#broadcast-log tr", has_text="Micklegate bins a day late")).to_contain_text(
        "400 m around a place")
