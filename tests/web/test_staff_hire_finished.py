"""The halls desk finished (issue 57), through the local stack at 1280 px: the
week has no stray "null" under "Show its week"; a booking for a caller takes
the caller's name; a caller left at the card page holds the hour, and the desk
says until when and how to let it go (never "already booked", and the words
name the real button, "Check and book"); the deposit check opens only once
the booking's last session has ended, and says when before; a club's whole
block is cancelled at once, each session refunded once by its notice."""
from datetime import datetime, time, timedelta

from playwright.sync_api import expect

from chalicelib.handlers.appointments.slots import LONDON
from support.pay_support import SUCCESS, pay_with
from tests.alerts.test_alerts_end_to_end import wait_for
from tests.web.desk import desk  # noqa: F401 (a fixture)
from tests.web.desk import Officer, heading, say_why, screen, sign_in_by_keyboard
from tests.web.test_bulky import pay  # noqa: F401 (a fixture)
from tests.web.test_staff_hire import ROOM, booking, fill_date, week_ahead


def paid_booking(stack, moment, body):
    """A hirer's booking made and paid at `moment` (the handlers on the stack's own tables, its clock
    pinned there), so a booking whose sessions have ended can be had without travelling in time."""
    from chalicelib.handlers.hire.booking import create
    from chalicelib.handlers.payments.core import returned
    from support.hire_support import resident
    hirer = resident()
    deps = stack.deps().replace(clock=lambda: moment, principal=hirer)
    made, _ = create(deps, body, None)
    back = pay_with(made["payment"]["next_url"], SUCCESS)
    returned(deps, back.rsplit("/", 1)[1])
    stack.once(lambda: deps.hire.get(made["id"]).status == "confirmed", "the payment's event confirms it")
    return made


def test_a_caller_s_booking_is_named_for_them_and_left_at_the_card_page_is_said_to_be_held_until_a_time(
        desk, pay):
    stack = desk.stack
    monday = week_ahead(stack)
    Officer(stack, "hire.caller@example.org")
    page = desk.new_page()
    sign_in_by_keyboard(page, "hire.caller@example.org", f"/sign-in?next=/staff/hire?place={ROOM}%26week={monday}")
    heading(page, "Halls, rooms and pitches")
    expect(page.locator("#hire-week")).to_be_visible()
    shown = page.locator("#hire-shown")
    assert "null" not in shown.evaluate("el => [...el.childNodes].map(n => n.textContent).join('|')")
    expect(page.locator("#hire-place + #hire-shown")).not_to_contain_text("null")

    page.get_by_role("link", name="Book for a caller").click()  # 1
    heading(page, "Book a hall, room or pitch for a caller")
    page.get_by_label("A resident").check()  # 2
    tuesday = monday + timedelta(days=1)
    fill_date(page, tuesday)  # 3
    page.get_by_label("Start time").select_option("10:00")  # 4
    page.get_by_label("How long?").select_option("1")  # 5
    page.get_by_label("The caller accepts the terms of hire").check()  # 6
    page.get_by_role("button", name="Check and book").click()  # 7
    expect(page.locator(".error-summary")).to_contain_text("Enter the caller's name, or their group's or business's")
    page.get_by_label("Caller's name, or their group's or business's").fill("Ada Lovelace")  # 8
    page.get_by_role("button", name="Check and book").click()  # 9: the card page; the caller rings off
    page.wait_for_url("**/secure/**")
    page.goto(f"/staff/hire?place={ROOM}&week={monday}")
    week = page.locator("#hire-week")
    expect(week.get_by_role("link", name="Ada Lovelace")).to_have_count(1)  # named, not "A resident"
    held = week.locator("td", has_text="Ada Lovelace")
    expect(held).to_contain_text("Held until")
    expect(held).not_to_contain_text("already booked")

    # The officer tries the same hour again: one booking's words, held until when and how to let it go.
    page.get_by_role("link", name="Book for a caller").click()
    page.get_by_label("A resident").check()
    page.get_by_label("Caller's name, or their group's or business's").fill("Grace Hopper")
    fill_date(page, tuesday)
    page.get_by_label("Start time").select_option("10:00")
    page.get_by_label("How long?").select_option("1")
    page.get_by_label("The caller accepts the terms of hire").check()
    page.get_by_role("button", name="Check and book").click()
    summary = page.locator(".error-summary")
    expect(summary).to_contain_text("That time is held for a booking being paid for, until")
    expect(summary).to_contain_text("cancel the payment on the card page")
    expect(summary).not_to_contain_text("already booked")
    # A block over it: its clashes listed with the real button's name.
    page.get_by_label("How many weeks, on the same day and time?").select_option("2")
    page.get_by_role("button", name="Check and book").click()
    expect(page.locator("#clashes")).to_contain_text("Press Check and book again to book the others without them.")
    expect(page.locator("#clash-list")).to_contain_text("held for someone paying, until")

    page.goto(f"/staff/hire?place={ROOM}&week={monday}")
    page.locator("#hire-week").get_by_role("link", name="Ada Lovelace").click()
    heading(page, "Booking HB-")
    expect(page.locator("#hire-booking")).to_contain_text("Ada Lovelace (A resident)")
    expect(page.locator("#hire-held")).to_contain_text("To let it go now, press Cancel payment on the card page")


