"""Every form in the app, sent empty and then with one bad answer, keeps
GOV.UK's error pattern (tests/web/error_pattern.py): a summary above the h1,
each entry a link to its field, the field showing the same words, and every
field that may be left empty saying "(optional)". Each walk collects every
break on its way and fails once, listing them all."""
import contextlib
import os
import uuid

import pytest
from playwright.sync_api import expect

from tests.web.error_pattern import pattern_breaks
from tests.web.crew import NEAR_450_M
from tests.web.desk import desk  # noqa: F401
from tests.web.journeys import heading, not_one_of_these, place_by_gps, sign_in, start_report
from tests.web.test_bulky import pay  # noqa: F401
from tests.web.test_council_tax import back_office  # noqa: F401
from tests.web.test_missed_bin import a_demo_home_with_a_bin_to_report
from tests.web.test_taking_part import clock, planning_meeting  # noqa: F401

BULKY_HOME, GARDEN_HOME = "990000000001", "990000000054"  # a refuse round; a garden round
JOINT = "500123454"  # a demo council tax account no other browser test links


# Forms on a screen of their own: (path, form, its button, one bad answer or None).
SIGNED_OUT = [
    ("/find", "find", "Find", ("Postcode", "ZZ9 9ZZ")),
    ("/track", "track", "Find report", ("Reference", "not a reference")),
    ("/property", "property", "Find address", ("Postcode", "ZZ9 9ZZ")),
    ("/sign-in", "sign in", "Sign in", ("Email address", "not an email")),
    ("/register", "register", "Create account", ("Email address", "not an email")),
    ("/reset-password", "reset password", "Send link", None),
    ("/alerts/new?kind=area", "alert for an area", "Set up alert", None),
    ("/alerts/new?kind=ward", "alert for a ward", "Set up alert", None),
    ("/alerts/new?kind=broadcast", "alert for council news", "Set up alert", None),
    ("/alerts/new?kind=report&report=FMS-00000001", "alert for a report", "Set up alert", None),
    ("/pay?fund=council-tax", "pay council tax", "Continue to payment", ("Amount", "lots")),
    ("/pay?fund=parking-pcn", "pay a PCN", "Continue", None),
    ("/petitions/PT-TREES2", "sign the demo petition", "Sign", ("Postcode", "not a postcode")),
    ("/petitions/PT-TREES2", "follow the demo petition", "Follow", None),
    ("/reset-password?token=walked-reset-token", "new password", "Save password", None),
    ("/meetings", "meetings: search", "Search", ("Search agenda items and decisions", "x")),
]
SIGNED_IN = [
    ("/petitions/new", "start a petition", "Start petition", None),
    ("/chat", "chat", "Send", None),
    (f"/bulky?uprn={BULKY_HOME}", "bulky waste", "Continue to payment", None),
    (f"/garden?uprn={GARDEN_HOME}", "garden waste", "Continue to payment", None),
    ("/missed-bin?uprn={missed}", "missed bin", "Report it", None),  # a home with a collection reportable today
    (f"/containers?uprn={BULKY_HOME}", "order a bin or box", "Continue", None),
    ("/hire", "hire a place", "Check and pay", None),
    ("/account/council-tax", "link council tax", "Link account", ("Account reference", "12")),
]
STAFF = [
    ("/staff/take", "staff: take a report", "Send report", None),
    ("/staff/templates/edit", "staff: template", "Save template", None),
    ("/staff/broadcasts", "staff: news", "Send news", None),
    ("/staff/pay/links", "staff: payment link", "Make the link", None),
    ("/staff/bulky", "staff: bulky, address", "Find addresses", None),
    ("/staff/containers", "staff: containers, address", "Find addresses", None),
    ("/staff/containers", "staff: container stock", "Change the count", ("How many to add", "0")),
    ("/staff/council-tax", "staff: council tax", "Look up", None),
    ("/staff/appointments", "staff: block time", "Block time", None),
    ("/staff/chat", "staff: find a conversation", "Find", None),
    ("/staff/hire", "staff: close a hall's time", "Close this time", None),
    ("/staff/hire/book", "staff: hire for a caller", "Check and book", None),
    ("/staff/retention", "staff: legal hold", "Put on hold", ("Why it is held", "no")),
    ("/staff/figures/contacts", "staff: a month's contacts", "Save the month's contacts", ("Contacts by phone", "-3")),
]
# Screens with buttons but no question to answer: nothing to walk, and the walk says so, so a form added
# there later is not missed (each button says what went wrong where it is pressed).
NO_FORM = ["/staff/forms"]


