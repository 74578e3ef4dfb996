"""Anyone's words are shown as words: a script written into a report, a name,
a category's answer, a staff note, a template, a broadcast or a crew's
instructions is printed literally on every screen that shows it (resident,
staff and crew, map tooltips and popups included), never run; and the app runs
under its Content-Security-Policy without a single violation."""
import uuid
import urllib.request

import pytest
from playwright.sync_api import expect

from tests.web.browser import CONEY_STREET, PASSWORD
from tests.web.crew import crew_member
from tests.web.desk import DESKTOP, Officer, say_why
from tests.web.journeys import start_report

# Each would run (or draw an element) if inserted as HTML; data-xss marks what it would draw.
PAYLOADS = ['<img src=x data-xss onerror="window.__xss=1">', '"><svg data-xss onload="window.__xss=1">',
            "<script data-xss>window.__xss=1</script>"]
WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation",
  e => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
"""


def words(n):
    """A payload to write into a field (short enough for the field's limit), tagged to find it again."""
    return f"{PAYLOADS[n % len(PAYLOADS)]} #{n}"


@pytest.fixture
def written(stack):
    """A report by Coney Street whose every user-written field carries a script."""
    admin = Officer(stack, f"admin-{uuid.uuid4().hex[:8]}@council.example", role="admin")
    # A pin of its own, 90 m from where other tests' reports sit (pins at one point overlap,
    # and only the topmost would take the hover), in view of the phone's map.
    report = stack.report(service_code="abandoned_vehicle", lat=CONEY_STREET["latitude"] + 0.0008,
                          lon=CONEY_STREET["longitude"] + 0.0004, description=words(0),
                          fields={"make_colour": words(1), "registration": "<b>X1</b>"},
                          contact={"name": words(2), "email": "rita@example.org"})
    job = admin.change(report["id"], team="north", instructions=words(3), internal_note=words(4),
                       public_update=words(5), status="investigating")["assignment"]["job"]
    admin.call("POST", "/v1/staff/templates", {"title": words(6), "text": words(7), "state": "investigating",
                                               "auto": False, "active": True})
    broadcast, _ = admin.call("POST", "/v1/broadcasts", {"topic": "roads", "title": words(8), "body": words(9),
                                                         "target": {"wards": ["guildhall"]}},
                              {"Idempotency-Key": str(uuid.uuid4())})
    return report, broadcast, job


def visit(page, path, ready="#screen h1"):
    page.goto(path)
    page.wait_for_selector(ready)
    page.wait_for_load_state("networkidle")


def untouched(page, where, dialogs):
    """Nothing a payload would draw or run is in the page, and the CSP was never crossed."""
    found = page.evaluate("""() => ({drawn: document.querySelectorAll("[data-xss]").length,
                                     ran: window.__xss === 1, violations: window.__violations})""")
    assert found == {"drawn": 0, "ran": False, "violations": []}, where
    assert dialogs == [], where


def as_text(page, n):
    """The payload is on the screen as the words it is."""
    expect(page.locator("body")).to_contain_text(words(n))


@pytest.fixture
def phone_page(browser):
    page = browser.new_page()
    page.add_init_script(WATCH)
    return page


def test_a_script_in_any_field_is_printed_never_run_on_every_screen(stack, chromium, browser, phone_page,
                                                                     written):
    report, broadcast, job = written
    dialogs = []
    page = phone_page
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))

    # The resident's map: each pin's tooltip, shown by hovering it.
    start_report(page, "Abandoned vehicle")
    page.get_by_role("button", name="Use my current location").click()
    pins = page.locator(".map path.leaflet-interactive")
    expect(pins.first).to_be_visible()
    page.wait_for_load_state("networkidle")
    ours = page.locator(".leaflet-tooltip", has_text="#0")
    for i in range(pins.count()):  # a tooltip is drawn while its pin is hovered: find ours
        pins.nth(i).hover(force=True)
        if ours.count():
            break
    expect(ours).to_have_count(1)
    untouched(page, "the map's tooltip, open", dialogs)

    for path, shown in [(f"/?report={report['id']}", (0, 5)), (f"/?broadcast={broadcast['id']}", (8, 9))]:
        visit(page, path)
        for n in shown:
            as_text(page, n)
        untouched(page, path, dialogs)

    # The staff desk: inbox, the report with its notes and audit, templates, broadcasts.
    desk = chromium.new_context(base_url=stack.url, **DESKTOP)
    try:
        staff = desk.new_page()
        staff.add_init_script(WATCH)
        staff.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        sign_in(staff, stack, role="admin")
        for path, shown in [("/staff", (0,)), (f"/staff/reports/{report['id']}", (0, 1, 2, 3, 4, 5)),
                            ("/staff/templates", (6,)), ("/staff/broadcasts", (8,))]:
            visit(staff, path)
            if 2 in shown:  # the reporter's name, read once the officer says why
                say_why(staff, "Checking how the reporter's name shows")
            for n in shown:
                as_text(staff, n)
            untouched(staff, path, dialogs)
    finally:
        desk.close()

    # The crew's phone: the job list, its map's popup, the job.
    crew = browser.context.browser.new_context(base_url=stack.url, geolocation=CONEY_STREET,
                                               permissions=["geolocation"], viewport={"width": 412, "height": 915})
    try:
        phone = crew.new_page()
        phone.add_init_script(WATCH)
        phone.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        sign_in(phone, stack, email=crew_member(stack))
        visit(phone, "/crew")
        untouched(phone, "/crew", dialogs)
        phone.get_by_role("button", name="Map").click()
        pins = phone.locator(".jobs-map path.leaflet-interactive")
        expect(pins.first).to_be_visible()
        for i in range(pins.count()):
            # Sent to the pin itself, not tapped where it is: the last pin's popup may lie over this
            # one, and a tap there follows the popup's link away from the map.
            pins.nth(i).dispatch_event("click")
            expect(phone.locator(".leaflet-popup-content a")).to_have_count(1)
            untouched(phone, "the crew map's popups", dialogs)
        visit(phone, f"/crew/jobs/{job}")
        for n in (0, 3):
            as_text(phone, n)
        untouched(phone, "the crew's job", dialogs)
    finally:
        crew.close()


def sign_in(page, stack, role="admin", email=None):
    if email is None:
        email = f"{role}-{uuid.uuid4().hex[:8]}@council.example"
        stack.resident(email, role=role)
    page.goto("/sign-in")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(lambda url: "/sign-in" not in url)


def test_the_app_and_the_api_send_a_strict_content_security_policy(stack):
    with urllib.request.urlopen(stack.url + "/", timeout=10) as answer:
        policy = answer.headers["Content-Security-Policy"]
        assert answer.headers["X-Content-Type-Options"] == "nosniff"
        assert answer.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    rules = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert rules["script-src"] == "'self'" and rules["object-src"] == "'none'"
    assert rules["base-uri"] == "'none'" and rules["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    with urllib.request.urlopen(stack.url + "/v1/health", timeout=10) as answer:
        assert answer.headers["X-Content-Type-Options"] == "nosniff"
        assert "default-src 'none'" in answer.headers["Content-Security-Policy"]
