"""Every screen on the narrowest phone the app supports (320 px): nothing is
wider than the screen, every Tab stop shows the focus, and axe-core finds no violations on the screens the
journeys do not check already (CHECKED_IN_JOURNEYS). With
DOORSTEP_SCREENSHOTS=<dir> (`make screens`) the same walk runs at 412 x 915,
runs axe on every screen and saves each one there (docs/screens/); the desks
of the newest services are pictured at an office computer's size, as the
other staff screens are."""
import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.web.browser import PASSWORD, Browser, check_accessible, check_focus_visible
from tests.web.journeys import (describe, heading, phone_photo, place_by_gps, send, sent_reference, sign_in,
                                start_report)
from tests.web.test_performance_page import ON_ONE_STACK
from tests.web.test_repairs import repairs  # noqa: F401 (a fixture: the back office, scheduler and clock)

SHOTS = os.environ.get("DOORSTEP_SCREENSHOTS")
WIDTH, HEIGHT = (412, 915) if SHOTS else (320, 640)
ACOMB = {"latitude": 53.9540, "longitude": -1.1300}
# Screens whose journey runs axe on them (at 412 px): here only their width is checked.
CHECKED_IN_JOURNEYS = {"report-1-category", "report-2-location", "report-3-details-errors", "report-4-your-details",
                       "report-5-sent", "report-6-saved-offline", "report-page", "track", "find", "property",
                       "property-search", "alerts", "alert-new-area", "register", "account", "account-reports",
                       "account-delete", "reset-password-link"}


def screen(page, name):
    """Check the screen now shown (and keep a picture of it when asked)."""
    page.wait_for_selector("#screen h1")
    if SHOTS:
        page.wait_for_load_state("networkidle")  # pictures with their photos and map drawn
    if SHOTS or name not in CHECKED_IN_JOURNEYS:
        check_accessible(page, name)
    check_focus_visible(page, name)
    overflow = page.evaluate("() => document.documentElement.scrollWidth")
    assert overflow <= WIDTH, f"{name} is {overflow} px wide on a {WIDTH} px screen"
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.evaluate("() => document.activeElement && document.activeElement.blur()")
        keep(page.screenshot(), Path(SHOTS) / f"{name}.png")


def keep(png, path):
    """A screenshot in 256 colours: a third of the bytes in git, the same to the eye."""
    import io
    from PIL import Image
    Image.open(io.BytesIO(png)).convert("RGB").quantize(256).save(path, optimize=True)


@pytest.fixture
def phone(request, chromium, stack):
    installed = request.node.get_closest_marker("installed") is not None
    made = Browser(chromium, stack, geolocation=ACOMB, viewport={"width": WIDTH, "height": HEIGHT},
                   service_workers="allow" if installed else "block")
    yield made
    made.close()


