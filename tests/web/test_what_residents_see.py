"""The screens as a resident meets them (issue 26): a photo button that says
what it does, places in words, errors in the field's own words, a sent
screen with no secret printed, and one true state per report on the phone."""
import re

import pytest
from playwright.sync_api import expect

from tests.web.browser import check_accessible
from tests.web.journeys import (add_photos, describe, heading, not_one_of_these, phone_photo, place_by_gps, send,
                                report_a_pothole, sent_reference, start_report)


def test_photos_are_added_with_a_button_and_each_removed_with_the_keyboard(browser, tmp_path):
    page = browser.new_page()
    start_report(page, "Pothole")
    place_by_gps(page)
    not_one_of_these(page)
    add = page.get_by_role("button", name="Take or choose a photo")
    assert add.bounding_box()["height"] >= 44
    add_photos(page, [phone_photo(tmp_path, "one.jpg", (800, 600)), phone_photo(tmp_path, "two.jpg", (600, 800))])
    expect(page.get_by_role("img", name=re.compile("^Photo [12] of the problem$"))).to_have_count(2)
    expect(page.get_by_role("button", name="Take or choose another photo")).to_be_visible()
    check_accessible(page, "report: details with two photos")

    page.get_by_role("button", name="Remove photo 1").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("img", name=re.compile("^Photo . of the problem$"))).to_have_count(1)
    expect(page.get_by_text("Photo 1 removed.")).to_be_visible()
    # The focus stays in the list, on the photo that took the removed one's place.
    expect(page.get_by_role("button", name="Remove photo 1")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator(".photo-list img")).to_have_count(0)
    expect(page.get_by_role("button", name="Take or choose a photo")).to_be_focused()


def test_the_chosen_address_is_in_sight_above_the_map_and_continue_a_few_stops_on(browser):
    page = browser.new_page()
    page.set_viewport_size({"width": 360, "height": 740})
    start_report(page, "Pothole")
    page.get_by_label("Postcode or street").fill("YO1 7HH")
    page.get_by_role("button", name="Find", exact=True).click()
    addresses = page.get_by_label("Choose the nearest address")
    first = addresses.locator("option").first
    expect(first).to_have_text(re.compile(r"^Choose an address \(\d+ found\)$"))
    addresses.select_option(label="3 Micklegate, York")
    chosen = page.locator("#chosen-location")
    expect(chosen).to_have_text("Chosen: 3 Micklegate, York.")
    expect(chosen).to_be_in_viewport()
    assert chosen.bounding_box()["y"] < page.locator(".map").bounding_box()["y"]
    addresses.focus()
    stops = []
    for _ in range(6):
        page.keyboard.press("Tab")
        stops.append(page.evaluate("() => { const el = document.activeElement; "
                                   "return `${el.tagName} ${el.className} ${el.textContent.trim().slice(0, 30)}`; }"))
        if stops[-1].startswith("BUTTON button Continue"):
            break
    else:
        raise AssertionError(f"Continue is more than 6 Tab stops after the address list: {stops}")
    check_accessible(page, "report: location chosen by address")


def test_a_postcode_over_the_border_says_so(browser):
    page = browser.new_page()
    start_report(page, "Pothole")
    page.get_by_label("Postcode or street").fill("LS1 4AP")
    page.get_by_role("button", name="Find", exact=True).click()
    # Said as every error is (issue 47): in the summary above the heading, linked to the box, and at it.
    words = ("LS1 4AP is outside the area City of York Council looks after. "
             "Report the problem to the council for that area.")
    expect(page.locator(".error-summary__list")).to_have_text(words)
    expect(page.locator(".error-message")).to_contain_text(words)
    expect(page.locator(".place-results")).to_have_text("")


