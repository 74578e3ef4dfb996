"""The issue's journey in the browser: a resident books a housing options
interview on a phone, gets the confirmation e-mail (with its invite) and text
in the outbox, moves it with the e-mail's link; the time left goes to the
first on the waiting list; the officer marks the resident seen at the desk,
and books a caller on the phone."""
import re
import time
from datetime import datetime, timedelta, timezone

from playwright.sync_api import expect

from tests.web.desk import desk  # noqa: F401 (a fixture)
from tests.web.browser import check_accessible
from tests.web.desk import Officer
from tests.web.journeys import sign_in
from chalicelib.handlers.appointments.wording import clock
from support.appointments_support import booked_many

ADA, BOB, PHONE = "ada.appointments@example.org", "bob.waiting@example.org", "+447700900456"


def mail_about(stack, address, starts, seconds=60):
    """Mail to `address` whose subject starts so, once the worker has sent it."""
    deadline = time.monotonic() + seconds
    while True:
        found = [m for m in stack.mail_to(address) if (m.subject or m.body).startswith(starts)]
        if found or time.monotonic() > deadline:
            return found
        time.sleep(0.1)


def test_a_resident_books_on_a_phone_moves_by_the_link_and_is_marked_seen(page, stack, desk):
    stack.resident(ADA, name="Ada Lovelace")
    stack.resident(BOB, name="Bob Waiting")
    stack.post("/v1/appointments/waiting-list", {"service_id": "housing-options", "before": "2099-01-01T00:00:00Z"},
               stack.token(BOB))
    sign_in(page, ADA, "/appointments")
    page.get_by_role("link", name="Housing options interview").click()
    expect(page.locator("input[name=start]").first).to_be_visible()
    check_accessible(page, "appointments-times")
    # Times read as in the messages ("9am", "9:45am", "midday"): the screens' one function agrees with the server's.
    for label in page.locator("#times label").all_inner_texts():
        assert re.fullmatch(r"(1[0-2]|[1-9])(:[0-5]\d)?(am|pm)|midday", label), label
    assert page.evaluate(CLOCKS, [m.isoformat() for m in MOMENTS]) == [clock(m) for m in MOMENTS]
    page.locator("input[name=start]").first.check()
    page.get_by_role("button", name="Continue").click()
    expect(page.locator("#held")).to_contain_text("We are holding")
    check_accessible(page, "appointments-questions")
    page.get_by_role("radio", name="I want to move").check()
    page.get_by_label("Mobile number").fill("07700 900456")
    page.get_by_role("button", name="Book appointment").click()
    expect(page.locator("#booked")).to_contain_text("Appointment booked")
    check_accessible(page, "appointments-booked")
    page.get_by_role("button", name="Tell me if an earlier time comes free").click()
    expect(page.locator("#waiting")).to_contain_text("We will text or email you")
    [confirmation] = mail_about(stack, ADA, "Appointment booked: Housing options interview")
    assert confirmation.attachments[0]["content"].startswith("BEGIN:VCALENDAR")
    assert mail_about(stack, PHONE, "City of York Council Housing Options: Booked")
    page.goto(stack.link_in_mail(ADA, "/appointments/manage?move="))
    expect(page.get_by_role("heading", name="Move your appointment")).to_be_visible()
    check_accessible(page, "appointments-move")
    first_week = page.locator("#move select option").first.get_attribute("value")
    page.get_by_role("link", name="Later times").click()  # the week after: times the first page never showed
    expect(page.locator("#move select option").first).not_to_have_attribute("value", first_week)
    page.locator("input[name=start]").first.check()
    page.get_by_role("button", name="Move appointment").click()
    expect(page.locator("#changed")).to_contain_text("Appointment moved")
    assert mail_about(stack, ADA, "Appointment moved: Housing options interview")
    assert mail_about(stack, BOB, "An earlier time is free: Housing options interview")
    # The officer's view of the day Ada moved to: the day and her answers in words, marked only from that day.
    Officer(stack, "officer.appointments@example.org")
    desk_page = desk.new_page()
    sign_in(desk_page, "officer.appointments@example.org", "/staff")
    expect(desk_page.get_by_role("link", name="Appointments today")).to_be_visible()  # signed in, at the desk
    day, today = moved_to_day(stack, ADA), london_today(stack)
    desk_page.goto(f"/staff/appointments?date={day.isoformat()}")
    expect(desk_page.get_by_role("heading", level=1)).to_have_text(
        f"Appointments on {day:%A} {day.day} {day:%B %Y}")
    row = desk_page.locator("#day-list li").filter(has_text="Ada Lovelace")  # her account's name: the form asks none
    expect(row).to_contain_text("Housing options interview")
    expect(row).to_contain_text("What they would like to talk about: I want to move")  # the officer's words
    if day > today:
        expect(row.get_by_role("button", name="Mark arrived")).to_have_count(0)
    # Today's list, a day at a time: a resident at the desk now marked arrived, then seen.
    booked_many(1, stack.deps().clock(), calendar_id="west-offices-housing-2", service_id="housing-options")
    desk_page.goto(f"/staff/appointments?date={(today - timedelta(days=1)).isoformat()}")
    desk_page.get_by_role("link", name="Next day").click()
    expect(desk_page.get_by_role("heading", level=1)).to_have_text(
        f"Appointments on {today:%A} {today.day} {today:%B %Y}")
    now = desk_page.locator("#appointment-AP-00000000")
    now.get_by_role("button", name="Mark arrived").click()
    expect(now).to_contain_text("Arrived")
    desk_page.locator("#appointment-AP-00000000").get_by_role("button", name="Mark seen").click()
    expect(desk_page.locator("#appointment-AP-00000000")).to_contain_text("Seen")
    # A caller on the phone, booked at the desk and told by text.
    desk_page.locator("#book-for-caller input[name=start]").first.check()
    desk_page.get_by_label("Caller's name").fill("Cal Caller")
    desk_page.get_by_label("Caller's mobile number").fill("07700 900789")
    desk_page.get_by_role("button", name="Book appointment").click()
    expect(desk_page.locator("#caller-booked")).to_contain_text("Booked: AP-")
    assert mail_about(stack, "+447700900789", "City of York Council Tax: Booked: Council tax call back by phone")
    # Time blocked on the call-back team: its last free slot offered, both places (capacity 2) taken out.
    last = stack.get("/v1/appointments/services/council-tax-call-back/slots?days=14")["slots"][-1]
    desk_page.get_by_label("Calendar").select_option("council-tax-phones")
    desk_page.get_by_label("From").fill(london_local(last["start"]))
    desk_page.get_by_label("To").fill(london_local(last["end"]))
    desk_page.get_by_role("button", name="Block time").click()
    expect(desk_page.locator("#blocked")).to_have_text(  # none already booked: nothing said of them
        re.compile(r"^Blocked 2 places at Council tax call back team: \w+ \d+ \w+: ([0-9:]+(am|pm)|midday)\.$"))
    assert last["start"] not in [s["start"] for s in stack.get(
        "/v1/appointments/services/council-tax-call-back/slots?days=14")["slots"]]