class Walk:
    """One phone walking forms; breaks kept as "form: what broke"."""

    def __init__(self, page):
        self.page = page
        if os.environ.get("WALK_TIMEOUT_MS"):  # a quicker look while mending: a missing summary costs this, not 30 s
            page.set_default_timeout(int(os.environ["WALK_TIMEOUT_MS"]))
            expect.set_options(timeout=int(os.environ["WALK_TIMEOUT_MS"]))
        self.breaks = []
        self.walked = []

    def sent(self, form, button, empty=True):
        """Press `button` and check the pattern on what comes back."""
        page = self.page
        self.walked.append(form)
        submits = page.get_by_role("button", name=button, exact=True).first.evaluate(
            "b => { document.querySelectorAll('[data-walked]').forEach(f => delete f.dataset.walked);"
            " if (b.form && b.type === 'submit') b.form.dataset.walked = ''; return b.type === 'submit'; }")
        empty = empty and submits  # a Find button checks its own box only
        page.get_by_role("button", name=button, exact=True).first.click()
        try:
            expect(page.locator("#screen .error-summary")).to_be_visible()
        except AssertionError:
            self.breaks.append(f"{form}: no error summary")
            return
        self.breaks += [f"{form}: {b}" for b in pattern_breaks(page, empty=empty)]

    def opened(self, form, path):
        """A screen opened with a bad answer already in its address (a link, a bookmark): the same pattern."""
        self.walked.append(form)
        self.page.goto(path)
        self.page.wait_for_selector("#screen h1")
        try:
            expect(self.page.locator("#screen .error-summary")).to_be_visible()
        except AssertionError:
            self.breaks.append(f"{form}: no error summary")
            return
        self.breaks += [f"{form}: {b}" for b in pattern_breaks(self.page)]

    def bad(self, form, button, label, value, **options):
        """One answer that cannot be right, the rest as they are."""
        field = self.page.get_by_label(label, **options).first
        field.fill(value)
        self.sent(f"{form} (bad {label})", button, empty=False)
        if not field.evaluate("f => Boolean(f.closest('.form-group--error'))"):
            self.breaks.append(f"{form}: {value!r} for {label!r} is not flagged")

    def forms(self, table):
        """Each row: (path, form, button, bad) with bad None or (label, value): opened, sent as drawn, then bad."""
        for path, form, button, bad in table:
            self.page.goto(path)
            self.page.wait_for_selector("#screen h1")
            self.sent(form, button)
            if bad:
                self.bad(form, button, *bad)

    def done(self):
        assert self.breaks == [], "\n".join(self.breaks)


@pytest.fixture
def walk(page, stack):
    made = Walk(page)
    made.stack = stack
    return made


class Caller:
    """A signed-in account through the API (as tests/web/desk.py's Officer, for an account that exists)."""

    def __init__(self, stack, email):
        self.stack, self.headers = stack, stack.token(email)

    def call(self, method, path, body=None, headers=None):
        """(answer, None), as Officer.call's (answer, headers)."""
        if method == "GET":
            return self.stack.get(path, self.headers), None
        return self.stack.post(path, body, {**self.headers, **(headers or {})}), None


def asked(stack, email):
    from tests.web.test_questionnaire import asked as made
    return made(stack, email)


def _open_now(stack, consultation_id):
    from tests.web.test_consultations import _open_now as opened
    return opened(stack, consultation_id)


