"""Council staff at a desk: the inbox, a report's inspect form and audit
trail, with the keyboard alone; and two officers changing one report, where
the one who saves second sees both versions and keeps what they typed."""
import re
from datetime import date, timedelta

from playwright.sync_api import expect

from tests.web.desk import desk  # noqa: F401 (a fixture)
from tests.web.desk import Officer, fresh_screen, heading, screen, sign_in_by_keyboard, stale_screen, tab_to

OVERDUE_COMPLAINT = "DS-CMPK4T"  # demo data: a complaint received 30 days ago, due in 10 working days


def test_a_staff_member_triages_and_assigns_a_report_with_the_keyboard_alone(desk):
    stack = desk.stack
    report = stack.report(description="Deep pothole by the bus stop on Coney Street",
                          contact={"name": "Rita Reporter", "email": "rita@example.org"})
    Officer(stack, "triage@example.org")
    page = desk.new_page()
    sign_in_by_keyboard(page, "triage@example.org")
    heading(page, "Inbox")
    expect(page.locator("#inbox")).to_contain_text(report["id"])
    screen(page, "staff-inbox")
    # The newest 25 come first, and the stack's other journeys make reports: the overdue
    # filter (due order) finds the month-old complaint whatever they made.
    page.goto("/staff?overdue=yes")
    expect(page.locator("#inbox tr", has_text=OVERDUE_COMPLAINT)).to_contain_text("Overdue")
    page.goto("/staff")
    heading(page, "Inbox")

    tab_to(page, page.get_by_label("Category"))
    page.keyboard.type("Pothole")
    tab_to(page, page.get_by_role("button", name="Show reports"))
    stale_screen(page)
    page.keyboard.press("Enter")
    fresh_screen(page)
    expect(page).to_have_url(re.compile(r"service_code=pothole"))
    expect(page.locator("#inbox tbody tr", has_not_text="Pothole")).to_have_count(0)
    link = page.get_by_role("link", name=report["id"])
    tab_to(page, link)
    page.keyboard.press("Enter")
    heading(page, report["id"])
    expect(page.locator("#sends")).to_contain_text("Sent to City of York Council at ")  # where it went, and how
    details = page.locator("#report-details")
    expect(details).not_to_contain_text("Rita Reporter")  # her details wait for a reason
    screen(page, "staff-report")
    tab_to(page, page.get_by_label("Why are you opening it?"))
    page.keyboard.type("Ringing Rita back: is the hole by the stop?")
    tab_to(page, page.get_by_role("button", name="Show the reporter's details"))
    page.keyboard.press("Enter")
    expect(details).to_contain_text("Rita Reporter, rita@example.org")
    expect(page.locator("#audit")).to_contain_text("Why: Ringing Rita back: is the hole by the stop?")

    due = date.today() + timedelta(days=9)
    tab_to(page, page.get_by_label("Status"))
    page.keyboard.type("Investigating")
    tab_to(page, page.get_by_label("Normal"))
    page.keyboard.press("ArrowRight")  # the next priority: high
    tab_to(page, page.get_by_label("Team"))
    page.keyboard.type("North")
    tab_to(page, page.get_by_label("Instructions for the crew"))
    page.keyboard.type("Cone it off first: it is by a bus stop.")
    tab_to(page, page.get_by_label("Day"))
    page.keyboard.type(str(due.day))
    page.keyboard.press("Tab")
    page.keyboard.type(str(due.month))
    page.keyboard.press("Tab")
    page.keyboard.type(str(due.year))
    tab_to(page, page.get_by_label("Template"))
    page.keyboard.type("Inspection")
    # the preview reads as the update will: its date the one in the due box
    expect(page.locator("#template-preview")).to_contain_text(
        f"An inspector will look at this by {due.day} {due:%B %Y}")
    tab_to(page, page.get_by_label("Internal note"))
    page.keyboard.type("Bus company told: stop may move for the repair.")
    tab_to(page, page.get_by_role("button", name="Save changes"))
    page.keyboard.press("Enter")

    expect(page.locator("#saved")).to_be_focused()
    expect(page.locator("#report-details")).to_contain_text("North crew")
    expect(page.locator("#internal-notes")).to_contain_text("Bus company told")
    expect(page.locator("#audit")).to_contain_text("Inspected")
    expect(page.locator("#audit")).to_contain_text("Normal to High")
    screen(page, "staff-report-saved")
    stored = Officer(stack, "checker@example.org").report(report["id"])
    assert (stored["status"], stored["priority"], stored["due"], stored["due_source"]) == (
        "investigating", "high", due.isoformat(), "staff")
    assert stored["assignment"]["team"] == "north"
    assert stored["assignment"]["instructions"] == "Cone it off first: it is by a bus stop."
    # The reporter and the public hear the template's words; never the note, the priority or the team.
    public = stack.get(f"/v1/reports/{report['id']}")
    timeline = stack.get(f"/v1/reports/{report['id']}/updates")["updates"]
    assert "An inspector will look at this by" in timeline[-1]["text"]
    assert "Bus company" not in str(public) + str(timeline) and "north" not in str(public)
    page.get_by_role("link", name="Back to the inbox").click()
    heading(page, "Inbox")
    expect(page).to_have_url(re.compile(r"/staff\?service_code=pothole$"))