def test_the_sent_screen_offers_track_copy_and_share_and_never_prints_the_token(browser):
    browser.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = browser.new_page()
    page.add_init_script("navigator.share = data => { window.shared = data; return Promise.resolve(); };")
    start_report(page, "Pothole")
    place_by_gps(page)
    not_one_of_these(page)
    describe(page, "Pothole for the sent screen", choices=["Up to a car tyre"])
    send(page, name="Sam Sent", email="sam.sent@example.org")
    reference = sent_reference(page)
    track = page.get_by_role("link", name="Track this report")
    href = track.get_attribute("href")
    token = re.search(r"token=([^&]+)", href).group(1)
    assert token not in page.inner_text("body") and "token=" not in page.inner_text("body")
    check_accessible(page, "report: sent, with share")

    page.get_by_role("button", name="Copy the link").click()
    expect(page.locator("#share-status")).to_have_text("Link copied. Keep it to follow your report.")
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied.endswith(href) and copied.startswith("http")
    page.get_by_role("button", name="Share the link").click()
    assert page.evaluate("() => window.shared") == {"title": f"Report {reference}", "url": copied}


def test_without_web_share_the_sent_screen_offers_copy_alone(browser):
    page = browser.new_page()
    page.add_init_script("delete Navigator.prototype.share;")
    report_a_pothole(page, "Pothole for a phone without sharing", "Up to a car tyre", "Sam Sent", "sam.sent@example.org")
    expect(page.get_by_role("button", name="Copy the link")).to_be_visible()
    expect(page.get_by_role("button", name="Share the link")).to_have_count(0)


@pytest.mark.installed
def test_a_waiting_report_shows_one_state_sent_with_its_reference_once_it_goes(browser):
    page = browser.new_page()
    page.goto("/")
    page.wait_for_function("() => navigator.serviceWorker && navigator.serviceWorker.controller !== null")
    start_report(page, "Litter")
    browser.context.set_offline(True)
    place_by_gps(page)
    describe(page, "Litter waiting, then sent")
    send(page)
    heading(page, "Saved on this phone")
    # The design system's warning colours: dark text on the yellow tag's background.
    colours = page.locator(".panel--waiting").evaluate(
        "el => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]")
    assert colours == ["rgb(255, 247, 191)", "rgb(11, 12, 12)"]
    check_accessible(page, "report: saved offline")

    page.goto("/track")  # still offline: the waiting report is this phone's only one
    expect(page.locator("#waiting-list")).to_contain_text("Waiting for signal")
    expect(page.locator("#screen")).not_to_contain_text("You have not sent any reports")
    page.go_back()
    heading(page, "Saved on this phone")

    browser.context.set_offline(False)
    page.evaluate("() => window.dispatchEvent(new Event('online'))")
    heading(page, "Report sent")  # on the same screen, without a reload
    [stored] = browser.stack.reports_described("Litter waiting, then sent")
    expect(page.locator("#reference")).to_have_text(stored.id)
    expect(page.get_by_role("status").filter(has_text="has been sent")).to_have_count(1)
    page.reload()
    heading(page, "Report sent")
    expect(page.locator("#reference")).to_have_text(stored.id)
    expect(page.locator("#screen")).not_to_contain_text("Saved on this phone")
    page.get_by_role("link", name="Track", exact=True).click()
    expect(page.locator("#device-reports")).to_contain_text(stored.id)
    expect(page.locator("#waiting-list")).to_have_count(0)