@pytest.mark.installed
def test_every_screen_is_accessible_and_fits_a_small_phone(phone, tmp_path):
    stack = phone.stack
    page = phone.new_page()
    page.goto("/")
    heading(page, "Your council")
    screen(page, "home")
    start_report(page, "Pothole")
    page.go_back()
    heading(page, "What is the problem?")
    screen(page, "report-1-category")
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("button", name="Use my current location").click()
    expect(page.locator(".map-notice")).to_be_visible()
    screen(page, "report-2-location")
    page.get_by_role("button", name="Continue").click()
    heading(page, "Tell us about")
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".error-summary")).to_be_visible()
    screen(page, "report-3-details-errors")
    page.get_by_label("Up to a car tyre").check()
    describe(page, "Pothole photographed for the screens", photos=[phone_photo(tmp_path, size=(800, 600))])
    page.get_by_label("Full name").fill("Sam Screens")
    screen(page, "report-4-your-details")
    send(page)
    reference = sent_reference(page)
    screen(page, "report-5-sent")
    stack.council_update(reference, "action_scheduled", "Repair booked with the highways team.")
    page.locator("#tracking-link").click()
    heading(page, "Pothole")
    expect(page.locator(".photo-list img")).to_have_js_property("complete", True)
    screen(page, "report-page")

    page.goto("/track")
    screen(page, "track")
    page.goto("/find")
    page.get_by_label("Recycling centres", exact=True).check()
    page.get_by_role("button", name="Use my current location").click()
    expect(page.locator("#results .card").first).to_be_visible()
    screen(page, "find")
    page.goto("/property?postcode=YO1%207HH")
    expect(page.get_by_label("Choose your address in YO1 7HH")).to_be_visible()
    screen(page, "property-search")
    page.goto("/property?uprn=990000000003")
    expect(page.locator("#bins")).to_be_visible()
    screen(page, "property")
    page.goto("/alerts")
    screen(page, "alerts")
    for kind in ("area", "ward", "broadcast", "report"):
        page.goto(f"/alerts/new?kind={kind}&report={reference}")
        heading(page, "")
        screen(page, f"alert-new-{kind}")
    for path in ("/register", "/reset-password", "/reset-password?token=x", "/verify?token=x",
                 "/alerts/confirm?token=x", "/alerts/unsubscribe?token=x", "/no-such-page"):
        page.goto(path)
        heading(page, "")
        screen(page, path.strip("/").split("?")[0].replace("/", "-") + ("-link" if "token" in path else ""))

    page.goto("/property?then=bulky")  # a service for an address, from the home page: the one known offered
    expect(page.locator("#my-property")).to_contain_text("3 Micklegate")
    screen(page, "property-for-bulky")
    page.goto("/sign-in")
    screen(page, "sign-in")
    page.goto("/sign-in?next=%2Fbulky%3Fuprn%3D990000000003")
    expect(page.locator("#sign-in-why")).to_be_visible()
    screen(page, "sign-in-why")
    sign_in(page, stack.resident("screens@example.org"), "/account")
    heading(page, "Your account")
    screen(page, "account")
    page.goto("/")
    expect(page.get_by_role("link", name="Your account")).to_be_visible()
    screen(page, "home-signed-in")
    page.goto("/account/reports")
    screen(page, "account-reports")
    page.goto("/account/delete")
    screen(page, "account-delete")

    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    start_report(page, "Litter")
    phone.context.set_offline(True)
    place_by_gps(page)
    describe(page, "Litter saved for the screens")
    send(page)
    heading(page, "Saved on this phone")
    screen(page, "report-6-saved-offline")
    phone.context.set_offline(False)


def test_a_broadcast_link_shows_the_council_news_to_anyone(page, stack):
    staff = stack.token(stack.resident("press-office@example.org", role="staff"))
    news = stack.post("/v1/broadcasts", {"topic": "bins", "title": "Bins a day late this week",
                                         "body": "Collections move by a day after the bank holiday.",
                                         "target": {"circle": {"lat": 53.96, "lon": -1.08, "radius_m": 3000}}},
                      staff)
    page.set_viewport_size({"width": WIDTH, "height": HEIGHT})
    page.goto(f"/?broadcast={news['id']}")
    page.wait_for_selector("#screen h1")
    assert page.inner_text("#screen h1") == "Bins a day late this week"
    expect(page.locator("#screen")).to_contain_text("Collections move by a day")
    screen(page, "broadcast")


@ON_ONE_STACK
def test_the_performance_page_is_accessible_and_fits_a_small_phone(phone):
    from tests.web.test_performance_page import a_year_of_figures, open_every_table
    a_year_of_figures(phone.stack)
    page = phone.new_page()
    page.goto("/performance")
    page.wait_for_selector("#totals")
    screen(page, "performance")
    open_every_table(page)
    check_accessible(page, "performance, every table open")


def test_the_questionnaire_is_accessible_and_fits_a_small_phone(phone):
    from tests.web.test_questionnaire import asked
    _, link = asked(phone.stack, "screens.reporter@example.org")
    page = phone.new_page()
    page.goto(link)
    screen(page, "questionnaire")


