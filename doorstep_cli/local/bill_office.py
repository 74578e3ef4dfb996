"""The council's other back offices on this machine, as the bills capability
reaches them (handlers/bills): the parking system that issued a PCN, asked
for the amount due now, and the receivers of signed payment postings (the
parking system's and finance's sundry ledger).

`make run` starts one (DOORSTEP_BILL_OFFICE_PORT, default PORT+12) and points
the app at it: DOORSTEP_BILL_OFFICE_URL, DOORSTEP_BILL_OFFICE_SECRET. Tests
start their own (`with BillOffice(clock=...) as office:`) over real HTTP.

The protocol is ours (docs/decisions/, "Paying any bill"), shaped as
parking systems' REST interfaces are:
- GET /parking/pcns/{pcn}, `Authorization: Bearer <secret>`: 200
  {pcn, status (open, paid, cancelled), issued_on, charge, amount_due,
  discount_ends} in pence and ISO dates, 404 {"error": "not_found"}. A PCN
  is due at half its charge until 14 days after issue, counted by this
  office's clock (it, not Doorstep, decides what is due).
- POST /{system}/postings, `Doorstep-Signature: <hex HMAC-SHA256 of the raw
  body>`: {posting_id, fund_code, reference, amount, paid_at, payment_id,
  card_brand, kind (payment, reversal)}. 201 {receipt} the first time, 200
  with the same receipt for a posting_id seen before; 403 for a bad
  signature. A paid PCN is paid here at once.
`calls` lists every posting received (duplicates too); `postings` one per id.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import threading
from datetime import date, datetime, timedelta
from http.server import BaseHTTPRequestHandler
from zoneinfo import ZoneInfo

from doorstep_cli.local.serving import ThreadedServer

LONDON = ZoneInfo("Europe/London")
DISCOUNT_DAYS = 14
SYSTEMS = ("parking", "finance")


def demo_pcns(today: date):
    """PCNs issued relative to `today`: within their discount (10 days, and 14: its last day), past
    it (20 days, and 15: the first day at the full charge), and one paid."""
    return {
        "CQ12345679": {"issued_on": today - timedelta(days=10), "charge": 7000, "status": "open"},
        "CQ45678901": {"issued_on": today - timedelta(days=14), "charge": 11000, "status": "open"},
        "CQ56789017": {"issued_on": today - timedelta(days=15), "charge": 11000, "status": "open"},
        "CQ23456787": {"issued_on": today - timedelta(days=20), "charge": 7000, "status": "open"},
        "CQ34567895": {"issued_on": today - timedelta(days=30), "charge": 5000, "status": "paid"},
    }


class BillOffice(ThreadedServer):
    def __init__(self, secret="local-bill-office-secret", host="127.0.0.1", port=0, clock=None):
        self.secret = secret
        self.clock = clock or (lambda: datetime.now(LONDON))
        self.lock = threading.Lock()
        self.pcns = demo_pcns(self.today())
        self.calls, self.postings, self.lookups = [], {}, 0
        self.down = False
        self.url = self.serve(host, port, _handler(self), "bill-office")

    def today(self):
        return self.clock().astimezone(LONDON).date()

    def pcn(self, number):
        found = self.pcns.get(number)
        if found is None:
            return None
        ends = found["issued_on"] + timedelta(days=DISCOUNT_DAYS)
        discounted = self.today() <= ends
        due = 0 if found["status"] != "open" else (found["charge"] // 2 if discounted else found["charge"])
        return {"pcn": number, "status": found["status"], "issued_on": found["issued_on"].isoformat(),
                "charge": found["charge"], "amount_due": due,
                "discount_ends": ends.isoformat() if discounted else None}

    def post(self, system, posting):
        with self.lock:
            self.calls.append({"system": system, **posting})
            kept = self.postings.get(posting["posting_id"])
            if kept is not None:
                return 200, kept["receipt"]
            receipt = f"{system[:3].upper()}{len(self.postings) + 1:07d}"
            self.postings[posting["posting_id"]] = {"system": system, "receipt": receipt, **posting}
            pcn = self.pcns.get(posting.get("reference"))
            if system == "parking" and pcn is not None and posting.get("kind", "payment") == "payment":
                pcn["status"] = "paid"
            return 201, receipt

    def posted(self, system=None):
        return [p for p in self.postings.values() if system is None or p["system"] == system]


def signature(secret, raw):
    return hmac.new(secret.encode(), raw, hashlib.sha256).hexdigest()


def _handler(office):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def _answer(self, status, body):
            raw = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(raw)))
            self.end_headers()
            self.wfile.write(raw)

        def do_GET(self):  # noqa: N802
            parts = self.path.strip("/").split("/")
            if office.down:
                return self._answer(503, {"error": "unavailable"})
            if self.headers.get("Authorization") != f"Bearer {office.secret}":
                return self._answer(401, {"error": "unauthorised"})
            if len(parts) != 3 or parts[:2] != ["parking", "pcns"]:
                return self._answer(404, {"error": "not_found"})
            with office.lock:
                office.lookups += 1
                found = office.pcn(parts[2])
            return self._answer(200, found) if found else self._answer(404, {"error": "not_found"})

        def do_POST(self):  # noqa: N802
            parts = self.path.strip("/").split("/")
            raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            if office.down:
                return self._answer(503, {"error": "unavailable"})
            if len(parts) != 2 or parts[0] not in SYSTEMS or parts[1] != "postings":
                return self._answer(404, {"error": "not_found"})
            given = (self.headers.get("Doorstep-Signature") or "").strip().lower()
            if not hmac.compare_digest(given.encode(), signature(office.secret, raw).encode()):
                return self._answer(403, {"error": "bad_signature"})
            try:
                posting = json.loads(raw)
                assert isinstance(posting.get("posting_id"), str) and isinstance(posting.get("amount"), int)
            except (ValueError, AssertionError, AttributeError):
                return self._answer(400, {"error": "bad_posting"})
            status, receipt = office.post(parts[0], posting)
            return self._answer(status, {"receipt": receipt})

    return Handler