@contextlib.contextmanager
def body_link(stack):
    """The link a body's officer is sent with a report of theirs; the body retired afterwards."""
    from chalicelib.handlers.forwarding import sender
    from chalicelib.storage.bodies.bodies import Body
    from tests.web.test_body_link import ROAD
    deps = stack.deps()
    body_id = f"walk-{uuid.uuid4().hex[:6]}"
    deps.bodies.save(Body(id=body_id, name="Walking Roads", precedence=2, send_method="email",
                          email=f"{body_id}@agency.example", area={"kind": "line", "within_m": 15,
                          "geometry": {"type": "LineString", "coordinates": ROAD}},
                          categories=["abandoned_vehicle"], contact_text="Walking Roads: 0300 000 0000"), new=True)
    try:
        rid = stack.report(service_code="abandoned_vehicle", lat=53.9250, lon=-1.0600, description="A van for the walk",
                           fields={"make_colour": "Blue van"})["id"]
        assert sender.attempt(deps, rid, body_id) == "sent"
        yield stack.link_in_mail(f"{body_id}@agency.example", "/body#")
    finally:
        body = deps.bodies.get(body_id)
        body.retired = True
        deps.bodies.save(body)  # the stack's other tests report where they like


def locked_out(stack, reference):
    """A council tax reference locked by others' wrong tries this hour (the test's counters start empty)."""
    from chalicelib.handlers.revenues import limits
    from chalicelib.handlers.revenues.linking import REFERENCE_COUNT, reference_subject
    from chalicelib.auth import throttle
    deps = stack.deps()
    throttle.record(deps.counters, REFERENCE_COUNT, reference_subject(reference), limits.PER_REFERENCE, deps.clock(),
                    amount=limits.PER_REFERENCE[0])


def test_every_resident_form_keeps_the_error_pattern_signed_out(walk):
    page = walk.page
    walk.forms(SIGNED_OUT)
    walk.opened("meetings: a search too short, in the address", "/meetings?q=x")
    walk.opened("meetings: a search of spaces, in the address", "/meetings?q=%20%20")
    start_report(page, "Pothole")
    page.goto("/report/category")
    heading(page, "What is the problem?")
    page.evaluate("() => document.querySelectorAll('#screen input:checked').forEach(i => { i.checked = false; })")
    walk.sent("report: category", "Continue")
    start_report(page, "Pothole")
    walk.sent("report: location", "Continue")
    place_by_gps(page)
    not_one_of_these(page)  # other tests' reports near the point, on the worker's shared stack
    walk.sent("report: details", "Continue")
    walk.bad("report: details", "Continue", "Roughly how deep", "deep")
    page.get_by_label("Up to a car tyre").check()
    page.get_by_label("Describe the problem").fill("A pothole for the error walk")
    page.get_by_label("Roughly how deep").first.fill("")
    page.get_by_role("button", name="Continue").click()
    heading(page, "Your details")
    walk.bad("report: your details", "Send report", "Email", "not an email")  # every detail may be left out

    stack = walk.stack
    rid = stack.report(description="A pothole for the error walk's me too")["id"]
    page.goto(f"/?report={rid}")
    page.locator(".metoo").get_by_role("button", name="Me too").click()
    walk.sent("me too: email", "Send me the link")
    walk.bad("me too: email", "Send me the link", "Your email address", "not an email")

    _, questionnaire = asked(stack, "walk.questioned@example.org")
    page.goto(questionnaire)
    heading(page, "Has it been fixed?")
    walk.sent("questionnaire", "Send answer")

    with body_link(stack) as link:
        page.goto(link)
        heading(page, "What is happening with this report? (Walking Roads)")
        walk.sent("body link", "Send")
        page.get_by_label("It is not ours").check()
        walk.sent("body link (not ours, no reason)", "Send", empty=False)

    consultation = f"walk-{uuid.uuid4().hex[:6]}"
    _open_now(stack, consultation)
    page.goto(f"/consultations/{consultation}/respond")
    heading(page, "")
    walk.sent("consultation: first page", "Continue")
    page.get_by_label("Yes", exact=True).check()
    page.get_by_role("button", name="Continue").click()
    heading(page, "")
    expect(page.get_by_label("Anything else you want to tell us? (optional)")).to_be_visible()
    page.goto(f"/consultations/{consultation}/respond?page=send")
    heading(page, "Send your response")
    walk.bad("consultation: send", "Send response", "Your postcode", "not a postcode")
    walk.done()


