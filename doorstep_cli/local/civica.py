"""A revenues and benefits back office on this machine that speaks Civica
OpenRevenues' `docid` XML protocol, as Stockport's adapter
(smbc-digital/civica-service) shows it.

`make run` starts one (DOORSTEP_CIVICA_PORT, default PORT+7) and points the app
at it exactly as it would point at a council's Civica: DOORSTEP_CIVICA_URL,
DOORSTEP_CIVICA_USER, DOORSTEP_CIVICA_PASSWORD. Tests start their own
(`with CivicaBackOffice() as civica:`) and talk to it over real HTTP.

What it keeps as Civica does: one URL (PATH), `?outputtype=xml&docid=...`;
nothing answers before `crmlogin` gives a session (ErrorCode 5); `cocrmper`
puts a person (personref) or an account's lead person (ctaxref) on the
session; `ctxdet` makes its account the session's current account, and
`irins`, `ctxtrn`, `ctxprop` and `docdl` answer for the current account,
which before any `ctxdet` is the person's first: call `irins` first and you
get another account's instalments, as a real one gives them. Sessions expire
after SESSION_IDLE_S idle. Demo data: civica_data.py (York's, the default; an office
started with `council=` serves that council's: North Lanarkshire's in
civica_data_north_lanarkshire.py); answers: civica_answers.py;
council rent accounts (`rntsel`, `rnttrn`, docids assumed): civica_rents.py.
Landlords paid housing benefit (`cocrmcred`, `llcheck`, `llruns`, `llrun`, `llclaims`,
`llchange`, docids ours): civica_landlords.py, civica_landlord_data.py.

For tests and demos: `down` (every call a 503 maintenance page), a nightly
window (NIGHTLY, local time: the same page), `delay_s` (answers that slow),
`malformed` (XML cut short), `refusing` (every call after login an error
code), `postings_closed` (payments posted refused while the accounts are
read as ever: its cash receipting closed) and `odd_unknowns` (an unknown council tax reference answered in a shape
of its own, no SetPerson and no error code, as Civica's versions differ). `calls` lists each docid asked, in order; `requests` holds the
residents' requests it has taken, one per request key (civica_requests.py);
`payments` the card payments posted, each shown on its account at once
(civica_payments.py); `moves` what it says of a move it took (`ctxmovestat`:
the old account closing, the new home's account once opened, civica_moves.py). Given a `state_file` (`make run`: the data directory's
civica.json) it keeps both there, written whole after each change, so a
restart neither forgets a request nor gives its reference (CR0000001...) to
another.
"""
from __future__ import annotations

import json
import secrets
import threading
import time
from datetime import datetime, time as clock_time
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qsl, urlsplit
from zoneinfo import ZoneInfo

from doorstep_cli.local import civica_answers as answers, civica_data as data, civica_rents
from doorstep_cli.local.civica_landlords import LandlordCalls
from doorstep_cli.local.civica_moves import Moves
from doorstep_cli.local.civica_nndr import Rates
from doorstep_cli.local.civica_payments import Payments
from doorstep_cli.local.civica_requests import Requests
from doorstep_cli.local.files import atomic_write_bytes, load_json
from doorstep_cli.local.pdf import one_page
from doorstep_cli.local.serving import ThreadedServer

PATH = "/civica/openrevenues"
SESSION_IDLE_S = 20 * 60
NIGHTLY = (clock_time(1, 30), clock_time(4, 15))  # as one council's portal is off
LONDON = ZoneInfo("Europe/London")
MAINTENANCE = b"<html><body><h1>Service Unavailable</h1><p>Scheduled maintenance.</p></body></html>"


