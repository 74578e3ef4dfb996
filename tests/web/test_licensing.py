"""Licensing on a phone: a neighbour finds a York pub's application on the
public register, reads the last day for representations, objects in time and
is told it went to the officers; the pub's own view and the register show what
the officer shared, never who objected; the licences page lists York's types
with the law's periods; a cab owner renews from the reminder's link and pays,
and the renewal names the licence it continues; a fête at Newcastle-under-Lyme
gives its hall's 15th notice of the year and is refused the 16th; and the York
pub's variation goes from the neighbours' alert through an objection, the
desk's hearing on the law's last day and the decision mailed to both; a pub whose
annual fee went unpaid pays it on its suspended licence and it is in force again."""
import re

from playwright.sync_api import expect

from tests.web.browser import check_accessible
from tests.web.desk import desk, say_why  # noqa: F401  (desk: a fixture, an office computer)
from tests.web.journeys import heading, sign_in
from tests.web.test_bulky import pay  # noqa: F401  (a fixture: the local card provider)

PUB = {"name": "The Golden Fleece", "address": "16 Pavement, York YO1 9UP", "uprn": "990000000501",
       "lat": 53.9592, "lon": -1.0801}


def pub_application(stack, clock=None):
    """The pub's application to vary its licence, received today or at `clock` (its fee's payment is payments'
    own journey)."""
    import uuid
    from chalicelib.auth.principal import Principal
    from chalicelib.deps import default_deps
    from chalicelib.handlers.licensing.applying import receive, start
    from support.licensing_support import PUB_ANSWERS
    deps = default_deps(stack.url).replace(principal=Principal(user_id="pub-landlord", role="resident",
                                                               email="landlord@example.org"))
    view, _ = start(deps, {"type": "premises-licence", "band": "C", "premises": PUB, "purpose": "variation",
                           "varies": "LN-7K3F9Q2M", "answers": PUB_ANSWERS}, str(uuid.uuid4()))
    case = deps.licensing.get(view["id"])
    case.state, case.payment_id = "paying", "paid-elsewhere"
    deps.licensing.save(case, case.seq, was="draft")
    if clock:
        deps = deps.replace(clock=clock)
    return receive(deps, deps.licensing.get(case.id), deps.clock()), deps


def test_a_neighbour_objects_in_time_from_the_register_and_is_not_named_to_the_pub(browser):
    case, deps = pub_application(browser.stack)
    page = browser.new_page()
    page.goto("/licensing")
    heading(page, "Licences")
    expect(page.locator("#type-premises-licence")).to_contain_text("28 days for representations")
    expect(page.locator("#type-temporary-event-notice")).to_contain_text("Licensing Act 2003 s.104(2)")
    page.get_by_role("link", name="See the public register of licences and applications").click()
    heading(page, "Licensing register")
    ours = page.locator("#register-list li").filter(has=page.locator(f'a[href$="/{case.id}"]'))
    expect(ours).to_contain_text("a variation")
    expect(ours).to_contain_text(
        "Premises licence (alcohol, entertainment, late night refreshment) (a variation): Received")  # not its id
    # Its own case: another journey on this stack may have licensed a Golden Fleece too (the annual fee's).
    page.locator(f'#register-list a[href$="/{case.id}"]').click()
    heading(page, "The Golden Fleece")
    last = next(c["last_day"] for c in case.clocks if c["name"] == "representations")
    expect(page.get_by_role("heading", level=2)).to_contain_text("Make a representation by the end of")
    check_accessible(page, "licensing: one application on the register, with its representation form")
    page.get_by_role("button", name="Send representation").click()
    expect(page.locator(".error-summary")).to_contain_text("Enter your representation")
    page.get_by_label("Your representation").fill("Music from the yard until midnight keeps our children awake.")
    page.get_by_label("Preventing public nuisance").check()
    page.get_by_label("Your full name").fill("Ada Quietly")
    page.get_by_label("Your email address").fill("ada.quietly@example.org")
    page.get_by_label("Your address").fill("3 Lady Peckitt's Yard, York YO1 9SD")
    page.get_by_role("button", name="Send representation").click()
    expect(page.locator("#representation-sent")).to_contain_text("sent to the licensing officers")
    reps = deps.licensing.representations(case.id)
    assert [r.contact["name"] for r in reps][-1] == "Ada Quietly" and last
    from chalicelib.handlers.licensing.views import applicant_view
    shown = str(applicant_view(deps, deps.licensing.get(case.id), representations=reps))
    assert "Ada" not in shown and "Peckitt" not in shown
    register = page.request.get(f"{browser.stack.url}/v1/licensing/register.csv").text()
    assert "The Golden Fleece" in register and "Ada" not in register
    assert re.search(r"representations_until", register)


