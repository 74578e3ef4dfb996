"""A paid bulky collection on its day, on two phones: the waste crew's job
shows the items, where they are left and the address (never who booked);
the crew presses Done and the resident's booking says it was collected."""
import dataclasses
import uuid
from datetime import date, datetime, time, timedelta
from time import monotonic as time_now, sleep as pause
from zoneinfo import ZoneInfo

import requests
from playwright.sync_api import expect

from support.pay_support import SUCCESS, pay_with
from tests.web.browser import Browser, check_accessible
from tests.web.crew import NEAR_450_M, crew_member, sign_in_crew
from tests.web.desk import Officer
from tests.web.journeys import heading, sign_in
from tests.web.test_bulky import DEMO_HOME, pay  # noqa: F401 (a fixture)


def its_day_has_come(stack, booking):
    """The settling runs of the days before and of the day itself (its reminders, then its crew job)."""
    from chalicelib.handlers.waste.collections import make_crew_jobs
    from chalicelib.handlers.waste.settling import send_reminders
    deps = stack.deps()
    # Paid at the provider: the booking is confirmed by the payment's own event, a moment later
    # (on a busy machine, after the runs below had looked for it)
    deadline = time_now() + 60
    while deps.bulky.get(booking["id"]).status != "confirmed" and time_now() < deadline:
        pause(0.1)
    start = datetime.combine(date.fromisoformat(booking["date"]), time(0), ZoneInfo("Europe/London"))
    for days in (3, 1):
        send_reminders(dataclasses.replace(deps, clock=lambda: start - timedelta(days=days) + timedelta(hours=10)))
    make_crew_jobs(dataclasses.replace(deps, clock=lambda: start))  # the stack may hold others' bookings that day
    assert deps.jobs.get(booking["id"]).team == "waste"


def test_the_crew_collects_and_the_resident_s_booking_says_so(chromium, stack, pay):
    email = f"bulky-{uuid.uuid4().hex[:8]}@example.org"
    resident = Officer(stack, email, role="resident")
    day = resident.call("GET", f"/v1/places/{DEMO_HOME}/bulky/dates")[0]["dates"][-1]["date"]
    made, _ = resident.call("POST", "/v1/waste/bulky/bookings", {
        "uprn": DEMO_HOME, "date": day, "items": ["sofa", "fridge"], "location": "By the front gate"},
        {"Idempotency-Key": str(uuid.uuid4())})
    requests.get(pay_with(made["payment"]["next_url"], SUCCESS), allow_redirects=False, timeout=10)
    its_day_has_come(stack, made)

    phone = Browser(chromium, stack, geolocation=NEAR_450_M)
    try:
        page = phone.new_page()
        sign_in_crew(page, crew_member(stack, "waste"))
        page.goto(f"/crew/jobs/{made['id']}")
        heading(page, "Bulky waste collection")
        about = page.locator("#job-report")
        expect(about).to_contain_text("Micklegate")
        expect(about).to_contain_text("Sofa or settee")
        expect(about).to_contain_text("Fridge or freezer")
        expect(about).to_contain_text("By the front gate")
        assert email not in page.content()
        check_accessible(page, "crew bulky collection")
        page.get_by_role("button", name="Done").click()
        expect(page.locator("#job-closed")).to_contain_text("This job is closed: Done.")
    finally:
        phone.close()

    home = Browser(chromium, stack)
    try:
        page = home.new_page()
        sign_in(page, email, next_path=f"/bulky/bookings/{made['id']}")
        heading(page, "Collected")
        expect(page.locator("#collection")).to_contain_text("Collected by our crew")
        check_accessible(page, "bulky booking collected")
    finally:
        home.close()