def test_a_place_reads_in_words_for_the_resident_the_officer_and_the_crew(browser):
    from tests.web.crew import assigned_job, crew_member, sign_in_crew
    from tests.web.desk import Officer, sign_in_by_keyboard
    stack = browser.stack
    page = browser.new_page()
    start_report(page, "Pothole")
    place_by_gps(page)  # the phone is on Coney Street, 13 m from number 9
    not_one_of_these(page)
    describe(page, "Pothole placed by the phone's location", choices=["Up to a car tyre"])
    send(page, name="Wren Words", email="wren.words@example.org")
    reference = sent_reference(page)
    page.locator("#tracking-link").click()
    where = page.locator(".summary-list__row", has_text="Where")
    expect(where.locator("dd")).to_contain_text("Outside 9 Coney Street")
    expect(where.locator(".place-point")).to_have_text("53.95980, -1.08420")  # the point, second
    check_accessible(page, "report page: place in words")

    by = Officer(stack, "words.officer@council.example")
    desk = browser.new_page()
    desk.set_viewport_size({"width": 1280, "height": 900})
    sign_in_by_keyboard(desk, "words.officer@council.example", f"/sign-in?next=/staff/reports/{reference}")
    expect(desk.locator("#report-details")).to_contain_text("Outside 9 Coney Street")
    expect(desk.locator("#due-rule")).to_have_text("(the council's policy for road defects, by risk)")  # what made the date

    # The crew's job screen: words where it said "None", and the point when no address is near.
    _, job_id = assigned_job(stack, by, "Pothole on Coney Street", at=(53.9598, -1.0842))
    _, far_job = assigned_job(stack, by, "Pothole by the Minster")  # 256 m from the nearest address
    crew = browser.new_page()
    sign_in_crew(crew, crew_member(stack))
    crew.goto(f"/crew/jobs/{job_id}")
    expect(crew.locator("#job-report")).to_contain_text("Outside 9 Coney Street")
    crew.goto(f"/crew/jobs/{far_job}")
    expect(crew.locator("#job-report .summary-list__row", has_text="Where")).to_contain_text("53.96230, -1.08190")
    expect(crew.locator("#job-report")).not_to_contain_text("None")


def test_who_deals_with_it_and_the_target_are_said_before_and_after_send_and_overdue_shows(browser):
    from datetime import timedelta
    page = browser.new_page()
    start_report(page, "Pothole")
    # Who takes it, said at the location step as soon as the point and the category decide it.
    page.get_by_role("button", name="Use my current location").click()
    expect(page.locator("#goes-to")).to_have_text("This will be sent to City of York Council.")
    expect(page.locator("#goes-to-target")).to_have_text(
        "City of York Council aims to fix potholes within 20 working days.")
    check_accessible(page, "report: location, who takes it")
    page.get_by_role("button", name="Continue").click()
    not_one_of_these(page)
    describe(page, "Pothole with a target", choices=["Up to a car tyre"])
    expect(page.locator("#sent-to")).to_have_text("This will be sent to City of York Council.")
    expect(page.locator("#target")).to_have_text("City of York Council aims to fix potholes within 20 working days.")
    send(page, name="Tara Target", email="tara.target@example.org")
    reference = sent_reference(page)
    expect(page.locator("#who-and-when #sent-to")).to_have_text("It has gone to City of York Council.")
    expect(page.locator("#who-and-when #target")).to_have_text(
        "City of York Council aims to fix potholes within 20 working days.")  # whose target it is
    expect(page.locator("#who-and-when #target-rule")).to_have_text("The rule: the council's policy for road defects, by risk.")
    # Its reporter gave an email and hears of every change: not offered to follow it, here or on its page.
    expect(page.locator("#who-and-when #you-hear")).to_be_visible()
    expect(page.get_by_role("link", name="Get told when it changes")).to_have_count(0)
    page.locator("#tracking-link").click()
    heading(page, "Pothole")
    expect(page.locator("#open-for")).to_have_text("Open for less than a working day.")  # never "0 working days"
    expect(page.locator("#target-rule")).to_have_text("The rule: the council's policy for road defects, by risk.")
    expect(page.locator("#me-too")).to_have_text("Others with this problem")  # not asked if they have it too
    expect(page.locator("#timeline")).to_contain_text("Sent to City of York Council")
    # Its reporter hears of every change already: not offered to follow it as well.
    expect(page.get_by_role("link", name="Follow this report")).to_have_count(0)
    expect(page.locator("#you-hear")).to_be_visible()
    expect(page.locator(".caption")).to_have_text(f"Report {reference}")

    # A report that came 60 days ago and is still open: overdue, for anyone to see.
    from chalicelib.storage.reports.reports import ReportModel
    old = browser.stack.report(description="An old pothole nobody fixed")
    stored = ReportModel.get(old["id"])
    stored.update(actions=[ReportModel.created_at.set(stored.created_at - timedelta(days=60))])
    page.goto(f"/?report={old['id']}")
    heading(page, "Pothole")
    expect(page.locator("#open-for")).to_contain_text("Overdue")
    check_accessible(page, "report page: overdue")
