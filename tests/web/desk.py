"""What the staff screens' journeys share: a desktop browser, signing in and
moving about with the keyboard alone, the API as a second officer uses it,
and the check (and, under `make screens`, the picture) of each screen."""
import json
import os
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.web.browser import PASSWORD, Browser, check_accessible, check_focus_visible

DESKTOP = {"viewport": {"width": 1280, "height": 900}, "is_mobile": False, "has_touch": False}
SHOTS = os.environ.get("DOORSTEP_SCREENSHOTS")


@pytest.fixture
def desk(chromium, stack):
    """An office computer: a wide screen, a mouse nobody uses, a keyboard."""
    made = Browser(chromium, stack, **DESKTOP)
    yield made
    made.close()


def tab_to(page, target, most=120):
    """Press Tab until `target` has the focus: it must be reachable without a mouse."""
    for _ in range(most):
        page.keyboard.press("Tab")
        if target.evaluate("el => el === document.activeElement"):
            return
    raise AssertionError(f"{most} presses of Tab never reached {target}")


def look_up_by_keyboard(page, label, value, reason):
    """A desk's look-up as an officer makes it, by keyboard alone: what to look up, why, and Look up."""
    for field, typed in ((page.get_by_label(label), value), (page.get_by_label("Why you are looking"), reason)):
        tab_to(page, field)
        page.keyboard.type(typed)
    tab_to(page, page.get_by_role("button", name="Look up"))
    page.keyboard.press("Enter")


def sign_in_by_keyboard(page, email, path="/sign-in"):
    page.goto(path)
    tab_to(page, page.get_by_label("Email address"))
    page.keyboard.type(email)
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")


def say_why(page, reason):
    """Answer the desk's question before a person's details are read (web/js/staff/reasons.js)."""
    asked = page.locator(".reason-form")
    asked.get_by_label("Why are you opening it?").fill(reason)
    asked.get_by_role("button").click()
    expect(asked).to_have_count(0)


def screen(page, name):
    """axe-core finds nothing on the screen now shown, every Tab stop on it shows the focus;
    `make screens` keeps a picture of it."""
    page.wait_for_selector("#screen h1")
    check_accessible(page, name)
    check_focus_visible(page, name, most=150)
    picture(page, name)


def picture(page, name):
    """Under `make screens`, a picture of the whole page now shown, for the README (docs/screens/)."""
    if SHOTS:
        from tests.web.test_every_screen import keep
        page.wait_for_load_state("networkidle")
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.evaluate("() => document.activeElement && document.activeElement.blur()")
        keep(page.screenshot(full_page=True), Path(SHOTS) / f"{name}.png")


def stale_screen(page):
    """Mark the screen now shown, to wait for the next one with fresh_screen()."""
    page.evaluate("() => { document.querySelector('#screen > .screen').dataset.stale = 'yes'; }")


def fresh_screen(page):
    page.wait_for_selector("#screen > .screen:not([data-stale])")


def heading(page, text):
    expect(page.get_by_role("heading", level=1)).to_contain_text(text)


class Officer:
    """Another officer at another desk, working through the API."""

    def __init__(self, stack, email, role="staff"):
        self.stack = stack
        stack.resident(email, name=email.split("@")[0].title(), role=role)
        self.headers = stack.token(email)

    def call(self, method, path, body=None, headers=None):
        request = urllib.request.Request(self.stack.url + path, method=method,
                                         data=None if body is None else json.dumps(body).encode(),
                                         headers={"Content-Type": "application/json", **self.headers, **(headers or {})})
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.loads(response.read()), response.headers

    def report(self, report_id):
        return self.call("GET", f"/v1/staff/reports/{report_id}")[0]

    def change(self, report_id, **changes):
        _, headers = self.call("GET", f"/v1/staff/reports/{report_id}")
        return self.call("PATCH", f"/v1/staff/reports/{report_id}", changes, {"If-Match": headers["ETag"]})[0]