def test_a_deposit_is_checked_only_after_the_last_session_and_a_club_s_block_is_cancelled_at_once(desk, pay):
    from chalicelib.storage.hire.hire import HireStore
    stack = desk.stack
    now = stack.deps().clock()
    today = now.astimezone(LONDON).date()
    past_day = today - timedelta(days=7)  # a session a week ago, booked and paid the week before it
    if past_day.weekday() == 6:
        past_day -= timedelta(days=1)  # the room is not open on Sundays
    ended = paid_booking(stack, datetime.combine(past_day - timedelta(days=7), time(12), LONDON),
                         booking(past_day, hirer_name="Hull Road Runners", start="10:00", hours=1))
    first = week_ahead(stack, weeks=1) + timedelta(days=1)  # a Tuesday at least a week on
    # At 8pm: the stack is shared with the other journeys, whose bookings are at 6pm.
    club = paid_booking(stack, now, booking(first, hirer_name="Tang Hall Chess Club", weeks=4, start="20:00"))
    Officer(stack, "hire.checker@example.org")
    page = desk.new_page()
    sign_in_by_keyboard(page, "hire.checker@example.org", f"/sign-in?next=/staff/hire/bookings/{club['id']}")
    heading(page, f"Booking {club['id']}")
    expect(page.locator("main")).not_to_contain_text("Tang Hall Chess Club")  # the hirer's, until said why
    screen(page, "staff-hire-booking-why")
    say_why(page, "The club rang to cancel its sessions")
    expect(page.locator("#hire-booking")).to_contain_text("Tang Hall Chess Club")
    assert [(e.action, e.reason) for e in stack.deps().audit.entries(club["id"])] == [
        ("read", "The club rang to cancel its sessions")]
    last = first + timedelta(weeks=3)
    expect(page.locator("#hire-deposit-done")).to_contain_text(
        f"The deposit can be checked once the last session has ended: {last:%A} {last.day} {last:%B}")
    expect(page.locator("#hire-deposit")).to_have_count(0)  # no check before the hire has happened

    form = page.locator("#hire-cancel-all")
    form.get_by_role("button", name="Cancel every session to come").click()  # 1
    expect(page.locator(".error-summary")).to_contain_text("Say why every session is cancelled")
    form.get_by_label("Why? (kept with the booking)").fill("The club has folded")  # 2
    form.get_by_role("button", name="Cancel every session to come").click()  # 3
    expect(page.locator("#hire-done")).to_contain_text("Every session to come is cancelled")
    expect(page.locator("#sessions li", has_text="Cancelled")).to_have_count(4)
    expect(page.locator("#hire-cancel-all")).to_have_count(0)

    def refunded():
        """the block's one event has had every session's refund made and settled"""
        return all(s["refund"]["status"] in ("done", "none") for s in HireStore().get(club["id"]).sessions)
    wait_for(refunded, seconds=30)
    sessions = HireStore().get(club["id"]).sessions
    made = {p["reference"]: [r["amount"] for r in p["refunds"]] for p in pay.payments.values()}
    assert sorted(made[club["id"]]) == sorted(s["refund"]["amount"] for s in sessions if s["refund"]["amount"])
    assert sum(made[club["id"]]) == sum(s["refund"]["amount"] for s in sessions) > 0  # each once

    page.goto(f"/staff/hire/bookings/{ended['id']}")
    heading(page, f"Booking {ended['id']}")
    say_why(page, "Checking the room after the session")
    expect(page.locator("#hire-deposit")).to_be_visible()  # its last session has ended: the check is open
    page.get_by_label("All of it").check()
    page.get_by_label("Why?").fill("Left clean")
    page.get_by_role("button", name="Give back and tell the hirer").click()
    expect(page.locator("#hire-deposit-done")).to_contain_text("given back: Left clean")