def test_the_inbox_lists_overdue_reports_by_due_date_and_finds_a_reference(desk):
    stack = desk.stack
    Officer(stack, "overdue@example.org")
    page = desk.new_page()
    sign_in_by_keyboard(page, "overdue@example.org")
    heading(page, "Inbox")
    page.get_by_label("Overdue only").check()
    expect(page.get_by_label("Order")).to_be_disabled()  # overdue reports come in due order only
    stale_screen(page)
    page.get_by_role("button", name="Show reports").click()
    fresh_screen(page)
    expect(page).to_have_url(re.compile(r"overdue=yes"))
    rows = page.locator("#inbox tbody tr")
    expect(rows.first).to_contain_text("Overdue")
    expect(page.locator("#inbox tbody tr", has_not_text="Overdue")).to_have_count(0)
    screen(page, "staff-inbox-overdue")
    page.get_by_label("Overdue only").uncheck()
    page.get_by_label("Reference or words").fill(OVERDUE_COMPLAINT.lower())
    stale_screen(page)
    page.get_by_role("button", name="Show reports").click()
    fresh_screen(page)
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text(OVERDUE_COMPLAINT)


def test_a_conflict_shows_both_versions_and_keeps_what_was_typed(desk):
    stack = desk.stack
    report = stack.report(description="A pothole two officers look at")
    first = Officer(stack, "first-officer@example.org")
    Officer(stack, "second-officer@example.org")
    page = desk.new_page()
    sign_in_by_keyboard(page, "second-officer@example.org", f"/sign-in?next=/staff/reports/{report['id']}")
    heading(page, report["id"])
    page.get_by_label("Urgent").check()
    page.get_by_label("Internal note").fill("Crew says it is 30 cm deep: make safe today.")
    page.get_by_label("Or write your own update").fill("We will make this safe today.")

    first.change(report["id"], priority="high", team="south", internal_note="Passed to the south crew.")
    page.get_by_role("button", name="Save changes").click()

    conflict = page.locator("#conflict")
    expect(conflict).to_be_focused()
    expect(conflict).to_contain_text("Someone else changed this report first")
    priority = page.locator("#conflict-table tr", has_text="Priority")
    expect(priority).to_have_text(re.compile(r"Priority\s*Normal\s*High\s*Urgent"))
    expect(page.locator("#conflict-table tr", has_text="Team")).to_have_text(
        re.compile(r"Team\s*Not assigned\s*South crew\s*Not changed by you"))
    # What I typed is still there, on top of their change (their team stays).
    expect(page.get_by_label("Urgent")).to_be_checked()
    expect(page.get_by_label("Internal note")).to_have_value("Crew says it is 30 cm deep: make safe today.")
    expect(page.get_by_label("Or write your own update")).to_have_value("We will make this safe today.")
    expect(page.get_by_label("Team")).to_have_value("south")
    expect(page.locator("#audit")).to_contain_text("Passed to the south crew.")
    screen(page, "staff-report-conflict")

    page.get_by_role("button", name="Save changes").click()
    expect(page.locator("#saved")).to_be_focused()
    stored = first.report(report["id"])
    assert (stored["priority"], stored["assignment"]["team"]) == ("urgent", "south")
    assert [n["text"] for n in stored["internal_notes"]] == [
        "Passed to the south crew.", "Crew says it is 30 cm deep: make safe today."]
    assert stack.get(f"/v1/reports/{report['id']}/updates")["updates"][-1]["text"] == "We will make this safe today."


def test_a_save_with_nothing_changed_or_a_bad_duplicate_says_what_is_wrong(desk):
    stack = desk.stack
    report = stack.report(description="A pothole saved with mistakes")
    Officer(stack, "mistakes@example.org")
    page = desk.new_page()
    sign_in_by_keyboard(page, "mistakes@example.org", f"/sign-in?next=/staff/reports/{report['id']}")
    heading(page, report["id"])
    page.get_by_role("button", name="Save changes").click()
    expect(page.locator(".error-summary")).to_contain_text("Make a change before saving.")
    page.get_by_label("Duplicate of").fill(report["id"])
    page.get_by_role("button", name="Save changes").click()
    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("link")).to_contain_text("Duplicate of")
    expect(page.get_by_label("Duplicate of")).to_have_attribute("aria-invalid", "true")
    screen(page, "staff-report-errors")


def test_staff_move_a_reports_pin_to_an_address(desk):
    stack = desk.stack
    report = stack.report(description="A pothole placed in the wrong street")
    officer = Officer(stack, "pin-mover@example.org")
    page = desk.new_page()
    sign_in_by_keyboard(page, "pin-mover@example.org", f"/sign-in?next=/staff/reports/{report['id']}")
    heading(page, report["id"])
    expect(page.locator("#inspect-place")).to_contain_text("53.95980, -1.08420")
    page.get_by_label("Postcode or street").fill("YO1 7HH")
    page.get_by_role("button", name="Find", exact=True).click()
    page.get_by_label("Choose the nearest address").select_option(index=1)
    expect(page.locator("#inspect-place")).to_contain_text("Micklegate")
    page.get_by_role("button", name="Save changes").click()
    expect(page.locator("#saved")).to_be_focused()
    expect(page.locator("#audit")).to_contain_text("Place")
    moved = officer.report(report["id"])["location"]
    assert (round(moved["lat"], 3), round(moved["lon"], 3)) != (53.960, -1.084)