def test_a_north_lanarkshire_host_sees_scotlands_short_term_let_periods_and_staffordshire_names_the_district(
        stack, chromium):
    from urllib.parse import urlsplit
    from tests.web.browser import Browser
    port = urlsplit(stack.url).port
    host = Browser(chromium, stack, base_url=f"http://northlanarkshire.localhost:{port}")
    county = Browser(chromium, stack, base_url=f"http://staffordshire.localhost:{port}")
    try:
        page = host.new_page()
        page.goto("/licensing")
        heading(page, "Licences")
        let = page.locator("#type-short-term-let")
        expect(let).to_contain_text("28 days for objections and representations")
        expect(let).to_contain_text("a decision within 9 months, or the licence is granted by law")
        expect(page.locator("#type-occasional-licence")).to_contain_text("Police Scotland")
        expect(page.locator("#type-temporary-event-notice")).to_have_count(0)  # England's: not here
        check_accessible(page, "licensing: North Lanarkshire's licence types")
        page = county.new_page()
        page.goto("/licensing")
        expect(page.locator("#provided-elsewhere")).to_contain_text("Staffordshire County Council issues no licences")
    finally:
        host.close()
        county.close()


def answer_the_pubs_questions(page):
    """York's premises licence form, drawn by the forms renderer: a pub selling alcohol names its supervisor."""
    page.get_by_label("Selling alcohol to drink on the premises").check()
    page.get_by_label("The days and hours of each activity").fill("Alcohol 11am to 11pm every day")
    page.get_by_label("The hours the premises are open to the public").fill("11am to 11.30pm")
    page.get_by_label("The most people on the premises at any one time").fill("120")
    supervisor = page.locator('[data-field="answers.dps_name"]')
    supervisor.get_by_label("First name").fill("Sam")
    supervisor.get_by_label("Last name").fill("Supervisor")
    page.get_by_label("Their personal licence number").fill("YORK/PL/0099")
    page.get_by_label("The licensing authority that issued it").fill("City of York Council")
    page.get_by_label("Both", exact=True).check()
    page.get_by_label("A general description of the premises").fill("A small bar on the Shambles.")
    for objective in ("prevent crime and disorder", "keep the public safe", "prevent public nuisance",
                      "protect children from harm"):
        page.get_by_label(f"The steps you will take to {objective}").fill("Staff trained; Challenge 25; CCTV.")
    page.get_by_label("A phone number the licensing team can call you on").fill("01904 000333")


