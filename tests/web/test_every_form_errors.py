"""Every form in the app, sent empty and then with one bad answer, keeps
GOV.UK's error pattern (tests/web/error_pattern.py): a summary above the h1,
each entry a link to its field, the field showing the same words, and every
field that may be left empty saying "(optional)". Each walk collects every
break on its way and fails once, listing them all."""
import os

import pytest
from playwright.sync_api import expect

from tests.web.error_pattern import pattern_breaks
from tests.web.crew import NEAR_450_M
from tests.web.desk import desk  # noqa: F401
from tests.web.journeys import heading, not_one_of_these, place_by_gps, sign_in, start_report
from tests.web.test_council_tax import back_office  # noqa: F401

BULKY_HOME, GARDEN_HOME = "990000000001", "990000000054"  # a refuse round; a garden round


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
]
SIGNED_IN = [
    ("/petitions/new", "start a petition", "Start petition", None),
    ("/chat", "chat", "Send", None),
    (f"/bulky?uprn={BULKY_HOME}", "bulky waste", "Continue to payment", None),
    (f"/garden?uprn={GARDEN_HOME}", "garden waste", "Continue to payment", None),
    (f"/missed-bin?uprn={BULKY_HOME}", "missed bin", "Report it", None),
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
    ("/staff/council-tax", "staff: council tax", "Look up", None),
    ("/staff/appointments", "staff: block time", "Block time", None),
    ("/staff/hire", "staff: close a hall's time", "Close this time", None),
    ("/staff/hire/book", "staff: hire for a caller", "Check and book", None),
]


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
def walk(page):
    return Walk(page)


def test_every_resident_form_keeps_the_error_pattern_signed_out(walk):
    page = walk.page
    walk.forms(SIGNED_OUT)
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
    walk.done()


def test_every_resident_form_keeps_the_error_pattern_signed_in(walk, stack, back_office):  # noqa: F811
    page = walk.page
    sign_in(page, stack.resident("walker@example.org", name="Wanda Walker"), next_path="/account")
    heading(page, "Your account")
    walk.forms(SIGNED_IN)

    page.goto("/appointments")
    page.get_by_role("link", name="Housing options interview").click()
    expect(page.locator("input[name=start]").first).to_be_visible()
    walk.sent("appointment: time", "Continue")
    page.locator("input[name=start]").first.check()
    page.get_by_role("button", name="Continue").click()
    expect(page.locator("#held")).to_be_visible()
    page.get_by_label("Email address").fill("")
    walk.sent("appointment: questions", "Book appointment")

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


def test_every_staff_form_keeps_the_error_pattern(desk, stack):
    walk = Walk(desk.new_page())
    page = walk.page
    sign_in(page, stack.resident("walking.officer@council.example", name="Walking Officer", role="admin"),
            next_path="/staff")
    expect(page.locator(".desk-menu")).to_be_visible()  # signed in, on the desk
    walk.forms(STAFF)
    report = stack.report(description="A pothole for the staff error walk")
    page.goto(f"/staff/reports/{report['id']}")
    heading(page, "")
    walk.sent("staff: a report, nothing changed", "Save changes", empty=False)  # its answers are drawn filled in
    walk.done()


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
        walk.done()
    finally:
        phone.close()
