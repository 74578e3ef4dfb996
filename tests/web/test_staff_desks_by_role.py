"""Desks by role in the browser: each officer's menu holds the desks of their roles only, the one they
open most first; a desk not theirs, asked for by its address, is a refusal page with the way back to
theirs (and its API is never asked); an officer whose roles do not open the inbox lands on their desk."""
import re
import uuid
from pathlib import Path

from playwright.sync_api import expect

from tests.web.desk import desk  # noqa: F401 (a fixture)
from tests.web.desk import heading, screen, sign_in_by_keyboard


def officer(stack, who, roles):
    email = f"{who}.{uuid.uuid4().hex[:6]}@example.org"
    stack.resident(email, name=who.title(), role="staff", roles=roles)
    return email


def menu(page):
    return page.locator(".desk-menu__link")


def test_a_halls_officer_sees_only_the_halls_desk_and_council_tax_by_its_address_is_refused(desk):
    page = desk.new_page()
    asked = []
    page.on("request", lambda request: asked.append(request.url) if "/v1/staff/council-tax" in request.url else None)
    sign_in_by_keyboard(page, officer(desk.stack, "hana", ["halls"]))
    expect(page).to_have_url(f"{desk.stack.url}/staff/hire")  # the inbox is not theirs: their desk instead
    expect(menu(page)).to_have_text(["Halls and pitches", "Feedback", "Phone and face-to-face contacts"])

    page.goto("/staff/council-tax")
    heading(page, "Not one of your desks")
    expect(page.locator("#screen")).to_contain_text("Your roles do not open this desk.")
    expect(menu(page)).to_have_text(["Halls and pitches", "Feedback", "Phone and face-to-face contacts"])
    screen(page, "staff-desk-refused")
    page.locator("#desk-refused-back").click()
    expect(page).to_have_url(f"{desk.stack.url}/staff/hire")
    page.wait_for_selector("#screen h1")
    assert asked == []  # the council tax desk's API was never asked


def test_each_officer_s_menu_holds_their_desks_and_the_one_they_open_most_comes_first(desk):
    page = desk.new_page()
    sign_in_by_keyboard(page, officer(desk.stack, "ravi", ["revenues"]))
    expect(page).to_have_url(f"{desk.stack.url}/staff/pay/links")  # the first of theirs, in the council's order
    expect(menu(page)).to_have_text(["Payment links", "Council tax", "Landlords to approve", "Feedback", "Phone and face-to-face contacts"])
    for _ in range(2):
        page.goto("/staff/council-tax")
        heading(page, "Council tax")
    expect(menu(page)).to_have_text(["Council tax", "Payment links", "Landlords to approve", "Feedback", "Phone and face-to-face contacts"])  # opened twice
    page.goto("/staff")  # signing in again lands on the desk they use most
    expect(page).to_have_url(f"{desk.stack.url}/staff/council-tax")

    other = desk.new_page()  # another officer on the same computer keeps their own counts
    sign_in_by_keyboard(other, officer(desk.stack, "fin", ["finance"]))
    expect(other).to_have_url(f"{desk.stack.url}/staff/payments")
    # Finance opened the payments desk (its day's payments) on landing: its two screens come first.
    expect(menu(other)).to_have_text(["Payments", "Cash file and reconciliation", "Payment links", "Feedback", "Phone and face-to-face contacts"])


# Every entry of the desk's menu (web/js/staff/desk.js), which an administrator is offered whole.
MENU_ENTRIES = re.findall(r'\["/staff[^"]*", "staff\.nav\.', re.search(
    r"const MENU = (\[.*?\]\]);", (Path(__file__).resolve().parents[2] / "web/js/staff/desk.js").read_text(), re.S).group(1))


def test_an_administrator_sees_every_desk(desk):
    page = desk.new_page()
    email = f"boss.{uuid.uuid4().hex[:6]}@example.org"
    desk.stack.resident(email, name="Boss", role="admin")
    sign_in_by_keyboard(page, email)
    heading(page, "Inbox")
    expect(menu(page)).to_have_count(len(MENU_ENTRIES))  # every desk's screens, and officers' roles


def test_an_administrator_gives_a_halls_officer_the_revenues_role_and_their_menu_gains_council_tax(desk):
    stack = desk.stack
    hana = officer(stack, "hana", ["halls"])
    boss = f"boss.{uuid.uuid4().hex[:6]}@example.org"
    stack.resident(boss, name="Boss", role="admin")
    page = desk.new_page()
    sign_in_by_keyboard(page, boss, "/sign-in?next=/staff/officers")
    heading(page, "Officers' roles")
    page.get_by_label("Officer's email address").fill(hana)
    page.get_by_role("button", name="Find").click()
    expect(page.get_by_label("Halls officer")).to_be_checked()
    page.get_by_label("Revenues officer").check()
    page.get_by_role("button", name="Save roles").click()
    expect(page.locator("#officer-status")).to_contain_text("Roles saved.")
    expect(page.locator("#officer-history li")).to_have_count(1)
    expect(page.locator("#officer-history li")).to_contain_text("Halls officer to Revenues officer, Halls officer")
    screen(page, "staff-officers-roles")

    theirs = desk.new_page()  # the officer signs in again (the change ended their sessions)
    sign_in_by_keyboard(theirs, hana)
    expect(menu(theirs)).to_have_text(["Payment links", "Council tax", "Landlords to approve", "Halls and pitches",
                                        "Feedback", "Phone and face-to-face contacts"])