def test_a_cab_owner_renews_from_the_reminders_link_pays_and_the_renewal_names_the_licence_it_continues(
        browser, pay):  # noqa: F811
    from chalicelib.auth.principal import Principal
    from chalicelib.handlers.accounts import users
    from chalicelib.handlers.licensing import desk
    from chalicelib.handlers.licensing.applying import receive, start
    from chalicelib.handlers.licensing.renewing import renewal_id
    from doorstep_cli.forms import licence_forms
    from support.licensing_support import CAB_ANSWERS, store_types
    from support.pay_support import SUCCESS
    from tests.web.browser import PASSWORD
    from tests.web.test_bulky import fill_the_card_page
    deps = browser.stack.deps()
    store_types(deps)
    licence_forms(deps)
    owner = users.create_user(deps, "cab.owner@example.org", "resident", name="Priya Driver", password=PASSWORD)
    holder = deps.replace(principal=Principal(user_id=owner.id, role="resident", email="cab.owner@example.org"))
    view, _ = start(holder, {"type": "taxi-vehicle", "premises": {"name": "Vehicle YK24 ABC",
                                                                  "address": "4 Acomb Road, York YO24 4EY"},
                            "answers": CAB_ANSWERS}, "cab-owner-first-licence")
    case = deps.licensing.get(view["id"])
    case.state, case.payment_id = "paying", "paid-elsewhere"
    deps.licensing.save(case, case.seq, was="draft")
    case = receive(deps, deps.licensing.get(case.id), deps.clock())
    case = desk.decide(deps.replace(principal=Principal(user_id="officer", role="staff")), case.id,
                       {"outcome": "granted", "reasons": "Vehicle passed its test."}, case.seq)
    page = browser.new_page()
    sign_in(page, "cab.owner@example.org", next_path=f"/licensing/cases/{case.id}?renew=1")
    expect(page.locator("#licensing-licence")).to_contain_text(case.licence["number"])
    check_accessible(page, "licensing: a licence with its renewal")
    page.get_by_role("button", name="Renew this licence").click()
    fill_the_card_page(page, SUCCESS, "£200.00")
    renewal = renewal_id(case)
    page.wait_for_url(re.compile(f"/licensing/cases/{renewal}"))
    expect(page.locator("#licensing-renews")).to_contain_text(f"This application renews licence {case.licence['number']}")
    assert deps.licensing.get(renewal).renews["to"] == case.licence["to"]


def test_a_fete_in_newcastle_under_lyme_gives_the_halls_15th_notice_and_is_refused_a_16th_in_words_that_say_why(
        stack, chromium, pay):  # noqa: F811
    # The hall has had 14 notices this year from other organisers (one organiser alone may give 5, s.107(3));
    # the fete's organiser gives the 15th in the browser and pays for it, then the 16th is refused as it is given,
    # in the words of the limit (s.107(4)), before the card page: no case made, nothing asked of the provider.
    from datetime import timedelta
    from urllib.parse import urlsplit
    import pytest
    from chalicelib import tenancy
    from chalicelib.handlers.licensing.applying import premises_key
    from chalicelib.stamps import london_today
    from support.councils_support import back_offices_at
    from support.pay_support import SUCCESS
    from tests.web.browser import Browser
    from tests.web.test_bulky import fill_the_card_page
    hall = {"address": "Church Street, Silverdale, Newcastle-under-Lyme ST5 6JL"}
    fete = london_today(stack.deps().clock()) + timedelta(days=35)  # 10 working days and more, whatever the day
    earlier = fete - timedelta(days=7) if (fete - timedelta(days=7)).year == fete.year else fete + timedelta(days=7)
    key = f"premises#{premises_key(hall)}#{fete.year}"
    with tenancy.acting_for("newcastle-under-lyme"):
        deps = stack.deps()
        deps.licensing.tally(key, 14, 0, set(), [f"earlier-{n}" for n in range(14)], 0).save()
        from doorstep_cli.forms import licence_forms
        licence_forms(deps)
    organiser = stack.resident("fete.organiser@example.org", name="Faye Fete")
    borough = Browser(chromium, stack, base_url=f"http://newcastle.localhost:{urlsplit(stack.url).port}")
    env = pytest.MonkeyPatch()
    account = {"url": pay.origin, "account": "test", "accounts": {"test": {
        "api_key": {"secret": "pay-api-key"}, "webhook_secret": {"secret": "pay-webhook-secret"}}}}

    def give(name, first_day):
        page.goto("/licensing/apply/temporary-event-notice")
        heading(page, "Temporary event notice")
        page.get_by_label("Name of the premises or event").fill(name)
        page.get_by_label("Address of the premises").fill(hall["address"])
        page.get_by_label("First day of the event").fill(first_day.isoformat())
        page.get_by_label("How many hours it lasts").fill("6")
        page.get_by_label("Most people on the premises at any one time").fill("300")
        page.get_by_label("What the event is").fill("A summer fete with a bar and a brass band")  # the type's form
        page.get_by_label("Selling alcohol").check()
        page.get_by_role("radio", name="At the event").check()
        page.get_by_label("A phone number the licensing team can call you on").fill("01782 000222")
        page.get_by_role("button", name="Continue to pay").click()

    def notices():
        with tenancy.acting_for("newcastle-under-lyme"):
            return next(iter(stack.deps().licensing.tallies([key]).values()))[3]
    try:
        with back_offices_at(stack.deps(), "newcastle-under-lyme", env, {"payments": account},
                             {"pay-api-key": pay.api_key, "pay-webhook-secret": pay.webhook_secret}):
            page = borough.new_page()
            sign_in(page, organiser, "/licensing")
            heading(page, "Licences")
            give("Silverdale Spring Fete", earlier)
            fill_the_card_page(page, SUCCESS, "£21.00")
            page.wait_for_url(re.compile(r"newcastle\.localhost:\d+/licensing/cases/LC-"))
            assert stack.once(lambda: len(notices()) == 15, "the hall's fifteenth notice counted")
            give("Silverdale Summer Fete", fete)
            summary = page.locator(".error-summary")
            expect(summary).to_contain_text(f"{hall['address']} has had 15 temporary event notices for {fete.year} "
                                            "already")
            expect(summary).to_contain_text("(15, Licensing Act 2003 s.107(2)-(5))")
            expect(summary).to_contain_text("No fee has been taken.")
            check_accessible(page, "licensing: a sixteenth notice refused")
            assert page.url.startswith("http://newcastle.localhost")  # never sent on to the card page
            assert len(notices()) == 15  # the hall's year as it was
    finally:
        borough.close()
        env.undo()

