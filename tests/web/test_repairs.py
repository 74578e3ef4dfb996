"""Repairs on a tenant's phone (issue 58's "Done means"), against the local
Civica back office (Dev Patel's rent account R0448105 comes with his council
tax link) and the local DRS scheduler, with the app's clock on Christmas Eve
2026, a Thursday at 10am: Friday 25 and Monday 28 December are bank holidays,
so "next week" starts on Tuesday 29th. The officer's part goes through the API;
axe and the 320 px width are checked on the repair screens in
tests/web/test_every_screen.py, axe on the two it leaves (a question of the tree, booked) here."""
import uuid
from datetime import datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from tests.web.browser import check_accessible
from tests.web.journeys import add_photos, heading, phone_photo, sign_in

LONDON = ZoneInfo("Europe/London")
CHRISTMAS_EVE = datetime(2026, 12, 24, 10, 0, tzinfo=LONDON)
DEV_BILL = {"reference": "500345686", "name": "Mr Dev Patel", "online_key": "PTL8-3RZD", "phone_last3": "315"}
SAM_BILL = {"reference": "500567816", "name": "Sam Okafor", "online_key": "WLM6-4TQB", "phone_last3": "510"}


@pytest.fixture
def repairs(stack, tmp_path):
    """The back office and the scheduler, the app pointed at both, and the app's clock (in this process,
    which serves the app) on Christmas Eve, ticking; `clock.move_to` moves it on."""
    import time_machine
    from doorstep_cli.local.civica import CivicaBackOffice
    from doorstep_cli.local.drs import LocalScheduler
    env = pytest.MonkeyPatch()
    with time_machine.travel(CHRISTMAS_EVE, tick=True) as clock, CivicaBackOffice(nightly=None) as office, \
            LocalScheduler(state_file=tmp_path / "drs.json", capacity=2) as drs:
        pointed_at(env, office, drs)
        try:
            yield SimpleNamespace(clock=clock, drs=drs, stack=stack)
        finally:
            env.undo()


def pointed_at(env, office, drs):
    """The app pointed at the local back office and scheduler, as at a council's."""
    for name, value in (("DOORSTEP_CIVICA_URL", office.url), ("DOORSTEP_CIVICA_USER", office.user),
                        ("DOORSTEP_CIVICA_PASSWORD", office.password), ("DOORSTEP_DRS_URL", drs.url),
                        ("DOORSTEP_DRS_LOGIN", drs.login), ("DOORSTEP_DRS_PASSWORD", drs.password),
                        ("DOORSTEP_DRS_TIMEOUT_S", "2")):
        env.setenv(name, value)


def tenant(stack, email):
    """A council tenant signed up with his council tax account linked (so his tenancy is found)."""
    stack.resident(email, name="Dev Patel")
    auth = stack.token(email)
    stack.post("/v1/me/council-tax", DEV_BILL, auth)
    return auth


def officer(stack):
    email = f"repairs.officer.{uuid.uuid4().hex[:6]}@example.org"
    stack.resident(email, name="Rita Repairs", role="staff", roles=["housing_repairs"])
    return email


def report(page, where, what, issue, description, photos=(), pets="", axe=False):
    """From Your repairs through the questions to Report the repair, past the emergencies."""
    page.get_by_role("button", name="Report a repair").click()
    heading(page, "Is it an emergency?")
    page.get_by_label("No, none of these").check()
    page.get_by_role("button", name="Continue").click()
    for question, answer in (("Where in your home", where), ("What is the problem with", what),
                             ("What is wrong", issue)):
        heading(page, question)
        if axe and question == "Where in your home":
            check_accessible(page, "repairs: where in the home")
        page.get_by_label(answer, exact=True).check()
        page.get_by_role("button", name="Continue").click()
    heading(page, "Describe the problem")
    if photos:
        add_photos(page, photos)
        expect(page.locator(".photo-list img")).to_have_count(len(photos))
    page.get_by_label("Describe the problem").fill(description)
    page.get_by_role("button", name="Continue").click()
    heading(page, "Getting into your home")
    page.get_by_label("Pets").fill(pets)
    page.get_by_role("button", name="Continue").click()
    heading(page, "How we contact you")
    page.get_by_label("Mobile number").fill("07700 900123")
    page.get_by_role("button", name="Report the repair").click()


