"""A service's officer enters a month's phone and face-to-face contacts on the desk: a number that is not
a whole one is refused at its field, the month saved shows in the year's table, and a change another
officer made first is shown as it is now rather than overwritten."""
import json
import urllib.request
import uuid

from playwright.sync_api import expect

from tests.web.desk import desk  # noqa: F401 (a fixture)
from tests.web.desk import heading, screen, sign_in_by_keyboard

PATH = "/v1/staff/figures/halls/contacts/2025-10"


def _put(stack, body, version, auth):
    request = urllib.request.Request(stack.url + PATH, data=json.dumps(body).encode(), method="PUT", headers={
        "Content-Type": "application/json", "If-Match": f'"{version}"', **auth})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def test_the_halls_officer_enters_octobers_contacts_and_sees_a_colleagues_change_first(desk, stack):
    officer = stack.resident(f"halls.{uuid.uuid4().hex[:6]}@york.example.gov.uk", name="Hal Halls", role="staff",
                             roles=["halls"])
    colleague = stack.token(stack.resident(f"halls.{uuid.uuid4().hex[:6]}@york.example.gov.uk", role="staff",
                                           roles=["halls"]))
    page = desk.new_page()
    sign_in_by_keyboard(page, officer, "/sign-in?next=/staff/figures/contacts%3Fservice%3Dhalls%26year%3D2025")
    heading(page, "Phone and face-to-face contacts")
    page.get_by_label("Month").select_option(label="October 2025")
    page.get_by_label("Contacts by phone").fill("12.5")
    page.get_by_label("Contacts face to face").fill("12")
    page.get_by_role("button", name="Save the month's contacts").click()
    phone = page.locator(".form-group--error").filter(has=page.get_by_label("Contacts by phone"))
    expect(phone.locator(".error-message")).to_contain_text("must be a whole number of contacts")
    screen(page, "staff-contacts-refused")

    page.get_by_label("Contacts by phone").fill("40")
    page.get_by_role("button", name="Save the month's contacts").click()
    expect(page.locator("#contacts-status")).to_have_text("October 2025's contacts saved.")
    october = page.locator("#contacts-year").get_by_role("row", name="October 2025")
    expect(october).to_have_text("October 20254012")
    screen(page, "staff-contacts")

    _put(stack, {"phone": 50, "face_to_face": 12}, 1, colleague)  # a colleague's change, from the version read
    expect(page.get_by_label("Month")).to_have_value("2025-10")  # the month sent stays chosen
    page.get_by_label("Contacts by phone").fill("45")
    page.get_by_role("button", name="Save the month's contacts").click()
    expect(page.locator("#contacts-status")).to_contain_text("Someone changed October 2025's contacts")
    expect(october).to_have_text("October 20255012")
    figures = stack.get("/v1/figures?year=2025")["services"]["halls"][6]
    assert (figures["month"], figures["counts"]["phone"]) == ("2025-10", 50)