def test_a_york_pubs_variation_reaches_its_neighbours_is_objected_to_heard_by_the_rule_and_decided_to_both(
        browser, chromium, desk):  # noqa: F811
    # The application is received on a pinned day a year on, so that its 28 days for representations end on
    # 18 December and the 20 working days to the hearing span Christmas and New Year's bank holidays: counting
    # weekdays alone gives a later last day than the law's (the stack's calendar of England's bank holidays).
    import dataclasses
    from datetime import datetime, time, timedelta
    from zoneinfo import ZoneInfo
    from chalicelib.stamps import london_today
    from tests.alerts.test_alerts_end_to_end import wait_for
    from tests.web.browser import Browser
    stack = browser.stack
    year = london_today(stack.deps().clock()).year + 1
    received = datetime.combine(datetime(year, 12, 18).date() - timedelta(days=28), time(10), ZoneInfo("Europe/London"))
    phone = Browser(chromium, stack, geolocation={"latitude": PUB["lat"], "longitude": PUB["lon"]})
    neighbour = "pavement.neighbour@example.org"
    page = phone.new_page()
    page.goto("/alerts")
    page.get_by_role("link", name="New problems reported near a place").click()
    page.get_by_role("button", name="Use my current location").click()
    page.get_by_label("How far around it?").select_option(label="Within 250 metres")
    page.get_by_label("Email", exact=True).check()
    page.get_by_label("Email address").fill(neighbour)
    page.get_by_role("button", name="Set up alert").click()
    heading(page, "Check your email")
    page.goto(stack.link_in_mail(neighbour, "/alerts/confirm"))
    heading(page, "Your alert is on")

    case, deps = pub_application(stack, clock=lambda: received)
    last = next(c["last_day"] for c in case.clocks if c["name"] == "representations")
    assert last == f"{year}-12-18"
    told = stack.once(lambda: next((m for m in stack.mail_to(neighbour) if case.id in m.body), None),
                      "the neighbour told of the application")
    link = f"{stack.url}/licensing/register/{case.id}"
    assert f"18 December {year}" in told.body and link in told.body, told.body

    page.goto(link)
    heading(page, "The Golden Fleece")
    page.get_by_label("Your representation").fill("A late licence for the yard: music past midnight under our windows.")
    page.get_by_label("Preventing public nuisance").check()
    page.get_by_label("Your full name").fill("Ada Quietly")
    page.get_by_label("Your email address").fill(neighbour)
    page.get_by_label("Your address").fill("3 Lady Peckitt's Yard, York YO1 9SD")
    page.get_by_role("button", name="Send representation").click()
    expect(page.locator("#representation-sent")).to_contain_text("sent to the licensing officers")

    police = "licensing.nyp@example.org"  # York's settings ask the police by email: they answer from its link
    stack.once(lambda: next((m for m in stack.mail_to(police) if case.id in m.body), None), "the police asked")
    mangled = phone.new_page()  # a mail client's mangled link: the refusal in words, not a blank page
    mangled.goto(f"{stack.url}/licensing/consult#{case.id}%E0%A4%A")
    heading(mangled, "This link does not open a licensing case")
    mangled.close()
    page.goto(stack.link_in_mail(police, "/licensing/consult#"))
    heading(page, "The Golden Fleece: your answer as North Yorkshire Police")
    expect(page.locator(".summary-list")).to_contain_text(f"18 December {year}")
    check_accessible(page, "a consultee's link")
    page.get_by_label("No objection, with conditions").check()
    page.get_by_label("Your reasons or conditions").fill("CCTV covering the yard door until closing.")
    page.get_by_role("button", name="Send answer").click()
    expect(page.locator("#consult-answered")).to_contain_text("Your answer is recorded: No objection, with conditions")

    calendar = deps.calendar
    latest = calendar.add_working_days(datetime(year, 12, 18).date(), 20)
    naive = datetime(year, 12, 18).date()
    for _ in range(20):
        naive += timedelta(days=1)
        while naive.weekday() >= 5:
            naive += timedelta(days=1)
    assert latest > naive  # the bank holidays counted: a weekday count would refuse days the law allows

    officer = stack.resident("licensing.officer@example.org", name="Lin Officer", role="staff")
    desk_page = desk.new_page()
    sign_in(desk_page, officer, f"/staff/licensing/{case.id}")
    expect(desk_page.locator("#licensing-reason")).to_be_visible()  # asked why before the case is read
    expect(desk_page.locator("#licensing-case")).not_to_contain_text("Ada Quietly")
    check_accessible(desk_page, "licensing desk: asked why before a case is read")
    say_why(desk_page, "Preparing the hearing's notice")
    rep = desk_page.locator("#licensing-case section.inset").first
    expect(rep).to_contain_text("Ada Quietly")
    expect(desk_page.locator("#licensing-consultees")).to_contain_text(
        "North Yorkshire Police: conditions proposed CCTV covering the yard door until closing.")
    rep.get_by_label("What the applicant reads of it").fill("Music in the yard late at night (public nuisance).")
    rep.get_by_role("button", name="Relevant: share these words").click()
    expect(desk_page.locator("#licensing-case")).to_contain_text("Music in the yard late at night")
    hearing = desk_page.locator("#licensing-hearing")
    hearing.get_by_label("Day of the hearing").fill(calendar.add_working_days(latest, 1).isoformat())
    hearing.get_by_role("button", name="Save").click()
    expect(desk_page.locator(".error-summary")).to_contain_text(
        f"The law's last day for the hearing is {latest.strftime('%A')} {latest.day} {latest.strftime('%B %Y')}")
    hearing = desk_page.locator("#licensing-hearing")
    hearing.get_by_label("Day of the hearing").fill(latest.isoformat())
    hearing.get_by_role("button", name="Save").click()
    state = desk_page.locator("#licensing-case .summary-list__row", has_text="State").locator("dd")
    expect(state).to_have_text("Hearing arranged")  # the saved case redrawn, in words, not the page before it
    check_accessible(desk_page, "licensing desk: a variation with a relevant representation and its hearing")
    decision = desk_page.locator("#licensing-decision")
    decision.get_by_label("Grant").check()
    decision.get_by_label("Reasons").fill("Granted with the yard closed at 23:00 after hearing the residents.")
    decision.get_by_role("button", name="Save").click()
    expect(state).to_have_text("Granted")
    licence = desk_page.locator("#licensing-licence")  # its "Reasons" and the decision's: each its own
    licence.get_by_label("Suspend").check()
    licence.get_by_role("button", name="Save").click()
    expect(licence.locator(".form-group--error")).to_contain_text("Reasons")
    expect(desk_page.locator("#licensing-decision .form-group--error")).to_have_count(0)
    licence.get_by_label("Reasons").fill("The yard was open past 23:00 on three nights.")
    licence.get_by_role("button", name="Save").click()
    expect(desk_page.locator("#licensing-licence .form-group--error")).to_have_count(0)
    assert stack.once(lambda: deps.licensing.get(case.id).licence["state"] == "suspended", "the licence suspended")
    readings = [e for e in deps.audit.entries(case.id) if e.action == "read"]  # once, then again after each change
    assert readings and {(e.by_email, e.reason) for e in readings} == {(officer, "Preparing the hearing's notice")}

    to_pub = stack.once(lambda: next((m for m in stack.mail_to("landlord@example.org") if "closed at 23:00" in m.body),
                                     None), "the decision mailed to the pub")
    to_neighbour = stack.once(lambda: next((m for m in stack.mail_to(neighbour) if "closed at 23:00" in m.body), None),
                              "the decision mailed to the objector")
    assert "closed at 23:00" in to_pub.body and "closed at 23:00" in to_neighbour.body
    assert "Ada" not in to_pub.body and "Peckitt" not in to_pub.body and neighbour not in to_pub.body
    from chalicelib.handlers.licensing.views import applicant_view
    shown = str(applicant_view(deps, deps.licensing.get(case.id),
                               representations=deps.licensing.representations(case.id)))
    assert "Music in the yard late at night" in shown
    assert "Ada" not in shown and "Peckitt" not in shown and neighbour not in shown
    phone.close()