def test_a_tenant_reports_a_dripping_kitchen_tap_and_takes_a_morning_next_week_after_the_bank_holidays(
        browser, repairs, tmp_path):
    email = "tap.tenant@example.org"
    tenant(repairs.stack, email)
    page = browser.new_page()
    sign_in(page, email, next_path="/")
    page.get_by_role("link", name="Repairs to your council home").click()
    heading(page, "Repairs to your council home")
    page.get_by_role("button", name="Report a repair").click()
    heading(page, "Is it an emergency?")  # one home: never asked which
    page.get_by_label("You can smell gas").check()
    page.get_by_role("button", name="Continue").click()
    heading(page, "Call now: this is an emergency")
    expect(page.locator("#emergency-now")).to_contain_text("Leave the home")
    expect(page.locator("#emergency-call")).to_have_attribute("href", "tel:0800111999")
    page.go_back()
    heading(page, "Is it an emergency?")
    page.goto("/repairs")
    report(page, "Kitchen", "Sink, taps or drainage", "A tap is dripping", "The cold tap drips all night.",
           photos=[phone_photo(tmp_path, size=(800, 600))], pets="A friendly dog", axe=True)
    heading(page, "Repair reported")
    # Routine: 20 working days from Christmas Eve, the bank holidays left out.
    expect(page.locator("#repair-due")).to_have_text(
        "Your repair is due by Tuesday 26 January 2027. (20 working days under our repairs policy)")
    slots = page.locator("#repair-time .radios__label")
    expect(slots.first).to_have_text("Tuesday 29 December, morning")
    labels = slots.all_inner_texts()
    assert not [day for day in labels if day.startswith(("Friday 25", "Saturday", "Sunday", "Monday 28"))], labels
    page.get_by_label("Tuesday 29 December, morning").check()
    page.get_by_role("button", name="Book this time").click()
    heading(page, "Appointment booked")
    expect(page.locator("#repair-booked")).to_contain_text("Tuesday 29 December 2026, morning (8am to midday)")
    check_accessible(page, "repairs: booked")
    repair_id = next(iter(repairs.drs.state["orders"]))
    assert repairs.drs.state["orders"][repair_id]["slot"][0] == "2026-12-29T08:00:00+00:00"
    page.get_by_role("link", name="Your repairs").click()
    card = page.locator(f"#{repair_id}")
    expect(card).to_contain_text("Kitchen: A tap is dripping")
    card.get_by_role("link", name="Change the time").click()
    heading(page, "Change the time")
    page.get_by_label("Wednesday 30 December, afternoon").check()
    page.get_by_role("button", name="Change to this time").click()
    expect(page.locator("#repair-booked")).to_contain_text("Wednesday 30 December 2026, afternoon")
    assert repairs.drs.state["orders"][repair_id]["slot"][0] == "2026-12-30T12:00:00+00:00"
    stored = repairs.stack.deps().repairs.get(repair_id)
    assert len(stored.photos) == 1 and stored.access == {"pets": "A friendly dog"}


def test_a_tenant_reports_mould_in_a_bedroom_once_whatever_the_signal_and_reads_the_inspection_and_its_summary(
        browser, repairs):
    email = "mould.tenant@example.org"
    tenant(repairs.stack, email)
    page = browser.new_page()
    lost = []

    def first_answer_lost(route):
        if route.request.method == "POST" and not lost:
            lost.append(route.fetch())  # the council has it; the phone never hears
            return route.abort()
        return route.continue_()
    page.route("**/v1/repairs", first_answer_lost)
    sign_in(page, email, next_path="/repairs")
    heading(page, "Repairs to your council home")
    report(page, "Bedroom", "Damp or mould", "Mould on walls or ceiling", "Black mould behind the wardrobe.")
    heading(page, "Saved on this phone")
    page.get_by_role("link", name="Your repairs").click()
    cards = page.locator("#my-repairs .card")
    expect(cards).to_have_count(1)  # sent again with its key: the same repair
    (repair,) = repairs.stack.get("/v1/me/repairs", repairs.stack.token(email))["repairs"]
    assert lost[0].status == 201 and lost[0].json()["id"] == repair["id"]
    # Ten working days from Christmas Eve: 25 and 28 December and New Year's Day are not working days.
    expect(cards.first).to_contain_text("The inspection is due by Tuesday 12 January 2027.")
    by = repairs.stack.token(officer(repairs.stack))
    repairs.stack.post(f"/v1/staff/repairs/{repair['id']}/inspection",
                       {"summary": "Mould from condensation behind the wardrobe. We will treat the wall and fit "
                                   "an extractor fan."}, by)
    page.reload()
    summary = page.locator(f"#{repair['id']} .repair-summary")
    expect(summary).to_contain_text("The written summary of the inspection on 24 December 2026")
    expect(summary).to_contain_text("fit an extractor fan")
    expect(cards.first).to_contain_text("The inspection was done in time.")


