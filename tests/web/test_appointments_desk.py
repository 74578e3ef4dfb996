"""The appointments desk as an officer uses it: a caller booked and time
blocked, each shown at once (the day list with the booking, the blocked
times gone from those offered, and named), the form in the officer's words,
a call never marked arrived; and on a 360 px phone, a menu that leaves the
screen to the day and Previous and Next day as 44 px targets."""
from datetime import datetime

from playwright.sync_api import expect

from tests.web.browser import Browser
from tests.web.desk import Officer, desk, screen  # noqa: F401 (a fixture)
from tests.web.journeys import sign_in
from tests.web.test_appointments import london_local

OFFICER = "officer.desk-times@example.org"
SMALL_PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True,
               "device_scale_factor": 1}


def call_back_today(stack, name):
    """A council tax call-back booked for now (the desk marks only today's)."""
    from chalicelib.storage.appointments.appointment_models import Appointment, AppointmentsModel, appointment_row
    from chalicelib.storage.binding import batch_save
    now = stack.deps().clock()
    batch_save(AppointmentsModel, [appointment_row(Appointment(
        id="AP-CALLED01", service_id="council-tax-call-back", calendar_id="council-tax-phones", start=now, seat=1,
        status="booked", name=name, phone="+447700900111", created_at=now, booked_at=now))])
    return now.astimezone(_london()).date()


def _london():
    from chalicelib.handlers.appointments.slots import LONDON
    return LONDON


def local_day(stamp):
    return datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone(_london()).date()


def test_the_desk_shows_a_booked_and_a_blocked_time_at_once(desk, stack):
    Officer(stack, OFFICER)
    today = call_back_today(stack, "Pat Phoned")
    page = desk.new_page()
    sign_in(page, OFFICER, f"/staff/appointments?date={today.isoformat()}")
    called = page.locator("#appointment-AP-CALLED01")
    expect(called).to_contain_text("Pat Phoned")
    expect(called.get_by_role("button", name="Mark seen")).to_be_visible()  # a call: seen or missed, never arrived
    expect(called.get_by_role("button", name="Mark arrived")).to_have_count(0)
    expect(page.get_by_label("Their council tax account number, if they know it")).to_be_visible()  # staff words
    expect(page.get_by_text("Your council tax account number")).to_have_count(0)
    first, second = stack.get("/v1/appointments/services/council-tax-call-back/slots?days=14")["slots"][:2]
    page.goto(f"/staff/appointments?date={local_day(first['start']).isoformat()}")
    expect(page.locator("#book-for-caller input[name=start]").first).to_be_visible()
    page.locator(f"#book-for-caller input[value='{first['start']}|{first['calendar_id']}']").check()
    page.get_by_label("Caller's name").fill("Cleo Caller")
    page.get_by_label("Caller's mobile number").fill("07700 900222")
    page.get_by_role("button", name="Book appointment").click()
    expect(page.locator("#caller-booked")).to_contain_text("Booked: AP-")
    expect(page.locator("#day-list")).to_contain_text("Cleo Caller")  # at once: no reload
    # Time blocked: the next time offered, both its places; named, and offered no more.
    page.get_by_label("Calendar").select_option("council-tax-phones")
    page.get_by_label("From").fill(london_local(second["start"]))
    page.get_by_label("To").fill(london_local(second["end"]))
    page.get_by_role("button", name="Block time").click()
    expect(page.locator("#blocked")).to_contain_text("places at Council tax call back team: ")
    expect(page.locator("#blocked")).to_contain_text(f"{local_day(second['start']):%A} {local_day(second['start']).day}")
    expect(page.locator(f"#book-for-caller input[value^='{second['start']}|']")).to_have_count(0)
    expect(page.locator("#day-list")).to_contain_text("Cleo Caller")  # the booking, still listed beside it
    screen(page, "staff-appointments-booked-and-blocked")


def test_on_a_small_phone_the_menu_leaves_room_for_the_day_and_the_day_links_are_44px(chromium, stack):
    Officer(stack, "officer.small-phone@example.org")
    phone = Browser(chromium, stack, **SMALL_PHONE)
    try:
        page = phone.new_page()
        sign_in(page, "officer.small-phone@example.org", "/staff/appointments")
        expect(page.get_by_role("link", name="Next day")).to_be_visible()
        menu = page.locator("nav.desk-menu").bounding_box()
        assert menu["height"] <= 740 * 0.12, menu  # was 40% of the screen
        for name in ("Previous day", "Next day"):
            assert page.get_by_role("link", name=name).bounding_box()["height"] >= 44
        for link in page.locator(".desk-menu__link").all():
            assert link.bounding_box()["height"] >= 44
        screen(page, "staff-appointments-small-phone")
    finally:
        phone.close()
