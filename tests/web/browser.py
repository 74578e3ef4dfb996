"""What the browser tests share: the stack's server side (its data, its
outbox), a phone-sized browser context that fails the test on any page
error, and axe-core run in the page."""
import collections
import io
import json
import re
import sys
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"viewport": {"width": 412, "height": 915}, "is_mobile": True, "has_touch": True, "device_scale_factor": 1}
CONEY_STREET = {"latitude": 53.9598, "longitude": -1.0842}  # where the test phone "is"
PASSWORD = "correct horse battery staple"
WAIT_MS = 30_000  # the longest any browser wait (an action, a navigation, an expect) waits for its event


class Stack:
    """The running app, and a look behind it for checks a resident cannot make."""

    def __init__(self, url):
        self.url = url

    def deps(self):
        from chalicelib.deps import default_deps
        return default_deps(self.url)

    def reports_described(self, description):
        """Every stored report with this description (tests only: a scan is fine)."""
        from chalicelib.storage.reports.reports import ReportModel
        return [r for r in ReportModel.scan() if r.description == description]

    def mail_to(self, address):
        from chalicelib.storage.outbox import OutboxModel
        return sorted(OutboxModel.recipient_index.query(address), key=lambda m: m.created_at)

    def mail_once(self, address, subject, seconds=60):
        """The mail to `address` with `subject`, once it has come: notices go
        from the alert queue's worker, a moment after the screen says done."""
        import time
        deadline = time.monotonic() + seconds
        while True:
            found = [m for m in self.mail_to(address) if m.subject == subject]
            if found or time.monotonic() > deadline:
                return found
            time.sleep(0.1)

    def once(self, check, what, seconds=60):
        """check()'s answer once it is truthy: what the stream's worker does
        (a hand-on tried, a message sent) comes a moment after the request that
        caused it, later still on a busy machine. Fails naming `what` after `seconds`."""
        import time
        deadline = time.monotonic() + seconds
        while not (found := check()):
            assert time.monotonic() < deadline, f"{what}: not within {seconds} s"
            time.sleep(0.05)
        return found

    def link_in_mail(self, address, path):
        """The newest link to `path` (such as /verify) in mail to `address`."""
        found = [u for m in self.mail_to(address) for u in re.findall(r"https?://\S+", m.body) if path in u]
        assert found, f"no mail to {address} links to {path}"
        return found[-1]

    def resident(self, email, name="Ada Resident", role="resident", **roles):
        """A verified account with PASSWORD (staff: every role, unless `roles=[...]` names theirs)."""
        from support.officers import every_role
        from chalicelib.handlers.accounts import users
        users.create_user(self.deps(), email, role, name=name, password=PASSWORD, **every_role(role, roles))
        return email

    def token(self, email):
        """A signed-in resident's Authorization header."""
        tokens = self.post("/v1/auth/login", {"email": email, "password": PASSWORD})
        return {"Authorization": f"Bearer {tokens['access_token']}"}

    def council_update(self, report_id, state, text):
        from chalicelib.handlers.reports.changes import change_state
        change_state(self.deps(), report_id, state, text)

    def get(self, path, headers=None):
        with urllib.request.urlopen(urllib.request.Request(self.url + path, headers=headers or {}),
                                    timeout=10) as response:
            return json.loads(response.read())

    def post(self, path, body, headers=None):
        request = urllib.request.Request(self.url + path, data=json.dumps(body).encode(), method="POST",
                                         headers={"Content-Type": "application/json", **(headers or {})})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return json.loads(response.read())
        except urllib.error.HTTPError as refused:  # with the stack's own words, not urllib's bare status
            said = refused.read()
            raise urllib.error.HTTPError(refused.filename, refused.code, f"{refused.msg}: {said[:500]!r}",
                                         refused.headers, io.BytesIO(said)) from None

    def report(self, headers=None, **overrides):
        body = {"service_code": "pothole", "lat": CONEY_STREET["latitude"], "lon": CONEY_STREET["longitude"],
                "description": "A pothole made by the test", "fields": {"size": "small"}, **overrides}
        return self.post("/v1/reports", body, headers)


# The stack's last answers of 400 and over, told with a failed journey's pictures: noted by the server
# as it answers (a listener on every page's responses cost the journeys CPU for each file loaded).
REFUSED = collections.deque(maxlen=20)