@pytest.mark.installed
def test_the_crew_screens_are_accessible_and_fit_a_small_phone(phone):
    from tests.web.crew import assigned_job, crew_member, officer, sign_in_crew
    stack = phone.stack
    by = officer(stack)
    report, job_id = assigned_job(stack, by, "Pothole by the kerb, deep enough to turn an ankle",
                                  instructions="Cone it off first: it is by a bus stop.")
    page = phone.new_page()
    sign_in_crew(page, crew_member(stack))
    expect(page.locator("#jobs .card", has_text=report["id"])).to_be_visible()
    screen(page, "crew-jobs")
    page.get_by_role("button", name="Map", exact=True).click()
    expect(page.locator(".jobs-map .map-notice")).to_be_visible()  # no tiles here: a plain panel with the pins
    screen(page, "crew-jobs-map")
    page.goto(f"/crew/jobs/{job_id}")
    heading(page, "Pothole")
    screen(page, "crew-job")
    page.get_by_role("button", name="Unable to do").click()
    expect(page.locator(".error-summary")).to_be_visible()
    screen(page, "crew-job-errors")
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    phone.context.set_offline(True)
    page.get_by_role("button", name="On site").click()
    expect(page.locator("#job-waiting")).to_be_visible()
    screen(page, "crew-job-saved-offline")
    by.change(report["id"], instructions="Cone it off and sweep the chippings.")
    phone.context.set_offline(False)
    page.evaluate("() => window.dispatchEvent(new Event('online'))")
    expect(page.locator(".conflict")).to_be_visible()
    screen(page, "crew-job-conflict")


def test_paying_booking_and_forms_and_their_desks_are_accessible(phone, chromium):
    """An account confirmed with no earlier reports (nothing said of none), the newest services
    on the phone (a bill's fund, its reference refused with the rule it broke, an appointment
    booked, a form up to check your answers), then their desks: a payment link refused, and the
    day of the appointment just booked."""
    from tests.web.desk import DESKTOP, Officer, screen as desk_screen
    from tests.web.test_appointments import booked_day
    from tests.web.test_forms import answer_as_a_bakery
    stack = phone.stack
    page = phone.new_page()
    stack.post("/v1/auth/register", {"name": "Nell Nothing-Before", "email": "screens.new@example.org",
                                     "password": PASSWORD})
    page.goto(stack.link_in_mail("screens.new@example.org", "/verify"))
    heading(page, "Email address confirmed")
    expect(page.get_by_role("link", name="Go to your account")).to_be_visible()
    expect(page.locator("#screen")).not_to_contain_text("before")  # no earlier reports: nothing said of them
    screen(page, "verified")
    sign_in(page, stack.resident("screens.services@example.org", name="Sam Services"), "/pay")
    expect(page.locator("#funds a").first).to_be_visible()
    screen(page, "pay")
    page.get_by_role("link", name="Council tax").click()
    expect(page.get_by_label("Council tax account number")).to_be_visible()
    screen(page, "pay-reference")
    page.get_by_label("Council tax account number").fill("400123454")  # its first digit wrong
    page.get_by_label("Amount").fill("125.50")
    page.get_by_role("button", name="Continue to payment").click()
    expect(page.locator(".error-summary")).to_contain_text("starts with 5")
    screen(page, "pay-reference-errors")

    page.goto("/appointments")
    heading(page, "Book an appointment")
    screen(page, "appointments")
    page.get_by_role("link", name="Housing options interview").click()
    expect(page.locator("input[name=start]").first).to_be_visible()
    screen(page, "appointments-times")
    page.locator("input[name=start]").first.check()
    page.get_by_role("button", name="Continue").click()
    expect(page.locator("#held")).to_be_visible()
    screen(page, "appointments-questions")
    page.get_by_role("radio", name="I want to move").check()
    page.get_by_role("button", name="Book appointment").click()
    expect(page.locator("#booked")).to_be_visible()
    screen(page, "appointments-booked")
    reference = re.search(r"AP-[0-9A-Z]{8}", page.locator("#booked-summary").inner_text()).group(0)

    page.goto("/forms")
    heading(page, "Forms")
    screen(page, "forms")
    page.get_by_role("link", name="Ask about a community grant").click()
    page.get_by_role("button", name="Start now").click()
    heading(page, "Who is asking for the grant?")
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".error-summary")).to_be_visible()
    screen(page, "form-question-errors")
    answer_as_a_bakery(page, "Sam", "Services", "screens.services@example.org")
    screen(page, "form-check-answers")

    Officer(stack, "screens.finance@example.org")
    desk = Browser(chromium, stack, **DESKTOP)
    try:
        office = desk.new_page()
        sign_in(office, "screens.finance@example.org", "/staff/pay/links")
        heading(office, "Payment links")
        office.get_by_label("Reference").fill("500345687")  # its check digit fails
        office.get_by_label("Amount (£)").fill("86.50")
        office.get_by_role("button", name="Make the link").click()
        expect(office.locator(".error-summary")).to_be_visible()
        desk_screen(office, "staff-pay-links-errors")
        day = booked_day(stack, reference)
        office.goto(f"/staff/appointments?date={day.isoformat()}")
        expect(office.locator("#day-list li").filter(has_text="Housing options interview").first).to_be_visible()
        desk_screen(office, "staff-appointments")
    finally:
        desk.close()



