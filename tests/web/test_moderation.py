"""Moderation in the app (issue 26 item 10), with the keyboard alone: the
reporter withdraws a photo of theirs from the tracking page; an officer
takes a name out of the description and hides the other photo at the desk,
seeing what was there before; the public page says "Moderated by the
council" and shows neither."""
import io

import requests
from playwright.sync_api import expect

from tests.web.browser import check_accessible
from tests.web.desk import desk  # noqa: F401 (a fixture)
from tests.web.desk import Officer, heading, screen, sign_in_by_keyboard, tab_to

NAMED = "Mr Example's van"
SAID = f"Pothole by number 12, where {NAMED} is always parked."


def photo(stack, colour):
    """An upload as the phone makes it: a presigned form, then the file straight to S3."""
    from PIL import Image
    data = io.BytesIO()
    Image.new("RGB", (64, 48), colour).save(data, "JPEG")
    form = stack.post("/v1/uploads", {"content_type": "image/jpeg", "size": len(data.getvalue())})
    sent = requests.post(form["url"], data=form["fields"], files={"file": ("photo.jpg", data.getvalue(), "image/jpeg")})
    assert sent.status_code in (200, 204), sent.text
    return form["upload_id"]


def test_a_reporter_withdraws_a_photo_and_an_officer_moderates_the_rest_with_the_keyboard(desk, browser):
    stack = desk.stack
    report = stack.report(description=SAID, photos=[photo(stack, (200, 30, 30)), photo(stack, (30, 30, 200))],
                          contact={"name": "Rita Reporter", "email": "rita@example.org"})
    rid = report["id"]

    phone = browser.new_page()
    phone.goto(f"/?report={rid}&token={report['tracking_token']}")
    heading(phone, "Pothole")
    withdraw = phone.get_by_role("button", name="Withdraw photo 2")
    tab_to(phone, withdraw)
    phone.keyboard.press("Enter")  # first: what it does
    expect(phone.get_by_role("button", name="Yes, withdraw photo 2")).to_be_focused()
    phone.keyboard.press("Enter")
    expect(phone.locator("#photo-withdrawn")).to_be_focused()
    check_accessible(phone, "report page: a photo withdrawn by its reporter")
    assert len(stack.get(f"/v1/reports/{rid}")["photos"]) == 1

    Officer(stack, "moderator@example.org")
    page = desk.new_page()
    sign_in_by_keyboard(page, "moderator@example.org")
    heading(page, "Inbox")
    page.goto(f"/staff/reports/{rid}")
    heading(page, rid)
    description = page.get_by_label("Public description")
    tab_to(page, description)
    page.keyboard.press("Control+A")
    page.keyboard.type("Pothole by number 12, where is always parked.")
    tab_to(page, page.get_by_label("Photo 1"))
    page.keyboard.press("Space")
    tab_to(page, page.get_by_label("Why", exact=True))
    page.keyboard.type("A neighbour's name")
    tab_to(page, page.get_by_role("button", name="Moderate"))
    page.keyboard.press("Enter")
    expect(page.locator("#saved")).to_be_focused()
    record = page.locator("#moderation-record")
    expect(record).to_contain_text(SAID)  # the original, for staff
    expect(record).to_contain_text("A neighbour's name")
    expect(page.locator("#hidden-photos img")).to_have_count(2)  # the reporter's and the officer's
    expect(page.locator("#audit")).to_contain_text("Moderated")
    screen(page, "staff-report-moderated")

    public = desk.context.browser.new_context(base_url=stack.url).new_page()
    public.goto(f"/?report={rid}")
    heading(public, "Pothole")
    expect(public.locator("#moderated")).to_contain_text("Moderated by the council on")
    expect(public.locator("#screen")).to_contain_text("Pothole by number 12, where [...] is always parked.")
    expect(public.locator("#screen")).not_to_contain_text(NAMED)
    expect(public.locator(".photo-list img")).to_have_count(0)
    check_accessible(public, "report page: moderated")
    public.context.close()
