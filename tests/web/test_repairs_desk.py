"""Repairs at the desk and in the crew app, through the browser: a tenant
reports a dripping tap and takes an AM slot next week (through the API, the
tenant's screens being their own journey), an officer sends the north team,
the operative opens the job with the home's access notes and the tenant's
number, says "On my way", marks it done, and the tenant is asked how it
went, and then answers on the repair's page and (from a second tab) reopens it,
the first tab's late press refused in the API's words; and an officer records
a mould inspection and its written summary at the desk, which reaches the tenant. axe-core finds nothing on each screen."""
import random
import re
import uuid
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from support.revenues_support import BILLS, DEV
from tests.web.browser import check_accessible
from tests.web.crew import crew_member, sign_in_crew
from tests.web.journeys import sign_in
from tests.web.desk import Officer, desk, heading, screen, sign_in_by_keyboard  # noqa: F401 (desk: a fixture)
from tests.web.test_council_tax import back_office  # noqa: F401 (a fixture)

TAP = {"home": "R0448105", "location": "kitchen", "problem": "sink", "issue": "tap_dripping",
       "description": "The cold tap drips all night.", "access": {"pets": "A friendly dog"}}
MOULD = {**TAP, "location": "bedroom", "problem": "damp_mould", "issue": "mould",
         "description": "Black mould on the wall behind the bed."}


@pytest.fixture
def scheduler(stack, tmp_path):
    """The local contractor's scheduler, as `make run` starts it, with the stack pointed at it."""
    from doorstep_cli.local.drs import LocalScheduler
    env = pytest.MonkeyPatch()
    with LocalScheduler(state_file=tmp_path / "drs.json", capacity=2) as office:
        for name, value in (("URL", office.url), ("LOGIN", office.login), ("PASSWORD", office.password),
                            ("TIMEOUT_S", "5")):
            env.setenv(f"DOORSTEP_DRS_{name}", value)
        try:
            yield office
        finally:
            env.undo()


@pytest.fixture
def tenant(stack, back_office, scheduler):
    """A council tenant (Dev Patel's tenancy, R0448105) with his council tax linked: (headers, phone, email)."""
    email = stack.resident(f"tenant-{uuid.uuid4().hex[:8]}@example.org", name="Dev Patel")
    headers = stack.token(email)
    stack.post("/v1/me/council-tax", BILLS[DEV], headers)
    return headers, f"07700 900{random.randint(100, 999)}", email


def texts(stack, phone):
    return [m.body for m in stack.mail_to("+44" + phone.replace(" ", "")[1:])]


def next_monday():
    today = date.today()
    return (today + timedelta(days=7 - today.weekday())).isoformat()


def test_the_operative_marks_a_repair_done_in_the_crew_app_and_the_tenant_is_asked_how_it_went(
        chromium, stack, tenant):
    from tests.web.browser import Browser
    headers, phone, email = tenant
    repair = stack.post("/v1/repairs", {**TAP, "contact": {"phone": phone}}, headers)
    slots = stack.get(f"/v1/repairs/{repair['id']}/slots", headers)["slots"]
    chosen = next(s for s in slots if s["half"] == "AM" and s["day"] >= next_monday())
    booked = stack.post(f"/v1/repairs/{repair['id']}/appointment", {"day": chosen["day"], "half": "AM"}, headers)
    assert booked["status"] == "booked"
    officer = Officer(stack, f"officer-{uuid.uuid4().hex[:8]}@council.example")
    _, read = officer.call("GET", f"/v1/staff/repairs/{repair['id']}")
    job_id = officer.call("POST", f"/v1/staff/repairs/{repair['id']}/assign", {"team": "north"},
                          {"If-Match": read["ETag"]})[0]["job"]
    phone_browser = Browser(chromium, stack, permissions=[])
    try:
        page = phone_browser.new_page()
        sign_in_crew(page, crew_member(stack))
        page.goto(f"/crew/jobs/{job_id}")
        heading(page, "Housing repair")
        expect(page.locator("#job-report")).to_contain_text("pets: A friendly dog")
        expect(page.locator("#repair-tenant")).to_contain_text(phone)
        check_accessible(page, "crew repair job")
        page.get_by_role("button", name="On my way").click()
        expect(page.locator("#job-summary")).to_contain_text("En route")  # the job as it is now, drawn again
        expect(page.locator("#repair-said")).to_have_text("The tenant is texted that you are on your way.")
        page.get_by_label("Note").fill("New washer fitted to the cold tap.")
        page.get_by_role("button", name="Done").click()
        expect(page.locator("#job-closed")).to_be_visible()
    finally:
        phone_browser.close()
    asked = f"Your council repair {repair['id']} is done. How did it go? Tell us in the Doorstep app: " \
            f"Repairs, {repair['id']}."
    stack.once(lambda: asked in texts(stack, phone), "the tenant asked how it went")
    sent = texts(stack, phone)
    assert sent.count(asked) == 1
    assert sent.count(f"Your council repair {repair['id']}: the operative is on the way to you now.") == 1
    assert stack.get(f"/v1/repairs/{repair['id']}/how-it-went", headers)["asked"] is True
    assert stack.get(f"/v1/repairs/{repair['id']}", headers)["done_what"] == "New washer fitted to the cold tap."
    the_tenant_answers_and_reopens(chromium, stack, email, repair["id"])