def test_a_york_pub_sends_its_plan_from_a_phone_with_the_application_pays_and_the_officer_opens_it(
        browser, desk, pay, tmp_path):  # noqa: F811
    import io
    from PIL import Image
    from chalicelib.handlers.licensing.documents import key_of
    from doorstep_cli.forms import licence_forms
    from support.licensing_support import store_types
    from support.pay_support import SUCCESS
    from tests.web.browser import PASSWORD
    from tests.web.journeys import phone_photo
    from tests.web.test_bulky import fill_the_card_page
    from chalicelib.handlers.accounts import users
    import json
    from support.licensing_support import YORK_TYPES
    stack = browser.stack
    deps = stack.deps()
    store_types(deps)
    licence_forms(deps)
    types = json.loads(YORK_TYPES.read_text())
    types[0]["documents"][0]["required"] = True  # the plan: asked for before the fee
    deps.licensing.save_types(types, deps.licensing.types()[1])
    landlord = users.create_user(deps, "new.landlord@example.org", "resident", name="Jo Landlord", password=PASSWORD)
    page = browser.new_page()
    sign_in(page, "new.landlord@example.org", next_path="/licensing/apply/premises-licence")
    heading(page, "Premises licence (alcohol, entertainment, late night refreshment)")
    page.get_by_label("Name of the premises or event").fill("The Shambles Tap")
    page.get_by_label("Address of the premises").fill("12 The Shambles, York YO1 7LZ")
    page.get_by_label("Rateable value band").select_option(index=2)
    answer_the_pubs_questions(page)
    page.get_by_role("button", name="Continue to pay").click()  # the draft made, the fee refused: no plan yet
    expect(page.locator(".error-summary")).to_contain_text("Send A plan of the premises before you pay")
    plan = page.locator('[data-field="document-plan"]')
    with page.expect_file_chooser() as chooser:
        plan.get_by_role("button", name="Choose a file").click()
    chooser.value.set_files([phone_photo(tmp_path, "plan of the bar.jpg")])
    expect(plan.locator(".file-list li")).to_contain_text("plan of the bar.jpg")
    check_accessible(page, "licensing: applying with documents")
    page.get_by_role("button", name="Continue to pay").click()
    fill_the_card_page(page, SUCCESS, "£315.00")
    page.wait_for_url(re.compile(r"/licensing/cases/LC-"))
    case_id = page.url.rsplit("/", 1)[1].split("?")[0]
    assert [c.id for c in deps.licensing.of_user(landlord.id)] == [case_id]  # pressed twice: one draft, not two
    expect(page.locator("#licensing-documents")).to_contain_text("plan of the bar.jpg")
    expect(page.locator("#licensing-answers")).to_contain_text("Sam Supervisor")  # the form's answers, kept
    case = deps.licensing.get(case_id)
    kept = deps.blobs.read(key_of(case_id, case.documents["plan"]["upload_id"]))
    assert not Image.open(io.BytesIO(kept)).getexif().get_ifd(0x8825)  # the phone's GPS gone
    assert set(case.documents) == {"plan"}
    officer = stack.resident("licensing.desk@example.org", name="Lin Officer", role="staff")
    desk_page = desk.new_page()
    sign_in(desk_page, officer, f"/staff/licensing/{case_id}")
    say_why(desk_page, "Checking the application's plan")
    expect(desk_page.locator("#licensing-answers")).to_contain_text("YORK/PL/0099")  # read with the reason
    documents = desk_page.locator("#licensing-documents")
    expect(documents).to_contain_text("The designated premises supervisor's consent: not sent")
    with desk_page.expect_download() as saved:
        documents.get_by_role("button", name="Open A plan of the premises (plan of the bar.jpg)").click()
    assert saved.value.suggested_filename == "plan of the bar.jpg"
    assert [e.action for e in deps.audit.entries(case_id)][-1] == "file_opened"
    asking = desk_page.locator("#licensing-requests")
    asking.get_by_label("What you ask for (the applicant reads this)").fill("Please send the supervisor's consent.")
    asking.get_by_label("A document asked for").select_option(label="The designated premises supervisor's consent")
    asking.get_by_role("button", name="Save").click()
    asked = desk_page.locator("#licensing-asked li")
    expect(asked).to_contain_text("Please send the supervisor's consent.")
    expect(asked).to_contain_text("Not answered yet")
    asking = desk_page.locator("#licensing-requests")
    asking.get_by_label("What you ask for (the applicant reads this)").fill("When does the bar close on Sundays?")
    asking.get_by_role("button", name="Save").click()
    expect(desk_page.locator("#licensing-asked li")).to_have_count(2)
    told = stack.once(lambda: next((m for m in stack.mail_to("new.landlord@example.org")
                                    if "supervisor's consent" in m.body), None), "the applicant asked")
    page.goto(stack.link_in_mail("new.landlord@example.org", f"/licensing/cases/{case_id}"))
    request = page.locator("#request-1")
    expect(request).to_contain_text("Please send the supervisor's consent.")
    request.get_by_label("Your answer").fill("Sent below, signed by Sam Supervisor.")
    request.get_by_role("button", name="Send answer").click()
    expect(page.locator("#request-1")).to_contain_text("Your answer: Sent below, signed by Sam Supervisor.")
    page.locator("#request-2").get_by_label("Your answer").fill("At 22:30.")  # its own box, not the first's
    page.locator("#request-2").get_by_role("button", name="Send answer").click()
    expect(page.locator("#request-2")).to_contain_text("Your answer: At 22:30.")
    check_accessible(page, "licensing: a request answered")
    desk_page.reload()  # the reason given in this tab is sent again (and audited again): not asked twice
    expect(desk_page.locator("#licensing-asked li").first).to_contain_text("Answered: Sent below, signed by Sam Supervisor.")
    assert told.subject.endswith(f"({case_id})")