def test_every_resident_form_keeps_the_error_pattern_signed_in(walk, stack, back_office, pay):  # noqa: F811
    from tests.web.test_staff_payments import paid_through
    page = walk.page
    sign_in(page, stack.resident("walker@example.org", name="Wanda Walker"), next_path="/account")
    heading(page, "Your account")
    missed = a_demo_home_with_a_bin_to_report(stack)  # the browser keeps the real time: not every round is, any day
    walk.forms([(path.replace("{missed}", missed), *rest) for path, *rest in SIGNED_IN])

    walker = Caller(stack, "walker@example.org")
    day = walker.call("GET", f"/v1/places/{BULKY_HOME}/bulky/dates")[0]["dates"][-1]["date"]
    booking = paid_through(walker, "/v1/waste/bulky/bookings", {"uprn": BULKY_HOME, "date": day, "items": ["sofa"]})
    page.goto(f"/bulky/bookings/{booking['id']}/change")
    heading(page, "Change your collection")
    page.get_by_label("Sofa or settee", exact=True).uncheck()
    walk.sent("bulky: change, no items", "Save the change", empty=False)

    page.goto("/appointments")
    page.get_by_role("link", name="Housing options interview").click()
    expect(page.locator("input[name=start]").first).to_be_visible()
    walk.sent("appointment: time", "Continue")
    page.locator("input[name=start]").first.check()
    page.get_by_role("button", name="Continue").click()
    expect(page.locator("#held")).to_be_visible()
    page.get_by_label("Email address").fill("")
    walk.sent("appointment: questions", "Book appointment")
    page.get_by_role("radio", name="I want to move").check()
    page.get_by_label("Email address").fill("walker@example.org")
    page.get_by_role("button", name="Book appointment").click()
    expect(page.locator("#booked")).to_be_visible()
    page.goto(stack.link_in_mail("walker@example.org", "/appointments/manage?move="))
    heading(page, "Move your appointment")
    walk.sent("appointment: move", "Move appointment")
    cancel = stack.link_in_mail("walker@example.org", "/appointments/manage?cancel=")
    page.goto(cancel)
    heading(page, "Cancel your appointment")
    stack.post("/v1/appointments/cancel", {"token": cancel.split("cancel=")[1]})  # cancelled meanwhile, elsewhere
    walk.sent("appointment: cancel, already cancelled", "Cancel appointment", empty=False)

    page.goto("/account")
    heading(page, "Your account")
    page.get_by_label("Full name").fill("")
    walk.sent("account: name", "Save your name")

    page.goto("/forms/pest-control")
    page.get_by_role("button", name="Start now").click()
    walk.sent("pest control: first page", "Continue")
    page.goto("/forms/grant-enquiry")
    page.get_by_role("button", name="Start now").click()
    walk.sent("grant enquiry: first page", "Continue")
    walk.done()