def note_refused(handler, code="-", size="-"):
    """The dev server's log_request: its answers of 400 and over, kept in REFUSED."""
    if isinstance(code, int) and code >= 400:  # an int or an HTTPStatus
        REFUSED.append(f"{handler.command} {handler.path} {int(code)}")


class Browser:
    """One phone: a browser context of its own; any page error fails the test.

    The app is not installed (its service worker blocked) unless a journey asks
    with `service_workers="allow"` (or the `installed` mark on the `browser`
    fixture): installing fetches the whole shell again in every new context,
    a third of an ordinary journey's CPU, and only the journeys that go offline
    or receive pushes test what it does."""

    # Every phone the running test opened, so that a failure pictures each of their pages, not only the
    # `browser` fixture's (a journey's second person had no picture when it failed).
    opened = []

    def __init__(self, chromium, stack, **options):
        self.stack = stack
        self.errors = []
        self.kept = None
        self.context = chromium.new_context(**{"base_url": stack.url, "geolocation": CONEY_STREET,
                                               "permissions": ["geolocation"], **PHONE,
                                               "service_workers": "block", **options})
        Browser.opened.append(self)
        self.context.set_default_timeout(WAIT_MS)

    def new_page(self):
        page = self.context.new_page()
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        return page

    def pictures(self):
        """(url, PNG) of each open page, kept from before closing if a failure closed them."""
        if self.kept is not None:
            return self.kept
        shots = []
        for page in self.context.pages:
            try:
                shots.append((page.url, page.screenshot(full_page=True)))
            except Exception:  # a page gone already has nothing to show
                pass
        return shots

    def close(self):
        if sys.exc_info()[1] is not None:  # closed by a `finally` as a failure passes: picture it first
            self.kept = self.pictures()
        self.context.close()
        assert not self.errors, f"errors in the page: {self.errors}"


def check_accessible(page, screen):
    """axe-core's rules (WCAG 2.2 A and AA and best practices): no violations."""
    if not page.evaluate("() => Boolean(window.axe)"):
        # Evaluated over the DevTools protocol, which the page's CSP does not govern:
        # a <script> tag with axe inline would be refused by it, as it should be.
        page.evaluate(f"() => {{ {AXE.read_text()}\n }}")
    violations = page.evaluate("""async () => {
        const result = await axe.run(document, {resultTypes: ["violations"]});
        return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                            nodes: v.nodes.slice(0, 3).map(n => n.target.join(" "))}));
    }""")
    assert violations == [], f"axe on {screen}: {json.dumps(violations, indent=1)}"
    # axe passes a small link with space around it (WCAG's spacing exception);
    # on a phone a link alone on its line should be a 24 px target itself.
    small = page.evaluate("""() => [...document.querySelectorAll("#screen a, #screen button")]
        .filter(a => a.offsetParent && a.parentElement.textContent.trim() === a.textContent.trim())
        .filter(a => a.getBoundingClientRect().height < 24)
        .map(a => `${a.textContent.trim().slice(0, 40)}: ${a.getBoundingClientRect().height.toFixed(1)} px`)""")
    assert small == [], f"targets under 24 px on {screen}: {small}"


def shown(page, path):
    """Go to `path` and wait for its screen to be drawn."""
    page.goto(path)
    wait_for_screen(page)


def wait_for_screen(page):
    page.wait_for_selector("#screen h1")


# Looks that showed their focus in a picture, in this test process: a look is the stop's kind, the
# window's width and what decides how its focus shows (the computed outline, shadow, colours, border
# and underline of the stop and its parent, focused and not, and the background behind it). The
# same look on a later screen would give the same two pictures: 828 pictured pairs on five journey
# files' screens were 123 looks.
PASSED_LOOKS = set()