def test_a_pub_whose_annual_fee_went_unpaid_pays_it_on_its_suspended_licence_and_it_is_in_force_again(
        browser, pay):  # noqa: F811
    """Granted a year and ten days ago, its fee unpaid: the job (on pinned clocks) gave the notice the day after and
    suspended the licence after two whole working days; the landlord opens the licence, pays, and it is current."""
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo
    from chalicelib.auth.principal import Principal
    from chalicelib.handlers.accounts import users
    from chalicelib.handlers.licensing import desk
    from chalicelib.handlers.licensing.applying import receive, start
    from chalicelib.handlers.licensing.renewing import remind_due
    from chalicelib.stamps import london_today
    from support.licensing_support import store_types
    from support.pay_support import SUCCESS
    from tests.web.browser import PASSWORD
    from tests.web.test_bulky import fill_the_card_page
    deps = browser.stack.deps()
    store_types(deps)
    london = ZoneInfo("Europe/London")
    due = london_today(deps.clock()) - timedelta(days=10)
    due = due - timedelta(days=1) if (due.month, due.day) == (2, 29) else due
    granted_on = due.replace(year=due.year - 1)

    def at(day, hour=9):
        return deps.replace(clock=lambda: datetime(day.year, day.month, day.day, hour, tzinfo=london))
    owner = users.create_user(deps, "fleece.landlord@example.org", "resident", name="Pat Landlord", password=PASSWORD)
    holder = at(granted_on - timedelta(days=40)).replace(
        principal=Principal(user_id=owner.id, role="resident", email="fleece.landlord@example.org"))
    from support.licensing_support import PUB_ANSWERS
    view, _ = start(holder, {"type": "premises-licence", "band": "C", "premises": PUB, "answers": PUB_ANSWERS},
                    "fleece-licence")
    case = deps.licensing.get(view["id"])
    case.state, case.payment_id = "paying", "paid-elsewhere"
    deps.licensing.save(case, case.seq, was="draft")
    case = receive(holder, deps.licensing.get(case.id), holder.clock())
    case = desk.decide(at(granted_on).replace(principal=Principal(user_id="officer", role="staff")), case.id,
                       {"outcome": "granted", "reasons": "No representations."}, case.seq)
    remind_due(at(due + timedelta(days=1), 0))  # its reminder's day passed: the fee is looked for unpaid
    remind_due(at(due + timedelta(days=1), 1))  # the notice
    suspends = deps.licensing.get(case.id).annual_fee["notice"]["suspends_on"]
    remind_due(at(datetime.fromisoformat(suspends).date(), 1))
    assert deps.licensing.get(case.id).licence["state"] == "suspended"
    page = browser.new_page()
    sign_in(page, "fleece.landlord@example.org", next_path=f"/licensing/cases/{case.id}")
    expect(page.locator("#licensing-annual-fee")).to_contain_text("The licence is suspended")
    check_accessible(page, "licensing: a licence suspended for its unpaid annual fee")
    page.get_by_role("button", name="Pay the annual fee").click()
    fill_the_card_page(page, SUCCESS, "£295.00")
    page.wait_for_url(re.compile(f"/licensing/cases/{case.id}"))
    expect(page.locator("#licensing-annual-fee")).to_contain_text("The licence is in force")
    expect(page.locator("#licensing-annual-fee")).to_contain_text("is paid")
    paid = deps.licensing.get(case.id)
    assert paid.licence["state"] == "current" and due.isoformat() in paid.annual_fee["paid"]


def test_a_street_trader_is_asked_the_street_they_trade_in_and_told_the_register_shows_it(browser):
    """The register shows a street trader's "premises": the form asked "Address of the premises" with the browser's
    home address offered, and a trader's home was published."""
    email = browser.stack.resident("street.trader@example.org")
    page = browser.new_page()
    sign_in(page, email, next_path="/licensing/apply/street-trading")
    heading(page, "Street trading consent")
    street = page.get_by_label("The street where you trade")
    expect(street).to_have_attribute("autocomplete", "off")
    expect(page.locator("#licensing-apply")).to_contain_text("Shown on the public register of licences, so not your home")
    expect(page.get_by_label("Address of the premises")).to_have_count(0)
    check_accessible(page, "licensing: a street trader's street")
