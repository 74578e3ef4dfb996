"""What the browser tests share: the stack's server side (its data, its
outbox), a phone-sized browser context that fails the test on any page
error, and axe-core run in the page."""
import json
import re
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"viewport": {"width": 412, "height": 915}, "is_mobile": True, "has_touch": True, "device_scale_factor": 1}
CONEY_STREET = {"latitude": 53.9598, "longitude": -1.0842}  # where the test phone "is"
PASSWORD = "correct horse battery staple"


class Stack:
    """The running app, and a look behind it for checks a resident cannot make."""

    def __init__(self, url):
        self.url = url

    def deps(self):
        from chalicelib.deps import default_deps
        return default_deps(self.url)

    def reports_described(self, description):
        """Every stored report with this description (tests only: a scan is fine)."""
        from chalicelib.storage.reports import ReportModel
        return [r for r in ReportModel.scan() if r.description == description]

    def mail_to(self, address):
        from chalicelib.storage.outbox import OutboxModel
        return sorted(OutboxModel.recipient_index.query(address), key=lambda m: m.created_at)

    def link_in_mail(self, address, path):
        """The newest link to `path` (such as /verify) in mail to `address`."""
        found = [u for m in self.mail_to(address) for u in re.findall(r"https?://\S+", m.body) if path in u]
        assert found, f"no mail to {address} links to {path}"
        return found[-1]

    def resident(self, email, name="Ada Resident", role="resident"):
        """A verified account with PASSWORD."""
        from chalicelib.handlers.accounts import users
        users.create_user(self.deps(), email, role, name=name, password=PASSWORD)
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
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.loads(response.read())

    def report(self, headers=None, **overrides):
        body = {"service_code": "pothole", "lat": CONEY_STREET["latitude"], "lon": CONEY_STREET["longitude"],
                "description": "A pothole made by the test", "fields": {"size": "small"}, **overrides}
        return self.post("/v1/reports", body, headers)


class Browser:
    """One phone: a browser context of its own; any page error fails the test."""

    def __init__(self, chromium, stack, **options):
        self.stack = stack
        self.errors = []
        self.context = chromium.new_context(**{"base_url": stack.url, "geolocation": CONEY_STREET,
                                               "permissions": ["geolocation"], **PHONE, **options})
        self.context.set_default_timeout(10_000)

    def new_page(self):
        page = self.context.new_page()
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        return page

    def close(self):
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