def test_the_live_question_screens_are_accessible_and_fit_a_small_phone(phone, chromium):
    """A meeting marked live as tests/web/test_live_questions.py marks one (bench/livequestions.py's
    `live_meeting`: its day tomorrow, "now on" its one item from the real now, so it takes questions
    whatever the time of the run): the resident's live screen with its form (and its errors, and the
    name asked for), the chair's screen, and democratic services' moderation desk, each on a 320 px
    phone with a question shown whose address is one long word."""
    from bench.livequestions import live_meeting
    from tests.web.test_live_questions import TITLE
    stack = phone.stack
    meeting, item = "9811", "981102"
    live_meeting(stack.deps(), meeting, item)
    asker = stack.token(stack.resident("screens.live@example.org", name="Lee Live"))
    officer_email = stack.resident("screens.democracy@example.org", name="Sam Officer", role="staff")
    officer = stack.token(officer_email)
    at = f"/v1/meetings/{meeting}/live-questions"
    shown = stack.post(at, {"question": "Is https://planningaccess.york.gov.uk/online-applications/26-01234-FULM "
                                        "the whole application, transport assessment included?"}, asker)
    stack.post(at, {"question": "Will the forty homes have parking for visitors as well as residents?"}, asker)
    stack.post(f"/v1/staff/meetings/{meeting}/live-questions/{shown['id']}/decision", {"decision": "approve"},
               {**officer, "If-Match": f"\"{shown['version']}\""})

    page = phone.new_page()
    page.goto(f"/meetings/{meeting}/live?screen=chair")
    heading(page, TITLE)
    expect(page.locator(".live-question")).to_contain_text("26-01234-FULM")
    screen(page, "meeting-live-chair")
    page.goto(f"/meetings/{meeting}/live")
    expect(page.locator("#live-sign-in")).to_be_visible()
    screen(page, "meeting-live-signed-out")
    sign_in(page, "screens.live@example.org", f"/meetings/{meeting}/live")
    heading(page, TITLE)
    expect(page.locator(".live-question")).to_contain_text("26-01234-FULM")
    screen(page, "meeting-live")
    page.get_by_label("Yes").check()
    page.get_by_role("button", name="Send question").click()
    expect(page.locator(".error-summary")).to_contain_text("Enter your question")
    screen(page, "meeting-live-errors")

    desk = Browser(chromium, stack, viewport={"width": WIDTH, "height": HEIGHT})
    try:
        office = desk.new_page()
        sign_in(office, officer_email, f"/staff/meetings/{meeting}/live-questions")
        heading(office, "Questions during the meeting")
        expect(office.locator(".live-row")).to_have_count(2)
        screen(office, "staff-live-questions")
    finally:
        desk.close()