class CivicaBackOffice(ThreadedServer):
    def __init__(self, user="doorstep", password="local-civica-password", host="127.0.0.1", port=0,
                 clock=None, nightly=NIGHTLY, state_file=None, council=None):
        self.user, self.password, self.nightly = user, password, nightly
        self.council = council or "york"
        self.data_set = data.data_set(council)  # the accounts it answers for: its council's (civica_data.py)
        self.clock = clock or (lambda: datetime.now(LONDON))
        self.lock = threading.Lock()
        self.sessions = {}  # id -> {"person", "current", "seen"}
        self.calls = []
        self.down = self.malformed = self.refusing = self.odd_unknowns = False
        self.delay_s = 0.0
        self.postings_closed = False  # postings answered with the maintenance page, reads going on
        self.requests = Requests()  # residents' requests, one per request key (civica_requests.py)
        self.payments = Payments()  # card payments posted, one per posting key (civica_payments.py)
        self.landlords = LandlordCalls()  # landlords' calls and the changes they report (civica_landlords.py)
        self.moves = Moves(self.requests)  # moves taken: the old account closing, the new one opened (civica_moves.py)
        self.rates = Rates(self.council)  # business rates: premises and new ratepayers (civica_nndr.py)
        self.state_file = state_file
        if state_file is not None and state_file.exists():
            state = load_json(state_file)
            self.requests.restore(state.get("requests", {}))
            self.payments.restore(state.get("payments", {}))
            self.landlords.restore(state.get("landlord_changes", {}))
            self.moves.restore(state.get("moves_opened", {}))
            self.rates.restore(state.get("rates_kept", {}))
        self.origin = self.serve(host, port, _handler(self), "civica-back-office")
        self.url = self.origin + PATH

    def today(self):
        return self.clock().astimezone(LONDON).date()

    def close(self):
        super().close()
        with self.lock, data.serving(self.data_set):
            self.moves.forget()  # the accounts it opened leave the demo data with it

    def in_nightly_window(self):
        start, end = self.nightly or (None, None)
        return start is not None and start <= self.clock().astimezone(LONDON).time() < end

    # -- the protocol ------------------------------------------------------
    def answer(self, params, form):
        """(status, content type, body) for one call."""
        docid = params.get("docid", "")
        with self.lock:
            self.calls.append(docid)
        if self.down or self.in_nightly_window():
            return 503, "text/html", MAINTENANCE
        if docid == "login":  # anonymous: a session id to show Civica is up, good for nothing else
            return 200, "application/xml", answers.anonymous_login(secrets.token_hex(12))
        if docid == "crmlogin":
            if params.get("userid") != self.user or params.get("password") != self.password:
                return 200, "application/xml", answers.login_refused()
            sid = secrets.token_hex(12)
            with self.lock:
                self.sessions[sid] = {"person": None, "current": None, "seen": time.monotonic()}
            return 200, "application/xml", answers.login(sid)
        session = self._session(params.get("sessionid"))
        if session is None:
            return 200, "application/xml", answers.error("Invalid Session Id", "2")
        if self.refusing:
            return 200, "application/xml", answers.error("Database unavailable", "9")
        body = self._docid(docid, session, params, form)
        if self.malformed and body.startswith(b"<?xml"):
            body = body[: len(body) // 2]
        return 200, "application/pdf" if body.startswith(b"%PDF") else "application/xml", body

    def _session(self, sid):
        with self.lock:
            session = self.sessions.get(sid or "")
            if session is None or time.monotonic() - session["seen"] > SESSION_IDLE_S:
                return None
            session["seen"] = time.monotonic()
            return session

    def _docid(self, docid, session, params, form):
        today = self.today()
        year = int(params.get("recyear") or params.get("year") or data.financial_year(today))
        if docid == "cocrmper":
            return self._set_person(session, params)
        if self.payments.handles(docid) and self.postings_closed:
            return answers.error("Cash Receipting Unavailable", "13", root="PaymentPosting")
        if self.payments.handles(docid):  # a service session's: the payer may be anyone
            with self.lock:
                return self._kept(self.payments.take(docid, form or {}))
        if self.rates.handles(docid):  # a service session's: the new ratepayer is nobody yet
            with self.lock:
                return self._kept(self.rates.answer(docid, params, form, today, self.clock()))
        if self.landlords.handles(docid):  # a landlord is a creditor on the session, not a person
            with self.lock:
                return self._kept(self.landlords.answer(docid, session, params, form, today))
        person = session["person"]
        if person is None:
            return answers.error("No Person Set On Session", "3")
        refs = [ref for ref, a in data.ACCOUNTS.items() if person in a["people"]]
        current = session["current"] or (refs[0] if refs else None)  # Civica's silent default
        if docid in civica_rents.DOCIDS:
            return civica_rents.answer(docid, person, params, today)
        if self.requests.handles(docid):
            with self.lock:
                return self._kept(self.requests.take(docid, person, form, today, self.clock()))
        if docid == "ctxmovestat":
            with self.lock:
                return self._kept(self.moves.answer(person, form or {}, self.clock()))
        if docid == "ctxsel":
            return answers.accounts_list(person, refs, year, today, self._posted)
        if docid == "ctxdet":
            ref = params.get("actref", "")
            if ref not in refs:
                return answers.error("Account Not Found For Person", "6")
            session["current"] = ref  # the side effect Stockport's adapter works around
            return answers.details(ref, year, today, self._posted(ref), person)
        if docid in ("irins", "ctxtrn", "ctxprop", "docdl") and current is None:
            return answers.error("No Account Selected", "7")
        if docid == "irins":
            return answers.instalments(current, year)
        if docid == "ctxtrn":
            return answers.transactions(current, year, today, self._posted(current))
        if docid == "ctxprop":
            return answers.properties(current, person)
        if docid == "viewdoc":
            return answers.documents(person, refs, data.financial_year(today))
        if docid == "docdl":
            return self._document(person, current, params.get("document", ""), today)
        claims = data.CLAIMS.get(person, [])
        if docid == "hbsel":
            return answers.claims(person)
        if docid == "hbdet":
            found = [c for c in claims if c["number"] == params.get("claimref") and
                     c["place_ref"] == params.get("placeref")]
            return answers.claim(found[0], today, person) if found else answers.error("Claim Not Found", "8",
                                                                               root="HBClaimDetails")
        if docid == "hbpaydet":
            return answers.benefit_payments(claims, params.get("type", "ctp").lower(), today)
        return answers.error(f"Unknown docid {docid}", "1")

    def _kept(self, answer):
        """`answer`, once what it says is on disk (called under the lock: the
        file is never written by two at once)."""
        if self.state_file is not None:
            atomic_write_bytes(self.state_file, json.dumps(
                {"requests": self.requests.state(), "payments": self.payments.state(),
                 "landlord_changes": self.landlords.state(), "moves_opened": self.moves.state(),
                 "rates_kept": self.rates.state()}).encode())
        return answer

    def _posted(self, ref):
        with self.lock:
            return self.payments.on_account(ref)

    def _set_person(self, session, params):
        if params.get("personref") in data.PEOPLE:
            session.update(person=params["personref"], current=None)
            return answers.person_set("Person Reference Set")
        account = data.ACCOUNTS.get(params.get("ctaxref") or "")
        if account is not None:
            session.update(person=account["people"][0], current=None)
            return answers.person_set("Person CouncilTaxReference Set")
        if self.odd_unknowns and params.get("ctaxref"):
            return answers.no_records()
        return answers.person_set("Person Not Found", "1")

    def _document(self, person, current, document_id, today):
        """Bills of the current account, and the person's benefit letters."""
        account = data.ACCOUNTS[current]
        year = data.financial_year(today)
        for doc in data.documents(current, account):
            if doc["id"] == document_id:
                names = " and ".join(" ".join((p["title"], p["forenames"], p["surname"]))
                                     for p in (data.PEOPLE[r] for r in account["people"]))
                plan = data.instalments(account, year)
                return one_page([f"{doc['name']} {year}/{(year + 1) % 100:02d}", f"Account reference: {current}",
                                 names, *account["lines"], account["postcode"],
                                 f"Band: {account['band'] or 'not yet banded'}",
                                 f"Amount payable: GBP {answers.pounds(data.net_charge(account))}",
                                 *[f"  {answers.civica_day(when)}  GBP {answers.pounds(a)}" for when, a in plan],
                                 f"Online key (to see this account online): {account['online_key']}"],
                                title=f"{doc['name']} {current}")
        for claim in data.CLAIMS.get(person, []):
            for doc in data.claim_documents(claim):
                if doc["id"] == document_id:
                    return one_page([doc["name"], f"Claim {claim['number']}",
                                     f"Housing benefit: GBP {answers.pounds(claim['weekly_rent'])} a week",
                                     f"Council tax reduction: GBP {answers.pounds(claim['weekly_ctax'])} a week"],
                                    title=f"{doc['name']} {claim['number']}")
        return answers.error("Document Not Found", "4")


def _handler(office):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _serve(self, form):
            parts = urlsplit(self.path)
            if parts.path != PATH:
                return self._send(404, "text/html", b"<html><body>Not Found</body></html>")
            params = {k.lower(): v for k, v in parse_qsl(parts.query)}
            params.update({k.lower(): v for k, v in form.items()})
            if office.delay_s:
                time.sleep(office.delay_s)
            with data.serving(office.data_set):
                self._send(*office.answer(params, form))

        def do_GET(self):  # noqa: N802
            self._serve({})

        def do_POST(self):  # noqa: N802
            length = int(self.headers.get("Content-Length") or 0)
            self._serve(dict(parse_qsl(self.rfile.read(length).decode("utf-8", "replace"))))

        def _send(self, status, content_type, body):
            try:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the adapter gave up waiting (its timeout): nothing to tell

        def log_message(self, *args):
            pass  # no references or names in logs

    return Handler
