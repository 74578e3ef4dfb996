"""A planning register on this machine that answers as Idox Public Access
does: HTML pages under /online-applications/, a JSESSIONID cookie per
session, the search form's hidden `_csrf` (a POST without the session's own is
answered the error page, with 200, as Public Access answers), the weekly lists
validated or decided by the Monday of a week and optionally a ward, ten
results a page with the search kept in the session, and each application's
summary, dates, further information and comment tabs (public_access_pages.py).

`make run` starts one (DOORSTEP_PUBLIC_ACCESS_PORT, default PORT+16) and
points the app at it exactly as at a council's: DOORSTEP_PLANNING_URL. Tests
start their own (`with PublicAccess(clock=...) as register:`) over real HTTP.
Its state (the day its demo was placed around, decisions made since) is kept
in `public_access.json` in the data directory, so a restart moves nothing.

For tests and demos: `quiet` ("HH:MM-HH:MM": its overnight window, a 200
page saying so), `down` (every request a 503), `error_page` (every page the
200 error page), `changed` (details tables in a redesign's shape),
`without` (labels whose rows the tabs leave out, as a register missing a value),
`limit_next` (that many requests answered 429 with Retry-After: 1),
`decide(key, decision)` (a decision made today). `calls` lists each
(method, path, query) asked, in order.
"""
from __future__ import annotations

import json
import secrets
import threading
from datetime import date, datetime
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit
from zoneinfo import ZoneInfo

from doorstep_cli.local import public_access_data as data, public_access_pages as pages
from doorstep_cli.local.files import atomic_write_bytes
from doorstep_cli.local.serving import ThreadedServer

LONDON = ZoneInfo("Europe/London")
WARDS = ("Micklegate", "Guildhall", "Heworth", "Fishergate", "Holgate")


class PublicAccess(ThreadedServer):
    def __init__(self, host="127.0.0.1", port=0, clock=None, state_file: Path | None = None, quiet="",
                 per_page=pages.PER_PAGE):
        self.clock = clock or (lambda: datetime.now(LONDON))
        self.lock = threading.Lock()
        self.state_file = Path(state_file) if state_file else None
        self.state = self._load()
        self.sessions = {}  # JSESSIONID -> {"csrf", "rows", "page"}
        self.per_page = per_page
        self.calls = []
        self.quiet, self.down, self.error_page, self.changed, self.limit_next = quiet, False, False, False, 0
        self.without = set()
        self.url = self.serve(host, port, _handler(self), "public-access")
        self.root = f"{self.url}{pages.ROOT}/"

    def _load(self):
        if self.state_file and self.state_file.exists():
            return json.loads(self.state_file.read_text())
        state = {"anchor": self.today().isoformat(), "decisions": {}}
        self._save(state)
        return state

    def _save(self, state):
        if self.state_file:
            atomic_write_bytes(self.state_file, json.dumps(state, indent=2).encode())

    def today(self):
        return self.clock().astimezone(LONDON).date()

    def decide(self, key, decision):
        """A decision on the application made today (it shows on this week's decided list)."""
        with self.lock:
            monday = data.monday_of(date.fromisoformat(self.state["anchor"]))
            self.state["decisions"][key] = [decision, (self.today() - monday).days]
            self._save(self.state)

    def applications(self):
        return data.visible(date.fromisoformat(self.state["anchor"]), self.today(),
                            {k: tuple(v) for k, v in self.state["decisions"].items()})

    def _asleep(self):
        if not self.quiet:
            return False
        start, _, end = self.quiet.partition("-")
        now = self.clock().astimezone(LONDON).strftime("%H:%M")
        return start <= now < end if start <= end else (now >= start or now < end)

    # -- the protocol ------------------------------------------------------
    def answer(self, method, path, params, session_id):
        """(status, headers, body) for one request; `session_id` the JSESSIONID sent, if any."""
        with self.lock:
            self.calls.append((method, path, dict(params)))
            if self.limit_next:
                self.limit_next -= 1
                return 429, {"Retry-After": "1"}, b"Too Many Requests"
            session = self.sessions.get(session_id)
            headers = {}
            if session is None:
                session_id = secrets.token_urlsafe(18)
                session = self.sessions[session_id] = {"csrf": secrets.token_hex(16), "rows": [], "page": 1}
                headers["Set-Cookie"] = f"JSESSIONID={session_id}; Path={pages.ROOT}; HttpOnly"
        if self.down:
            return 503, headers, b"<html><body><h1>Service Unavailable</h1></body></html>"
        if self._asleep():
            return 200, headers, pages.asleep()
        if self.error_page:
            return 200, headers, pages.error_page()
        return (200, headers, self._page(method, path.removeprefix(pages.ROOT), params, session))

    def _page(self, method, path, params, session):
        if path == "/search.do" and params.get("action") == "weeklyList":
            return pages.weekly_form(session["csrf"], data.weeks_offered(self.today()), WARDS)
        if path == "/weeklyListResults.do" and method == "POST":
            if params.get("_csrf") != session["csrf"]:
                return pages.error_page()
            return self._weekly(params, session)
        if path == "/pagedSearchResults.do":
            try:
                session["page"] = max(1, int(params.get("searchCriteria.page", "1")))
            except ValueError:
                return pages.error_page()
            return self._results(session)
        if path == "/applicationDetails.do":
            found = next((a for a in self.applications() if a["key"] == params.get("keyVal")), None)
            if found is None:
                return pages.not_found()
            tab = params.get("activeTab")
            if tab == "makeComment":
                return pages.comment(found, found["decided"] is None and found["consultation"] >= self.today())
            shown = {"dates": pages.dates, "details": pages.further}.get(tab, pages.summary)
            return shown(found, self.changed, self.without)
        return pages.not_found()

    def _weekly(self, params, session):
        try:
            monday = datetime.strptime(params.get("week", ""), "%d %b %Y").date()
        except ValueError:
            return pages.error_page()
        field = "decided" if params.get("dateType") == "DC_Decided" else "validated"
        ward = params.get("searchCriteria.ward", "")
        session["rows"] = sorted((a for a in self.applications() if data.in_week(a[field], monday)
                                  and (not ward or a["ward"] == ward)), key=lambda a: a["reference"])
        session["page"] = 1
        return self._results(session)

    def _results(self, session):
        rows, page, size = session["rows"], session["page"], self.per_page
        return pages.results(rows[(page - 1) * size: page * size], page, len(rows), size)


def _handler(register):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _serve(self, method):
            parts = urlsplit(self.path)
            params = dict(parse_qsl(parts.query))
            if method == "POST":
                length = int(self.headers.get("Content-Length") or 0)
                params.update(parse_qsl(self.rfile.read(length).decode("utf-8", "replace")))
            cookies = dict(c.strip().split("=", 1) for c in (self.headers.get("Cookie") or "").split(";") if "=" in c)
            status, headers, body = register.answer(method, parts.path, params, cookies.get("JSESSIONID"))
            try:
                self.send_response(status)
                self.send_header("Content-Type", "text/html;charset=UTF-8")
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def do_GET(self):  # noqa: N802
            self._serve("GET")

        def do_POST(self):  # noqa: N802
            self._serve("POST")

        def log_message(self, *args):
            pass

    return Handler
