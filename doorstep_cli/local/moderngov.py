"""A committee system on this machine that speaks Modern.gov: its
`mgWebService.asmx` GET methods (GetCommittees, GetMeetings, GetMeeting),
papers at `mgConvert2PDF.aspx?ID=` and the two list pages
(`mgListPlanItems.aspx`, `mgDelegatedDecisions.aspx`), answered as a real one
answers (moderngov_answers.py), with no ETag or Last-Modified.

`make run` starts one (DOORSTEP_MODERNGOV_PORT, default PORT+14) and points
the app at it exactly as at a council's: DOORSTEP_MODERNGOV_URL. Tests start
their own (`with ModernGov(clock=...) as office:`) over real HTTP. Its state
(the day its demo was placed around, moderngov_data.py, and papers added
since) is kept in `moderngov.json` in the data directory, so a restart
moves no meeting.

For tests and demos: `down` (every call a 503), `challenge` (a firewall's
HTML page instead of every answer), `malformed` (XML cut short), `delay_s`,
`plan_changed` (the forward plan's table in another shape), `pages_blocked` (a
firewall's page in place of the two list pages alone: the web service still
answers), `add_paper(meeting
_id, title)` (a supplementary paper: the agenda changes). `calls` lists each
path asked, in order. A restricted paper answers a sign-in page, never its PDF.
"""
from __future__ import annotations

import html
import json
import threading
import time
from datetime import date, datetime
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit
from zoneinfo import ZoneInfo

from doorstep_cli.local import moderngov_answers as answers, moderngov_data as data
from doorstep_cli.local.files import atomic_write_bytes
from doorstep_cli.local.pdf import one_page
from doorstep_cli.local.serving import ThreadedServer, reply

LONDON = ZoneInfo("Europe/London")
CHALLENGE = (b"<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>"
             b"<p>Checking your browser before accessing the site.</p></body></html>")
SIGN_IN = b"<!DOCTYPE html><html><body><h1>Sign in</h1><p>This document is restricted.</p></body></html>"


class ModernGov(ThreadedServer):
    def __init__(self, host="127.0.0.1", port=0, clock=None, state_file: Path | None = None):
        self.clock = clock or (lambda: datetime.now(LONDON))
        self.lock = threading.Lock()
        self.state_file = Path(state_file) if state_file else None
        self.state = self._load()
        self.calls = []
        self.down = self.challenge = self.malformed = self.plan_changed = self.pages_blocked = False
        self.delay_s = 0.0
        self.url = self.serve(host, port, _handler(self), "moderngov")

    def _load(self):
        if self.state_file and self.state_file.exists():
            return json.loads(self.state_file.read_text())
        state = {"anchor": self.today().isoformat(), "added": {}}
        self._save(state)
        return state

    def _save(self, state):
        if self.state_file:
            atomic_write_bytes(self.state_file, json.dumps(state, indent=2).encode())

    @property
    def anchor(self):
        return date.fromisoformat(self.state["anchor"])

    def today(self):
        return self.clock().astimezone(LONDON).date()

    def add_paper(self, meeting_id, title):
        """A supplementary paper on the meeting's last item: its agenda changes."""
        with self.lock:
            added = self.state["added"].setdefault(meeting_id, [])
            added.append(title)
            self._save(self.state)

    def _extra(self, found):
        titles = self.state["added"].get(found[0], [])
        if not titles:
            return ()
        base = int(found[0]) * 10 + 9
        return ({"id": str(base), "title": "Supplementary papers", "text": "<p>Papers published after the agenda.</p>",
                 "decision": "", "flags": (), "papers": [{"id": f"{base}{i}", "title": t, "restricted": False}
                                                         for i, t in enumerate(titles, start=1)]},)

    # -- the protocol ------------------------------------------------------
    def answer(self, path, params):
        """(status, content type, body) for one GET."""
        with self.lock:
            self.calls.append(path)
        if self.down:
            return 503, "text/html", b"<html><body><h1>Service Unavailable</h1></body></html>"
        if self.challenge:
            return 200, "text/html", CHALLENGE
        if self.pages_blocked and path in ("/mgListPlanItems.aspx", "/mgDelegatedDecisions.aspx"):
            return 200, "text/html", CHALLENGE
        today, anchor = self.today(), self.anchor
        if path == "/mgWebService.asmx/GetCommittees":
            return self._xml(answers.committees())
        if path == "/mgWebService.asmx/GetMeetings":
            committee = data.committee(params.get("lcommitteeid", ""))
            try:
                start, end = (datetime.strptime(params[k], "%d/%m/%Y").date() for k in ("sfromdate", "stodate"))
            except (KeyError, ValueError):
                return 500, "text/plain", b"System.FormatException: String was not recognized as a valid DateTime."
            if committee is None:
                return self._xml(b'<?xml version="1.0" encoding="utf-8"?>\n<getmeetings>\n  <meetingscount> 0'
                                 b'</meetingscount>\n</getmeetings>\n')
            found = [m for m in data.MEETINGS if m[1] == committee[0] and start <= data.day_of(anchor, m[2]) <= end]
            return self._xml(answers.meetings(committee, found, anchor))
        if path == "/mgWebService.asmx/GetMeeting":
            found = next((m for m in data.MEETINGS if m[0] == params.get("lmeetingid")), None)
            if found is None:
                return 500, "text/plain", b"System.NullReferenceException: Object reference not set."
            return self._xml(answers.meeting(found, anchor, today, self.origin(), self._extra(found)))
        if path == "/mgConvert2PDF.aspx":
            return self._paper(params.get("id", ""), anchor, today)
        if path == "/mgListPlanItems.aspx":
            return 200, "text/html; charset=utf-8", answers.forward_plan(anchor, today, self.plan_changed)
        if path == "/mgDelegatedDecisions.aspx":
            try:
                start, end = (datetime.strptime(d, "%d/%m/%Y").date() for d in params.get("dr", "").split("-"))
            except ValueError:
                start, end = date.min, date.max
            return 200, "text/html; charset=utf-8", answers.decisions(anchor, today, start, end)
        return 404, "text/html", b"<html><body>Not Found</body></html>"

    def origin(self):
        return self.url

    def _xml(self, body):
        if self.malformed:
            body = body[: len(body) // 2]
        return 200, "text/xml; charset=utf-8", body

    def _paper(self, paper_id, anchor, today):
        for found in data.MEETINGS:
            if not data.published(anchor, found, today)[0]:
                continue
            for item in [*data.items(found), *self._extra(found)]:
                for paper in item["papers"]:
                    if paper["id"] != paper_id:
                        continue
                    if paper["restricted"] or "restricted" in item["flags"]:
                        return 200, "text/html", SIGN_IN
                    committee = data.committee(found[1])[1]
                    return 200, "application/pdf", one_page(
                        [html.unescape(paper["title"]), committee, f"Meeting on {data.day_of(anchor, found[2]):%d %B %Y}",
                         html.unescape(item["title"]),
                         *[line for line in html.unescape(item["text"]).replace("<p>", "").split("</p>") if line]],
                        title=html.unescape(paper["title"]))
        return 200, "text/html", b"<!DOCTYPE html><html><body><h1>Document not found</h1></body></html>"


def _handler(office):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self):  # noqa: N802
            parts = urlsplit(self.path)
            params = {k.lower(): v for k, v in parse_qsl(parts.query)}
            if office.delay_s:
                time.sleep(office.delay_s)
            reply(self, *office.answer(parts.path, params))

        def log_message(self, *args):
            pass

    return Handler