# Moments either side of the clock changes and at the words' edges, read by web/js/i18n.js formatClock.
MOMENTS = [datetime(2026, 12, 23, h, m, tzinfo=timezone.utc) for h, m in ((9, 0), (9, 45), (12, 0), (12, 30), (0, 0),
                                                                          (17, 5))] + \
          [datetime(2027, 6, 1, 11, 0, tzinfo=timezone.utc), datetime(2027, 3, 28, 1, 0, tzinfo=timezone.utc)]
CLOCKS = "async moments => { const {formatClock} = await import('/js/i18n.js'); return moments.map(formatClock); }"


def london_local(stamp):
    """A datetime-local input's value for an API moment, on the council's clock."""
    from chalicelib.handlers.appointments.slots import LONDON
    return datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone(LONDON).strftime("%Y-%m-%dT%H:%M")


def moved_to_day(stack, email):
    """The local day of the appointment the move mail names (its reference)."""
    import re
    from chalicelib.handlers.appointments.slots import LONDON
    body = mail_about(stack, email, "Appointment moved")[0].body
    return booked_day(stack, re.search(r"Reference: (AP-[0-9A-Z]{8})", body).group(1))


def booked_day(stack, reference):
    """The council's local day of an appointment, by its reference."""
    from chalicelib.handlers.appointments.slots import LONDON
    return stack.deps().appointments.get(reference).start.astimezone(LONDON).date()


def london_today(stack):
    from chalicelib.handlers.appointments.slots import LONDON
    return stack.deps().clock().astimezone(LONDON).date()