def test_the_repairs_screens_are_accessible_and_fit_a_small_phone(phone, repairs):  # noqa: F811
    """A tenant's repairs (tests/web/test_repairs.py's back office, scheduler and Christmas Eve clock): told how to
    link a rent account when none is found, the emergencies (unanswered, and one to call),
    the description, getting in, the number to text with the answers, a time, the list with an
    inspection's summary, one repair, cancelling, and a repair taken while the scheduler is down."""
    from tests.web.test_repairs import officer, tenant
    stack = phone.stack
    page = phone.new_page()
    sign_in(page, stack.resident("screens.not.tenant@example.org"), "/repairs/new")
    expect(page.locator("#no-home")).to_be_visible()
    screen(page, "repairs-no-home")
    page.evaluate("() => localStorage.clear()")
    auth = tenant(stack, "screens.tenant@example.org")
    mould = stack.post("/v1/repairs", {"home": "R0448105", "location": "bedroom", "problem": "damp_mould",
                                       "issue": "mould", "description": "Mould on the ceiling above the bed.",
                                       "contact": {"phone": "07700 900123"}}, auth)
    stack.post(f"/v1/staff/repairs/{mould['id']}/inspection",
               {"summary": "Condensation mould over the bed: the wall is treated and a fan fitted."},
               stack.token(officer(stack)))
    sign_in(page, "screens.tenant@example.org", "/repairs/new")
    heading(page, "Is it an emergency?")
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".error-summary")).to_be_visible()
    screen(page, "repair-emergency-errors")
    page.get_by_label("Water is leaking onto electrics").check()
    page.get_by_role("button", name="Continue").click()
    heading(page, "Call now")
    screen(page, "repair-emergency-call")
    page.get_by_role("link", name="Back").click()
    page.get_by_label("No, none of these").check()
    page.get_by_role("button", name="Continue").click()
    heading(page, "Where in your home")  # a question of the tree: as the emergencies' page (axe in test_repairs.py)
    for answer in ("Hall and stairs", "Stairs and banisters", "A banister or handrail is loose or broken"):
        page.get_by_label(answer, exact=True).check()
        page.get_by_role("button", name="Continue").click()
    heading(page, "Describe the problem")
    page.get_by_label("Describe the problem").fill("The handrail on the stairs has come away from the wall.")
    screen(page, "repair-details")
    page.get_by_role("button", name="Continue").click()
    heading(page, "Getting into your home")
    screen(page, "repair-access")
    page.get_by_role("button", name="Continue").click()
    heading(page, "How we contact you")
    screen(page, "repair-contact")
    page.get_by_label("Mobile number").fill("07700 900123")
    page.get_by_role("button", name="Report the repair").click()
    heading(page, "Repair reported")
    expect(page.locator("#repair-time")).to_be_visible()
    screen(page, "repair-time")
    page.locator("#repair-time .radios__input").first.check()
    page.get_by_role("button", name="Book this time").click()
    heading(page, "Appointment booked")  # axe'd in test_repairs.py
    page.goto("/repairs")
    expect(page.locator(f"#{mould['id']} .repair-summary")).to_be_visible()
    screen(page, "repairs")
    page.goto(f"/repairs/{mould['id']}")
    heading(page, "Bedroom: Mould on walls or ceiling")
    screen(page, "repair")
    page.goto(f"/repairs/{mould['id']}/cancel")
    screen(page, "repair-cancel")
    repairs.drs.down = True
    taken = stack.post("/v1/repairs", {"home": "R0448105", "location": "kitchen", "problem": "fan",
                                       "issue": "fan_broken", "description": "The kitchen fan does not start.",
                                       "contact": {"phone": "07700 900123"}}, auth)
    page.goto(f"/repairs/{taken['id']}/time?new=1")
    expect(page.locator("#repair-later")).to_be_visible()
    screen(page, "repair-time-later")


def test_licensing_school_places_and_business_screens_are_accessible_and_fit_a_small_phone(phone):
    # The newest services' screens: their journeys run axe at 412 px; here each is held to 320 px too.
    stack = phone.stack
    page = phone.new_page()
    page.goto("/licensing")
    heading(page, "Licences")
    screen(page, "licensing")
    page.goto("/licensing/register")
    heading(page, "Licensing register")
    screen(page, "licensing-register")
    sign_in(page, stack.resident("screens.licence@example.org", name="Lee Licence"), "/licensing/apply/premises-licence")
    heading(page, "Premises licence")
    screen(page, "licensing-apply")
    from chalicelib.handlers.licensing.consulting import link
    from tests.web.test_licensing import pub_application
    case, deps = pub_application(stack)
    page.goto(link("", deps.council.id, case.id, "police", deps.clock()))  # the police's link from their mail
    heading(page, "The Golden Fleece: your answer as North Yorkshire Police")
    screen(page, "licensing-consult")
    page.goto("/schools")
    heading(page, "School places")
    screen(page, "schools")
    page.goto("/schools/apply")
    heading(page, "Apply for a school place")
    screen(page, "schools-apply")
    page.goto("/starting-school")
    heading(page, "My child is starting school")
    screen(page, "starting-school")
    page.goto("/business")
    heading(page, "Tell us you are starting a business")
    screen(page, "business")