def test_a_qualifying_repair_late_twice_shows_the_compensation_owed_once_and_a_neighbours_stair_light_a_me_too(
        browser, repairs):
    email = "flush.tenant@example.org"
    auth = tenant(repairs.stack, email)
    stack, by = repairs.stack, officer(repairs.stack)
    repair = stack.post("/v1/repairs", {"home": "R0448105", "location": "bathroom", "problem": "toilet",
                                        "issue": "not_flushing", "description": "The only toilet will not flush.",
                                        "contact": {"phone": "07700 900123"}}, auth)
    assert repair["right_to_repair_days"] == 1  # due by the end of Tuesday 29 December
    repairs.clock.move_to(datetime(2026, 12, 30, 9, 0, tzinfo=LONDON))
    stack.post(f"/v1/staff/repairs/{repair['id']}/second-contractor", {}, stack.token(by))  # its day: Thursday 31 December
    repairs.clock.move_to(datetime(2027, 1, 5, 11, 0, tzinfo=LONDON))  # five days after it
    done = stack.post(f"/v1/staff/repairs/{repair['id']}/done", {"what": "A new flush valve fitted."}, stack.token(by))
    assert done["compensation"] == 1000 + 5 * 200
    page = browser.new_page()
    sign_in(page, email, next_path="/repairs")
    card = page.locator(f"#{repair['id']}")
    expect(card).to_contain_text("it must be done within 1 working day")
    expect(card.locator(".repair-compensation")).to_have_text(
        "Your repair was late twice under the Right to Repair, so you are owed £20.00 in compensation. "
        "We will pay it to your rent account.")
    expect(page.get_by_text("you are owed")).to_have_count(1)
    expect(card).to_contain_text("Done on 5 January 2027: A new flush valve fitted.")
    # A neighbour in his block (4 Hull Road) reported the stair light: Dev says it affects him too, counted once.
    sam = "stair.neighbour@example.org"
    stack.resident(sam, name="Sam Okafor")
    stack.post("/v1/me/council-tax", SAM_BILL, stack.token(sam))
    light = stack.post("/v1/repairs", {"home": "R0448112", "location": "communal", "problem": "lighting",
                                       "issue": "stair_light", "description": "The second floor landing is dark.",
                                       "contact": {"phone": "07700 900510", "name": "Sam Okafor"}}, stack.token(sam))
    page.reload()
    shared = page.locator(f"#block-{light['id']}")
    expect(shared).to_contain_text("Shared parts of your block: A stair or landing light is out")
    shared.get_by_role("button", name="It affects me too").click()
    expect(shared.get_by_role("status")).to_have_text("1 neighbour says it affects them too.")
    expect(shared).not_to_contain_text("07700")
    check_accessible(page, "repairs: in your block")


def test_with_the_scheduler_stopped_the_repair_is_taken_and_a_time_is_chosen_when_it_returns(browser, repairs):
    email = "radiator.tenant@example.org"
    tenant(repairs.stack, email)
    repairs.drs.down = True
    page = browser.new_page()
    sign_in(page, email, next_path="/repairs")
    heading(page, "Repairs to your council home")
    report(page, "Living room", "Heating", "A radiator stays cold", "The radiator by the window stays cold.")
    heading(page, "Repair reported")
    expect(page.locator("#repair-later")).to_contain_text("we will text you when you can choose a time")
    repairs.drs.down = False
    page.get_by_role("link", name="Your repairs").click()
    page.locator("#my-repairs .card").first.get_by_role("link", name="Choose a time").click()
    heading(page, "Choose a time")
    page.locator("#repair-time .radios__input").first.check()
    page.get_by_role("button", name="Book this time").click()
    heading(page, "Appointment booked")
    page.get_by_role("link", name="Your repairs").click()
    page.locator("#my-repairs .card").first.get_by_role("link", name="Cancel this repair").click()
    heading(page, "Cancel repair")
    page.get_by_role("button", name="Yes, cancel this repair").click()
    expect(page.locator("#repair-cancelled")).to_contain_text("is cancelled")
    expect(page.locator("#my-repairs .card").first).to_contain_text("Cancelled")


def test_a_time_page_left_open_past_its_day_books_nothing_and_offers_the_times_again(browser, repairs):
    email = "overnight.tenant@example.org"
    auth = tenant(repairs.stack, email)
    repair = repairs.stack.post("/v1/repairs", {"home": "R0448105", "location": "kitchen", "problem": "sink",
                                                "issue": "tap_dripping", "description": "The cold tap drips.",
                                                "contact": {"phone": "07700 900123"}}, auth)
    page = browser.new_page()
    sign_in(page, email, next_path=f"/repairs/{repair['id']}/time")
    heading(page, "Choose a time")
    page.get_by_label("Tuesday 29 December, morning").check()
    repairs.clock.move_to(datetime(2026, 12, 29, 9, 0, tzinfo=LONDON))  # the morning chosen has begun
    page.get_by_role("button", name="Book this time").click()
    expect(page.locator("#slot-taken")).to_have_text(
        "That time is not one we can offer now. Choose one of the times shown.")
    expect(page.locator("#repair-time .radios__label").first).to_have_text("Wednesday 30 December, morning")
    assert repairs.drs.state["orders"][repair["id"]]["slot"] == [None, None]
