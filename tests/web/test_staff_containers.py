"""An officer at the container desk, by keyboard: a depot's stock restocked
with a reason (kept with who did it), a second officer's restock meanwhile
said and shown instead of counted over, and a bin taken for a caller with the
charge waived, confirmed with the crew's delivery day and listed with the
requests to deliver."""
from playwright.sync_api import expect

from tests.web.desk import desk  # noqa: F401 (a fixture)
from tests.web.desk import Officer, heading, screen, sign_in_by_keyboard, tab_to
from tests.web.test_bulky import DEMO_HOME, pay  # noqa: F401 (a fixture)


def stock_of(officer, container):
    stock, _ = officer.call("GET", "/v1/staff/waste/containers/stock/main")
    return next(c for c in stock["containers"] if c["container"] == container)


def change_count(page, container_name, add, reason):
    page.locator("#stock-change").get_by_label("Container").select_option(label=container_name)
    tab_to(page, page.get_by_label("How many to add"))
    page.keyboard.type(str(add))
    tab_to(page, page.locator("#stock-change").get_by_label("Why"))
    page.keyboard.type(reason)
    page.keyboard.press("Enter")


def test_an_officer_restocks_a_depot_is_told_of_a_change_meanwhile_and_takes_a_bin_for_a_caller(desk, pay):
    stack = desk.stack
    Officer(stack, "containers.desk@example.org")
    other = Officer(stack, "containers.other@example.org")
    page = desk.new_page()
    sign_in_by_keyboard(page, "containers.desk@example.org", "/sign-in?next=/staff/containers")
    heading(page, "Bins and boxes ordered")
    before = stock_of(other, "food-caddy")
    expect(page.locator("#stock-food-caddy")).to_contain_text(str(before["count"]))
    screen(page, "staff-containers")

    change_count(page, "Food waste caddy", 12, "Delivery from the supplier")
    expect(page.locator("#stock-saved")).to_have_text("The count of Food waste caddy has been changed.")
    row = page.locator("#stock-food-caddy")
    expect(row).to_contain_text(str(before["count"] + 12))
    expect(row).to_contain_text("+12 by containers.desk@example.org")
    expect(row).to_contain_text("Delivery from the supplier")

    # Another officer writes two off at their desk; this page still shows the count before it.
    seen = stock_of(other, "food-caddy")
    other.call("POST", "/v1/staff/waste/containers/stock/main/food-caddy", {"add": -2, "reason": "Cracked"},
               {"If-Match": f'"{seen["version"]}"'})
    change_count(page, "Food waste caddy", 5, "Found in the yard")
    expect(page.locator(".error-summary")).to_contain_text("Someone changed this count since you opened the page")
    expect(row).to_contain_text(str(before["count"] + 10))  # shown as it is now, the 5 not counted
    expect(row).to_contain_text("Cracked")
    assert stock_of(other, "food-caddy")["count"] == before["count"] + 10

    tab_to(page, page.locator("#containers-find").get_by_label("Postcode"))
    page.keyboard.type("YO1 7HH")
    page.keyboard.press("Enter")
    address = page.locator("#containers-pick").get_by_label("Address", exact=True)
    expect(address).to_be_focused()
    address.select_option(DEMO_HOME)
    tab_to(page, page.locator("#containers-pick").get_by_role("button", name="Choose this address"))
    page.keyboard.press("Enter")
    expect(page.locator("#containers-address")).to_have_text("1 Micklegate, York")
    page.get_by_label("Blue recycling bin (240 litres)").check()
    page.get_by_label("Missing or stolen").check()
    page.get_by_role("radio", name="Waived").check()
    page.get_by_role("button", name="Take the request").click()
    expect(page.locator(".error-summary")).to_contain_text("Say why the charge is waived.")
    page.locator("#containers-take").get_by_label("Why is the charge waived?").fill("Hardship, agreed by the manager")
    page.get_by_role("button", name="Take the request").click()
    expect(page.locator("#taken")).to_contain_text("Our crew will bring it on Monday")
    reference = page.locator("#reference").inner_text()
    screen(page, "staff-containers-taken")
    page.reload()
    heading(page, "Bins and boxes ordered")
    expect(page.locator("#requests")).to_contain_text(reference)
    expect(page.locator("#requests")).to_contain_text("Blue recycling bin (240 litres)")