def the_tenant_answers_and_reopens(chromium, stack, email, repair_id):
    """On the repair's page: the question answered once, then thanks and the answer (kept on a reload);
    reopening offered to the last day in words (done today + the default 28 days)."""
    from tests.web.browser import Browser
    last = datetime.now(ZoneInfo("Europe/London")).date() + timedelta(days=28)
    tenant_phone = Browser(chromium, stack)
    try:
        page = tenant_phone.new_page()
        sign_in(page, email, f"/repairs/{repair_id}")
        expect(page.locator("#repair-reopen-by")).to_contain_text(
            f"until the end of {last:%A} {last.day} {last:%B %Y}.")
        expect(page.locator("#repair-how")).to_be_visible()
        check_accessible(page, "a done repair, asked how it went")
        page.get_by_label("Yes, it has been fixed").check()
        page.get_by_label("4 – well").check()
        page.get_by_label("Anything you want to tell the repairs team").fill("Quick and tidy.")
        page.get_by_role("button", name="Send answer").click()
        expect(page.locator("#repair-thanks")).to_be_focused()
        expect(page.locator("#repair-answer li")).to_have_text(
            ["It has been fixed.", "You rated the repair 4 out of 5.", "Quick and tidy."])
        page.reload()
        expect(page.locator("#repair-answer")).to_contain_text("You rated the repair 4 out of 5.")
        expect(page.locator("#repair-how")).to_have_count(0)  # answered once: no second question
        other = tenant_phone.new_page()  # the same page open in a second tab
        other.goto(f"/repairs/{repair_id}")
        other.get_by_label("What is still wrong?").fill("It drips again at night.")
        other.get_by_role("button", name="Reopen this repair").click()
        expect(other.locator("#repair-reopened")).to_be_visible()
        expect(other.locator("#repair-reopen")).to_have_count(0)
        page.get_by_label("What is still wrong?").fill("Still dripping.")
        page.get_by_role("button", name="Reopen this repair").click()  # the first tab, late: the API's words
        expect(page.locator(".error-summary")).to_contain_text("Only a repair that was done can be reopened.")
        check_accessible(page, "a repair's reopening refused")
    finally:
        tenant_phone.close()


def test_an_officer_records_a_mould_inspection_and_its_summary_at_the_desk(desk, stack, tenant):  # noqa: F811
    headers, phone, _ = tenant
    repair = stack.post("/v1/repairs", {**MOULD, "contact": {"phone": phone}}, headers)
    email = stack.resident(f"repairs-{uuid.uuid4().hex[:8]}@council.example", name="Rhea Repairs", role="staff",
                           roles=["housing_repairs"])
    page = desk.new_page()
    sign_in_by_keyboard(page, email, f"/sign-in?next=/staff/repairs")
    heading(page, "Housing repairs: the clocks board")
    screen(page, "staff-repairs-board")
    page.goto(f"/staff/repairs/{repair['id']}")
    heading(page, f"Repair {repair['id']}")
    expect(page.locator("#repair-dates")).to_contain_text("The inspection is due by")
    expect(page.locator("main")).not_to_contain_text(phone)  # the tenant's details wait for a reason
    screen(page, "staff-repair")
    page.get_by_label("Why are you opening it?").fill("Booking the mould inspection with the tenant")
    page.get_by_role("button", name="Show the tenant's details").click()
    expect(page.locator("#repair-facts")).to_contain_text(phone)
    expect(page.locator("#repair-history")).to_contain_text(re.compile("No other repairs|RP-"))  # read now
    assert [(e.action, e.reason) for e in stack.deps().audit.entries(repair["id"])] == [
        ("contact_read", "Booking the mould inspection with the tenant")]
    assert [(e.action, e.reason) for e in stack.deps().audit.entries(repair["home"])][-1:] == [
        ("read", "Booking the mould inspection with the tenant")]
    summary = "Condensation behind the bed: the vents are blocked. We will clear them and treat the wall."
    page.get_by_label("Written summary for the tenant").fill(summary)
    page.get_by_role("button", name="Record the inspection and send the summary").click()
    expect(page.locator("#repair-said")).to_have_text(
        "The inspection is recorded. The tenant is told the written summary is ready.")
    expect(page.locator("#repair-dates")).to_contain_text("The inspection was done in time.")
    assert stack.get(f"/v1/repairs/{repair['id']}", headers)["summary"] == summary
    stack.once(lambda: any("written summary" in t for t in texts(stack, phone)), "the tenant told of the summary")
