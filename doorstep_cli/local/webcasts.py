"""A webcast provider on this machine: each recorded meeting of the local
Modern.gov's demo (moderngov_data.py) has an index of item times as a WebVTT
chapters track at `/chapters/{meeting_id}.vtt`, its cues titled as a
provider's player titles them ("Item 4: Plans List") and one cue that is on
no agenda ("Adjournment"), so an import shows what matched and what did not;
`/webcast/{meeting_id}` is a player's page. A meeting it never recorded is 404.

`make run` starts one (DOORSTEP_WEBCAST_PORT, default PORT+15) and points the
app at it as at a council's provider: DOORSTEP_WEBCAST_URL and
DOORSTEP_WEBCAST_CHAPTERS_URL. Tests start their own over real HTTP (`with
WebcastProvider() as provider:`), and for faults set `indexes[meeting_id]` (the
text served), `html` (a sign-in page instead), `delay_s` (before answering).
"""
from __future__ import annotations

import html
import time
from http.server import BaseHTTPRequestHandler
from urllib.parse import urlsplit

from doorstep_cli.local import moderngov_data as data
from doorstep_cli.local.serving import ThreadedServer

OPENING_S, BUSINESS_S = 150, 14 * 60  # how long the demo's opening items and its business run
SIGN_IN = b"<!DOCTYPE html><html><body><h1>Sign in</h1><p>Sign in to see this webcast.</p></body></html>"


def stamp(seconds):
    hours, rest = divmod(int(seconds), 3600)
    return f"{hours:02d}:{rest // 60:02d}:{rest % 60:02d}.000"


def demo_index(meeting_id):
    """The demo's index for a meeting with an agenda, else None: each item numbered as the agenda
    prints it, and an adjournment after the opening items. The recording stops where the public
    is excluded ("Part B: exempt items"), as a council's webcast does."""
    meeting = next((m for m in data.MEETINGS if m[0] == meeting_id and m[5]), None)
    if meeting is None:
        return None
    cues, at = [], 0
    for n, item in enumerate(data.items(meeting)):
        if "heading" in item["flags"] or "restricted" in item["flags"]:
            break
        cues.append((at, f"Item {n + 1}: {html.unescape(item['title'])}",
                     OPENING_S if n < len(data.OPENING) else BUSINESS_S))
        if n == len(data.OPENING) - 1:
            cues.append((at + cues[-1][2], "Adjournment", 5 * 60))
        at = cues[-1][0] + cues[-1][2]
    blocks = [f"{k}\n{stamp(start)} --> {stamp(start + length)}\n{html.escape(title, quote=False)}"
              for k, (start, title, length) in enumerate(cues, start=1)]
    return "WEBVTT - Chapters\n\n" + "\n\n".join(blocks) + "\n"


class WebcastProvider(ThreadedServer):
    def __init__(self, host="127.0.0.1", port=0):
        self.indexes = {}
        self.html = False
        self.delay_s = 0.0
        self.calls = []
        self.url = self.serve(host, port, _handler(self), "webcasts")

    @property
    def chapters_url(self):
        return self.url + "/chapters/{meeting_id}.vtt"

    @property
    def webcast_url(self):
        return self.url + "/webcast/{meeting_id}"


def _handler(provider):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            path = urlsplit(self.path).path
            provider.calls.append(path)
            if provider.delay_s:
                time.sleep(provider.delay_s)
            if provider.html:
                return self._send(200, "text/html; charset=utf-8", SIGN_IN)
            if path.startswith("/chapters/") and path.endswith(".vtt"):
                meeting_id = path[len("/chapters/"):-len(".vtt")]
                text = provider.indexes.get(meeting_id) or demo_index(meeting_id)
                if text is not None:
                    return self._send(200, "text/vtt; charset=utf-8", text.encode())
            elif path.startswith("/webcast/"):
                meeting_id = html.escape(path[len("/webcast/"):])
                page = (f"<!DOCTYPE html><html lang=\"en\"><head><title>Webcast {meeting_id}</title></head><body>"
                        f"<h1>Meeting {meeting_id}: the recording</h1><p>The local webcast provider has no video; "
                        f"a council's player starts at the t= in the address.</p></body></html>")
                return self._send(200, "text/html; charset=utf-8", page.encode())
            self._send(404, "text/plain; charset=utf-8", b"Not found")

        def _send(self, status, kind, body):
            try:
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the app gave up waiting (a test's timeout)

    return Handler