def test_every_staff_form_keeps_the_error_pattern(desk, stack, back_office, pay, monkeypatch):  # noqa: F811
    from tests.web.test_staff_payments import paid_booking
    monkeypatch.setenv("DOORSTEP_CHAT_HOURS", "Mon-Sun 00:00-23:59")  # open whenever the suite runs
    walk = Walk(desk.new_page())
    page = walk.page
    officer = "walking.officer@council.example"
    sign_in(page, stack.resident(officer, name="Walking Officer", role="admin"), next_path="/staff")
    expect(page.locator(".desk-menu")).to_be_visible()  # signed in, on the desk
    walk.forms(STAFF)
    report = stack.report(description="A pothole for the staff error walk")
    page.goto(f"/staff/reports/{report['id']}")
    heading(page, "")
    walk.sent("staff: a report, nothing changed", "Save changes", empty=False)  # its answers are drawn filled in

    resident = Caller(stack, stack.resident(f"walk.chat.{uuid.uuid4().hex[:6]}@example.org"))
    chat, _ = resident.call("POST", "/v1/conversations", {"text": "A question for the error walk"},
                            {"Idempotency-Key": uuid.uuid4().hex})
    Caller(stack, officer).call("POST", f"/v1/staff/conversations/{chat['id']}/take", {})
    page.goto(f"/staff/chat/{chat['id']}")
    expect(page.get_by_label("Report reference")).to_be_visible()  # its forms drawn, the last one too
    walk.sent("staff chat: answer", "Send answer")
    page.get_by_label("Category").select_option("")
    walk.sent("staff chat: report", "Make the report", empty=False)  # its words are drafted from the chat
    walk.sent("staff chat: link a report", "Link the report")
    walk.bad("staff chat: link a report", "Link the report", "Report reference", "not a reference")

    started, _ = resident.call("POST", "/v1/petitions", {"action": "Walk every form the council has",
                                                          "background": "A petition waiting for moderation."},
                               {"Idempotency-Key": uuid.uuid4().hex})
    page.goto(f"/staff/petitions/{started['id']}")
    heading(page, "Walk every form the council has")
    walk.sent("staff petition: reject", "Reject petition")  # publishing asks nothing: pressed, it publishes

    page.goto("/staff/petitions/PT-TREES2")
    heading(page, "")
    walk.sent("staff petition: response", "Publish response and tell signers")
    walk.sent("staff petition: debate", "Schedule debate and tell signers")
    debate = page.locator("#debate-form")
    for part, value in (("Day", "31"), ("Month", "2"), ("Year", "2027")):
        debate.get_by_label(part).fill(value)
    walk.sent("staff petition: debate (bad date)", "Schedule debate and tell signers", empty=False)
    walk.sent("staff petition: invalidate", "Invalidate signatures")

    paid = paid_booking(stack)
    page.goto(f"/staff/payments/{paid['payment']['id']}")
    heading(page, "")
    walk.sent("staff: refund", "Refund")
    walk.bad("staff: refund", "Refund", "Amount to refund (£)", "lots")

    locked_out(stack, JOINT)
    page.goto("/staff/council-tax")
    page.get_by_label("Account reference").fill(JOINT)
    page.get_by_label("Why you are looking").fill("Caller is locked out after others' tries")
    page.get_by_role("button", name="Look up").click()
    expect(page.locator("#ctax-lock")).to_be_visible()
    page.route("**/v1/staff/council-tax/unlocks", lambda route: route.abort())  # no signal as it is pressed
    walk.sent("staff: council tax unlock, no signal", "Let the caller try again now", empty=False)
    page.unroute("**/v1/staff/council-tax/unlocks")

    for path in NO_FORM:
        page.goto(path)
        heading(page, "")
        expect(page.locator("#screen form")).to_have_count(0)
    walk.done()


def test_taking_parts_forms_keep_the_error_pattern(walk, desk, stack, clock):  # noqa: F811
    """Registering to speak, a written question, a late speaker and a webcast's chapters, on
    a meeting of their own while registration is open (taking part's pinned clock)."""
    planning_meeting(stack, "9201")
    page = walk.page
    sign_in(page, stack.resident("speaking.walker@example.org", name="Sam Walker"), next_path="/account")
    heading(page, "Your account")
    items = "/meetings/9201/items/92011"
    walk.forms([(f"{items}/speak", "register to speak", "Register to speak", ("Mobile phone number", "call me")),
                (f"{items}/question", "a written question", "Send question", None)])
    walk.bad("a written question", "Send question", "Your question", "word " * 101, exact=True)
    officer = Walk(desk.new_page())
    sign_in(officer.page, stack.resident("speaking.officer@council.example", name="Speaking Officer", role="staff"),
            next_path="/staff")
    expect(officer.page.locator(".desk-menu")).to_be_visible()
    officer.forms([("/staff/meetings/9201", "staff: a late speaker", "Add speaker", ("Speaker's email address", "nobody"))])
    officer.page.goto("/staff/meetings/9201/webcast")
    officer.bad("staff: chapters", "Save chapters", "Chapter 1: starts at", "soon")
    walk.done()
    officer.done()


def test_the_crew_form_keeps_the_error_pattern(chromium, stack):
    from tests.web.browser import Browser
    from tests.web.crew import assigned_job, crew_member, officer, sign_in_crew
    phone = Browser(chromium, stack, geolocation=NEAR_450_M)
    try:
        walk = Walk(phone.new_page())
        page = walk.page
        _, job_id = assigned_job(stack, officer(stack), "A pothole for the crew's error walk")
        sign_in_crew(page, crew_member(stack))
        page.goto(f"/crew/jobs/{job_id}")
        heading(page, "")
        walk.sent("crew: job update", "Note or photo only")
        walk.sent("crew: unable, no reason", "Unable to do", empty=False)
        walk.bad("crew: job update", "Done", "Why it cannot be done", "A reason, but it is done")
        walk.done()
    finally:
        phone.close()