def check_focus_visible(page, screen, most=80):
    """Tab through the screen: every stop must look different with the focus
    than without it (WCAG 2.4.7), which axe cannot check. The two pictures
    are of the element and 8 px around it, so an outline outside its box
    counts; at least a one-pixel ring's worth of pixels must change.
    Stops of one kind (tag, classes, type and role alike: the same focus
    rules) are pictured once, the first time one is met, and every stop is
    still visited. A stop whose look was pictured and passed on an earlier screen
    (PASSED_LOOKS) is not pictured again. Returns how many stops were visited."""
    import io
    from PIL import Image, ImageChops
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); }")
    # From the top of the page: a focus point before the skip link, gone once left.
    page.evaluate("""() => { const start = document.createElement("span"); start.tabIndex = -1;
        start.id = "focus-walk-start"; document.body.prepend(start); start.focus(); }""")
    seen, failures, pictured = [], [], set()
    for _ in range(most):
        page.keyboard.press("Tab")
        stop = page.evaluate("""() => {
            document.getElementById('focus-walk-start')?.remove();
            const el = document.activeElement;
            if (!el || el === document.body) return null;
            if (!el.dataset.focusStop) el.dataset.focusStop = String(Math.random()).slice(2);
            const r = el.getBoundingClientRect();
            const name = (el.getAttribute("aria-label") || el.textContent || el.name || el.id || el.tagName).trim();
            const kind = [el.tagName, el.className, el.getAttribute("type"), el.getAttribute("role"),
                          el.parentElement && el.parentElement.className].join("|");
            const look = (node) => { const s = getComputedStyle(node);
                return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.outlineOffset, s.boxShadow,
                        s.backgroundColor, s.color, s.borderColor, s.borderWidth, s.textDecorationLine].join(" "); };
            let backdrop = el.parentElement;
            while (backdrop && getComputedStyle(backdrop).backgroundColor === "rgba(0, 0, 0, 0)") {
                backdrop = backdrop.parentElement;
            }
            const focused = [look(el), el.parentElement ? look(el.parentElement) : "",
                             backdrop ? getComputedStyle(backdrop).backgroundColor : ""];
            el.blur();
            const unfocused = [look(el), el.parentElement ? look(el.parentElement) : ""];
            el.focus();
            return {id: el.dataset.focusStop, name: `${el.tagName.toLowerCase()} "${name.slice(0, 40)}"`, kind,
                    x: r.left, y: r.top, width: r.width, height: r.height,
                    vw: window.innerWidth, vh: window.innerHeight,
                    look: [kind, window.innerWidth, ...focused, ...unfocused].join("|")};
        }""")
        if stop is None or stop["id"] in seen:
            break
        seen.append(stop["id"])
        if stop["width"] == 0 or stop["height"] == 0:
            failures.append(f"{stop['name']} has the focus but no size")
            continue
        if stop["kind"] in pictured or stop["look"] in PASSED_LOOKS:
            continue
        pictured.add(stop["kind"])
        failed_before = len(failures)
        x0, y0 = max(0, stop["x"] - 8), max(0, stop["y"] - 8)
        clip = {"x": x0, "y": y0, "width": min(stop["vw"], stop["x"] + stop["width"] + 8) - x0,
                "height": min(stop["vh"], stop["y"] + stop["height"] + 8) - y0}
        if clip["width"] <= 0 or clip["height"] <= 0:
            failures.append(f"{stop['name']} has the focus outside the window")
            continue
        focused = page.screenshot(clip=clip, animations="disabled", caret="hide")
        page.evaluate("() => document.activeElement.blur()")
        unfocused = page.screenshot(clip=clip, animations="disabled", caret="hide")
        page.evaluate("id => document.querySelector(`[data-focus-stop='${id}']`).focus()", stop["id"])
        a, b = (Image.open(io.BytesIO(png)).convert("RGB") for png in (focused, unfocused))
        changed = ImageChops.difference(a, b).convert("L").point(lambda v: 255 if v > 24 else 0).histogram()[255]
        ring = 2 * (min(stop["width"], clip["width"]) + min(stop["height"], clip["height"]))
        if changed < ring:
            failures.append(f"{stop['name']}: {changed} pixels change with the focus, fewer than a 1 px ring ({ring:.0f})")
        if len(failures) == failed_before:
            PASSED_LOOKS.add(stop["look"])
    # Leave the page as found: no marks, no focus, scrolled to the top (the pictures `make screens` takes).
    page.evaluate("""() => { document.querySelectorAll('[data-focus-stop]').forEach(el => delete el.dataset.focusStop);
        document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); }""")
    assert seen, f"nothing on {screen} takes the focus"
    assert failures == [], f"no visible focus on {screen}: {failures}"
    return len(seen)
